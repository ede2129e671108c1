/**
 * Who owns which public path: one entry per service. Patterns are Fastify route patterns, so a
 * more specific pattern wins over a wildcard whatever the order here (static > :param > *):
 * `/api/v1/films/:filmId/stats` goes to engagement although catalog owns `/api/v1/films/*`.
 * `env` names the variable that holds the service's base URL; an unset variable means the
 * service is not deployed, and its paths answer 503 `service_not_deployed`.
 */
// biome-ignore format: one line per service, read as a table
export const ROUTES = [
  { service: 'identity', env: 'IDENTITY_URL', paths: ['/api/v1/auth/*', '/api/v1/users', '/api/v1/users/*', '/.well-known/jwks.json'] },
  { service: 'catalog', env: 'CATALOG_URL', paths: ['/api/v1/films', '/api/v1/films/*', '/api/v1/persons', '/api/v1/persons/*', '/api/v1/genres', '/api/v1/genres/*'] },
  { service: 'engagement', env: 'ENGAGEMENT_URL', paths: ['/api/v1/films/:filmId/stats', '/api/v1/films/:filmId/reviews', '/api/v1/bookmarks', '/api/v1/bookmarks/*', '/api/v1/ratings', '/api/v1/ratings/*', '/api/v1/reviews', '/api/v1/reviews/*'] },
  { service: 'analytics', env: 'ANALYTICS_URL', paths: ['/api/v1/events', '/api/v1/analytics/*'] },
  { service: 'product', env: 'PRODUCT_URL', paths: ['/api/v1/products', '/api/v1/products/*'] },
  { service: 'cart', env: 'CART_URL', paths: ['/api/v1/cart', '/api/v1/cart/*'] },
  { service: 'orders', env: 'ORDERS_URL', paths: ['/api/v1/orders', '/api/v1/orders/*', '/api/v1/stocks', '/api/v1/stocks/*'] },
  { service: 'notifications', env: 'NOTIFICATIONS_URL', paths: ['/api/v1/notifications', '/api/v1/notifications/*'] },
  { service: 'support', env: 'SUPPORT_URL', paths: ['/api/v1/tickets', '/api/v1/tickets/*'] },
  { service: 'assistant', env: 'ASSISTANT_URL', paths: ['/api/v1/assistant', '/api/v1/assistant/*'] },
] as const satisfies readonly RouteEntry[];

export interface RouteEntry {
  service: string;
  env: string;
  paths: readonly string[];
}

export type ServiceName = (typeof ROUTES)[number]['service'];
export type UpstreamVariable = (typeof ROUTES)[number]['env'];
