/**
 * Scores of a ranked result list against a labelled case (relevance-cases.ts):
 * - pass: the case's own top-3 rule, `passes()`;
 * - precision@3: relevant products among the first 3 hits ÷ min(3, number of relevant products),
 *   so a case with one right answer scores 1 when it is in the top 3;
 * - recall@10: relevant products among the first 10 hits ÷ number of relevant products;
 * - reciprocal rank: 1 ÷ the rank of the first relevant hit within the first 10 (0 if none).
 */
import { passes, relevantSlugs, type RelevanceCase } from '#app/modules/search/relevance-cases.ts'

export type CaseScore = { passed: boolean; precisionAt3: number; recallAt10: number; reciprocalRank: number }

export function scoreCase(c: RelevanceCase, slugs: readonly string[]): CaseScore {
  const relevant = new Set(relevantSlugs(c))
  const inTop = (n: number) => slugs.slice(0, n).filter((slug) => relevant.has(slug)).length
  const firstRank = slugs.slice(0, 10).findIndex((slug) => relevant.has(slug))
  return {
    passed: passes(c, [...slugs]),
    precisionAt3: inTop(3) / Math.min(3, relevant.size),
    recallAt10: inTop(10) / relevant.size,
    reciprocalRank: firstRank === -1 ? 0 : 1 / (firstRank + 1),
  }
}

export type ScoreSummary = {
  group: string
  cases: number
  passed: number
  precisionAt3: number
  recallAt10: number
  mrr: number
}

function summarise(group: string, scores: readonly CaseScore[]): ScoreSummary {
  const mean = (pick: (s: CaseScore) => number) => scores.reduce((sum, s) => sum + pick(s), 0) / scores.length
  return {
    group,
    cases: scores.length,
    passed: scores.filter((s) => s.passed).length,
    precisionAt3: mean((s) => s.precisionAt3),
    recallAt10: mean((s) => s.recallAt10),
    mrr: mean((s) => s.reciprocalRank),
  }
}

/** One summary per kind (in the order kinds first appear), then "all". */
export function summariseByKind(cases: readonly RelevanceCase[], scores: readonly CaseScore[]): ScoreSummary[] {
  const kinds = [...new Set(cases.map((c) => c.kind))]
  return [
    ...kinds.map((kind) =>
      summarise(
        kind,
        scores.filter((_, i) => cases[i].kind === kind),
      ),
    ),
    summarise('all', scores),
  ]
}
