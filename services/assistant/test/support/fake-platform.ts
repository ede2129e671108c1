import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

export const FILMS = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Heat',
    year: 1995,
    genres: ['Action', 'Crime', 'Drama'],
    directors: ['Michael Mann'],
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    title: 'Alien',
    year: 1979,
    genres: ['Horror', 'Science Fiction'],
    directors: ['Ridley Scott'],
  },
];

export interface FakePlatform {
  /** Serves both the catalog's and engagement's paths. */
  url: string;
  /** `?query=` of each film search, and the Authorization each bookmark read carried. */
  searches: string[];
  bookmarkAuth: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A small stand-in for the catalog and engagement speaking their contracts (film search, film
 * lookup, genres, bookmarks), for tests about the model provider. The built-in assistant's tests
 * run the real services.
 */
export async function startFakePlatform(): Promise<FakePlatform> {
  const app = Fastify();
  const platform: FakePlatform = {
    url: '',
    searches: [],
    bookmarkAuth: [],
    close: () => app.close(),
  };
  const summary = (film: (typeof FILMS)[number]) => ({
    source: 'local',
    ...film,
    originalTitle: film.title,
    runtime: null,
    posterUrl: null,
    rating: { average: null, count: 0 },
  });
  app.get('/api/v1/films', async (request) => {
    const { query = '' } = request.query as { query?: string };
    platform.searches.push(query);
    const items = FILMS.filter((film) => film.title.toLowerCase().includes(query.toLowerCase()));
    return { items: items.map(summary), total: items.length, page: 1, pageSize: 10 };
  });
  app.post('/internal/v1/films/lookup', async (request) => {
    const { ids } = request.body as { ids: string[] };
    return {
      items: FILMS.filter((film) => ids.includes(film.id)).map(({ id, title, year }) => ({
        id,
        title,
        year,
      })),
    };
  });
  app.get('/api/v1/genres', async () => ({
    items: ['Action', 'Crime', 'Drama', 'Horror', 'Science Fiction'].map((name, i) => ({
      id: i + 1,
      name,
      slug: name.toLowerCase(),
      filmCount: 1,
    })),
  }));
  app.get('/api/v1/bookmarks', async (request) => {
    platform.bookmarkAuth.push(request.headers.authorization);
    const film = FILMS[1];
    return {
      items: film
        ? [
            {
              filmId: film.id,
              title: film.title,
              year: film.year,
              createdAt: new Date().toISOString(),
            },
          ]
        : [],
      page: 1,
      pageSize: 100,
      hasMore: false,
    };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  platform.url = `http://127.0.0.1:${port}`;
  return platform;
}
