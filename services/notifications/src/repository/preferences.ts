import type { Queryable } from '@cinesync/kit/db';

export interface EmailPreferences {
  welcome: boolean;
  orders: boolean;
  support: boolean;
}

export async function findPreferences(
  q: Queryable,
  userId: string,
): Promise<EmailPreferences | undefined> {
  const { rows } = await q.query<{
    email_welcome: boolean;
    email_orders: boolean;
    email_support: boolean;
  }>('SELECT email_welcome, email_orders, email_support FROM preferences WHERE user_id = $1', [
    userId,
  ]);
  const row = rows[0];
  return (
    row && { welcome: row.email_welcome, orders: row.email_orders, support: row.email_support }
  );
}

export async function savePreferences(
  q: Queryable,
  userId: string,
  email: EmailPreferences,
): Promise<void> {
  await q.query(
    `INSERT INTO preferences (user_id, email_welcome, email_orders, email_support) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET email_welcome = $2, email_orders = $3, email_support = $4,
       updated_at = now()`,
    [userId, email.welcome, email.orders, email.support],
  );
}
