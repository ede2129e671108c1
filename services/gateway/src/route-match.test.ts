import { describe, expect, it } from 'vitest';
import { ownerOf } from './route-match.js';
import { ROUTES } from './routes-table.js';

describe('ownerOf', () => {
  it.each([
    ['/api/v1/films', 'catalog'],
    ['/api/v1/films/{id}', 'catalog'],
    ['/api/v1/films/{filmId}/stats', 'engagement'],
    ['/api/v1/films/{filmId}/reviews', 'engagement'],
    ['/api/v1/films/{filmId}/reviews/{id}', 'catalog'],
    ['/api/v1/reviews/{id}/vote', 'engagement'],
    ['/api/v1/stocks/{sku}', 'orders'],
    ['/api/v1/auth/login', 'identity'],
    ['/.well-known/jwks.json', 'identity'],
    ['/api/v1/events', 'analytics'],
  ])('%s belongs to %s', (path, owner) => {
    expect(ownerOf(path, ROUTES)).toBe(owner);
  });

  it.each(['/healthz', '/openapi.json', '/api/v1/eventsx', '/api/v1/auth'])(
    '%s belongs to nobody',
    (path) => {
      expect(ownerOf(path, ROUTES)).toBeUndefined();
    },
  );

  it('prefers static over parameter over wildcard, as the router does, whatever the order', () => {
    const table = [
      { service: 'wild', env: 'W', paths: ['/a/*'] },
      { service: 'param', env: 'P', paths: ['/a/:id/b'] },
      { service: 'static', env: 'S', paths: ['/a/x/b'] },
    ];
    expect(ownerOf('/a/x/b', table)).toBe('static');
    expect(ownerOf('/a/y/b', table)).toBe('param');
    expect(ownerOf('/a/y/c', table)).toBe('wild');
    expect(ownerOf('/a', table)).toBeUndefined();
  });
});
