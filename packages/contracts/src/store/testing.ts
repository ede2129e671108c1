import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** Test-only: a stand-in for identity that serves a JWKS and signs access tokens. */
export interface TestIssuer {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The variables a store service reads to verify tokens. */
  env: { JWKS_URL: string; JWT_ISSUER: string; JWT_AUDIENCE: string };
  token(userId: string, options?: { role?: 'user' | 'admin'; expiresIn?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const issuer = 'cinesync-identity';
  const audience = 'cinesync';
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
  return {
    jwksUrl,
    issuer,
    audience,
    env: { JWKS_URL: jwksUrl, JWT_ISSUER: issuer, JWT_AUDIENCE: audience },
    token: (userId, options = {}) =>
      new SignJWT({ role: options.role ?? 'user' })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
        .setSubject(userId)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
