import createClient from 'openapi-fetch';
import type { paths } from './gen/schema';
import { ApiError, asProblem } from './problem';
import { authorizedFetch, createSession, type ExclusiveLock } from './session';

const send = (request: Request) => globalThis.fetch(request);

const locks: ExclusiveLock | undefined =
  'locks' in navigator
    ? {
        request: (name, callback) => navigator.locks.request(name, callback).then((value) => value),
      }
    : undefined;

export const session = createSession({ fetch: send, storage: localStorage, locks });

// Another tab signed in, out, or rotated the tokens: let this tab's views follow.
window.addEventListener('storage', (event) => {
  if (event.key === session.storageKey || event.key === null) session.changedElsewhere();
});

/** Typed client of the whole public API (paths and bodies from the services' OpenAPI). */
export const api = createClient<paths>({ fetch: authorizedFetch(session, send) });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call; otherwise throws an ApiError with the server's problem. */
export async function ok<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, asProblem(error));
  return data as T;
}
