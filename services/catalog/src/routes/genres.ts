import type { Server } from '@cinesync/kit/http';
import { Type } from 'typebox';
import type { Catalog } from '../catalog.js';
import { GenreSchema } from './schemas.js';

export function genreRoutes(server: Server, catalog: Catalog): void {
  server.get(
    '/api/v1/genres',
    {
      schema: {
        tags: ['genres'],
        summary: 'Every genre, with how many films it has',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ ...GenreSchema.properties, filmCount: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async () => ({ items: await catalog.listGenres() }),
  );
}
