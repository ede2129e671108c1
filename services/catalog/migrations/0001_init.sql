-- Films, people and genres. Ids of films and people are UUIDs chosen by the service, so bulk
-- loads can link rows without a round trip per row.

-- The form of a text that matching uses: lower case, Latin accents removed ("Amélie", "AMELIE" →
-- "amelie"). translate() keeps it IMMUTABLE (indexable), needs no extension, and gives the same
-- answer under any database locale. Stored in generated columns, so searches never pay for it
-- per row; plain ASCII skips the (slow, per-character) translation.
CREATE FUNCTION catalog_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN value ~ '^[ -~]*$' THEN lower(value) ELSE translate(lower(value),
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſȘșȚț',
    'aaaaaaaceeeeiiiidnoooooouuuuytsaaaaaaaceeeeiiiidnoooooouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzssstt') END
$$;

CREATE TABLE genres (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- Genres are matched by slug, so "Science Fiction" and "science fiction" are one genre.
  slug text NOT NULL UNIQUE
);

CREATE TABLE films (
  id uuid PRIMARY KEY,
  title text NOT NULL CHECK (title <> ''),
  original_title text,
  search_title text GENERATED ALWAYS AS (catalog_fold(title)) STORED,
  search_original_title text GENERATED ALWAYS AS (catalog_fold(original_title)) STORED,
  year integer CHECK (year BETWEEN 1870 AND 2100),
  runtime integer CHECK (runtime > 0),
  overview text NOT NULL DEFAULT '',
  countries text[] NOT NULL DEFAULT '{}',
  age_rating text,
  poster_url text,
  imdb_id text UNIQUE,
  tmdb_id integer UNIQUE,
  -- Owned by engagement; a copy kept from engagement.rating.changed for filtering and sorting.
  rating_avg numeric(4, 2),
  rating_count integer NOT NULL DEFAULT 0,
  -- Weighted full-text document (title and original title A, people B, characters and overview C),
  -- rebuilt by the repository in the same transaction as every write to the film or its people.
  search_document tsvector NOT NULL DEFAULT ''::tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX films_search_document ON films USING gin (search_document);
-- Sort keys; the trailing id makes pages stable. "C" collation orders the same on every engine.
CREATE INDEX films_title_order ON films ((lower(title) COLLATE "C"), id);
CREATE INDEX films_year_order ON films (year ASC NULLS LAST, (lower(title) COLLATE "C"), id);
CREATE INDEX films_year_desc_order
  ON films (year DESC NULLS LAST, (lower(title) COLLATE "C"), id);
CREATE INDEX films_rating_order ON films (rating_avg DESC NULLS LAST, rating_count DESC, id);

CREATE TABLE film_genres (
  film_id uuid NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  genre_id integer NOT NULL REFERENCES genres (id) ON DELETE CASCADE,
  PRIMARY KEY (film_id, genre_id)
);
CREATE INDEX film_genres_genre ON film_genres (genre_id, film_id);

CREATE TABLE persons (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  search_name text GENERATED ALWAYS AS (catalog_fold(name)) STORED,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- People are de-duplicated by name, case-insensitively (namesakes share a row: a known limit).
CREATE UNIQUE INDEX persons_name ON persons (lower(name));
-- Name-start search ("pac" → Pacino), accent-insensitive.
CREATE INDEX persons_name_prefix ON persons (search_name text_pattern_ops);

CREATE TABLE film_persons (
  film_id uuid NOT NULL REFERENCES films (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('actor', 'director', 'writer')),
  "character" text,
  -- Billing order within the role.
  ord integer NOT NULL DEFAULT 0,
  PRIMARY KEY (film_id, role, person_id)
);
CREATE INDEX film_persons_person ON film_persons (person_id, film_id);
