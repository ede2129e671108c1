import { describe, expect, it } from 'vitest';
import { mergeOpenApi } from './openapi-merge.js';

const problemRef = { $ref: '#/components/schemas/Problem' };

const catalog = {
  openapi: '3.0.3',
  paths: {
    '/api/v1/films/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: {
        operationId: 'getFilm',
        responses: {
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Film' } } },
          },
        },
      },
    },
    // Routed to engagement: catalog's claim on it is dropped.
    '/api/v1/films/{id}/stats': { get: { responses: {} } },
    '/healthz': { get: { tags: ['ops'], responses: {} } },
  },
  components: {
    schemas: {
      Film: { type: 'object', properties: { problem: problemRef } },
      Problem: { type: 'object' },
    },
    parameters: { Id: { name: 'id', in: 'path' } },
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
  },
};

const engagement = {
  paths: { '/api/v1/films/{filmId}/stats': { get: { tags: ['stats'], responses: {} } } },
  components: { schemas: { Problem: { type: 'object', title: 'engagement problem' } } },
};

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi(
    [
      { service: 'catalog', document: catalog },
      { service: 'engagement', document: engagement },
    ],
    { version: '1.2.3', unavailable: ['identity'] },
  );

  it('keeps only the paths the gateway routes to each service', () => {
    expect(Object.keys(merged.paths ?? {}).sort()).toEqual([
      '/api/v1/films/{filmId}/stats',
      '/api/v1/films/{id}',
    ]);
  });

  it('prefixes components and every reference to them with the service', () => {
    expect(Object.keys(merged.components?.schemas ?? {}).sort()).toEqual([
      'catalog.Film',
      'catalog.Problem',
      'engagement.Problem',
    ]);
    expect(merged.components?.schemas?.['catalog.Film']).toEqual({
      type: 'object',
      properties: { problem: { $ref: '#/components/schemas/catalog.Problem' } },
    });
    const item = merged.paths?.['/api/v1/films/{id}'];
    expect(item?.parameters).toEqual([{ $ref: '#/components/parameters/catalog.Id' }]);
    expect(JSON.stringify(item?.get)).toContain('#/components/schemas/catalog.Film');
    expect(merged.components?.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
  });

  it('tags operations by service unless tagged, and keeps operation ids unique', () => {
    expect(merged.paths?.['/api/v1/films/{id}']?.get).toMatchObject({
      operationId: 'catalog.getFilm',
      tags: ['catalog'],
      'x-service': 'catalog',
    });
    expect(merged.paths?.['/api/v1/films/{filmId}/stats']?.get).toMatchObject({ tags: ['stats'] });
  });

  it('names what is missing', () => {
    expect(merged['x-unavailable']).toEqual(['identity']);
    expect(merged.info).toMatchObject({ version: '1.2.3' });
    expect(merged.info?.description).toContain('identity');
  });
});
