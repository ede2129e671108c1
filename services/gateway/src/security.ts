import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Everything the web app and Swagger UI need from their own origin, nothing from elsewhere except
 * images (posters come from other hosts). Inline styles are allowed because Swagger UI and
 * React's style props use them; scripts are only same-origin files. No upgrade-insecure-requests:
 * the embedded platform is served over plain http://localhost.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/** Headers a browser script may read on a cross-origin response. */
const EXPOSED = [
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'retry-after',
  'x-request-id',
];

export async function registerSecurity(
  server: FastifyInstance,
  options: { corsOrigins: readonly string[] },
): Promise<void> {
  const { corsOrigins } = options;
  await server.register(cors, {
    // No list: no CORS headers at all, so only the gateway's own origin (the web app) can call.
    origin: corsOrigins.includes('*') ? '*' : corsOrigins.length > 0 ? [...corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED,
    // Bearer tokens, not cookies: no credentialed CORS needed.
    credentials: false,
    maxAge: 600,
  });
  await server.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Posters and other cross-origin images must load.
    crossOriginEmbedderPolicy: false,
  });
}
