import { startIssuer as startKitIssuer } from '@cinesync/kit/testing';

export { TEST_AUDIENCE as AUDIENCE, TEST_ISSUER as ISSUER } from '@cinesync/kit/testing';

export interface TestIssuer {
  jwksUrl: string;
  token(userId: string): Promise<string>;
  headers(userId: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** The kit's stand-in for identity, signing a plain user's token by id as these tests need. */
export async function startIssuer(): Promise<TestIssuer> {
  const issuer = await startKitIssuer();
  const token = (userId: string) => issuer.sign({ sub: userId });
  return {
    jwksUrl: issuer.jwksUrl,
    token,
    headers: async (userId) => ({ authorization: `Bearer ${await token(userId)}` }),
    close: () => issuer.close(),
  };
}
