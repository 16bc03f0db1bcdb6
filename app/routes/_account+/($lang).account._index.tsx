import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FormError, SelectField, SubmitButton, TextField } from '#app/components/ui/form.tsx'
import { localePath, requireLocale, type Locale } from '#app/i18n/locale.ts'
import { messagesFor, useLocale, useMessages } from '#app/i18n/messages.ts'
import { type Messages } from '#app/i18n/vi.ts'
import {
  changePassword,
  getAccount,
  listSessions,
  resendVerificationEmail,
  revokeOtherSessions,
  revokeSession,
  updateProfile,
} from '#app/modules/accounts/accounts.server.ts'
import { can, holds } from '#app/modules/accounts/permissions.ts'
import { type CurrentSession, getSession, requireUser } from '#app/modules/accounts/session.server.ts'
import { listNotifications, markNotificationsRead } from '#app/modules/notifications/notifications.server.ts'
import { formatDate } from '#app/utils/dates.ts'
import {
  CHANGE_PASSWORD_INTENT,
  ChangePasswordSchema,
  countryOptions,
  PASSWORD_RULES,
  ProfileSchema,
  RESEND_VERIFICATION_INTENT,
  REVOKE_OTHER_SESSIONS_INTENT,
  REVOKE_SESSION_INTENT,
  UPDATE_PROFILE_INTENT,
} from './__account-schemas.ts'
import { PRIVATE_HEADERS, redirectWithToast, requestOrigin } from './account-routes.server.ts'
import { readFormData } from '#app/utils/form-data.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.account.page.title} | ${t.siteName}` }, { name: 'robots', content: 'noindex' }]
}

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) =>
  actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders

/** The session of a logged-in request (a guest is sent to log in). */
async function requireAccountSession(request: Request): Promise<CurrentSession> {
  const session = await getSession(request)
  if (session) return session
  await requireUser(request)
  throw new Response('Unauthorized', { status: 401 })
}

function dateTimeText(locale: Locale, value: Date): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(value)
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  const session = await requireAccountSession(request)
  const { user } = session
  const [account, sessions, notices] = await Promise.all([
    getAccount(user.id),
    listSessions(user.id, session.id),
    listNotifications({ userId: user.id }),
  ])
  const exportBuyer = account.roles.includes('EXPORT_BUYER')
  return data(
    {
      locale,
      account: {
        name: account.name,
        email: account.email,
        phone: account.phone,
        locale: account.locale,
        roles: account.roles,
        company: account.company,
        country: account.country,
        verified: account.emailVerifiedAt !== null,
        memberSince: formatDate(account.createdAt, locale),
        version: account.updatedAt.toISOString(),
      },
      exportBuyer,
      countries: exportBuyer ? countryOptions(locale) : [],
      // Dates as text made on the server: the browser's own formatting could differ and break hydration.
      sessions: sessions.map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        when: dateTimeText(locale, s.createdAt),
      })),
      notifications: {
        unread: notices.unread,
        items: notices.items.map((n) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          when: dateTimeText(locale, n.createdAt),
        })),
      },
      canSell: holds(user, 'read:listing:own'),
      isOffice: can(user, 'verify:producer:any'),
    },
    { headers: PRIVATE_HEADERS },
  )
}

type IntentContext = {
  request: Request
  formData: FormData
  locale: Locale
  t: Messages['account']
  session: CurrentSession
}

export async function action({ request, params }: ActionFunctionArgs) {
  const locale = requireLocale(params)
  const session = await requireAccountSession(request)
  const formData = await readFormData(request)
  const context: IntentContext = { request, formData, locale, t: messagesFor(locale).account, session }
  switch (formData.get('intent')) {
    case UPDATE_PROFILE_INTENT:
      return updateProfileIntent(context)
    case CHANGE_PASSWORD_INTENT:
      return changePasswordIntent(context)
    case RESEND_VERIFICATION_INTENT:
      return resendVerificationIntent(context)
    case REVOKE_SESSION_INTENT:
      return revokeSessionIntent(context)
    case REVOKE_OTHER_SESSIONS_INTENT:
      return revokeOtherSessionsIntent(context)
    case MARK_NOTIFICATIONS_READ_INTENT:
      return markNotificationsReadIntent(context)
    default:
      throw new Response(context.t.unknownIntent, { status: 400 })
  }
}

