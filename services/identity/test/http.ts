import type { Server } from '@cinesync/kit/http';

export interface Call<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

/** One request through inject; the body parsed when there is one. */
export async function call<T = Record<string, unknown>>(
  server: Server,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  options: { body?: object; token?: string; ip?: string } = {},
): Promise<Call<T>> {
  const response = await server.inject({
    method,
    url,
    ...(options.body ? { payload: options.body } : {}),
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    remoteAddress: options.ip ?? '192.0.2.1',
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: (response.body === '' ? {} : response.json()) as T,
  };
}
