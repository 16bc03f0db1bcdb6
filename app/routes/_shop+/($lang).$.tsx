import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'

/** Any unknown path: a 404 page in the user's language (rendered by the error boundary). */
export function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