function backToAccount(locale: Locale) {
  return localePath(locale, '/account')
}

async function updateProfileIntent({ formData, locale, t, session }: IntentContext) {
  const exportBuyer = session.user.roles.includes('EXPORT_BUYER')
  const submission = parseWithZod(formData, { schema: ProfileSchema(t, { exportBuyer }) })
  if (submission.status !== 'success') {
    return data({ intent: UPDATE_PROFILE_INTENT, result: submission.reply() }, { status: 400 })
  }
  const { name, phone, locale: preferred, company, country } = submission.value
  await updateProfile(session.user.id, { name, phone: phone ?? null, locale: preferred, company, country })
  return redirectWithToast(backToAccount(locale), { kind: 'success', message: t.profile.saved })
}

async function changePasswordIntent({ formData, locale, t, session }: IntentContext) {
  const hideFields = ['currentPassword', 'newPassword', 'confirmNewPassword']
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema(t) })
  if (submission.status !== 'success') {
    return data({ intent: CHANGE_PASSWORD_INTENT, result: submission.reply({ hideFields }) }, { status: 400 })
  }
  const outcome = await changePassword({
    userId: session.user.id,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.newPassword,
    keepSessionId: session.id,
  })
  if (!outcome.ok) {
    return data(
      {
        intent: CHANGE_PASSWORD_INTENT,
        result: submission.reply({ fieldErrors: { currentPassword: [t.password.wrongCurrent] }, hideFields }),
      },
      { status: 400 },
    )
  }
  return redirectWithToast(backToAccount(locale), { kind: 'success', message: t.password.changed })
}

async function resendVerificationIntent({ request, locale, t, session }: IntentContext) {
  try {
    const outcome = await resendVerificationEmail(session.user.id, requestOrigin(request))
    return redirectWithToast(
      backToAccount(locale),
      outcome === 'sent'
        ? { kind: 'success', message: t.page.resent(session.user.email) }
        : { kind: 'info', message: t.page.alreadyVerified },
    )
  } catch (error) {
    console.error('account: the confirmation mail could not be sent', error)
    return redirectWithToast(backToAccount(locale), { kind: 'error', message: t.page.resendFailed })
  }
}

async function revokeSessionIntent({ formData, locale, t, session }: IntentContext) {
  const sessionId = formData.get('sessionId')
  const revoked = typeof sessionId === 'string' && (await revokeSession(session.user.id, sessionId))
  return redirectWithToast(
    backToAccount(locale),
    revoked ? { kind: 'success', message: t.sessions.revoked } : { kind: 'error', message: t.sessions.notFound },
  )
}

async function revokeOtherSessionsIntent({ locale, t, session }: IntentContext) {
  const count = await revokeOtherSessions(session.user.id, session.id)
  return redirectWithToast(backToAccount(locale), { kind: 'success', message: t.sessions.revokedOthers(count) })
}

const MARK_NOTIFICATIONS_READ_INTENT = 'mark-notifications-read'

async function markNotificationsReadIntent({ locale, session }: IntentContext) {
  await markNotificationsRead({ userId: session.user.id })
  return redirectWithToast(backToAccount(locale), {
    kind: 'success',
    message: messagesFor(locale).rfq.notifications.marked,
  })
}

