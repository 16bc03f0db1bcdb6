import { startEmbeddedPostgres } from '../server/embedded-postgres.ts'
const t = Date.now()
const db = await startEmbeddedPostgres({ dataDir: '/work/main/.data/dev-pg', database: 'ocop', port: 54329, log: console.log })
console.log(db.url, Date.now() - t, 'ms')
setTimeout(()=>{}, 1e9)
