import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { createLogger } from '@cinesync/kit/log';
import { type StartedService, startService } from '@cinesync/kit/service';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { service } from '../src/index.js';

/** What an upstream saw of one request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => unknown;

export interface FakeUpstream {
  name: string;
  url: string;
  seen: Seen[];
  /** Overrides the answer for one path (exact match, query ignored). */
  on(path: string, handler: Handler): void;
  close(): Promise<void>;
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * A tiny service: by default answers every request with JSON naming itself and echoing what it
 * got, serves /healthz and a one-operation /openapi.json, and records each request.
 */
export async function startUpstream(name: string): Promise<FakeUpstream> {
  const seen: Seen[] = [];
  const handlers = new Map<string, Handler>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of request) chunks.push(chunk as Buffer);
    } catch {
      return;
    }
    const body = Buffer.concat(chunks).toString();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    seen.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      rawHeaders: request.rawHeaders,
      body,
    });
    const handler = handlers.get(path);
    if (handler) return handler(request, response, body);
    if (path === '/healthz') return json(response, 200, { status: 'ok' });
    if (path === '/openapi.json') return json(response, 200, openApiOf(name));
    return json(response, 200, { service: name, method: request.method, url: request.url, body });
  });
  const url = await listen(server);
  return {
    name,
    url,
    seen,
    on: (path, handler) => handlers.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const PATHS: Record<string, string> = { catalog: 'films', identity: 'users' };

/** A document shaped like the kit's: one own path, one ops path, a Problem component. */
function openApiOf(name: string) {
  return {
    openapi: '3.0.3',
    info: { title: name, version: '1.0.0' },
    paths: {
      [`/api/v1/${PATHS[name] ?? name}/{id}`]: {
        get: {
          operationId: 'getOne',
          responses: {
            200: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            default: { $ref: '#/components/responses/Problem' },
          },
        },
      },
      '/healthz': { get: { responses: { 200: { description: 'ok' } } } },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties: { name: { type: 'string' } } },
        Problem: { type: 'object' },
      },
      responses: {
        Problem: {
          description: 'problem',
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
  };
}

/** A URL where nothing listens: a port that was free a moment ago. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

export const ISSUER = 'cinesync-identity';
export const AUDIENCE = 'cinesync';

export interface Jwks {
  url: string;
  sign(
    claims?: Record<string, unknown>,
    options?: { exp?: number | string; aud?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

/** A JWKS endpoint with one EdDSA key, and a signer for tokens the gateway should accept. */
export async function startJwks(): Promise<Jwks> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_request, response) => json(response, 200, { keys: [jwk] }));
  const base = await listen(server);
  const key: CryptoKey = privateKey;
  return {
    url: `${base}/.well-known/jwks.json`,
    sign: (claims = {}, options = {}) =>
      new SignJWT({ role: 'user', ...claims })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
        .setSubject('user-1')
        .setIssuer(ISSUER)
        .setAudience(options.aud ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.exp ?? '5m')
        .sign(key),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The gateway as the launcher starts it, on a free port, quiet. */
export function startGateway(env: Record<string, string | undefined>): Promise<StartedService> {
  return startService(service, {
    env: { LOG_LEVEL: 'silent', ...env },
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ service: 'gateway', level: 'silent' }),
  });
}

/** A random documentation-range address, so each test owns its own rate-limit bucket. */
export const randomIp = () => {
  const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8::${hex()}:${hex()}`;
};

/**
 * GET over a bare socket with `Connection: close`, resolving with the whole raw response once the
 * server closes: no client library adds or hides headers.
 */
export function rawGet(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const { hostname, port } = new URL(base);
  const lines = [`GET ${path} HTTP/1.1`, `host: ${hostname}:${port}`, 'connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk;
    });
    socket.on('end', () => resolve(response));
    socket.on('error', reject);
  });
}
