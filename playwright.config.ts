import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3210)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Debian's Chromium (apt), not a downloaded browser: these machines cannot download one.
const launchOptions = {
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'on-first-retry',
    launchOptions,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /mobile\.spec\.ts/ },
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    // A fresh data folder each run: the server creates, migrates and seeds its own database.
    command: `rm -rf .data/e2e && node --import tsx server/start.ts`,
    url: `http://localhost:${PORT}/healthz`,
    env: { PORT: String(PORT), DATA_DIR: '.data/e2e', NODE_ENV: 'production' },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
})
