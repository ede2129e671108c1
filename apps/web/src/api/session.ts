/**
 * The signed-in session: an access token (short-lived JWT) and a refresh token (opaque, rotated
 * on every use). Both live in localStorage so a reload or a second tab stays signed in; the
 * trade-off is that a script injected into the page could read them, which the gateway's CSP
 * (scripts from this origin only) is there to prevent.
 *
 * Identity revokes the whole token family when a used refresh token is presented again, so two
 * refreshes must never race: within a tab one refresh is shared by every caller (single flight),
 * and across tabs a Web Lock serialises them; after waiting, a tab that finds a token another tab
 * already rotated uses that one instead of refreshing again.
 */

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export interface Claims {
  sub: string;
  role: string;
  email?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ExclusiveLock {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SessionOptions {
  fetch: (input: Request) => Promise<Response>;
  storage: KeyValueStore;
  /** Cross-tab lock (navigator.locks); without it, refreshes are single-flight in this tab only. */
  locks?: ExclusiveLock;
  now?: () => number;
  key?: string;
  /** Refresh this long before the access token expires. */
  marginMs?: number;
  /** Origin of the API; the page's own by default. */
  baseUrl?: string;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT, unverified: the servers verify; the app only reads who and until when. */
export function decodeClaims(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(base64UrlDecode(payload));
    if (typeof claims !== 'object' || claims === null) return undefined;
    const { sub, role, email, exp } = claims as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof exp !== 'number') return undefined;
    return {
      sub,
      role: typeof role === 'string' ? role : 'user',
      email: typeof email === 'string' ? email : undefined,
      exp,
    };
  } catch {
    return undefined;
  }
}

export type Session = ReturnType<typeof createSession>;

export function createSession(options: SessionOptions) {
  const key = options.key ?? 'cinesync.session';
  const now = options.now ?? Date.now;
  const marginMs = options.marginMs ?? 30_000;
  const baseUrl = options.baseUrl ?? globalThis.location.origin;
  const post = (path: string, body: unknown) =>
    options.fetch(
      new Request(new URL(path, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const listeners = new Set<() => void>();
  let inflight: Promise<string | undefined> | undefined;

  function read(): Tokens | undefined {
    const raw = options.storage.getItem(key);
    if (!raw) return undefined;
    try {
      const value = JSON.parse(raw) as Partial<Tokens>;
      if (typeof value.accessToken === 'string' && typeof value.refreshToken === 'string') {
        return { accessToken: value.accessToken, refreshToken: value.refreshToken };
      }
    } catch {
      // A corrupt entry is the same as none.
    }
    return undefined;
  }

  function write(tokens: Tokens | undefined): void {
    if (tokens) options.storage.setItem(key, JSON.stringify(tokens));
    else options.storage.removeItem(key);
    for (const listener of listeners) listener();
  }

  const fresh = (token: string) => {
    const claims = decodeClaims(token);
    return claims !== undefined && claims.exp * 1000 - now() > marginMs;
  };

  async function rotate(used: string): Promise<string | undefined> {
    const stored = read();
    if (!stored) return undefined;
    // Another tab (or an earlier flight) rotated it while this one waited: use its result.
    if (stored.refreshToken !== used) return stored.accessToken;
    const response = await post('/api/v1/auth/refresh', { refreshToken: used });
    if (response.status === 401 || response.status === 400) {
      // Used up, expired or revoked: the only way back is signing in again.
      write(undefined);
      return undefined;
    }
    if (!response.ok) throw new Error(`Refreshing the session failed (${response.status}).`);
    const tokens = (await response.json()) as Tokens;
    write({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
    return tokens.accessToken;
  }

  /** One refresh at a time, shared by every caller in this tab. */
  function refresh(): Promise<string | undefined> {
    const used = read()?.refreshToken;
    if (used === undefined) return Promise.resolve(undefined);
    inflight ??= (async () => {
      try {
        return options.locks
          ? await options.locks.request(`${key}.refresh`, () => rotate(used))
          : await rotate(used);
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  }

  return {
    tokens: read,
    claims(): Claims | undefined {
      const tokens = read();
      return tokens && decodeClaims(tokens.accessToken);
    },
    /** The access token if it is still good for a while; never refreshes (for page unload). */
    currentAccessToken(): string | undefined {
      const token = read()?.accessToken;
      return token && fresh(token) ? token : undefined;
    },
    /** A usable access token, refreshed first when it is about to expire; undefined for guests. */
    async accessToken(): Promise<string | undefined> {
      const tokens = read();
      if (!tokens) return undefined;
      return fresh(tokens.accessToken) ? tokens.accessToken : refresh();
    },
    /** After a 401 with `rejected`: a newer token, refreshing only if nobody did meanwhile. */
    async renew(rejected: string): Promise<string | undefined> {
      const tokens = read();
      if (!tokens) return undefined;
      return tokens.accessToken !== rejected ? tokens.accessToken : refresh();
    },
    signIn(tokens: Tokens): void {
      write(tokens);
    },
    /** Forgets the tokens here, and revokes the family on the server (best effort). */
    async signOut(): Promise<void> {
      const tokens = read();
      write(undefined);
      if (!tokens) return;
      await post('/api/v1/auth/logout', { refreshToken: tokens.refreshToken }).catch(
        () => undefined,
      );
    },
    /** Called on every change, also when another tab signs in or out (see `changedElsewhere`). */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changedElsewhere(): void {
      for (const listener of listeners) listener();
    },
    storageKey: key,
  };
}

/**
 * fetch for the API client: adds the bearer token, and after a 401 refreshes once and retries
 * once. Guests' requests go out without a header.
 */
export function authorizedFetch(session: Session, send: (input: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const token = await session.accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    const response = await send(request);
    if (response.status !== 401 || !token) return response;
    const renewed = await session.renew(token);
    if (!renewed) return response;
    retry.headers.set('authorization', `Bearer ${renewed}`);
    return send(retry);
  };
}
