/** Small HTTP helpers for preparing a benchmark (not for the measured load: see load.ts). */

export async function fetchBytes(url: string, init?: RequestInit): Promise<Buffer> {
  const response = await fetch(url, init)
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status}`)
  return Buffer.from(await response.arrayBuffer())
}

/** Runs `work` over `items` with at most `limit` in flight; results in the order of the items. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
