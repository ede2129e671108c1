import type { Queryable } from '@cinesync/kit/db';

export interface CartLine {
  sku: number;
  count: number;
}

/** Adds count to the line (creating it): one atomic upsert, so concurrent adds both count. */
export async function addToCart(db: Queryable, userId: string, line: CartLine): Promise<void> {
  await db.query(
    `INSERT INTO cart_items (user_id, sku, count) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, sku) DO UPDATE SET count = cart_items.count + EXCLUDED.count`,
    [userId, line.sku, line.count],
  );
}

export async function removeFromCart(db: Queryable, userId: string, sku: number): Promise<void> {
  await db.query('DELETE FROM cart_items WHERE user_id = $1 AND sku = $2', [userId, sku]);
}

/** The user's lines in the order they were first added. */
export async function cartLines(db: Queryable, userId: string): Promise<CartLine[]> {
  const { rows } = await db.query<{ sku: string; count: number }>(
    'SELECT sku, count FROM cart_items WHERE user_id = $1 ORDER BY added_at, sku',
    [userId],
  );
  return rows.map((row) => ({ sku: Number(row.sku), count: row.count }));
}

export async function clearCart(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM cart_items WHERE user_id = $1', [userId]);
}

/**
 * Removes exactly the lines that were ordered: a line whose count changed meanwhile (the user
 * added more in another tab) stays, so nothing unordered is lost.
 */
export async function removeOrdered(
  db: Queryable,
  userId: string,
  lines: readonly CartLine[],
): Promise<void> {
  await db.query(
    `DELETE FROM cart_items c
     USING unnest($2::bigint[], $3::int[]) AS ordered (sku, count)
     WHERE c.user_id = $1 AND c.sku = ordered.sku AND c.count = ordered.count`,
    [userId, lines.map((line) => line.sku), lines.map((line) => line.count)],
  );
}
