import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const ISSUER = 'cinesync-identity';
export const AUDIENCE = 'cinesync';

export interface TestIssuer {
  jwksUrl: string;
  token(userId: string): Promise<string>;
  headers(userId: string): Promise<{ authorization: string }>;
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
  const token = (userId: string) =>
    new SignJWT({ role: 'user' })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    token,
    headers: async (userId) => ({ authorization: `Bearer ${await token(userId)}` }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
