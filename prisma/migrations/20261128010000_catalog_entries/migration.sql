-- CreateTable
CREATE TABLE "CatalogEntry" (
    "productId" TEXT NOT NULL,
    "visible" BOOLEAN NOT NULL,
    "slug" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "priceVnd" INTEGER NOT NULL,
    "unitVi" TEXT NOT NULL,
    "unitEn" TEXT NOT NULL,
    "stock" INTEGER NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "groupCode" TEXT NOT NULL,
    "subgroupCode" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "producerName" TEXT NOT NULL,
    "producerKind" "ProducerKind" NOT NULL,
    "womenLed" BOOLEAN NOT NULL,
    "ethnicMinority" BOOLEAN NOT NULL,
    "villageId" TEXT,
    "communeCode" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,
    "provinceVi" TEXT NOT NULL,
    "provinceEn" TEXT NOT NULL,
    "certStars" INTEGER,
    "certIssuedOn" DATE,
    "certExpiresOn" DATE,
    "imageUrl" TEXT,
    "imageAltVi" TEXT,
    "imageAltEn" TEXT,

    CONSTRAINT "CatalogEntry_pkey" PRIMARY KEY ("productId")
);

-- CreateIndex
CREATE INDEX "CatalogEntry_visible_publishedAt_idx" ON "CatalogEntry"("visible", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "CatalogEntry_producerId_idx" ON "CatalogEntry"("producerId");

-- AddForeignKey
ALTER TABLE "CatalogEntry" ADD CONSTRAINT "CatalogEntry_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───────────── Kept current by the database itself ─────────────
-- Every write to a product, its producer, certificates, images or places refreshes the affected
-- rows of "CatalogEntry" in the same transaction, then notifies listeners (app processes drop their
-- cached listings). NOTIFY is delivered only on commit, so no process caches uncommitted data.

CREATE FUNCTION refresh_catalog_entries(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "CatalogEntry" (
    "productId", visible, slug, "nameVi", "nameEn", "priceVnd", "unitVi", "unitEn", stock, "publishedAt",
    "groupCode", "subgroupCode", "producerId", "producerName", "producerKind", "womenLed", "ethnicMinority",
    "villageId", "communeCode", "provinceCode", "regionSlug", "provinceVi", "provinceEn",
    "certStars", "certIssuedOn", "certExpiresOn", "imageUrl", "imageAltVi", "imageAltEn"
  )
  SELECT p.id, (p.status = 'PUBLISHED' AND pr.status = 'VERIFIED'), p.slug, p."nameVi", p."nameEn", p."priceVnd",
    p."unitVi", p."unitEn", p.stock, p."publishedAt", p."groupCode", p."subgroupCode", pr.id, pr.name, pr.kind,
    pr."womenLed", pr."ethnicMinority", pr."villageId", c.code, pv.code, pv."regionSlug", pv."nameVi", pv."nameEn",
    cert.stars, cert."issuedOn", cert."expiresOn", img.url, img."altVi", img."altEn"
  FROM "Product" p
  JOIN "Producer" pr ON pr.id = p."producerId"
  JOIN "Commune" c ON c.code = pr."communeCode"
  JOIN "Province" pv ON pv.code = c."provinceCode"
  LEFT JOIN LATERAL (
    SELECT ce.stars, ce."issuedOn", ce."expiresOn" FROM "Certificate" ce
    WHERE ce."productId" = p.id AND ce."revokedAt" IS NULL
    ORDER BY ce."issuedOn" DESC, ce."createdAt" DESC LIMIT 1
  ) cert ON true
  LEFT JOIN LATERAL (
    SELECT i.url, i."altVi", i."altEn" FROM "ProductImage" i
    WHERE i."productId" = p.id ORDER BY i.position, i.id LIMIT 1
  ) img ON true
  WHERE p.id = ANY(ids)
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
    "imageAltVi" = EXCLUDED."imageAltVi", "imageAltEn" = EXCLUDED."imageAltEn";
  SELECT pg_notify('catalog_changed', '');
$fn$;

-- Statement-level triggers with transition tables: a bulk insert of 20,000 products refreshes them
-- in one set-based statement, not 20,000.
CREATE FUNCTION catalog_on_product_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(SELECT id FROM changed));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_product_insert AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_change();
CREATE TRIGGER catalog_product_update AFTER UPDATE ON "Product"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_change();

CREATE FUNCTION catalog_on_product_child_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(SELECT DISTINCT "productId" FROM changed));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_certificate_insert AFTER INSERT ON "Certificate"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();
CREATE TRIGGER catalog_certificate_update AFTER UPDATE ON "Certificate"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();
CREATE TRIGGER catalog_certificate_delete AFTER DELETE ON "Certificate"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();
CREATE TRIGGER catalog_image_insert AFTER INSERT ON "ProductImage"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();
CREATE TRIGGER catalog_image_update AFTER UPDATE ON "ProductImage"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();
CREATE TRIGGER catalog_image_delete AFTER DELETE ON "ProductImage"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_child_change();

CREATE FUNCTION catalog_on_producer_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(SELECT p.id FROM "Product" p JOIN changed ON changed.id = p."producerId"));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_producer_update AFTER UPDATE ON "Producer"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_producer_change();

CREATE FUNCTION catalog_on_province_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(
    SELECT p.id FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
    JOIN "Commune" c ON c.code = pr."communeCode" JOIN changed ON changed.code = c."provinceCode"));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_province_update AFTER UPDATE ON "Province"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_province_change();

-- Deleted products leave through the foreign key's ON DELETE CASCADE; listeners still hear of it.
CREATE FUNCTION catalog_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('catalog_changed', '');
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_product_delete AFTER DELETE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_notify();

CREATE INDEX "CatalogEntry_visible_price_idx" ON "CatalogEntry" ("priceVnd") WHERE visible;

SELECT refresh_catalog_entries(ARRAY(SELECT id FROM "Product"));
