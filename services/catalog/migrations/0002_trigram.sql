-- Typo tolerance. pg_trgm ships with Postgres (contrib) and with PGlite when the database is opened
-- with the extension (the catalog does that). Where it cannot be created the catalog still works:
-- it detects the missing extension at start and searches without typo tolerance.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm is not available (%); search runs without typo tolerance', SQLERRM;
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    -- On the folded text, as the search compares it (see catalog_fold in 0001).
    CREATE INDEX films_title_trgm ON films USING gin (search_title gin_trgm_ops);
    CREATE INDEX films_original_title_trgm ON films USING gin (search_original_title gin_trgm_ops);
    CREATE INDEX persons_name_trgm ON persons USING gin (search_name gin_trgm_ops);
  END IF;
END
$$;
