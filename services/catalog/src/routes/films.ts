import { requireRole } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { Catalog } from '../catalog.js';
import { toFilmSearch } from '../search-params.js';
import {
  FilmCreateSchema,
  FilmDetailSchema,
  FilmPatchSchema,
  FilmQuerySchema,
  FilmSearchPageSchema,
  IdParams,
  ImportSchema,
} from './schemas.js';

const tags = ['films'];
const admin = { onRequest: requireRole('admin') };
const adminOnly = { security: [{ bearerAuth: [] }] };

export function filmRoutes(server: Server, catalog: Catalog): void {
  server.get(
    '/api/v1/films',
    {
      schema: {
        tags,
        summary: 'Search and browse films',
        description:
          'Full-text search (title, original title, people, characters, overview) with typo ' +
          'tolerance, ranked: exact title first, then text rank plus title similarity. When a ' +
          'plain query finds nothing locally and TMDB is configured, TMDB results are returned ' +
          "marked source: 'tmdb'. When the words as typed match nothing but a spelling " +
          "correction from the catalog's own titles and names does, the results are for the " +
          'corrected words and `correctedQuery` says which.',
        querystring: FilmQuerySchema,
        response: { 200: FilmSearchPageSchema },
      },
    },
    (request) => catalog.searchFilms(toFilmSearch(request.query)),
  );

  server.get(
    '/api/v1/films/:id',
    {
      schema: {
        tags,
        summary: 'A film with its genres and people',
        params: IdParams,
        response: { 200: FilmDetailSchema },
      },
    },
    (request) => catalog.getFilm(request.params.id),
  );

  server.post(
    '/api/v1/films',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Add a film (admin)',
        ...adminOnly,
        body: FilmCreateSchema,
        response: { 201: FilmDetailSchema },
      },
    },
    async (request, reply) => {
      const film = await catalog.createFilm(request.body);
      return reply.code(201).header('location', `/api/v1/films/${film.id}`).send(film);
    },
  );

  server.post(
    '/api/v1/films/import',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Import a film from TMDB by its TMDB id (admin)',
        description: '201 when imported, 200 with the existing film when it was imported before.',
        ...adminOnly,
        body: ImportSchema,
        response: { 200: FilmDetailSchema, 201: FilmDetailSchema },
      },
    },
    async (request, reply) => {
      const { film, created } = await catalog.importFromTmdb(request.body.tmdbId);
      return reply.code(created ? 201 : 200).send(film);
    },
  );

  server.patch(
    '/api/v1/films/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Edit a film (admin)',
        description: 'Absent fields stay; null clears a value; a list replaces the whole list.',
        ...adminOnly,
        params: IdParams,
        body: FilmPatchSchema,
        response: { 200: FilmDetailSchema },
      },
    },
    (request) => catalog.updateFilm(request.params.id, request.body),
  );

  server.delete(
    '/api/v1/films/:id',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Remove a film (admin)',
        ...adminOnly,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }) },
      },
    },
    async (request, reply) => {
      await catalog.deleteFilm(request.params.id);
      return reply.code(204).send(null);
    },
  );
}
