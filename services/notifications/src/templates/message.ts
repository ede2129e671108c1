/** Preference groups; every notification belongs to one. */
export const CATEGORIES = ['welcome', 'orders', 'support'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One notification, rendered for the feed and for e-mail. */
export interface Message {
  category: Category;
  /** Finer kind for clients, e.g. `order.paid`. */
  type: string;
  title: string;
  /** Short plain text for the in-app feed. */
  body: string;
  /** Path in the web UI, relative to PUBLIC_URL. */
  link: string | null;
  /** Facts a client may render itself (order id, items, ...). */
  data: Record<string, unknown>;
  email: { subject: string; text: string; html: string };
}

/** Who reads it and where links point. */
export interface Audience {
  /** Display name when known; the greeting stays neutral without it. */
  name: string | null;
  publicUrl: string;
}

export const greeting = ({ name }: Audience) => (name ? `Hi ${name},` : 'Hello,');

export const absolute = ({ publicUrl }: Audience, path: string) =>
  `${publicUrl.replace(/\/+$/, '')}${path}`;

export const SIGNATURE = '— The CineSync team';

export function footer(audience: Audience): string {
  return `You receive this e-mail because you have a CineSync account. Choose which e-mails you get: ${absolute(audience, '/notifications/settings')}`;
}
