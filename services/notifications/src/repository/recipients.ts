import type { Queryable } from '@cinesync/kit/db';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
}

/** Inserts a recipient not seen before; false when the user was already known. */
export async function insertRecipient(
  q: Queryable,
  recipient: Recipient,
  registeredAt: string,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO recipients (user_id, email, display_name, registered_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO NOTHING`,
    [recipient.userId, recipient.email, recipient.displayName, registeredAt],
  );
  return rowCount === 1;
}

export async function updateRecipient(q: Queryable, recipient: Recipient): Promise<void> {
  await q.query(
    'UPDATE recipients SET email = $2, display_name = $3, updated_at = now() WHERE user_id = $1',
    [recipient.userId, recipient.email, recipient.displayName],
  );
}

export async function findRecipient(q: Queryable, userId: string): Promise<Recipient | undefined> {
  const { rows } = await q.query<{ email: string; display_name: string }>(
    'SELECT email, display_name FROM recipients WHERE user_id = $1',
    [userId],
  );
  const row = rows[0];
  return row && { userId, email: row.email, displayName: row.display_name };
}
