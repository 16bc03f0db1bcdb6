import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { BarChart, GroupedBarChart, type BarDatum } from '#app/components/bar-chart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, pick, requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import { requireUserWithPermission } from '#app/modules/accounts/session.server.ts'
import {
  getProgrammeDashboard,
  saveProgrammeTargets,
  TARGET_MAX,
  type ProgrammeMetric,
} from '#app/modules/office/programme-dashboard.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import { setToast } from '#app/utils/toast.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

const SAVE_TARGETS_INTENT = 'save-targets'

/** Form field of each metric (camelCase: Conform field names). */
const TARGET_FIELDS = {
  'new-products': 'newProducts',
  'national-evaluations': 'nationalEvaluations',
  're-evaluations': 'reEvaluations',
} as const satisfies Record<ProgrammeMetric, string>

/** An optional whole number ≥ 0; empty means "no target". */
function targetField(e: Messages['office']['dashboard']['errors'], max: number) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = text?.trim().replace(/[\s.]/g, '') ?? ''
      if (value === '') return null
      if (/^-\d+$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: e.targetNegative })
        return z.NEVER
      }
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: e.targetInvalid })
        return z.NEVER
      }
      const number = Number(value)
      if (number > max) {
        ctx.addIssue({ code: 'custom', message: e.targetTooLarge(max) })
        return z.NEVER
      }
      return number
    })
}

/** `max`: TARGET_MAX, passed by the loader (the browser cannot import the server module). */
function TargetsSchema(d: Messages['office']['dashboard'], max: number) {
  return z.object({
    newProducts: targetField(d.errors, max),
    nationalEvaluations: targetField(d.errors, max),
    reEvaluations: targetField(d.errors, max),
  })
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? page.title : 'Chợ OCOP' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  await requireUserWithPermission(request, 'read:certificate:any')
  const dashboard = await getProgrammeDashboard()
  return { title: messagesFor(locale).office.dashboard.title, dashboard, targetMax: TARGET_MAX }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const d = messagesFor(locale).office.dashboard
  const user = await requireUserWithPermission(request, 'update:programme:any')
  const formData = await readFormData(request)
  if (formData.get('intent') !== SAVE_TARGETS_INTENT) {
    return data({ result: null, error: d.unknownIntent }, { status: 400 })
  }
  const submission = parseWithZod(formData, { schema: TargetsSchema(d, TARGET_MAX) })
  if (submission.status !== 'success') return data({ result: submission.reply(), error: null }, { status: 400 })
  const { year } = await getProgrammeDashboard()
  const values = submission.value
  const { changed } = await saveProgrammeTargets({ id: user.id, email: user.email }, year, {
    'new-products': values.newProducts,
    'national-evaluations': values.nationalEvaluations,
    're-evaluations': values.reEvaluations,
  })
  const toast = { kind: 'success' as const, message: changed ? d.targetsSaved(year) : d.targetsUnchanged }
  return redirect(localePath(locale, '/admin/dashboard'), { headers: { 'Set-Cookie': await setToast(toast) } })
}

type Dashboard = Awaited<ReturnType<typeof loader>>['dashboard']

function topLabel(data: BarDatum[]): string {
  const top = [...data].sort((a, b) => b.value - a.value)[0]
  return top ? `${top.label} (${top.value})` : ''
}

function TargetProgress({ row }: { row: Dashboard['targets'][number] }) {
  const d = useMessages().office.dashboard
  const percent = row.percent ?? 0
  const labelId = `target-${row.metric}`
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <h3 id={labelId} className="font-semibold text-stone-900">
        {d.metrics[row.metric]}
      </h3>
      <p className="text-xs text-stone-600">{d.metricHelp[row.metric]}</p>
      {row.effective !== null ? (
        <>
          <div
            role="progressbar"
            aria-labelledby={labelId}
            aria-valuemin={0}
            aria-valuemax={row.effective}
            aria-valuenow={Math.min(row.value, row.effective)}
            aria-valuetext={d.progress(row.value, row.effective, percent)}
            className="mt-3 h-3 overflow-hidden rounded-full bg-stone-100"
          >
            <div
              className={`h-full rounded-full ${percent >= 100 ? 'bg-leaf-600' : 'bg-brand-600'}`}
              style={{ width: `${Math.min(100, percent)}%` }}
            />
          </div>
          <p className="mt-1 text-sm font-medium text-stone-900">{d.progress(row.value, row.effective, percent)}</p>
          {row.target === null ? <p className="text-xs text-stone-600">{d.defaultTarget(row.effective)}</p> : null}
        </>
      ) : (
        <p className="mt-3 text-sm font-medium text-stone-900">{d.noTarget(row.value)}</p>
      )}
    </div>
  )
}

