import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The defaults every service expects (JWT_ISSUER, JWT_AUDIENCE). */
export const TEST_ISSUER = 'cinesync-identity';
export const TEST_AUDIENCE = 'cinesync';

export interface Caller {
  id: string;
  headers: { authorization: string };
}

export interface TestIssuer {
  jwksUrl: string;
  /** A signed-in caller with a fresh id (or `id`), and the headers to act as them. */
  caller(role?: 'user' | 'admin', id?: string): Promise<Caller>;
  close(): Promise<void>;
}

/** A local stand-in for identity: one EdDSA key served as a JWKS, and tokens signed with it. */
export async function startIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    async caller(role = 'user', id = randomUUID()) {
      const token = await new SignJWT({ role, email: `${id.slice(0, 8)}@example.com` })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
        .setSubject(id)
        .setIssuer(TEST_ISSUER)
        .setAudience(TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return { id, headers: { authorization: `Bearer ${token}` } };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
