import { cachedCatalogQuery } from './catalog-cache.server.ts'
import { findProductCards } from './listing.server.ts'
import { listRegionsWithCounts, listVillages } from './places.server.ts'

/** The home page's sections: featured 5★ products, newest listings, regions, craft villages. */
export function loadHomePage(today: Date) {
  const day = today.toISOString().slice(0, 10)
  return cachedCatalogQuery(`home:${day}`, async () => {
    const [featured, newest, regions, villages] = await Promise.all([
      findProductCards({ stars: 5, sort: 'newest' }, today, 8),
      findProductCards({ sort: 'newest' }, today, 8),
      listRegionsWithCounts(),
      listVillages(),
    ])
    return { featured, newest, regions, villages: villages.slice(0, 6) }
  })
}
