import { spawn, spawnSync } from 'node:child_process'
import { startEmbeddedPostgres } from './server/embedded-postgres.ts'
import { startMeilisearchFake } from './tests/fakes/meilisearch-fake.ts'
const db = await startEmbeddedPostgres({ dataDir: '/tmp/ocop-scripts/postgres', database: 'scripts' })
const fake = await startMeilisearchFake()
const env = { ...process.env, DATABASE_URL: db.url, MEILI_HOST: fake.url, MEILI_API_KEY: fake.apiKey, MEILI_INDEX: 'products' }
// spawnSync would block the fake's event loop: run the child asynchronously.
const run = (args: string[], killAfter?: number) => new Promise<string>((resolve) => {
  const child = spawn('npm', ['run', '--silent', ...args], { env })
  let out = ''
  child.stdout.on('data', (c) => (out += c)); child.stderr.on('data', (c) => (out += c))
  if (killAfter) setTimeout(() => child.kill('SIGTERM'), killAfter)
  child.on('exit', (code, signal) => resolve(`${args[0]} exit=${code} signal=${signal}\n${out}`))
})
console.log(await run(['search:reindex']))
console.log(await run(['worker'], 6000))
console.log('fake indexes', fake.indexUids(), 'requests', fake.requests.length)
await fake.close()
await db.stop()
