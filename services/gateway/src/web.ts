import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { notFound, sendProblem } from '@cinesync/kit/http';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';

/** Paths that are never the web app: an unknown one there is a 404, not the SPA's index.html. */
const NOT_WEB = /^\/(api|\.well-known)(\/|$)/;

/** Files under assets/ carry a content hash (Vite), so they never change; index.html always may. */
function cacheHeaders(root: string) {
  const assets = join(root, 'assets', '/');
  return (reply: FastifyReply, path: string) => {
    const immutable = path.startsWith(assets);
    reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}

/**
 * The built web app at `/`, with SPA fallback: a GET for an unknown path without a file
 * extension (a client-side route such as /films/42) gets index.html. Without a build, `/` points
 * at the API docs instead.
 */
export async function registerWeb(
  server: FastifyInstance,
  options: { webDist: string | undefined; logger: FastifyBaseLogger },
): Promise<void> {
  const root = options.webDist === undefined ? undefined : resolve(options.webDist);
  if (root === undefined || !existsSync(join(root, 'index.html'))) {
    if (root !== undefined) {
      options.logger.warn({ webDist: root }, 'WEB_DIST has no index.html: serving the API only');
    }
    server.get('/', { schema: { hide: true } }, async () => ({
      name: 'CineSync API gateway',
      docs: '/api/docs',
      openapi: '/api/openapi.json',
    }));
    return;
  }
  // wildcard: false registers one route per file at start, leaving `/*` to the fallback below.
  await server.register(fastifyStatic, { root, wildcard: false, setHeaders: cacheHeaders(root) });
  server.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (NOT_WEB.test(path) || last.includes('.')) {
      return sendProblem(reply, notFound(`No route for GET ${path}.`, 'route_not_found'));
    }
    return reply.sendFile('index.html');
  });
}