export default function AccountPage() {
  const { account, canSell, isOffice, exportBuyer } = useLoaderData<typeof loader>()
  const rfq = useMessages().rfq
  const t = useMessages().account
  const myOrders = useMessages().orders.history
  const locale = useLocale()
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <header>
        <h1 className="text-3xl font-bold text-stone-900">{t.page.heading}</h1>
        <p className="mt-2 text-stone-700">
          {account.name} · {account.email}
        </p>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-stone-600">
          <div className="flex gap-1">
            <dt>{t.page.roles}:</dt>
            <dd className="font-medium text-stone-800">{account.roles.map((role) => t.roles[role]).join(', ')}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{t.page.memberSince}:</dt>
            <dd>{account.memberSince}</dd>
          </div>
        </dl>
      </header>

      {account.verified ? null : (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p>{t.page.unverifiedBanner(account.email)}</p>
          <Form method="post">
            <SubmitButton
              name="intent"
              value={RESEND_VERIFICATION_INTENT}
              variant="secondary"
              pendingText={t.page.resendPending}
            >
              {t.page.resend}
            </SubmitButton>
          </Form>
        </div>
      )}

      <section aria-labelledby="account-shortcuts" className="rounded-xl border border-stone-200 bg-white p-5">
        <h2 id="account-shortcuts" className="text-lg font-semibold">
          {t.page.shortcuts}
        </h2>
        <ul className="mt-3 space-y-3">
          <li>
            <Link to={localePath(locale, '/account/orders')} className="font-medium text-brand-800 underline">
              {myOrders.link}
            </Link>
            <p className="text-sm text-stone-600">{myOrders.linkHint}</p>
          </li>
          <li>
            {canSell ? (
              <Link to={localePath(locale, '/seller')} className="font-medium text-brand-800 underline">
                {t.page.sellerCentre}
              </Link>
            ) : (
              <>
                <Link to={localePath(locale, '/seller/apply')} className="font-medium text-brand-800 underline">
                  {t.page.sellerApply}
                </Link>
                <p className="text-sm text-stone-600">{t.page.sellerApplyHint}</p>
              </>
            )}
          </li>
          {exportBuyer ? (
            <li>
              <Link to={localePath(locale, '/account/rfqs')} className="font-medium text-brand-800 underline">
                {rfq.accountLink}
              </Link>
              <p className="text-sm text-stone-600">{rfq.accountLinkHint}</p>
            </li>
          ) : null}
          {isOffice ? (
            <li>
              <Link to={localePath(locale, '/admin')} className="font-medium text-brand-800 underline">
                {t.page.office}
              </Link>
            </li>
          ) : null}
        </ul>
      </section>

      <NotificationsSection />

      <div className="grid gap-8 lg:grid-cols-2">
        {/* Remounted when the account changes, so a saved form shows the stored values and no typed password. */}
        <ProfileSection key={`profile-${account.version}`} />
        <PasswordSection key={`password-${account.version}`} />
      </div>

      <SessionsSection />
    </div>
  )
}

