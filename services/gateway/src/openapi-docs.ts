import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Dispatcher } from 'undici';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from './openapi-merge.js';
import { deployed, type Upstream } from './upstreams.js';

export interface DocsOptions {
  upstreams: readonly Upstream[];
  dispatcher: Dispatcher;
  version: string;
  /** How long a merged document is reused (default 10 s). */
  ttlMs?: number;
  /** Budget of one upstream's /openapi.json (default 2 s). */
  fetchTimeoutMs?: number;
}

async function fetchDocument(
  dispatcher: Dispatcher,
  url: string,
  timeoutMs: number,
): Promise<OpenApiDocument> {
  const response = await dispatcher.request({
    origin: url,
    path: '/openapi.json',
    method: 'GET',
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`GET /openapi.json answered ${response.statusCode}`);
  }
  const document: unknown = await response.body.json();
  if (typeof document !== 'object' || document === null) throw new Error('not an OpenAPI object');
  return document as OpenApiDocument;
}

/** Merges the deployed services' documents; an upstream that fails is left out and named. */
export function createDocsAggregator(options: DocsOptions) {
  const ttlMs = options.ttlMs ?? 10_000;
  const timeoutMs = options.fetchTimeoutMs ?? 2_000;
  let cached: { at: number; document: Promise<OpenApiDocument> } | undefined;
  let latest: OpenApiDocument | undefined;

  async function build(): Promise<OpenApiDocument> {
    const results = await Promise.allSettled(
      deployed(options.upstreams).map(
        async ({ service, url }): Promise<ServiceDocument> => ({
          service,
          document: await fetchDocument(options.dispatcher, url, timeoutMs),
        }),
      ),
    );
    const parts: ServiceDocument[] = [];
    const unavailable: string[] = [];
    for (const [index, result] of results.entries()) {
      if (result.status === 'fulfilled') parts.push(result.value);
      else unavailable.push(deployed(options.upstreams)[index]?.service ?? 'unknown');
    }
    latest = mergeOpenApi(parts, { version: options.version, unavailable });
    return latest;
  }

  return {
    /** The merged document, fetched at most once per TTL however many callers ask at once. */
    get(): Promise<OpenApiDocument> {
      const now = Date.now();
      if (!cached || now - cached.at > ttlMs) cached = { at: now, document: build() };
      return cached.document;
    },
    /** The last merged document, for synchronous callers that awaited get() just before. */
    latest: () => latest,
  };
}

/** `GET /api/openapi.json` and Swagger UI at `/api/docs`, its assets served from here (no CDN). */
export async function registerDocs(server: FastifyInstance, options: DocsOptions): Promise<void> {
  const aggregator = createDocsAggregator(options);
  server.get('/api/openapi.json', { schema: { hide: true } }, () => aggregator.get());
  await server.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true },
    // Swagger UI reads ./json: make it the merged document instead of the gateway's own.
    uiHooks: {
      preHandler: async () => {
        await aggregator.get();
      },
    },
    transformSpecification: () => aggregator.latest() ?? {},
    transformSpecificationClone: false,
  });
}
