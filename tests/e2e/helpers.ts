import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'

/** Fails on serious or critical axe-core violations, listing them in the message. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`),
    'serious or critical accessibility violations',
  ).toEqual([])
}

/** Chromium reports every blocked script, style, image, connection or form target on the console. */
const CSP_VIOLATION = /Content Security Policy/i

/**
 * Playwright's `test`, failing any test during which a page broke the Content-Security-Policy
 * (server/security-headers.ts): in the test's own context and in contexts it opens itself.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = []
      const watch = (watched: BrowserContext) => {
        watched.on('console', (message) => {
          if (CSP_VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`)
        })
      }
      watch(context)
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const opened = await newContext(...args)
        watch(opened)
        return opened
      }
      await use(violations)
      browser.newContext = newContext
      expect(violations, 'Content Security Policy violations').toEqual([])
    },
    { auto: true },
  ],
})
