-- A sale must not empty every cache: product updates that only move stock (an order, a hold that
-- expired, a restock) without any product running out or coming back now send
-- NOTIFY catalog_changed 'stock' instead of ''. Listeners (server/page-cache.ts,
-- app/modules/catalog/catalog-cache.server.ts) drop their entries at most every few seconds for
-- those; every other change still drops them at once. The function is restated whole, as it was in
-- 20261129010000_catalog_refresh_speed, with the ending changed; the trigger itself is unchanged.

CREATE OR REPLACE FUNCTION catalog_on_product_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  full_ids text[];
  other_change boolean;
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
  IF cardinality(full_ids) > 0 THEN
    -- Sends NOTIFY catalog_changed '' itself.
    PERFORM refresh_catalog_entries(full_ids);
    RETURN NULL;
  END IF;

  -- Only stock moved, and no product ran out or came back: caches may show the count a few seconds
  -- late (checkout re-checks stock), so the notice says 'stock' and listeners coalesce it.
  EXECUTE $q$
    SELECT EXISTS (
      SELECT FROM changed n JOIN old_rows o ON o.id = n.id
      WHERE (to_jsonb(n) - 'stock' - 'updatedAt') IS DISTINCT FROM (to_jsonb(o) - 'stock' - 'updatedAt')
        OR (n.stock > 0) IS DISTINCT FROM (o.stock > 0))$q$
  INTO other_change;
  PERFORM pg_notify('catalog_changed', CASE WHEN other_change THEN '' ELSE 'stock' END);
  RETURN NULL;
END $fn$;

