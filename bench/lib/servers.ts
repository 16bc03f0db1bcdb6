/** The processes a page benchmark serves from: the production app and the static baseline. */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { benchEnv } from './catalogue.ts'
import { pinnedCommand, runToCompletion, startService, waitForHttp, type Pinning, type Service } from './processes.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Runs `npm run build` when there is no production build at all. */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  const serverEntry = path.join(ROOT, 'build/server/index.js')
  // A build started elsewhere (build/ just written to) is waited for rather than raced.
  const deadline = Date.now() + 180_000
  while (!existsSync(serverEntry) && existsSync(path.join(ROOT, 'build')) && Date.now() < deadline) {
    if (Date.now() - statSync(path.join(ROOT, 'build')).mtimeMs > 180_000) break
    log('build/server/index.js is missing while build/ is being written: waiting for that build…')
    await new Promise((resolve) => setTimeout(resolve, 5_000))
  }
  if (existsSync(serverEntry)) return
  log('no production build: npm run build')
  if ((await runToCompletion(['npm', ['run', 'build']], process.env)) !== 0) throw new Error('npm run build failed')
}

/**
 * The production app (`server/start.ts`, NODE_ENV=production) on the benchmark database, pinned to
 * the server CPU; its embedded PostgreSQL is its child and inherits the pinning. Note that
 * server/start.ts rebuilds first when app/ is newer than the build.
 */
export async function startApp(
  port: number,
  pinning: Pinning,
  dataDir: string,
  extraEnv: Record<string, string> = {},
): Promise<Service> {
  const command = pinnedCommand(pinning?.server ?? null, process.execPath, ['--import', 'tsx', 'server/start.ts'])
  const env = benchEnv(dataDir, { PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...extraEnv })
  const app = startService('app', command, env)
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, app, 240_000)
  return app
}

/** The static baseline (bench/lib/static-server.ts) serving `files` (name → file), pinned like the app. */
export async function startStatic(
  port: number,
  pinning: Pinning,
  dataDir: string,
  files: Record<string, string>,
): Promise<Service> {
  const specs = Object.entries(files).map(([name, file]) => `${name}=${file}`)
  const script = path.join(ROOT, 'bench/lib/static-server.ts')
  const command = pinnedCommand(pinning?.server ?? null, process.execPath, [
    '--import',
    'tsx',
    script,
    String(port),
    ...specs,
  ])
  const server = startService('static', command, benchEnv(dataDir, { NODE_ENV: 'production' }))
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, server, 30_000)
  return server
}

export function processId(service: Service): number {
  if (service.child.pid === undefined) throw new Error(`${service.name} has no process id`)
  return service.child.pid
}
