import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { niceScale, SalesChart, type ChartPoint } from './sales-chart.tsx'

const points: ChartPoint[] = ['2026-11-18', '2026-11-19', '2026-11-20'].map((day, i) => ({
  key: day,
  label: `${day.slice(8)}/11`,
  fullLabel: `${day.slice(8)}/11/2026`,
  value: [0, 1_250_000, 400_000][i]!,
  display: ['0 ₫', '1.250.000 ₫', '400.000 ₫'][i]!,
}))

test('the chart is one named, described image with its numbers in a table for screen readers', () => {
  const html = renderToStaticMarkup(
    <SalesChart
      title="Doanh thu theo ngày"
      summary="Tổng 1.650.000 ₫. Cao nhất 1.250.000 ₫ vào ngày 19/11/2026."
      points={points}
      xAxisLabel="Ngày"
      yAxisLabel="Doanh thu (₫)"
      formatTick={(n) => `${n / 1_000_000} tr`}
      tableCaption="Số liệu của biểu đồ"
      valueHeader="Doanh thu"
      headingLevel={2}
    />,
  )
  expect(html).toMatch(/<h2 id="([^"]+)-heading"[^>]*>Doanh thu theo ngày<\/h2>/)
  expect(html).toMatch(/<svg role="img" aria-labelledby="[^"]+-heading" aria-describedby="[^"]+-summary"/)
  expect(html).toContain('>Ngày</text>')
  expect(html).toContain('>Doanh thu (₫)</text>')
  expect(html).toContain('>1.5 tr</text>')
  // A bar for each day with sales, none for the empty day.
  expect(html.match(/<rect /g)).toHaveLength(2)
  expect(html).toContain('<title>19/11/2026: 1.250.000 ₫</title>')
  expect(html).toContain('<table class="sr-only"><caption>Số liệu của biểu đồ: Doanh thu theo ngày</caption>')
  expect(html).toContain('<th scope="row">18/11/2026</th><td>0 ₫</td>')
})

test('the value axis ends on a round number', () => {
  expect(niceScale(1_250_000)).toEqual({ max: 1_500_000, step: 500_000 })
  expect(niceScale(3)).toEqual({ max: 3, step: 1 })
  expect(niceScale(0)).toEqual({ max: 4, step: 1 })
  expect(niceScale(97)).toEqual({ max: 100, step: 50 })
})
