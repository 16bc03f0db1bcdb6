import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of the page (server/security-headers.ts hands it to Remix as
 * `context.cspNonce`; entry.server.tsx provides it). In the browser it is the nonce the page's own
 * scripts carry (readable as `.nonce`, not as an attribute), so that elements React creates after a
 * client-side navigation (a <style>) carry it too.
 */
const NonceContext = createContext<string>(
  typeof document === 'undefined' ? '' : (document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? ''),
)

export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
  return useContext(NonceContext)
}
