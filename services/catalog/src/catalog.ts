import { randomUUID } from 'node:crypto';
import { type Db, isUniqueViolation } from '@cinesync/kit/db';
import { AppError, badGateway, conflict, notFound } from '@cinesync/kit/http';
import { emitFilmChanged, emitFilmDeleted } from './events.js';
import type {
  FilmDetail,
  FilmInput,
  FilmPatch,
  FilmRef,
  FilmSearch,
  FilmSearchPage,
  FilmSummary,
  Genre,
  Page,
  PersonDetail,
  PersonSummary,
  UpstreamFilmSummary,
} from './model.js';
import { normalizeFilm, normalizePatch } from './normalize.js';
import * as repository from './repository/index.js';
import type { TmdbClient } from './tmdb/client.js';
import { TmdbError, TmdbNotFoundError } from './tmdb/client.js';
import { filmFromTmdb, upstreamSummary } from './tmdb/mapping.js';

export interface WarnLogger {
  warn(fields: object, message: string): void;
}

export interface CatalogOptions {
  db: Db;
  /** pg_trgm is installed: search is typo tolerant. */
  trigram: boolean;
  /** Set when TMDB_API_KEY is: admin import and the upstream search fallback. */
  tmdb?: { client: TmdbClient; imageBaseUrl: string };
  /** Called after a commit that enqueued events, so the outbox relay publishes at once. */
  published?: () => void;
  logger: WarnLogger;
}

const filmNotFound = (id: string) => notFound(`No film with id ${id}.`, 'film_not_found');

const tmdbNotConfigured = () =>
  new AppError(503, 'tmdb_not_configured', 'TMDB is not configured here (TMDB_API_KEY is unset).');

/** The catalog's use cases; HTTP-free, so tests and other entry points call them directly. */
export class Catalog {
  private readonly options: CatalogOptions;

  constructor(options: CatalogOptions) {
    this.options = options;
  }

  private get db(): Db {
    return this.options.db;
  }

  /**
   * Local search first. When a plain text query (no filters) finds nothing here, TMDB's search is
   * shown instead, marked `source: 'tmdb'` and not stored: importing stays an admin decision. If
   * TMDB cannot answer, the empty local result stands.
   */
  async searchFilms(
    search: FilmSearch,
  ): Promise<FilmSearchPage<FilmSummary | UpstreamFilmSummary>> {
    const local = await repository.searchFilms(this.db, search, {
      trigram: this.options.trigram,
    });
    const { tmdb } = this.options;
    const plainQuery =
      search.query !== undefined &&
      search.genre === undefined &&
      search.yearFrom === undefined &&
      search.yearTo === undefined &&
      search.minRating === undefined &&
      search.person === undefined;
    if (local.total > 0 || !tmdb || !plainQuery || search.page !== 1 || !search.query) {
      return local;
    }
    try {
      const upstream = await tmdb.client.search(search.query);
      const items = upstream.results
        .slice(0, search.pageSize)
        .map((hit) => upstreamSummary(hit, tmdb.imageBaseUrl));
      return { items, total: items.length, page: 1, pageSize: search.pageSize };
    } catch (err) {
      this.options.logger.warn(
        { err },
        'TMDB search fallback failed; answering with local results',
      );
      return local;
    }
  }

  async getFilm(id: string): Promise<FilmDetail> {
    const film = await repository.getFilm(this.db, id);
    if (!film) throw filmNotFound(id);
    return film;
  }

  async createFilm(input: FilmInput): Promise<FilmDetail> {
    const id = randomUUID();
    try {
      await this.db.transaction(async (tx) => {
        await repository.insertFilms(tx, [{ ...normalizeFilm(input), id }], {
          skipExisting: false,
        });
        await emitFilmChanged(tx, id, 'created');
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict(
          'A film with this TMDB or IMDb id is already in the catalog.',
          'film_exists',
        );
      }
      throw err;
    }
    this.options.published?.();
    return this.getFilm(id);
  }

  async updateFilm(id: string, patch: FilmPatch): Promise<FilmDetail> {
    let found = false;
    try {
      found = await this.db.transaction(async (tx) => {
        if (!(await repository.updateFilm(tx, id, normalizePatch(patch)))) return false;
        await emitFilmChanged(tx, id, 'updated');
        return true;
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw conflict('Another film already has this TMDB or IMDb id.', 'film_exists');
      }
      throw err;
    }
    if (!found) throw filmNotFound(id);
    this.options.published?.();
    return this.getFilm(id);
  }

  async deleteFilm(id: string): Promise<void> {
    const deleted = await this.db.transaction(async (tx) => {
      if (!(await repository.deleteFilm(tx, id))) return false;
      await emitFilmDeleted(tx, id);
      return true;
    });
    if (!deleted) throw filmNotFound(id);
    this.options.published?.();
  }

  /** Imports a film by TMDB id; a film imported before is returned as it is (`created: false`). */
  async importFromTmdb(tmdbId: number): Promise<{ film: FilmDetail; created: boolean }> {
    const { tmdb } = this.options;
    if (!tmdb) throw tmdbNotConfigured();
    const existing = await repository.findFilmIdByTmdbId(this.db, tmdbId);
    if (existing) return { film: await this.getFilm(existing), created: false };

    let input: FilmInput;
    try {
      input = filmFromTmdb(await tmdb.client.movie(tmdbId), tmdb.imageBaseUrl);
    } catch (err) {
      if (err instanceof TmdbNotFoundError) {
        throw notFound(`TMDB has no film with id ${tmdbId}.`, 'tmdb_film_not_found');
      }
      if (err instanceof TmdbError) throw badGateway(err.message, 'tmdb_failed');
      throw err;
    }
    try {
      return { film: await this.createFilm(input), created: true };
    } catch (err) {
      // Another import of the same film won the race.
      const winner = await repository.findFilmIdByTmdbId(this.db, tmdbId);
      if (winner) return { film: await this.getFilm(winner), created: false };
      throw err;
    }
  }

  searchPersons(search: {
    query?: string;
    page: number;
    pageSize: number;
  }): Promise<Page<PersonSummary>> {
    return repository.searchPersons(this.db, search, { trigram: this.options.trigram });
  }

  async getPerson(id: string): Promise<PersonDetail> {
    const person = await repository.getPerson(this.db, id);
    if (!person) throw notFound(`No person with id ${id}.`, 'person_not_found');
    return person;
  }

  listGenres(): Promise<(Genre & { filmCount: number })[]> {
    return repository.listGenres(this.db);
  }

  async findFilm(id: string): Promise<FilmRef> {
    const [film] = await repository.lookupFilms(this.db, [id]);
    if (!film) throw filmNotFound(id);
    return film;
  }

  lookupFilms(ids: readonly string[]): Promise<FilmRef[]> {
    return repository.lookupFilms(this.db, [...new Set(ids)]);
  }
}
