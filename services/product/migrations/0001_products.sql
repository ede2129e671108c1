-- What the store sells. SKUs are chosen by people (uint32 in the contract), not generated.
CREATE TABLE products (
  sku bigint PRIMARY KEY CHECK (sku BETWEEN 1 AND 4294967295),
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL CHECK (kind IN ('rental', 'purchase', 'merchandise')),
  -- Minor units of currency.
  price bigint NOT NULL CHECK (price >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  -- The catalog film it is for, when known; the title is kept so nothing needs the catalog.
  film_id text,
  film_title text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Listing one kind in SKU order, a page at a time.
CREATE INDEX products_kind_sku ON products (kind, sku);
