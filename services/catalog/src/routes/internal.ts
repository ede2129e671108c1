import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { Catalog } from '../catalog.js';
import { FilmRefSchema, IdParams, Uuid } from './schemas.js';

const tags = ['internal'];
const description =
  'For other services (engagement checks a film exists and gets its title). Not routed by the ' +
  'gateway: reachable only inside the platform network.';

export function internalRoutes(server: Server, catalog: Catalog): void {
  server.get(
    '/internal/v1/films/:id',
    {
      schema: {
        tags,
        summary: 'Whether a film exists, with its title',
        description,
        security: [],
        params: IdParams,
        response: { 200: FilmRefSchema },
      },
    },
    (request) => catalog.findFilm(request.params.id),
  );

  server.post(
    '/internal/v1/films/lookup',
    {
      // A read that takes a body: services call it without a user's token.
      config: { allowGuest: true },
      schema: {
        tags,
        summary: 'The films among these ids that exist (unknown ids are left out)',
        description,
        security: [],
        body: Type.Object(
          { ids: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(FilmRefSchema) }) },
      },
    },
    async (request) => ({ items: await catalog.lookupFilms(request.body.ids) }),
  );
}
