-- Cheaper upkeep of "CatalogEntry" (docs/BENCHMARKS.md, "Catalogue import"): the same rows, the same
-- search outbox, the same NOTIFY, with less work per write.
--
-- 1. refresh_catalog_entries() computes what is the same for every product of a producer (the
--    producer, village and place words: weight B, most of searchText) once per producer, and the
--    place + group words (weight C) once per producer and subgroup, instead of once per product; it
--    folds a product's names once instead of twice. The results are identical: ocop_fold() is
--    lower(unaccent()), and every rule of the unaccent dictionary maps one character, so folding
--    "a b" gives fold("a") || ' ' || fold("b"); tsvectors are concatenated in the same order.
-- 2. It no longer rewrites rows whose values did not change (ON CONFLICT … DO UPDATE … WHERE … IS
--    DISTINCT FROM): a re-imported file, or a producer's new phone number, leaves the GIN indexes
--    alone. The outbox trigger already ignored such rows; nothing else could see the difference.
-- 3. A product update that changes none of the columns its search document depends on (names,
--    descriptions, group, subgroup, producer) — a price, stock, status, unit, slug or weight change,
--    the checkout's stock decrement — updates only the columns that come from the product row
--    itself, without recomputing the search document. Products without an entry yet take the full path.
-- 4. Producer and craft-village updates that change nothing the catalogue holds (a phone number, a
--    story, a review note) refresh nothing.
-- 5. The search outbox's update trigger, and the new triggers, join OLD TABLE and NEW TABLE through
--    EXECUTE, planned per call: the cached plan of the first call (often one row) was a nested loop
--    that made a 500-row import batch of updates spend 2.8 s in the outbox trigger.
-- Every trigger still sends NOTIFY catalog_changed (page caches also show columns the catalogue does
-- not hold, e.g. descriptions and producer stories), and every changed "CatalogEntry" row still goes
-- to the search outbox through its own triggers (search_outbox_insert / search_outbox_update).

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

-- Statements that join two transition tables run through EXECUTE, so they are planned for the rows
-- at hand. A static statement in a PL/pgSQL function keeps the plan made at its first call in the
-- session, when the tables may have held one row (a single product's stock, a create whose
-- ON CONFLICT updated nothing): a nested loop that, on the 500 rows of an import batch, scanned one
-- transition table 500 times (auto_explain: 2.8 s of a 3.3 s batch, the old updates' p95 spikes).

-- The search outbox's update trigger (20261128030000_search_outbox), the same query planned per call.
CREATE OR REPLACE FUNCTION search_outbox_enqueue_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  enqueued bigint;
BEGIN
  EXECUTE $q$
    INSERT INTO "SearchOutbox" ("productId")
    SELECT n."productId" FROM new_rows n JOIN old_rows o ON o."productId" = n."productId"
    WHERE n IS DISTINCT FROM o$q$;
  GET DIAGNOSTICS enqueued = ROW_COUNT;
  IF enqueued > 0 THEN
    PERFORM pg_notify('search_outbox', '');
  END IF;
  RETURN NULL;
END $fn$;

-- Product updates: the search document is recomputed only for products whose names, descriptions,
-- group, subgroup or producer changed, or that have no entry yet; for the others the entry takes
-- the columns that come from the product row (and its producer's status, for `visible`).
CREATE OR REPLACE FUNCTION catalog_on_product_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  full_ids text[];
BEGIN
  EXECUTE $q$
    UPDATE "CatalogEntry" e SET
      visible = n.visible, slug = n.slug, "priceVnd" = n."priceVnd", "unitVi" = n."unitVi", "unitEn" = n."unitEn",
      stock = n.stock, "publishedAt" = n."publishedAt"
    FROM (
      SELECT n.id, (n.status = 'PUBLISHED' AND pr.status = 'VERIFIED') AS visible, n.slug, n."priceVnd",
        n."unitVi", n."unitEn", n.stock, n."publishedAt"
      FROM changed n
      JOIN old_rows o ON o.id = n.id
      JOIN "Producer" pr ON pr.id = n."producerId"
      WHERE (n."producerId", n."nameVi", n."nameEn", n."descriptionVi", n."descriptionEn", n."groupCode", n."subgroupCode")
        IS NOT DISTINCT FROM
        (o."producerId", o."nameVi", o."nameEn", o."descriptionVi", o."descriptionEn", o."groupCode", o."subgroupCode")
    ) n
    WHERE e."productId" = n.id
      AND (e.visible, e.slug, e."priceVnd", e."unitVi", e."unitEn", e.stock, e."publishedAt")
        IS DISTINCT FROM (n.visible, n.slug, n."priceVnd", n."unitVi", n."unitEn", n.stock, n."publishedAt")$q$;

  EXECUTE $q$
    SELECT ARRAY(
      SELECT n.id FROM changed n LEFT JOIN old_rows o ON o.id = n.id
      WHERE o.id IS NULL
        OR (n."producerId", n."nameVi", n."nameEn", n."descriptionVi", n."descriptionEn", n."groupCode", n."subgroupCode")
          IS DISTINCT FROM
          (o."producerId", o."nameVi", o."nameEn", o."descriptionVi", o."descriptionEn", o."groupCode", o."subgroupCode")
        OR NOT EXISTS (SELECT FROM "CatalogEntry" e WHERE e."productId" = n.id))$q$
  INTO full_ids;
  -- Always called, even with no ids: it sends the NOTIFY.
  PERFORM refresh_catalog_entries(full_ids);
  RETURN NULL;
END $fn$;

DROP TRIGGER catalog_product_update ON "Product";
CREATE TRIGGER catalog_product_update AFTER UPDATE ON "Product"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_product_update();

-- Producers: only a change to what the catalogue holds of them refreshes their products.
CREATE OR REPLACE FUNCTION catalog_on_producer_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids text[];
BEGIN
  EXECUTE $q$
    SELECT ARRAY(
      SELECT p.id FROM changed n
      LEFT JOIN old_rows o ON o.id = n.id
      JOIN "Product" p ON p."producerId" = n.id
      WHERE o.id IS NULL
        OR (n.name, n.kind, n."womenLed", n."ethnicMinority", n.status, n."villageId", n."communeCode")
          IS DISTINCT FROM (o.name, o.kind, o."womenLed", o."ethnicMinority", o.status, o."villageId", o."communeCode"))$q$
  INTO ids;
  PERFORM refresh_catalog_entries(ids);
  RETURN NULL;
END $fn$;

DROP TRIGGER catalog_producer_update ON "Producer";
CREATE TRIGGER catalog_producer_update AFTER UPDATE ON "Producer"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_producer_change();

-- Craft villages: likewise (its story, year or commune are not in the catalogue).
CREATE OR REPLACE FUNCTION catalog_on_village_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  ids text[];
BEGIN
  EXECUTE $q$
    SELECT ARRAY(
      SELECT p.id FROM changed n
      LEFT JOIN old_rows o ON o.id = n.id
      JOIN "Producer" pr ON pr."villageId" = n.id
      JOIN "Product" p ON p."producerId" = pr.id
      WHERE o.id IS NULL
        OR (n.slug, n.name, n."nameEn", n."craftVi", n."craftEn")
          IS DISTINCT FROM (o.slug, o.name, o."nameEn", o."craftVi", o."craftEn"))$q$
  INTO ids;
  PERFORM refresh_catalog_entries(ids);
  RETURN NULL;
END $fn$;

DROP TRIGGER catalog_village_update ON "CraftVillage";
CREATE TRIGGER catalog_village_update AFTER UPDATE ON "CraftVillage"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_on_village_change();
