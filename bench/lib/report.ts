/** Markdown tables, aligned the way Prettier formats them, so the output pastes into docs unchanged. */
export type Align = 'left' | 'right'
export type Column = { title: string; align: Align }

export function markdownTable(columns: readonly Column[], rows: readonly string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(3, column.title.length, ...rows.map((row) => (row[i] ?? '').length)),
  )
  const pad = (text: string, i: number) =>
    columns[i].align === 'right' ? text.padStart(widths[i]) : text.padEnd(widths[i])
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => pad(cell, i)).join(' | ')} |`
  const rule = columns.map((column, i) =>
    column.align === 'right' ? `${'-'.repeat(widths[i] - 1)}:` : '-'.repeat(widths[i]),
  )
  return [line(columns.map((c) => c.title)), `| ${rule.join(' | ')} |`, ...rows.map((row) => line(row))].join('\n')
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–')
export const rate = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
export const percent = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} %` : '–')
/** Kibibytes (1024 bytes), printed as "KB". */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`
