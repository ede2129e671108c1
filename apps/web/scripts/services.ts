/**
 * Every service with a public API the web app calls. The launcher must run them all: the
 * end-to-end suite checks it, and generates the API types from the platform it starts.
 */
export const API_SERVICES = [
  'identity',
  'catalog',
  'engagement',
  'analytics',
  'product',
  'orders',
  'cart',
  'notifications',
  'support',
  'assistant',
] as const;
