import { useId } from 'react'

export type ChartPoint = {
  key: string
  /** Short label under the axis, e.g. "20/11". */
  label: string
  /** Label in the data table, e.g. "20/11/2026". */
  fullLabel: string
  value: number
  /** The value as the table shows it, e.g. "1.250.000 ₫". */
  display: string
}

const WIDTH = 720
const HEIGHT = 260
const MARGIN = { top: 14, right: 12, bottom: 46, left: 70 }
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom
const MAX_X_LABELS = 8

/** A round upper bound and step for the value axis (1, 2 or 5 × a power of ten per step). */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (max <= 0) return { max: ticks, step: 1 }
  const rough = max / ticks
  const power = 10 ** Math.floor(Math.log10(rough))
  // Values are whole numbers (đồng, orders): a step below 1 would only repeat labels.
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!,
  )
  return { max: step * Math.ceil(max / step), step }
}

/**
 * A bar (or line) chart of one value per day, drawn as inline SVG without a chart library. The
 * picture is one image named by its heading and described by the summary under it; the numbers
 * themselves are in a table that screen readers read and that sighted users do not see.
 */
export function SalesChart({
  title,
  summary,
  kind = 'bar',
  points,
  xAxisLabel,
  yAxisLabel,
  formatTick,
  tableCaption,
  valueHeader,
  headingLevel = 3,
}: {
  title: string
  summary: string
  kind?: 'bar' | 'line'
  points: ChartPoint[]
  xAxisLabel: string
  yAxisLabel: string
  formatTick: (value: number) => string
  tableCaption: string
  valueHeader: string
  /** The level of the chart's heading in the page's outline. */
  headingLevel?: 2 | 3 | 4
}) {
  const Heading = `h${headingLevel}` as const
  const id = useId()
  const headingId = `${id}-heading`
  const summaryId = `${id}-summary`
  const { max, step } = niceScale(Math.max(0, ...points.map((p) => p.value)))
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step)
  const band = PLOT_WIDTH / Math.max(1, points.length)
  // Coordinates to a tenth of a unit: finer adds bytes, not sharpness.
  const round = (n: number) => Math.round(n * 10) / 10
  const x = (i: number) => round(MARGIN.left + band * i + band / 2)
  const y = (value: number) => round(MARGIN.top + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT)
  // Label every n-th day counting back from the last, so that today always has its label.
  const every = Math.max(1, Math.ceil(points.length / MAX_X_LABELS))
  const labelled = (i: number) => (points.length - 1 - i) % every === 0
  const barWidth = round(Math.max(1, band * 0.7))

  return (
    <figure aria-labelledby={headingId} className="rounded-lg border border-stone-200 bg-white p-4">
      <Heading id={headingId} className="text-base font-semibold text-stone-900">
        {title}
      </Heading>
      <p id={summaryId} className="mt-1 text-sm text-stone-600">
        {summary}
      </p>
      <svg
        role="img"
        aria-labelledby={headingId}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="mt-3 h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <YGrid ticks={ticks} y={y} left={MARGIN.left} right={WIDTH - MARGIN.right} format={formatTick} />
        {kind === 'bar'
          ? points.map((p, i) =>
              p.value > 0 ? (
                <rect
                  key={p.key}
                  x={round(x(i) - barWidth / 2)}
                  y={y(p.value)}
                  width={barWidth}
                  height={round(MARGIN.top + PLOT_HEIGHT - y(p.value))}
                  rx={Math.min(3, barWidth / 3)}
                  className="fill-brand-600"
                >
                  <title>{`${p.fullLabel}: ${p.display}`}</title>
                </rect>
              ) : null,
            )
          : null}
        {kind === 'line' && points.length > 0 ? (
          <>
            <polyline
              points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
              fill="none"
              className="stroke-leaf-600"
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {points.map((p, i) =>
              p.value > 0 ? (
                <circle key={p.key} cx={x(i)} cy={y(p.value)} r={3} className="fill-leaf-700">
                  <title>{`${p.fullLabel}: ${p.display}`}</title>
                </circle>
              ) : null,
            )}
          </>
        ) : null}
        {points.map((p, i) =>
          labelled(i) ? (
            <text
              key={p.key}
              x={x(i)}
              y={MARGIN.top + PLOT_HEIGHT + 16}
              textAnchor="middle"
              className="fill-stone-600 text-[11px]"
            >
              {p.label}
            </text>
          ) : null,
        )}
        <text x={MARGIN.left + PLOT_WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-stone-700 text-xs">
          {xAxisLabel}
        </text>
        <text
          transform={`translate(14 ${MARGIN.top + PLOT_HEIGHT / 2}) rotate(-90)`}
          textAnchor="middle"
          className="fill-stone-700 text-xs"
        >
          {yAxisLabel}
        </text>
      </svg>
      <table className="sr-only">
        <caption>{`${tableCaption}: ${title}`}</caption>
        <thead>
          <tr>
            <th scope="col">{xAxisLabel}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.fullLabel}</th>
              <td>{p.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}

/** Horizontal grid lines with their value labels on the left (the zero line darker). */
export function YGrid({
  ticks,
  y,
  left,
  right,
  format = String,
}: {
  ticks: number[]
  y: (value: number) => number
  left: number
  right: number
  format?: (value: number) => string
}) {
  return ticks.map((tick) => (
    <g key={tick}>
      <line
        x1={left}
        x2={right}
        y1={y(tick)}
        y2={y(tick)}
        className={tick === 0 ? 'stroke-stone-400' : 'stroke-stone-200'}
        strokeWidth={1}
      />
      <text x={left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="fill-stone-600 text-[11px]">
        {format(tick)}
      </text>
    </g>
  ))
}
