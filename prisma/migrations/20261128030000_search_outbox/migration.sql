-- A transactional outbox for an external search index (Meilisearch; ADR 0006).
-- Every change to a "CatalogEntry" row (which triggers keep current from products, producers,
-- certificates, images and places) writes the product's id here in the same transaction: if the
-- change commits, so does the row, and the `search-sync` job rewrites that product's document,
-- however long the search server is down. A rolled-back change leaves nothing behind.

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" BIGSERIAL NOT NULL,
    "productId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchOutbox_pkey" PRIMARY KEY ("id")
);

-- The NOTIFY wakes the job worker within about a second; it is delivered only on commit, and a
-- missed one costs at most the one-minute cron tick, since the rows are the source of truth.
CREATE FUNCTION search_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "SearchOutbox" ("productId") SELECT DISTINCT "productId" FROM changed;
  IF FOUND THEN
    PERFORM pg_notify('search_outbox', '');
  END IF;
  RETURN NULL;
END $fn$;

-- refresh_catalog_entries() rewrites every affected row, changed or not (a producer's new phone
-- number refreshes all its products): only rows that really differ need a new search document.
CREATE FUNCTION search_outbox_enqueue_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO "SearchOutbox" ("productId")
  SELECT n."productId" FROM new_rows n JOIN old_rows o ON o."productId" = n."productId"
  WHERE n IS DISTINCT FROM o;
  IF FOUND THEN
    PERFORM pg_notify('search_outbox', '');
  END IF;
  RETURN NULL;
END $fn$;

-- Statement-level with transition tables, like the catalogue's own triggers: a bulk import of
-- 20,000 products writes its outbox rows in one statement. INSERT … ON CONFLICT DO UPDATE (how
-- refresh_catalog_entries writes) fires both the insert and the update trigger, each with its rows.
CREATE TRIGGER search_outbox_insert AFTER INSERT ON "CatalogEntry"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
CREATE TRIGGER search_outbox_update AFTER UPDATE ON "CatalogEntry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue_updated();
-- A deleted product leaves "CatalogEntry" through ON DELETE CASCADE, which fires this trigger too.
CREATE TRIGGER search_outbox_delete AFTER DELETE ON "CatalogEntry"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_enqueue();
