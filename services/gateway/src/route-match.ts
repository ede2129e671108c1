import type { RouteEntry } from './routes-table.js';

/** 0 static, 1 parameter, 2 wildcard: lower is more specific, as in Fastify's router. */
type Rank = 0 | 1 | 2;

const segmentsOf = (path: string) => path.split('/').slice(1);

/** Ranks of each pattern segment used to match `path`, or undefined when it does not match. */
function match(pattern: string, path: string): Rank[] | undefined {
  const wanted = segmentsOf(pattern);
  const given = segmentsOf(path);
  const ranks: Rank[] = [];
  for (const [index, part] of wanted.entries()) {
    const segment = given[index];
    // `/a/*` matches `/a/` and below, never `/a` itself.
    if (segment === undefined) return undefined;
    if (part === '*' && index === wanted.length - 1) {
      ranks.push(2);
      return ranks;
    }
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      ranks.push(1);
    } else if (part === segment) {
      ranks.push(0);
    } else {
      return undefined;
    }
  }
  return wanted.length === given.length ? ranks : undefined;
}

function moreSpecific(a: Rank[], b: Rank[]): boolean {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const [x = 0, y = 0] = [a[index], b[index]];
    if (x !== y) return x < y;
  }
  return a.length > b.length;
}

/**
 * The service whose route Fastify would pick for `path` (a concrete path or an OpenAPI
 * template like `/api/v1/films/{id}`, whose `{id}` only a parameter or wildcard matches). Used where the router itself cannot be asked, e.g. to
 * keep only the operations of an upstream's OpenAPI document that the gateway really routes to it.
 */
export function ownerOf<R extends RouteEntry>(
  path: string,
  table: readonly R[],
): R['service'] | undefined {
  let best: { service: R['service']; ranks: Rank[] } | undefined;
  for (const route of table) {
    for (const pattern of route.paths) {
      const ranks = match(pattern, path);
      if (ranks && (!best || moreSpecific(ranks, best.ranks))) {
        best = { service: route.service, ranks };
      }
    }
  }
  return best?.service;
}
