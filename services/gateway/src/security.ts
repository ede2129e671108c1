import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

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
  // No list: no CORS at all (not even a hook), so only the gateway's own origin, the web app,
  // can call from a browser; a preflight gets 404.
  if (corsOrigins.length > 0) {
    await server.register(cors, {
      origin: corsOrigins.includes('*') ? '*' : [...corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: EXPOSED,
      // Bearer tokens, not cookies: no credentialed CORS needed.
      credentials: false,
      maxAge: 600,
    });
  }
  const headers = await securityHeaders();
  server.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** What any response has; everything else on the probe's response is helmet's. */
const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // Posters and other cross-origin images must load.
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * Helmet's headers, computed once at start. Registered as a plugin, @fastify/helmet rebuilds the
 * same headers (parsing the CSP directives again) on every request, which cost about a quarter
 * of the gateway's own CPU per request in bench/gateway; the headers never change.
 */
export async function securityHeaders(): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get('/', (_request, reply) => {
    reply.send('');
  });
  const response = await probe.inject('/');
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!NOT_HELMET.has(name) && typeof value === 'string') headers[name] = value;
  }
  return headers;
}
