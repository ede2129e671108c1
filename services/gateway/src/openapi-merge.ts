import { ownerOf } from './route-match.js';
import { ROUTES } from './routes-table.js';

export type OpenApiDocument = {
  openapi?: string;
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export interface ServiceDocument {
  service: string;
  document: OpenApiDocument;
}

const OPERATIONS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copy of `value` whose local component references point at the service-prefixed names. */
function prefixRefs(value: unknown, service: string): unknown {
  if (Array.isArray(value)) return value.map((item) => prefixRefs(item, service));
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      key === '$ref' && typeof item === 'string'
        ? item.replace(/^#\/components\/([^/]+)\//, `#/components/$1/${service}.`)
        : prefixRefs(item, service);
  }
  return copy;
}

function operationOf(value: unknown, service: string): Record<string, unknown> {
  const operation = isObject(value) ? value : {};
  const tags =
    Array.isArray(operation.tags) && operation.tags.length > 0 ? operation.tags : [service];
  return {
    ...operation,
    tags,
    ...(typeof operation.operationId === 'string'
      ? { operationId: `${service}.${operation.operationId}` }
      : {}),
    'x-service': service,
  };
}

/**
 * One OpenAPI document for the whole public API: each service's paths that the gateway really
 * routes to it (not its /healthz or /metrics), with its components renamed `<service>.<Name>` so
 * two services' `Problem` or `User` never clash.
 */
export function mergeOpenApi(
  parts: readonly ServiceDocument[],
  options: { version: string; unavailable: readonly string[] },
): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  };
  for (const { service, document } of parts) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (!isObject(item) || ownerOf(path, ROUTES) !== service) continue;
      const renamed = prefixRefs(item, service) as Record<string, unknown>;
      const merged: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(renamed)) {
        merged[key] = OPERATIONS.has(key) ? operationOf(value, service) : value;
      }
      paths[path] = merged;
    }
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      if (kind === 'securitySchemes' || !isObject(entries)) continue;
      const target = components[kind] ?? {};
      components[kind] = target;
      for (const [name, value] of Object.entries(entries)) {
        target[`${service}.${name}`] = prefixRefs(value, service);
      }
    }
  }
  const included = parts.map((part) => part.service);
  const description = [
    'Every public CineSync API, served through the gateway.',
    `Included: ${included.join(', ') || 'none'}.`,
    options.unavailable.length > 0
      ? `Unavailable right now (omitted): ${options.unavailable.join(', ')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    openapi: '3.0.3',
    info: { title: 'CineSync API', description, version: options.version },
    servers: [{ url: '/' }],
    // A token is optional by default: guests may read. Operations that need one say so.
    security: [{}, { bearerAuth: [] }],
    paths,
    components,
    'x-unavailable': [...options.unavailable],
  };
}