function NotificationsSection() {
  const { notifications } = useLoaderData<typeof loader>()
  const t = useMessages().rfq.notifications
  const locale = useLocale()
  return (
    <section aria-labelledby="notifications-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="notifications-heading" className="text-lg font-semibold">
            {t.heading}
          </h2>
          <p className="text-sm text-stone-600">{t.unread(notifications.unread)}</p>
        </div>
        {notifications.unread > 0 ? (
          <Form method="post">
            <SubmitButton name="intent" value={MARK_NOTIFICATIONS_READ_INTENT} variant="secondary">
              {t.markAllRead}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {notifications.items.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{t.none}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-100">
          {notifications.items.map((n) => (
            <li key={n.id} className="py-2 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                {n.readAt ? null : (
                  <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-900">
                    {t.unreadBadge}
                  </span>
                )}
                {n.link ? (
                  <Link to={localePath(locale, n.link)} className="font-medium text-brand-800 underline">
                    {n.title}
                  </Link>
                ) : (
                  <span className="font-medium text-stone-900">{n.title}</span>
                )}
              </p>
              {n.body ? <p className="mt-0.5 line-clamp-2 text-stone-700">{n.body}</p> : null}
              <p className="text-xs text-stone-500">
                <time dateTime={n.createdAt}>{n.when}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function useIntentResult(intent: string) {
  const actionData = useActionData<typeof action>()
  return actionData?.intent === intent ? actionData.result : undefined
}

function ProfileSection() {
  const { account, exportBuyer, countries } = useLoaderData<typeof loader>()
  const t = useMessages().account
  const schema = ProfileSchema(t, { exportBuyer })
  const [form, fields] = useForm({
    id: 'profile',
    lastResult: useIntentResult(UPDATE_PROFILE_INTENT),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: {
      name: account.name,
      phone: account.phone ?? '',
      locale: account.locale,
      company: account.company ?? '',
      country: account.country ?? '',
    },
  })
  return (
    <section aria-labelledby="profile-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 id="profile-heading" className="text-lg font-semibold">
        {t.profile.heading}
      </h2>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <TextField meta={fields.name} label={t.fields.name} autoComplete="name" />
        <TextField meta={fields.phone} type="tel" label={t.fields.phone} hint={t.fields.phoneHint} autoComplete="tel" />
        <SelectField
          meta={fields.locale}
          label={t.fields.locale}
          hint={t.fields.localeHint}
          options={[
            { value: 'vi', label: t.languages.vi },
            { value: 'en', label: t.languages.en },
          ]}
        />
        {exportBuyer ? (
          <>
            <TextField meta={fields.company} label={t.fields.company} autoComplete="organization" />
            <SelectField
              meta={fields.country}
              label={t.fields.country}
              options={countries}
              placeholder={t.fields.countryPlaceholder}
            />
          </>
        ) : null}
        <SubmitButton name="intent" value={UPDATE_PROFILE_INTENT} pendingText={t.profile.pending}>
          {t.profile.submit}
        </SubmitButton>
      </Form>
    </section>
  )
}

function PasswordSection() {
  const t = useMessages().account
  const schema = ChangePasswordSchema(t)
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: useIntentResult(CHANGE_PASSWORD_INTENT),
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="password-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 id="password-heading" className="text-lg font-semibold">
        {t.password.heading}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t.password.intro}</p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <TextField
          meta={fields.currentPassword}
          type="password"
          label={t.fields.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          meta={fields.newPassword}
          type="password"
          label={t.fields.newPassword}
          hint={t.fields.passwordHint(PASSWORD_RULES.min)}
          autoComplete="new-password"
        />
        <TextField
          meta={fields.confirmNewPassword}
          type="password"
          label={t.fields.confirmNewPassword}
          autoComplete="new-password"
        />
        <SubmitButton name="intent" value={CHANGE_PASSWORD_INTENT} pendingText={t.password.pending}>
          {t.password.submit}
        </SubmitButton>
      </Form>
    </section>
  )
}

function SessionsSection() {
  const { sessions } = useLoaderData<typeof loader>()
  const t = useMessages().account
  const others = sessions.filter((s) => !s.current).length
  return (
    <section aria-labelledby="sessions-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h2 id="sessions-heading" className="text-lg font-semibold">
        {t.sessions.heading}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t.sessions.intro}</p>
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-stone-200 text-stone-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t.sessions.device}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t.sessions.ipAddress}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t.sessions.createdAt}
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">{t.sessions.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {sessions.map((s) => {
              const device = s.device ?? t.sessions.unknownDevice
              return (
                <tr key={s.id}>
                  <td className="py-2 pr-4">
                    <span className="font-medium text-stone-900">{device}</span>
                    {s.current ? (
                      <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">
                        {t.sessions.thisDevice}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4 text-stone-700">{s.ipAddress ?? t.sessions.unknownIp}</td>
                  <td className="py-2 pr-4 text-stone-700">
                    <time dateTime={s.createdAt}>{s.when}</time>
                  </td>
                  <td className="py-2 text-right">
                    {s.current ? null : (
                      <Form method="post">
                        <input type="hidden" name="sessionId" value={s.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={REVOKE_SESSION_INTENT}
                          aria-label={t.sessions.revokeLabel(device)}
                          className="rounded-md border border-stone-300 px-3 py-1 text-sm hover:bg-stone-50"
                        >
                          {t.sessions.revoke}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form method="post" className="mt-4">
          <SubmitButton name="intent" value={REVOKE_OTHER_SESSIONS_INTENT} variant="danger">
            {t.sessions.revokeOthers}
          </SubmitButton>
        </Form>
      ) : (
        <p className="mt-4 text-sm text-stone-600">{t.sessions.onlyThisDevice}</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
