-- The warehouse: units held per SKU and how many of them unpaid orders have reserved. Stock is
-- only ever changed by conditional UPDATEs (reserve: WHERE total - reserved >= n), never read,
-- computed and written back, so concurrent checkouts cannot oversell; the CHECKs are the backstop.
CREATE TABLE stocks (
  sku bigint PRIMARY KEY CHECK (sku BETWEEN 1 AND 4294967295),
  total bigint NOT NULL CHECK (total >= 0),
  reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  CHECK (reserved <= total)
);

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  user_id text NOT NULL,
  status text NOT NULL
    CHECK (status IN ('new', 'awaiting_payment', 'paid', 'cancelled', 'failed')),
  -- Minor units; every item of an order is in this currency.
  total bigint NOT NULL CHECK (total >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A user's orders, newest first.
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC, id DESC);
-- The payment-timeout job's queue: only unpaid orders, oldest first.
CREATE INDEX orders_awaiting_payment ON orders (created_at) WHERE status = 'awaiting_payment';

CREATE TABLE order_items (
  order_id uuid NOT NULL REFERENCES orders (id),
  sku bigint NOT NULL,
  name text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  -- Price of one, in the order's currency, as quoted at checkout.
  price bigint NOT NULL CHECK (price >= 0),
  PRIMARY KEY (order_id, sku)
);
