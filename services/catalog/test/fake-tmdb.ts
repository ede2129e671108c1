import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

/** What the fake does with the next requests. */
export type FakeMode = 'ok' | 'fail' | 'slow';

const MOVIES: Record<number, object> = {
  603: {
    id: 603,
    title: 'The Matrix',
    original_title: 'The Matrix',
    release_date: '1999-03-30',
    runtime: 136,
    overview: 'A hacker learns that his world is a simulation and joins the rebellion against it.',
    poster_path: '/matrix.jpg',
    imdb_id: 'tt0133093',
    genres: [
      { id: 28, name: 'Action' },
      { id: 878, name: 'Science Fiction' },
    ],
    production_countries: [{ iso_3166_1: 'US', name: 'United States of America' }],
    credits: {
      cast: [
        { name: 'Carrie-Anne Moss', character: 'Trinity', order: 1 },
        { name: 'Keanu Reeves', character: 'Neo', order: 0 },
        { name: 'Laurence Fishburne', character: 'Morpheus', order: 2 },
      ],
      crew: [
        { name: 'Lana Wachowski', job: 'Director', department: 'Directing' },
        { name: 'Lilly Wachowski', job: 'Director', department: 'Directing' },
        { name: 'Lana Wachowski', job: 'Writer', department: 'Writing' },
        { name: 'Bill Pope', job: 'Director of Photography', department: 'Camera' },
      ],
    },
  },
  129: {
    id: 129,
    title: 'Spirited Away',
    original_title: '千と千尋の神隠し',
    release_date: '2001-07-20',
    runtime: 125,
    overview: 'A girl must work in a bathhouse for spirits to free her parents.',
    poster_path: null,
    imdb_id: 'tt0245429',
    genres: [{ id: 16, name: 'Animation' }],
    production_countries: [{ iso_3166_1: 'JP', name: 'Japan' }],
    credits: { cast: [{ name: 'Rumi Hiiragi', character: 'Chihiro', order: 0 }], crew: [] },
  },
};

/**
 * A local server speaking the parts of TMDB v3 the catalog uses, with a switch for failing
 * (500) and slow (answers after `slowMs`) modes and a count of requests that reached it.
 */
export async function startFakeTmdb(options: { apiKey: string; slowMs?: number }) {
  const state = { mode: 'ok' as FakeMode, requests: 0, paths: [] as string[] };
  const server = Fastify();

  server.addHook('onRequest', async (request, reply) => {
    state.requests++;
    state.paths.push(request.url.split('?')[0] ?? '');
    const url = new URL(request.url, 'http://fake');
    const bearer = request.headers.authorization === `Bearer ${options.apiKey}`;
    if (url.searchParams.get('api_key') !== options.apiKey && !bearer) {
      return reply.code(401).send({ status_code: 7, status_message: 'Invalid API key' });
    }
    if (state.mode === 'fail') return reply.code(500).send({ status_message: 'Internal error' });
    if (state.mode === 'slow')
      await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 2000));
  });

  server.get<{ Params: { id: string }; Querystring: { append_to_response?: string } }>(
    '/3/movie/:id',
    async (request, reply) => {
      const movie = MOVIES[Number(request.params.id)];
      if (!movie) return reply.code(404).send({ status_code: 34, status_message: 'Not found' });
      const withCredits = request.query.append_to_response?.split(',').includes('credits');
      if (withCredits) return movie;
      const { credits: _credits, ...rest } = movie as { credits: unknown };
      return rest;
    },
  );

  server.get<{ Querystring: { query?: string; page?: string } }>(
    '/3/search/movie',
    async (request) => {
      const words = (request.query.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const results = Object.values(MOVIES)
        .map((movie) => movie as { id: number; title: string; original_title: string })
        .filter((movie) => words.some((word) => movie.title.toLowerCase().includes(word)))
        .map(({ id, title, original_title }) => ({
          id,
          title,
          original_title,
          release_date: MOVIES[id] ? (MOVIES[id] as { release_date: string }).release_date : '',
          overview: '',
          poster_path: null,
        }));
      return {
        page: Number(request.query.page ?? 1),
        results,
        total_results: results.length,
        total_pages: 1,
      };
    },
  );

  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  return {
    state,
    url: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
