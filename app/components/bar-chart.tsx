import { useId } from 'react'
import { niceScale, YGrid } from './sales-chart.tsx'

export type BarDatum = { key: string; label: string; value: number }

/**
 * Categories as horizontal bars: a table whose rows carry their bar, so the labels (long Vietnamese
 * names included) wrap like text on a phone and screen readers read plain rows and numbers. The bars
 * are inline SVG, decorative (the number is in the row).
 */
export function BarChart({
  title,
  summary,
  data,
  categoryHeader,
  valueHeader,
  formatValue = String,
  headingLevel = 3,
}: {
  title: string
  summary: string
  data: BarDatum[]
  categoryHeader: string
  valueHeader: string
  formatValue?: (value: number) => string
  headingLevel?: 2 | 3 | 4
}) {
  const Heading = `h${headingLevel}` as const
  const id = useId()
  const max = Math.max(1, ...data.map((d) => d.value))
  return (
    <figure aria-labelledby={`${id}-heading`} className="rounded-lg border border-stone-200 bg-white p-4">
      <Heading id={`${id}-heading`} className="text-base font-semibold text-stone-900">
        {title}
      </Heading>
      <p id={`${id}-summary`} className="mt-1 text-sm text-stone-600">
        {summary}
      </p>
      <table className="mt-3 w-full text-left text-sm" aria-describedby={`${id}-summary`}>
        <caption className="sr-only">{title}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{categoryHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key} className="align-middle">
              <th scope="row" className="w-2/5 py-1 pr-3 font-normal text-stone-800">
                {d.label}
              </th>
              <td className="py-1">
                <div className="flex items-center gap-2">
                  <svg aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none" className="h-4 flex-1">
                    <rect x={0} y={0} width={100} height={10} className="fill-stone-100" />
                    {d.value > 0 ? (
                      <rect
                        x={0}
                        y={0}
                        width={Math.max(0.5, Math.round((d.value / max) * 1000) / 10)}
                        height={10}
                        className="fill-brand-600"
                      />
                    ) : null}
                  </svg>
                  <span className="w-12 text-right font-medium text-stone-900 tabular-nums">
                    {formatValue(d.value)}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

export type GroupedSeries = { key: string; label: string; className: string }
export type GroupedPoint = { key: string; label: string; fullLabel: string; values: Record<string, number> }

const WIDTH = 720
const HEIGHT = 260
const MARGIN = { top: 14, right: 12, bottom: 40, left: 44 }
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom

/**
 * Several series side by side per period (e.g. certificates issued, expiring and expired per month),
 * as one SVG image named by its heading and described by its summary, with a legend and a data
 * table for screen readers (visually hidden).
 */
export function GroupedBarChart({
  title,
  summary,
  series,
  points,
  xAxisLabel,
  tableCaption,
  headingLevel = 3,
}: {
  title: string
  summary: string
  series: GroupedSeries[]
  points: GroupedPoint[]
  xAxisLabel: string
  tableCaption: string
  headingLevel?: 2 | 3 | 4
}) {
  const Heading = `h${headingLevel}` as const
  const id = useId()
  const headingId = `${id}-heading`
  const summaryId = `${id}-summary`
  const { max, step } = niceScale(Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))))
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step)
  const band = PLOT_WIDTH / Math.max(1, points.length)
  const round = (n: number) => Math.round(n * 10) / 10
  const barWidth = round((band * 0.8) / Math.max(1, series.length))
  const y = (value: number) => round(MARGIN.top + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT)
  return (
    <figure aria-labelledby={headingId} className="rounded-lg border border-stone-200 bg-white p-4">
      <Heading id={headingId} className="text-base font-semibold text-stone-900">
        {title}
      </Heading>
      <p id={summaryId} className="mt-1 text-sm text-stone-600">
        {summary}
      </p>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-stone-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg viewBox="0 0 10 10" className="size-3">
              <rect width={10} height={10} rx={2} className={s.className} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        role="img"
        aria-labelledby={headingId}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-2 h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <YGrid ticks={ticks} y={y} left={MARGIN.left} right={WIDTH - MARGIN.right} />
        {points.map((p, i) => {
          const start = MARGIN.left + band * i + band * 0.1
          return (
            <g key={p.key}>
              {series.map((s, j) => {
                const value = p.values[s.key] ?? 0
                return value > 0 ? (
                  <rect
                    key={s.key}
                    x={round(start + barWidth * j)}
                    y={y(value)}
                    width={Math.max(1, barWidth - 1)}
                    height={round(MARGIN.top + PLOT_HEIGHT - y(value))}
                    className={s.className}
                  >
                    <title>{`${p.fullLabel} · ${s.label}: ${value}`}</title>
                  </rect>
                ) : null
              })}
              <text
                x={round(MARGIN.left + band * i + band / 2)}
                y={MARGIN.top + PLOT_HEIGHT + 16}
                textAnchor="middle"
                className="fill-stone-600 text-[11px]"
              >
                {p.label}
              </text>
            </g>
          )
        })}
        <text x={MARGIN.left + PLOT_WIDTH / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-stone-700 text-xs">
          {xAxisLabel}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{`${tableCaption}: ${title}`}</caption>
        <thead>
          <tr>
            <th scope="col">{xAxisLabel}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.fullLabel}</th>
              {series.map((s) => (
                <td key={s.key}>{p.values[s.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
