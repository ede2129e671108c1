import { describe, expect, it } from 'vitest';
import { authorizedFetch, createSession, type KeyValueStore, type Tokens } from './session';

const NOW = 1_700_000_000_000;

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '');
  return `${part({ alg: 'EdDSA' })}.${part(claims)}.signature`;
}

const token = (name: string, expiresInSec: number) =>
  jwt({
    sub: 'user-1',
    role: 'user',
    email: 'u@x.test',
    exp: NOW / 1000 + expiresInSec,
    jti: name,
  });

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** An identity stand-in: rotates refresh tokens and, like the real one, fails a reused one. */
function fakeIdentity() {
  let generation = 0;
  const used = new Set<string>();
  const calls: string[] = [];
  const apiCalls: { path: string; authorization: string | null; body: string }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/refresh') {
      const { refreshToken } = (await request.json()) as { refreshToken: string };
      calls.push(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (used.has(refreshToken))
        return new Response('{"code":"invalid_refresh_token"}', { status: 401 });
      used.add(refreshToken);
      generation += 1;
      const tokens: Tokens = {
        accessToken: token(`a${generation}`, 900),
        refreshToken: `r${generation}`,
      };
      return Response.json(tokens);
    }
    const authorization = request.headers.get('authorization');
    apiCalls.push({ path, authorization, body: await request.text() });
    const fresh = authorization === `Bearer ${token(`a${generation}`, 900)}` && generation > 0;
    return new Response(null, { status: fresh ? 200 : 401 });
  };
  return { fetch, calls, apiCalls };
}

function signedIn(tokens: Tokens, options: { locks?: boolean } = {}) {
  const storage = memoryStore();
  const identity = fakeIdentity();
  let queue = Promise.resolve();
  const locks = {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const result = queue.then(callback);
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
  const session = createSession({
    fetch: identity.fetch,
    storage,
    now: () => NOW,
    baseUrl: 'http://cinesync.test',
    ...(options.locks ? { locks } : {}),
  });
  session.signIn(tokens);
  return { session, storage, identity, locks };
}

describe('session', () => {
  it('uses a fresh access token as is', async () => {
    const { session, identity } = signedIn({ accessToken: token('a0', 600), refreshToken: 'r0' });
    expect(await session.accessToken()).toBe(token('a0', 600));
    expect(identity.calls).toEqual([]);
  });

  it('refreshes an expiring token once, however many callers ask at the same time', async () => {
    const { session, identity } = signedIn({ accessToken: token('a0', 10), refreshToken: 'r0' });
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => session.accessToken()));
    expect(identity.calls).toEqual(['r0']);
    expect(new Set(tokens)).toEqual(new Set([token('a1', 900)]));
    expect(session.tokens()?.refreshToken).toBe('r1');
  });

  it('retries a 401 once with a refreshed token, one refresh for concurrent requests', async () => {
    const { session, identity } = signedIn({ accessToken: token('a0', 600), refreshToken: 'r0' });
    const send = authorizedFetch(session, identity.fetch);
    const responses = await Promise.all(
      ['one', 'two', 'three'].map((body) =>
        send(new Request('http://cinesync.test/api/v1/ratings', { method: 'PUT', body })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(identity.calls).toEqual(['r0']);
    const retries = identity.apiCalls.filter(
      (call) => call.authorization === `Bearer ${token('a1', 900)}`,
    );
    expect(retries.map((call) => call.body).sort()).toEqual(['one', 'three', 'two']);
  });

  it('signs out when the refresh token is refused, and tells the listeners', async () => {
    const { session, storage, identity } = signedIn({
      accessToken: token('a0', 10),
      refreshToken: 'r0',
    });
    await session.accessToken();
    // Another device used r1 meanwhile: presenting it again is reuse.
    await identity.fetch(
      new Request('http://cinesync.test/api/v1/auth/refresh', {
        method: 'POST',
        body: JSON.stringify({ refreshToken: 'r1' }),
      }),
    );
    session.signIn({ accessToken: token('a1', 10), refreshToken: 'r1' });
    let changes = 0;
    session.subscribe(() => {
      changes += 1;
    });
    expect(await session.accessToken()).toBeUndefined();
    expect(storage.data.size).toBe(0);
    expect(changes).toBe(1);
  });

  it('after waiting for the lock, uses the token another tab rotated instead of reusing the old one', async () => {
    const { session, storage, identity, locks } = signedIn(
      { accessToken: token('a0', 10), refreshToken: 'r0' },
      { locks: true },
    );
    const otherTab = createSession({
      fetch: identity.fetch,
      storage,
      locks,
      now: () => NOW,
      baseUrl: 'http://cinesync.test',
    });
    const [mine, theirs] = await Promise.all([otherTab.accessToken(), session.accessToken()]);
    expect(identity.calls).toEqual(['r0']);
    expect(mine).toBe(theirs);
  });

  it('signs out locally and revokes on the server', async () => {
    const { session, identity } = signedIn({ accessToken: token('a0', 600), refreshToken: 'r0' });
    await session.signOut();
    expect(session.tokens()).toBeUndefined();
    expect(identity.apiCalls.map((call) => [call.path, call.body])).toEqual([
      ['/api/v1/auth/logout', '{"refreshToken":"r0"}'],
    ]);
  });
});
