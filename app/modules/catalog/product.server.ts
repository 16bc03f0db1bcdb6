import { getDb } from '#app/utils/db.server.ts'
import { findProductCards } from './listing.server.ts'
import { COMMUNE_ORIGIN_SELECT, VILLAGE_STORY_SELECT } from './places.server.ts'
import { certificateStatus, showsStars, type CertificateStatus } from '../certification/certificate-status.ts'

/** Everything the product page shows, or null when there is no published product with that slug. */
export async function getPublishedProduct(slug: string, today: Date) {
  const db = getDb()
  const product = await db.product.findFirst({
    where: { slug, status: 'PUBLISHED', producer: { status: 'VERIFIED' } },
    select: {
      id: true,
      slug: true,
      sku: true,
      nameVi: true,
      nameEn: true,
      descriptionVi: true,
      descriptionEn: true,
      priceVnd: true,
      unitVi: true,
      unitEn: true,
      weightGrams: true,
      stock: true,
      publishedAt: true,
      updatedAt: true,
      group: { select: { code: true, nameVi: true, nameEn: true } },
      subgroup: { select: { code: true, nameVi: true, nameEn: true } },
      images: {
        orderBy: { position: 'asc' },
        select: { id: true, url: true, altVi: true, altEn: true, width: true, height: true },
      },
      certificates: {
        orderBy: { issuedOn: 'desc' },
        select: {
          id: true,
          stars: true,
          score: true,
          level: true,
          issuer: true,
          decisionNumber: true,
          decisionDate: true,
          issuedOn: true,
          expiresOn: true,
          legalBasis: true,
          potentialFiveStar: true,
          revokedAt: true,
          revokedReason: true,
          supersededBy: { select: { id: true } },
        },
      },
      producer: {
        select: {
          id: true,
          slug: true,
          name: true,
          kind: true,
          womenLed: true,
          ethnicMinority: true,
          status: true,
          storyVi: true,
          storyEn: true,
          village: { select: VILLAGE_STORY_SELECT },
          commune: { select: COMMUNE_ORIGIN_SELECT },
        },
      },
    },
  })
  if (!product) return null

  const certificates = product.certificates.map((certificate) => ({
    ...certificate,
    status: certificateStatus(certificate, today) as CertificateStatus,
  }))
  // The certificate that speaks for the product: the newest one still carrying stars, else the
  // newest one of any status (so the page can say it expired or was revoked).
  // A certificate replaced by a re-evaluation never speaks again (even when its successor was revoked).
  const current =
    certificates.find((c) => showsStars(c.status) && !c.supersededBy) ??
    certificates.find((c) => c.status !== 'pending') ??
    null
  const stars = current && showsStars(current.status) ? current.stars : null

  const moreFromProducer = await findProductCards(
    { producerId: product.producer.id, excludeProductId: product.id },
    today,
    4,
  )

  return { ...product, certificates, currentCertificate: current, stars, moreFromProducer }
}

export type PublishedProduct = NonNullable<Awaited<ReturnType<typeof getPublishedProduct>>>
