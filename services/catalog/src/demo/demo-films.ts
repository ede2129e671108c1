import { readFile } from 'node:fs/promises';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { normalizeFilm } from '../normalize.js';
import type { NewFilm } from '../repository/index.js';
import { stableUuid } from './random.js';

/** The curated demo catalog shipped with the service (format: data/README.md). */
export const DEMO_FILE = new URL('../../data/films.json', import.meta.url);

const DemoFilmSchema = Type.Object({
  title: Type.String({ minLength: 1 }),
  originalTitle: Type.Optional(Type.String()),
  year: Type.Integer({ minimum: 1870, maximum: 2100 }),
  runtime: Type.Optional(Type.Integer({ minimum: 1 })),
  genres: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  ageRating: Type.Optional(Type.String()),
  overview: Type.String(),
  directors: Type.Array(Type.String()),
  writers: Type.Optional(Type.Array(Type.String())),
  cast: Type.Array(Type.Object({ name: Type.String(), character: Type.Optional(Type.String()) })),
});
export type DemoFilm = Static<typeof DemoFilmSchema>;

/** Reads and checks the file; a broken entry stops the load naming where it is. */
export async function readDemoFilms(file: URL | string = DEMO_FILE): Promise<DemoFilm[]> {
  const data: unknown = JSON.parse(await readFile(file, 'utf8'));
  const schema = Type.Array(DemoFilmSchema);
  if (!Value.Check(schema, data)) {
    const problems = [...Value.Errors(schema, data)]
      .slice(0, 5)
      .map((error) => `${error.instancePath} ${error.message}`);
    throw new Error(`demo film file ${String(file)} is invalid: ${problems.join('; ')}`);
  }
  return data;
}

/** Ids derive from title and year, so a demo film keeps its id across fresh installs. */
export function demoFilmToNew(film: DemoFilm): NewFilm {
  return {
    ...normalizeFilm(film),
    id: stableUuid('cinesync.catalog.demo-film', `${film.title}|${film.year}`),
  };
}
