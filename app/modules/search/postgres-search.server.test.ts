import { createPostgresSearch } from './postgres-search.server.ts'
import { describeSearchContract } from './search-contract.ts'

describeSearchContract('PostgreSQL', () => createPostgresSearch())
