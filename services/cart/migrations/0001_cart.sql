-- One row per product in a user's cart. Names and prices are not stored: they come from the
-- product service when the cart is shown, so a cart never shows a stale price.
CREATE TABLE cart_items (
  user_id text NOT NULL,
  sku bigint NOT NULL CHECK (sku BETWEEN 1 AND 4294967295),
  count integer NOT NULL CHECK (count > 0),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, sku)
);
