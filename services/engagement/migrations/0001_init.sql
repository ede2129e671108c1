-- Engagement: ratings and their per-film aggregate, bookmarks, reviews with votes, comments.
-- Film and user ids belong to the catalog and identity services: no foreign keys cross services.

CREATE TABLE ratings (
  user_id uuid NOT NULL,
  film_id uuid NOT NULL,
  value smallint NOT NULL CHECK (value BETWEEN 1 AND 10),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One rating per user and film; also serves "my rating of this film".
  PRIMARY KEY (user_id, film_id)
);
-- Recount of one film's stats (repair job, tests) as an index-only scan:
--   SELECT value, count(*) FROM ratings WHERE film_id = $1 GROUP BY value
CREATE INDEX ratings_film_value ON ratings (film_id, value);

-- One row per rated film, changed in the same transaction as each rating with relative updates
-- (r7 = r7 + 1), so concurrent writers never lose an update. likes/dislikes/average derive from it.
CREATE TABLE film_stats (
  film_id uuid PRIMARY KEY,
  ratings_count integer NOT NULL DEFAULT 0 CHECK (ratings_count >= 0),
  ratings_sum bigint NOT NULL DEFAULT 0 CHECK (ratings_sum >= 0),
  r1 integer NOT NULL DEFAULT 0 CHECK (r1 >= 0),
  r2 integer NOT NULL DEFAULT 0 CHECK (r2 >= 0),
  r3 integer NOT NULL DEFAULT 0 CHECK (r3 >= 0),
  r4 integer NOT NULL DEFAULT 0 CHECK (r4 >= 0),
  r5 integer NOT NULL DEFAULT 0 CHECK (r5 >= 0),
  r6 integer NOT NULL DEFAULT 0 CHECK (r6 >= 0),
  r7 integer NOT NULL DEFAULT 0 CHECK (r7 >= 0),
  r8 integer NOT NULL DEFAULT 0 CHECK (r8 >= 0),
  r9 integer NOT NULL DEFAULT 0 CHECK (r9 >= 0),
  r10 integer NOT NULL DEFAULT 0 CHECK (r10 >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bookmarks (
  user_id uuid NOT NULL,
  film_id uuid NOT NULL,
  -- Copied from the catalog when bookmarking, so listing needs no call to another service.
  film_title text NOT NULL,
  film_year smallint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, film_id)
);
-- GET /bookmarks: WHERE user_id = $1 ORDER BY created_at DESC, film_id DESC LIMIT/OFFSET
CREATE INDEX bookmarks_user_recent ON bookmarks (user_id, created_at DESC, film_id DESC);

CREATE TABLE reviews (
  id uuid PRIMARY KEY,
  film_id uuid NOT NULL,
  user_id uuid NOT NULL,
  -- The author's display name from the token at writing time (identity owns the real one).
  author_name text,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
  up_votes integer NOT NULL DEFAULT 0 CHECK (up_votes >= 0),
  down_votes integer NOT NULL DEFAULT 0 CHECK (down_votes >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT reviews_one_per_user_film UNIQUE (user_id, film_id)
);
-- GET /films/{id}/reviews?sort=new: WHERE film_id = $1 ORDER BY created_at DESC, id DESC
CREATE INDEX reviews_film_new ON reviews (film_id, created_at DESC, id DESC);
-- GET /films/{id}/reviews?sort=top:
--   WHERE film_id = $1 ORDER BY (up_votes - down_votes) DESC, created_at DESC, id DESC
CREATE INDEX reviews_film_top ON reviews (film_id, (up_votes - down_votes) DESC, created_at DESC, id DESC);

CREATE TABLE review_votes (
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  value smallint NOT NULL CHECK (value IN (-1, 1)),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One vote per user and review; also serves "my votes on this page of reviews".
  PRIMARY KEY (review_id, user_id)
);

CREATE TABLE review_comments (
  id uuid PRIMARY KEY,
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES review_comments (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  author_name text,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  depth smallint NOT NULL CHECK (depth >= 0),
  -- Ids from the thread's root down to this comment. Ids are UUIDv7 (time-ordered), so ordering by
  -- path lists a thread depth-first with replies oldest first.
  path uuid[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- A page of threads: WHERE review_id = $1 AND parent_id IS NULL ORDER BY id LIMIT/OFFSET
CREATE INDEX review_comments_roots ON review_comments (review_id, id) WHERE parent_id IS NULL;
-- Those threads in order: WHERE review_id = $1 AND path[1] = ANY($2) ORDER BY path
CREATE INDEX review_comments_thread ON review_comments (review_id, path);
