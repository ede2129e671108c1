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

export interface TokenClaims {
  sub: string;
  role?: 'user' | 'admin';
  name?: string;
  email?: string;
}

export interface TestIssuer {
  jwksUrl: string;
  /** A signed-in caller with a fresh id (or `id`), and the headers to act as them. */
  caller(role?: 'user' | 'admin', id?: string): Promise<Caller>;
  /** An access token with exactly these claims (role defaults to user), valid for 10 minutes. */
  sign(claims: TokenClaims): Promise<string>;
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
  const sign = ({ sub, role = 'user', ...rest }: TokenClaims) =>
    new SignJWT({ role, ...rest })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setSubject(sub)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    sign,
    async caller(role = 'user', id = randomUUID()) {
      const token = await sign({ sub: id, role, email: `${id.slice(0, 8)}@example.com` });
      return { id, headers: { authorization: `Bearer ${token}` } };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
