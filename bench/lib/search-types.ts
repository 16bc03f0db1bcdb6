/** What bench/lib/search-measure.ts measures and hands to bench/search.ts (as JSON). */
import { type SearchResult } from '#app/modules/search/search-index.ts'
import { type Placement } from './affinity.ts'
import { type BenchQuery } from './search-queries.ts'
import { type LatencySummary } from './stats.ts'

export const WORKLOADS = ['search', 'search ILIKE baseline', 'autocomplete', 'autocomplete ILIKE baseline'] as const
export type Workload = (typeof WORKLOADS)[number]
export const CONCURRENCIES = [1, 20] as const
export const SEARCH_PAGE_SIZE = 24
export const SUGGEST_LIMIT = 6

export type MeasuredPass = {
  workload: Workload
  concurrency: number
  queries: number
  seconds: number
  latency: LatencySummary
  latencies: number[]
  errors: number
  firstError: string | null
  cpuBusy: Record<string, number>
  /** CPU seconds of this process and of the PostgreSQL server (all its processes). */
  cpuSeconds: number
}

export type MeasureReport = {
  poolSize: number
  nodeAllowedCpus: string | null
  database: { sharedWithRunningServer: boolean; postmasterPid: number | null; placement: Placement | null }
  queries: BenchQuery[]
  prefixes: string[]
  /** What each query found (the first three slugs are enough for passes()). */
  found: {
    search: { total: number; matchMode: SearchResult['matchMode']; top3: string[] }[]
    baseline: { total: number; top3: string[] }[]
    suggestions: number[]
    baselineSuggestions: number[]
  }
  passes: MeasuredPass[]
  /** The 52 labelled cases on this (20k) catalogue, top-3 rule of passes(). */
  relevance: { cases: number; adapterPassed: number; baselinePassed: number }
}
