import { connect as connectHttp2 } from 'node:http2';
import { connect as connectTcp } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, listen, type Server } from '../http/index.js';
import { createLogger } from '../log/index.js';
import { serveH2c } from './h2c.js';

const logger = createLogger({ service: 'h2c-test', level: 'silent' });

async function start(): Promise<{ server: Server; url: string }> {
  const server = await createServer({ service: 'h2c-test', logger });
  server.get('/hello', async (request) => ({ hello: 'world', version: request.raw.httpVersion }));
  serveH2c(server, { sniffTimeoutMs: 100 });
  return { server, url: await listen(server, { port: 0, host: '127.0.0.1' }) };
}

function http2Get(url: string, path: string) {
  const session = connectHttp2(url);
  return new Promise<{ session: typeof session; status: number; body: string; requestId: unknown }>(
    (resolve, reject) => {
      const stream = session.request({ ':path': path });
      let body = '';
      let status = 0;
      let requestId: unknown;
      stream.on('response', (headers) => {
        status = Number(headers[':status']);
        requestId = headers['x-request-id'];
      });
      stream.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      stream.on('end', () => resolve({ session, status, body, requestId }));
      stream.on('error', reject);
    },
  );
}

describe('serveH2c: HTTP/2 without TLS next to HTTP/1.1 on one port', () => {
  let running: Server | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('routes both protocols to the same Fastify routes and hooks', async () => {
    const { server, url } = await start();
    running = server;
    const http1 = await fetch(`${url}/hello`);
    expect(await http1.json()).toEqual({ hello: 'world', version: '1.1' });
    const http2 = await http2Get(url, '/hello');
    expect(http2.status).toBe(200);
    expect(JSON.parse(http2.body)).toEqual({ hello: 'world', version: '2.0' });
    expect(http2.requestId).toEqual(expect.any(String));
    http2.session.close();
  });

  it('closes with an HTTP/2 connection still open: GOAWAY, then the port is released', async () => {
    const { server, url } = await start();
    const { session } = await http2Get(url, '/hello');
    const goaway = new Promise<void>((resolve) => session.once('goaway', () => resolve()));
    await server.close();
    await goaway;
    session.destroy();
  });

  it('drops a connection that never says which protocol it speaks', async () => {
    const { server, url } = await start();
    running = server;
    const { port } = new URL(url);
    const socket = connectTcp(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(socket.destroyed).toBe(true);
  });
});
