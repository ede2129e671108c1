import type { Server } from '@cinesync/kit/http';
import type { Catalog } from '../catalog.js';
import {
  IdParams,
  PersonDetailSchema,
  PersonQuerySchema,
  PersonSummarySchema,
  pageOf,
} from './schemas.js';

export function personRoutes(server: Server, catalog: Catalog): void {
  server.get(
    '/api/v1/persons',
    {
      schema: {
        tags: ['people'],
        summary: 'Find people by name (prefix, word prefix, typo tolerant)',
        querystring: PersonQuerySchema,
        response: { 200: pageOf(PersonSummarySchema) },
      },
    },
    (request) => {
      const query = request.query.query?.trim() || undefined;
      return catalog.searchPersons({ ...request.query, query });
    },
  );

  server.get(
    '/api/v1/persons/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'A person with their filmography, newest first',
        params: IdParams,
        response: { 200: PersonDetailSchema },
      },
    },
    (request) => catalog.getPerson(request.params.id),
  );
}