export default function ProgrammeDashboardPage() {
  const { dashboard, targetMax } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useMessages()
  const locale = useLocale()
  const d = t.office.dashboard
  const schema = TargetsSchema(d, targetMax)
  const stored = Object.fromEntries(
    dashboard.targets.map((row) => [TARGET_FIELDS[row.metric], row.target === null ? '' : String(row.target)]),
  )
  const [form, fields] = useForm({
    id: 'programme-targets',
    constraint: getZodConstraint(schema),
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: stored,
  })
  const number = (n: number) => n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')
  const stars: BarDatum[] = dashboard.byStars.map((row) => ({
    key: String(row.stars),
    label: d.starLabel(row.stars),
    value: row.value,
  }))
  const groups: BarDatum[] = dashboard.byGroup.map((row) => ({
    key: row.code,
    label: pick(locale, row.nameVi, row.nameEn),
    value: row.value,
  }))
  const regions: BarDatum[] = dashboard.byRegion.map((row) => ({
    key: row.slug,
    label: pick(locale, row.nameVi, row.nameEn),
    value: row.value,
  }))
  const kinds: BarDatum[] = dashboard.byKind.map((row) => ({
    key: row.kind,
    label: t.producerKinds[row.kind],
    value: row.value,
  }))
  const chart = (title: string, data: BarDatum[]) => (
    <BarChart
      title={title}
      summary={d.chartSummary(dashboard.certifiedProducts, topLabel(data))}
      data={data}
      categoryHeader={title}
      valueHeader={d.products}
      formatValue={number}
    />
  )
  const monthlyTotals = dashboard.monthly.reduce(
    (sum, row) => ({ issued: sum.issued + row.issued, expired: sum.expired + row.expired }),
    { issued: 0, expired: 0 },
  )
  const inclusion = dashboard.inclusion
  const figures: [string, number][] = [
    [d.verifiedProducers, inclusion.verifiedProducers],
    [d.womenLedProducers, inclusion.womenLed.producers],
    [d.womenLedProducts, inclusion.womenLed.products],
    [d.ethnicMinorityProducers, inclusion.ethnicMinority.producers],
    [d.ethnicMinorityProducts, inclusion.ethnicMinority.products],
  ]
  const cell = 'px-3 py-1.5'
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold">{d.title}</h1>
          <p className="text-sm text-stone-700">{d.intro(formatDate(dashboard.today, locale))}</p>
        </div>
        {/* A plain link: a file download, not a page. */}
        <a
          href={localePath(locale, '/admin/dashboard.csv')}
          download
          className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-50"
        >
          {d.downloadCsv}
        </a>
      </div>

      <section aria-labelledby="targets-heading" className="space-y-4">
        <h2 id="targets-heading" className="text-lg font-semibold">
          {d.targets(dashboard.year)}
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {dashboard.targets.map((row) => (
            <TargetProgress key={row.metric} row={row} />
          ))}
        </div>
        <p className="text-sm text-stone-700">
          {d.expiredThisYear}: <strong>{number(dashboard.expiredThisYear)}</strong>
        </p>
        <Form method="post" {...getFormProps(form)} className="rounded-lg border border-stone-200 bg-white p-4">
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">
              {d.targetsForm} ({dashboard.year})
            </legend>
            <FormError errors={actionData?.error ? [actionData.error] : form.errors} />
            <div className="grid gap-4 md:grid-cols-3">
              {dashboard.targets.map((row) => (
                <TextField
                  key={row.metric}
                  meta={fields[TARGET_FIELDS[row.metric]]}
                  label={d.metrics[row.metric]}
                  hint={d.targetHint(row.suggested)}
                  inputMode="numeric"
                  autoComplete="off"
                />
              ))}
            </div>
            <SubmitButton name="intent" value={SAVE_TARGETS_INTENT} pendingText={d.saving}>
              {d.saveTargets}
            </SubmitButton>
          </fieldset>
        </Form>
      </section>

      <section aria-labelledby="certified-heading" className="space-y-4">
        <div>
          <h2 id="certified-heading" className="text-lg font-semibold">
            {d.certifiedProducts}: {number(dashboard.certifiedProducts)}
          </h2>
          <p className="text-sm text-stone-600">{d.certifiedHint}</p>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {chart(d.byStars, stars)}
          {chart(d.byKind, kinds)}
          {chart(d.byGroup, groups)}
          {chart(d.byRegion, regions)}
        </div>
      </section>

      <section aria-labelledby="provinces-heading" className="space-y-2">
        <h2 id="provinces-heading" className="text-lg font-semibold">
          {d.byProvince}
        </h2>
        <div
          role="region"
          aria-labelledby="provinces-heading"
          // A scrolling box must be reachable by keyboard (axe: scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          className="max-h-[28rem] overflow-auto rounded-lg border border-stone-200 bg-white"
        >
          <table className="min-w-full text-left text-sm">
            <thead className="sticky top-0 bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className={cell}>
                  {d.province}
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  {d.products}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {dashboard.byProvince.map((row) => (
                <tr key={row.code}>
                  <th scope="row" className={`${cell} font-normal`}>
                    {pick(locale, row.nameVi, row.nameEn)}
                  </th>
                  <td className={`${cell} text-right tabular-nums`}>{number(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="inclusion-heading" className="space-y-2">
        <h2 id="inclusion-heading" className="text-lg font-semibold">
          {d.inclusion}
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {figures.map(([label, value]) => (
            <div key={label} className="rounded-lg border border-stone-200 bg-white p-4">
              <dt className="text-sm text-stone-600">{label}</dt>
              <dd className="mt-1 text-2xl font-bold text-stone-900 tabular-nums">{number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <GroupedBarChart
        headingLevel={2}
        title={d.monthly}
        summary={`${d.monthlySummary(monthlyTotals.issued, monthlyTotals.expired)} ${d.monthlyHelp}`}
        series={[
          { key: 'issued', label: d.series.issued, className: 'fill-leaf-600' },
          { key: 'expiring', label: d.series.expiring, className: 'fill-brand-400' },
          { key: 'expired', label: d.series.expired, className: 'fill-red-700' },
        ]}
        points={dashboard.monthly.map((row) => ({
          key: row.month,
          label: d.monthShort(row.month),
          fullLabel: d.monthLabel(row.month),
          values: { issued: row.issued, expiring: row.expiring, expired: row.expired },
        }))}
        xAxisLabel={d.month}
        tableCaption={d.tableCaption}
      />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
