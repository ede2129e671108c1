import { requireRole } from '@cinesync/kit/auth';
import type { Server } from '@cinesync/kit/http';
import type { KeyStore } from '../signing-keys.js';
import { JwksSchema, RotatedSchema } from './schemas.js';

const tags = ['keys'];

export function keyRoutes(server: Server, keys: KeyStore): void {
  server.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags,
        summary: 'Public keys that verify access tokens (JWKS)',
        description:
          'The signing key and recently retired ones. Verifiers cache it and refetch on an unknown `kid`.',
        response: { 200: JwksSchema },
      },
    },
    async (_request, reply) => {
      // Short: after a rotation, anything caching by HTTP rules sees the new key within a minute.
      reply.header('cache-control', 'public, max-age=60');
      return keys.jwks();
    },
  );

  server.post(
    '/api/v1/auth/keys/rotate',
    {
      onRequest: requireRole('admin'),
      schema: {
        tags,
        security: [{ bearerAuth: [] }],
        summary: 'Start signing with a new key (admins only)',
        description:
          'The old key stays in the JWKS until the tokens it signed have expired. Keys also rotate by themselves at SIGNING_KEY_MAX_AGE.',
        response: { 200: RotatedSchema },
      },
    },
    async () => keys.rotate(),
  );
}
