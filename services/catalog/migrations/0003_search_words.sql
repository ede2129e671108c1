-- The dictionary spelling correction draws on: every word of the films' titles and original titles
-- and of people's names, folded as the search compares them (catalog_fold, then the full-text
-- "simple" parser). A query whose words match nothing is retried with its unknown words replaced
-- by the closest words here ("godfater" → "godfather"; see src/spelling.ts). Words are added in
-- the same transaction as the film or name that brings them and are never removed: a word left
-- over from a deleted film is only a correction that finds nothing, which the search then skips.
CREATE TABLE search_words (
  word text PRIMARY KEY
);

INSERT INTO search_words (word)
SELECT word FROM films f,
  unnest(tsvector_to_array(to_tsvector('simple',
    catalog_fold(f.title || ' ' || coalesce(f.original_title, ''))))) AS word
UNION
SELECT word FROM persons p, unnest(tsvector_to_array(to_tsvector('simple', p.search_name))) AS word;
-- Planner statistics now, where autovacuum may be off.
ANALYZE search_words;

-- Nearest words by letter triples, for typos of more than one edit in long words (pg_trgm only;
-- one-edit typos are looked up exactly and need no extension).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX search_words_trgm ON search_words USING gist (word gist_trgm_ops);
  END IF;
END
$$;
