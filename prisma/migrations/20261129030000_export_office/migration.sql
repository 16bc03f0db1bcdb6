-- Issue 6 (export terms, RFQs) and issue 7 (office: documents, audit log, targets, notifications).
-- CreateEnum
CREATE TYPE "ProducerDocumentKind" AS ENUM ('BUSINESS_REGISTRATION', 'FOOD_SAFETY', 'PRODUCT_STANDARD', 'LAB_TEST', 'OTHER');

-- CreateEnum
CREATE TYPE "Incoterm" AS ENUM ('EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF');

-- CreateEnum
CREATE TYPE "ExportCertificationKind" AS ENUM ('VIETGAP', 'GLOBALGAP', 'HACCP', 'ISO_22000', 'ORGANIC', 'OTHER');

-- CreateEnum
CREATE TYPE "RfqPartStatus" AS ENUM ('OPEN', 'QUOTED', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "QuoteCurrency" AS ENUM ('USD', 'VND');

-- AlterEnum
ALTER TYPE "ProducerStatus" ADD VALUE 'MORE_INFO';

-- AlterEnum
ALTER TYPE "ProductStatus" ADD VALUE 'HIDDEN';

-- AlterTable
ALTER TABLE "Producer" ADD COLUMN     "exportMarkets" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "exportProfileEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "moderationNote" TEXT;

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "decisionFileUrl" TEXT,
ADD COLUMN     "expiryNoticeSentAt" TIMESTAMP(3),
ADD COLUMN     "recordedById" TEXT,
ADD COLUMN     "supersedesId" TEXT;

-- CreateTable
CREATE TABLE "ProducerDocument" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "kind" "ProducerDocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProducerDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeTarget" (
    "year" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "target" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgrammeTarget_pkey" PRIMARY KEY ("year","metric")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "producerId" TEXT,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportTerms" (
    "productId" TEXT NOT NULL,
    "exportReady" BOOLEAN NOT NULL DEFAULT false,
    "hsCode" TEXT,
    "moqQuantity" INTEGER,
    "moqUnitEn" TEXT,
    "monthlyCapacity" INTEGER,
    "capacityUnitEn" TEXT,
    "sampleLeadDays" INTEGER,
    "orderLeadDays" INTEGER,
    "incoterms" "Incoterm"[] DEFAULT ARRAY[]::"Incoterm"[],
    "loadingPlace" TEXT,
    "tierBasis" "Incoterm",
    "packagingEn" TEXT NOT NULL DEFAULT '',
    "shelfLifeMonths" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportTerms_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "ExportPriceTier" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "minQuantity" INTEGER NOT NULL,
    "priceUsdCents" INTEGER NOT NULL,

    CONSTRAINT "ExportPriceTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportCertification" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "kind" "ExportCertificationKind" NOT NULL,
    "otherName" TEXT,
    "number" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedOn" DATE,
    "expiresOn" DATE NOT NULL,
    "fileUrl" TEXT,
    "fileName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportCertification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rfq" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "buyerCountry" TEXT NOT NULL,
    "incoterm" "Incoterm" NOT NULL,
    "destinationCountry" TEXT NOT NULL,
    "destinationPort" TEXT NOT NULL DEFAULT '',
    "neededBy" DATE NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "expiresOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rfq_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqPart" (
    "id" TEXT NOT NULL,
    "rfqId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "status" "RfqPartStatus" NOT NULL DEFAULT 'OPEN',
    "declineReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RfqPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqItem" (
    "id" TEXT NOT NULL,
    "partId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitEn" TEXT NOT NULL,
    "targetPriceUsdCents" INTEGER,

    CONSTRAINT "RfqItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "partId" TEXT NOT NULL,
    "currency" "QuoteCurrency" NOT NULL DEFAULT 'USD',
    "validUntil" DATE NOT NULL,
    "leadTimeDays" INTEGER NOT NULL,
    "incoterm" "Incoterm" NOT NULL,
    "terms" TEXT NOT NULL DEFAULT '',
    "status" "QuoteStatus" NOT NULL DEFAULT 'PENDING',
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "unitPrice" INTEGER NOT NULL,

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqMessage" (
    "id" TEXT NOT NULL,
    "partId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfqMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RfqAttachment" (
    "id" TEXT NOT NULL,
    "rfqId" TEXT NOT NULL,
    "messageId" TEXT,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RfqAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProducerDocument_producerId_idx" ON "ProducerDocument"("producerId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_idx" ON "AuditEvent"("action");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_producerId_createdAt_idx" ON "Notification"("producerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ExportTerms_exportReady_idx" ON "ExportTerms"("exportReady");

-- CreateIndex
CREATE UNIQUE INDEX "ExportPriceTier_productId_minQuantity_key" ON "ExportPriceTier"("productId", "minQuantity");

-- CreateIndex
CREATE INDEX "ExportCertification_productId_idx" ON "ExportCertification"("productId");

-- CreateIndex
CREATE INDEX "ExportCertification_kind_expiresOn_idx" ON "ExportCertification"("kind", "expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "Rfq_number_key" ON "Rfq"("number");

-- CreateIndex
CREATE INDEX "Rfq_buyerId_createdAt_idx" ON "Rfq"("buyerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "RfqPart_producerId_status_idx" ON "RfqPart"("producerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RfqPart_rfqId_producerId_key" ON "RfqPart"("rfqId", "producerId");

-- CreateIndex
CREATE INDEX "RfqItem_partId_idx" ON "RfqItem"("partId");

-- CreateIndex
CREATE INDEX "Quote_partId_createdAt_idx" ON "Quote"("partId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLine_quoteId_itemId_key" ON "QuoteLine"("quoteId", "itemId");

-- CreateIndex
CREATE INDEX "RfqMessage_partId_createdAt_idx" ON "RfqMessage"("partId", "createdAt");

-- CreateIndex
CREATE INDEX "RfqAttachment_rfqId_idx" ON "RfqAttachment"("rfqId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_supersedesId_key" ON "Certificate"("supersedesId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProducerDocument" ADD CONSTRAINT "ProducerDocument_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportTerms" ADD CONSTRAINT "ExportTerms_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportPriceTier" ADD CONSTRAINT "ExportPriceTier_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportCertification" ADD CONSTRAINT "ExportCertification_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rfq" ADD CONSTRAINT "Rfq_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqPart" ADD CONSTRAINT "RfqPart_rfqId_fkey" FOREIGN KEY ("rfqId") REFERENCES "Rfq"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqPart" ADD CONSTRAINT "RfqPart_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqItem" ADD CONSTRAINT "RfqItem_partId_fkey" FOREIGN KEY ("partId") REFERENCES "RfqPart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqItem" ADD CONSTRAINT "RfqItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_partId_fkey" FOREIGN KEY ("partId") REFERENCES "RfqPart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RfqItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqMessage" ADD CONSTRAINT "RfqMessage_partId_fkey" FOREIGN KEY ("partId") REFERENCES "RfqPart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqMessage" ADD CONSTRAINT "RfqMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqAttachment" ADD CONSTRAINT "RfqAttachment_rfqId_fkey" FOREIGN KEY ("rfqId") REFERENCES "Rfq"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RfqAttachment" ADD CONSTRAINT "RfqAttachment_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "RfqMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Guards that hold whatever code writes.
ALTER TABLE "ExportTerms" ADD CONSTRAINT "ExportTerms_numbers_check" CHECK (
  ("moqQuantity" IS NULL OR "moqQuantity" > 0) AND ("monthlyCapacity" IS NULL OR "monthlyCapacity" > 0)
  AND ("sampleLeadDays" IS NULL OR "sampleLeadDays" BETWEEN 0 AND 365)
  AND ("orderLeadDays" IS NULL OR "orderLeadDays" BETWEEN 1 AND 730)
  AND ("shelfLifeMonths" IS NULL OR "shelfLifeMonths" BETWEEN 1 AND 600)
  AND ("tierBasis" IS NULL OR "tierBasis" IN ('FOB', 'EXW')));
ALTER TABLE "ExportPriceTier" ADD CONSTRAINT "ExportPriceTier_positive_check" CHECK ("minQuantity" > 0 AND "priceUsdCents" > 0);
ALTER TABLE "RfqItem" ADD CONSTRAINT "RfqItem_positive_check" CHECK ("quantity" > 0 AND ("targetPriceUsdCents" IS NULL OR "targetPriceUsdCents" > 0));
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_positive_check" CHECK ("unitPrice" > 0);
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_lead_check" CHECK ("leadTimeDays" BETWEEN 1 AND 730);
ALTER TABLE "ProgrammeTarget" ADD CONSTRAINT "ProgrammeTarget_check" CHECK ("target" >= 0 AND "year" BETWEEN 2018 AND 2100);

-- The audit log is append-only: no UPDATE, no DELETE (a user deleted later only loses the link).
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."actorId" IS NULL AND OLD."actorId" IS NOT NULL
     AND (NEW.id, NEW."actorEmail", NEW.action, NEW."entityType", NEW."entityId", NEW.summary, NEW."createdAt")
         IS NOT DISTINCT FROM (OLD.id, OLD."actorEmail", OLD.action, OLD."entityType", OLD."entityId", OLD.summary, OLD."createdAt")
     AND NEW.before IS NOT DISTINCT FROM OLD.before AND NEW.after IS NOT DISTINCT FROM OLD.after THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEvent rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- The catalogue's certificate (refresh_catalog_entries, last defined in 20261129010000_catalog_refresh_speed):
-- the newest certificate that is neither revoked nor superseded by a re-evaluation. Unchanged otherwise.
CREATE OR REPLACE FUNCTION refresh_catalog_entries(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  WITH batch AS MATERIALIZED (
    SELECT p.id, p."producerId", p."groupCode", p."subgroupCode", p.status, p.slug, p."nameVi", p."nameEn",
      p."descriptionVi", p."descriptionEn", p."priceVnd", p."unitVi", p."unitEn", p.stock, p."publishedAt"
    FROM "Product" p WHERE p.id = ANY(ids)
  ),
  -- Once per producer of the batch: its own columns, its place, its village, and weight B.
  producer_part AS MATERIALIZED (
    SELECT pr.id, pr.name, pr.kind, pr."womenLed", pr."ethnicMinority", pr."villageId", pr.status,
      c.code AS "communeCode", pv.code AS "provinceCode", pv."regionSlug", pv."nameVi" AS "provinceVi",
      pv."nameEn" AS "provinceEn", v.slug AS "villageSlug", v.name AS "villageName", v."nameEn" AS "villageNameEn",
      places.text AS places,
      setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', pr.name, v.name, v."nameEn", v."craftVi", v."craftEn")))), 'B') AS vector_b
    FROM "Producer" pr
    JOIN "Commune" c ON c.code = pr."communeCode"
    JOIN "Province" pv ON pv.code = c."provinceCode"
    JOIN "Region" r ON r.slug = pv."regionSlug"
    LEFT JOIN "CraftVillage" v ON v.id = pr."villageId"
    LEFT JOIN LATERAL (
      SELECT concat_ws(' ', c.name, pv."nameVi", pv."nameEn", r."nameVi", r."nameEn",
        string_agg(concat_ws(' ', f."formerCommune", f."formerDistrict"), ' ')) AS text
      FROM "CommuneFormerName" f WHERE f."communeCode" = c.code
    ) places ON true
    WHERE pr.id IN (SELECT "producerId" FROM batch)
  ),
  -- Once per producer and subgroup: searchText after the product's names, and weight C.
  group_part AS MATERIALIZED (
    SELECT k."producerId", k."groupCode", k."subgroupCode",
      ocop_fold(concat_ws(' ', pp.name, pp."villageName", pp."villageNameEn", pp.places, groups.text)) AS text_rest,
      setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', pp.places, groups.text)))), 'C') AS vector_c
    FROM (SELECT DISTINCT "producerId", "groupCode", "subgroupCode" FROM batch) k
    JOIN producer_part pp ON pp.id = k."producerId"
    JOIN "ProductGroup" g ON g.code = k."groupCode"
    JOIN "ProductSubgroup" sg ON sg.code = k."subgroupCode"
    CROSS JOIN LATERAL (SELECT concat_ws(' ', g."nameVi", g."nameEn", sg."nameVi", sg."nameEn") AS text) groups
  )
  INSERT INTO "CatalogEntry" (
    "productId", visible, slug, "nameVi", "nameEn", "priceVnd", "unitVi", "unitEn", stock, "publishedAt",
    "groupCode", "subgroupCode", "producerId", "producerName", "producerKind", "womenLed", "ethnicMinority",
    "villageId", "communeCode", "provinceCode", "regionSlug", "provinceVi", "provinceEn",
    "certStars", "certIssuedOn", "certExpiresOn", "imageUrl", "imageAltVi", "imageAltEn",
    "villageSlug", "villageName", "villageNameEn", "searchNames", "searchText", "searchVector"
  )
  SELECT p.id, (p.status = 'PUBLISHED' AND pp.status = 'VERIFIED'), p.slug, p."nameVi", p."nameEn", p."priceVnd",
    p."unitVi", p."unitEn", p.stock, p."publishedAt", p."groupCode", p."subgroupCode", pp.id, pp.name, pp.kind,
    pp."womenLed", pp."ethnicMinority", pp."villageId", pp."communeCode", pp."provinceCode", pp."regionSlug",
    pp."provinceVi", pp."provinceEn",
    cert.stars, cert."issuedOn", cert."expiresOn", img.url, img."altVi", img."altEn",
    pp."villageSlug", pp."villageName", pp."villageNameEn",
    names.folded,
    names.folded || ' ' || gp.text_rest,
    setweight(to_tsvector('simple', names.folded), 'A')
      || pp.vector_b
      || gp.vector_c
      || setweight(to_tsvector('simple', ocop_fold(p."descriptionVi" || ' ' || p."descriptionEn")), 'D')
  FROM batch p
  JOIN producer_part pp ON pp.id = p."producerId"
  JOIN group_part gp
    ON gp."producerId" = p."producerId" AND gp."groupCode" = p."groupCode" AND gp."subgroupCode" = p."subgroupCode"
  -- OFFSET 0 keeps the fold computed once, not once per use.
  CROSS JOIN LATERAL (SELECT ocop_fold(p."nameVi" || ' ' || p."nameEn") AS folded OFFSET 0) names
  LEFT JOIN LATERAL (
    SELECT ce.stars, ce."issuedOn", ce."expiresOn" FROM "Certificate" ce
    WHERE ce."productId" = p.id AND ce."revokedAt" IS NULL
      -- A certificate replaced by a re-evaluation never speaks again, even if its successor is revoked.
      AND NOT EXISTS (SELECT 1 FROM "Certificate" nx WHERE nx."supersedesId" = ce.id)
    ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT 1
  ) cert ON true
  LEFT JOIN LATERAL (
    SELECT i.url, i."altVi", i."altEn" FROM "ProductImage" i
    WHERE i."productId" = p.id ORDER BY i.position, i.id LIMIT 1
  ) img ON true
  ON CONFLICT ("productId") DO UPDATE SET
    visible = EXCLUDED.visible, slug = EXCLUDED.slug, "nameVi" = EXCLUDED."nameVi", "nameEn" = EXCLUDED."nameEn",
    "priceVnd" = EXCLUDED."priceVnd", "unitVi" = EXCLUDED."unitVi", "unitEn" = EXCLUDED."unitEn",
    stock = EXCLUDED.stock, "publishedAt" = EXCLUDED."publishedAt", "groupCode" = EXCLUDED."groupCode",
    "subgroupCode" = EXCLUDED."subgroupCode", "producerId" = EXCLUDED."producerId",
    "producerName" = EXCLUDED."producerName", "producerKind" = EXCLUDED."producerKind",
    "womenLed" = EXCLUDED."womenLed", "ethnicMinority" = EXCLUDED."ethnicMinority",
    "villageId" = EXCLUDED."villageId", "communeCode" = EXCLUDED."communeCode",
    "provinceCode" = EXCLUDED."provinceCode", "regionSlug" = EXCLUDED."regionSlug",
    "provinceVi" = EXCLUDED."provinceVi", "provinceEn" = EXCLUDED."provinceEn",
    "certStars" = EXCLUDED."certStars", "certIssuedOn" = EXCLUDED."certIssuedOn",
    "certExpiresOn" = EXCLUDED."certExpiresOn", "imageUrl" = EXCLUDED."imageUrl",
    "imageAltVi" = EXCLUDED."imageAltVi", "imageAltEn" = EXCLUDED."imageAltEn",
    "villageSlug" = EXCLUDED."villageSlug", "villageName" = EXCLUDED."villageName",
    "villageNameEn" = EXCLUDED."villageNameEn", "searchNames" = EXCLUDED."searchNames",
    "searchText" = EXCLUDED."searchText", "searchVector" = EXCLUDED."searchVector"
  -- An unchanged row is not rewritten: no new row version, no index entries, no outbox row.
  WHERE "CatalogEntry" IS DISTINCT FROM EXCLUDED;
  SELECT pg_notify('catalog_changed', '');
$fn$;
