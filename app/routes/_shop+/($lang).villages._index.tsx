import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { VillageGrid } from '#app/components/village-card.tsx'
import { requireLocale } from '#app/i18n/locale.ts'
import { messagesFor, useMessages } from '#app/i18n/messages.ts'
import { listVillages } from '#app/modules/catalog/places.server.ts'
import { cacheHeaders } from '#app/utils/http.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params)
  return data({ locale, villages: await listVillages() }, { headers: cacheHeaders('page') })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = messagesFor(page?.locale ?? 'vi')
  return [{ title: `${t.village.title} | ${t.siteName}` }, { name: 'description', content: t.village.intro }]
}

export default function VillagesPage() {
  const { villages } = useLoaderData<typeof loader>()
  const t = useMessages()
  return (
    <div>
      <h1 className="text-2xl font-bold sm:text-3xl">{t.village.title}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{t.village.intro}</p>
      <div className="mt-6">
        <VillageGrid villages={villages} />
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
