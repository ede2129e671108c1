import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FilmRef } from '../../src/catalog-client.js';

export type CatalogMode = 'ok' | 'failing' | 'slow';

export interface FakeCatalog {
  url: string;
  films: Map<string, FilmRef>;
  /** ok: answers; failing: 500 for everything; slow: answers after `slowMs`. */
  mode: CatalogMode;
  slowMs: number;
  /** Lookups received, whatever the answer. */
  requests: number;
  close(): Promise<void>;
}

/** A catalog that speaks the internal lookup contract: GET /internal/v1/films/{id}. */
export async function startFakeCatalog(films: FilmRef[] = []): Promise<FakeCatalog> {
  const state: FakeCatalog = {
    url: '',
    films: new Map(films.map((film) => [film.id, film])),
    mode: 'ok',
    slowMs: 2_000,
    requests: 0,
    close: async () => {},
  };
  const server = createServer((request, response) => {
    state.requests += 1;
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (state.mode === 'failing') return send(500, { title: 'boom' });
    const match = /^\/internal\/v1\/films\/([^/?]+)$/.exec(request.url ?? '');
    const film = match?.[1] ? state.films.get(decodeURIComponent(match[1])) : undefined;
    const answer = () => (film ? send(200, film) : send(404, { title: 'Not Found' }));
    if (state.mode === 'slow') setTimeout(answer, state.slowMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
