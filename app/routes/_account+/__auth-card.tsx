/** The frame of the log-in, sign-up and password pages: a narrow card with a heading. */
export function AuthCard({
  heading,
  intro,
  children,
  footer,
}: {
  heading: string
  intro?: string
  children: React.ReactNode
  footer?: React.ReactNode
}) {
  return (
    <div className="mx-auto max-w-md py-6 sm:py-10">
      <div className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-stone-900">{heading}</h1>
        {intro ? <p className="mt-2 text-sm text-stone-600">{intro}</p> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-4 text-center text-sm text-stone-700">{footer}</div> : null}
    </div>
  )
}

export const linkClass = 'font-medium text-brand-800 underline hover:text-brand-900'
