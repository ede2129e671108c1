import type { Queryable } from '@cinesync/kit/db';
import { type EmailPreferences, findPreferences, savePreferences } from './repository/index.js';
import type { Category } from './templates/index.js';

export type { EmailPreferences } from './repository/index.js';

/** In-app notifications are always on; these switch e-mail per category. */
export interface Preferences {
  email: EmailPreferences;
}

export const DEFAULT_PREFERENCES: Preferences = {
  email: { welcome: true, orders: true, support: true },
};

export async function getPreferences(q: Queryable, userId: string): Promise<Preferences> {
  const email = await findPreferences(q, userId);
  return email ? { email } : DEFAULT_PREFERENCES;
}

export async function setPreferences(
  q: Queryable,
  userId: string,
  preferences: Preferences,
): Promise<Preferences> {
  await savePreferences(q, userId, preferences.email);
  return preferences;
}

export const wantsEmail = (preferences: Preferences, category: Category) =>
  preferences.email[category];
