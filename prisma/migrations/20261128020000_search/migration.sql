-- Search that understands Vietnamese, on PostgreSQL's own features: unaccent, full-text, pg_trgm.

-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index or a
-- generated column. This wrapper pins the dictionary and is declared IMMUTABLE, the usual recipe.
-- Folding: tone marks and other diacritics removed, đ → d, lower case.
CREATE FUNCTION ocop_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $fn$;

-- Each word once: a commune with five former names mentioning the same district must not outweigh
-- a product whose name says what the shopper typed.
CREATE FUNCTION distinct_words(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $fn$ SELECT string_agg(DISTINCT word, ' ') FROM regexp_split_to_table($1, '[^a-z0-9]+') AS word WHERE word <> '' $fn$;

ALTER TABLE "CatalogEntry"
  ADD COLUMN "villageSlug" TEXT,
  ADD COLUMN "villageName" TEXT,
  ADD COLUMN "villageNameEn" TEXT,
  ADD COLUMN "searchNames" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "searchVector" tsvector;

-- Listing filters and facet counts read only these columns: an index-only scan of this covering
-- index reads ~1 MB instead of the whole table (names, search text and vectors: ~40 MB at 20k).
CREATE INDEX "CatalogEntry_facets_idx" ON "CatalogEntry" (
  "groupCode", "subgroupCode", "regionSlug", "provinceCode", "villageId", "producerKind", "womenLed",
  stock, "priceVnd", "certStars", "certIssuedOn", "certExpiresOn", "publishedAt"
) WHERE visible;

CREATE INDEX "CatalogEntry_searchVector_idx" ON "CatalogEntry" USING gin ("searchVector");
CREATE INDEX "CatalogEntry_searchText_trgm_idx" ON "CatalogEntry" USING gin ("searchText" gin_trgm_ops);
CREATE INDEX "CraftVillage_name_trgm_idx" ON "CraftVillage" USING gin (ocop_fold(name || ' ' || "nameEn") gin_trgm_ops);
CREATE INDEX "Producer_name_trgm_idx" ON "Producer" USING gin (ocop_fold(name) gin_trgm_ops);

CREATE OR REPLACE FUNCTION refresh_catalog_entries(ids text[]) RETURNS void LANGUAGE sql AS $fn$
  INSERT INTO "CatalogEntry" (
    "productId", visible, slug, "nameVi", "nameEn", "priceVnd", "unitVi", "unitEn", stock, "publishedAt",
    "groupCode", "subgroupCode", "producerId", "producerName", "producerKind", "womenLed", "ethnicMinority",
    "villageId", "communeCode", "provinceCode", "regionSlug", "provinceVi", "provinceEn",
    "certStars", "certIssuedOn", "certExpiresOn", "imageUrl", "imageAltVi", "imageAltEn",
    "villageSlug", "villageName", "villageNameEn", "searchNames", "searchText", "searchVector"
  )
  SELECT p.id, (p.status = 'PUBLISHED' AND pr.status = 'VERIFIED'), p.slug, p."nameVi", p."nameEn", p."priceVnd",
    p."unitVi", p."unitEn", p.stock, p."publishedAt", p."groupCode", p."subgroupCode", pr.id, pr.name, pr.kind,
    pr."womenLed", pr."ethnicMinority", pr."villageId", c.code, pv.code, pv."regionSlug", pv."nameVi", pv."nameEn",
    cert.stars, cert."issuedOn", cert."expiresOn", img.url, img."altVi", img."altEn",
    v.slug, v.name, v."nameEn",
    ocop_fold(p."nameVi" || ' ' || p."nameEn"),
    ocop_fold(concat_ws(' ', p."nameVi", p."nameEn", pr.name, v.name, v."nameEn", places.text, groups.text)),
    setweight(to_tsvector('simple', ocop_fold(p."nameVi" || ' ' || p."nameEn")), 'A')
      || setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', pr.name, v.name, v."nameEn", v."craftVi", v."craftEn")))), 'B')
      || setweight(to_tsvector('simple', distinct_words(ocop_fold(concat_ws(' ', places.text, groups.text)))), 'C')
      || setweight(to_tsvector('simple', ocop_fold(p."descriptionVi" || ' ' || p."descriptionEn")), 'D')
  FROM "Product" p
  JOIN "Producer" pr ON pr.id = p."producerId"
  JOIN "Commune" c ON c.code = pr."communeCode"
  JOIN "Province" pv ON pv.code = c."provinceCode"
  JOIN "Region" r ON r.slug = pv."regionSlug"
  JOIN "ProductGroup" g ON g.code = p."groupCode"
  JOIN "ProductSubgroup" sg ON sg.code = p."subgroupCode"
  LEFT JOIN "CraftVillage" v ON v.id = pr."villageId"
  LEFT JOIN LATERAL (
    SELECT concat_ws(' ', c.name, pv."nameVi", pv."nameEn", r."nameVi", r."nameEn",
      string_agg(concat_ws(' ', f."formerCommune", f."formerDistrict"), ' ')) AS text
    FROM "CommuneFormerName" f WHERE f."communeCode" = c.code
  ) places ON true
  CROSS JOIN LATERAL (SELECT concat_ws(' ', g."nameVi", g."nameEn", sg."nameVi", sg."nameEn") AS text) groups
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
    "imageAltVi" = EXCLUDED."imageAltVi", "imageAltEn" = EXCLUDED."imageAltEn",
    "villageSlug" = EXCLUDED."villageSlug", "villageName" = EXCLUDED."villageName",
    "villageNameEn" = EXCLUDED."villageNameEn", "searchNames" = EXCLUDED."searchNames",
    "searchText" = EXCLUDED."searchText", "searchVector" = EXCLUDED."searchVector";
  SELECT pg_notify('catalog_changed', '');
$fn$;

-- Places and villages are part of a product's search document now: keep them current too.
CREATE FUNCTION catalog_on_village_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(
    SELECT p.id FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId" JOIN changed ON changed.id = pr."villageId"));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_village_update AFTER UPDATE ON "CraftVillage"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_village_change();

CREATE FUNCTION catalog_on_commune_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(
    SELECT p.id FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId" JOIN changed ON changed.code = pr."communeCode"));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_commune_update AFTER UPDATE ON "Commune"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_commune_change();

CREATE FUNCTION catalog_on_former_name_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM refresh_catalog_entries(ARRAY(
    SELECT p.id FROM "Product" p JOIN "Producer" pr ON pr.id = p."producerId"
    JOIN changed ON changed."communeCode" = pr."communeCode"));
  RETURN NULL;
END $fn$;
CREATE TRIGGER catalog_former_name_insert AFTER INSERT ON "CommuneFormerName"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_former_name_change();
CREATE TRIGGER catalog_former_name_update AFTER UPDATE ON "CommuneFormerName"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_former_name_change();
CREATE TRIGGER catalog_former_name_delete AFTER DELETE ON "CommuneFormerName"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_former_name_change();

SELECT refresh_catalog_entries(ARRAY(SELECT id FROM "Product"));
