import { type ActionFunctionArgs } from '@remix-run/node'
import { handleStripeWebhook } from '#app/modules/payments/stripe-webhook.server.ts'

/** Stripe's webhook endpoint. The raw body is read in the module: never parse it before verifying. */
export async function action({ request }: ActionFunctionArgs) {
  return handleStripeWebhook(request)
}

export function loader() {
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
}
