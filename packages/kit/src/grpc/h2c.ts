import type { Server as HttpServer } from 'node:http';
import { createServer as createHttp2Server, type Http2Session } from 'node:http2';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** What every HTTP/2 client sends first when it talks h2c with prior knowledge (RFC 9113 §3.4). */
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export interface H2cOptions {
  /** A connection that has not said which protocol it speaks within this time is dropped. */
  sniffTimeoutMs?: number;
  /** On close, HTTP/2 connections still busy after this long are cut (default 10 s). */
  shutdownTimeoutMs?: number;
}

/**
 * Lets the server's one port speak HTTP/2 without TLS (h2c, as gRPC clients do inside a cluster)
 * next to HTTP/1.1 (browsers, the gateway, health probes). Node's cleartext HTTP/2 server cannot
 * fall back to HTTP/1.1, so each new connection is told apart by its first bytes: the HTTP/2
 * preface goes to an HTTP/2 server, anything else to the HTTP/1.1 server as before. Both hand
 * their requests to the same Fastify router, so routes, hooks (auth, request id, metrics) and
 * error handling are shared.
 *
 * Call before `listen`. The bytes read to decide are pushed back onto the socket, and both Node
 * servers replay what is buffered on a socket they are given.
 */
export function serveH2c(server: FastifyInstance, options: H2cOptions = {}): void {
  const http1: HttpServer = server.server;
  const [route] = http1.listeners('request');
  if (route === undefined) throw new Error('serveH2c: the server has no request handler');
  const toHttp1 = http1.listeners('connection');
  http1.removeAllListeners('connection');

  const http2 = createHttp2Server();
  http2.on('request', route as (...args: unknown[]) => void);
  const sessions = new Set<Http2Session>();
  http2.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });

  const sniffTimeoutMs = options.sniffTimeoutMs ?? 10_000;
  http1.on('connection', (socket: Socket) => {
    sniff(socket, sniffTimeoutMs, (isHttp2) => {
      if (isHttp2) http2.emit('connection', socket);
      else for (const listener of toHttp1) listener.call(http1, socket);
    });
  });

  // Fastify's close waits for every connection of the port to end, HTTP/2 ones included: send
  // GOAWAY so clients open no new streams and each session closes once its streams are done.
  server.addHook('preClose', async () => {
    for (const session of sessions) session.close();
    if (sessions.size === 0) return;
    const timer = setTimeout(() => {
      for (const session of sessions) session.destroy();
    }, options.shutdownTimeoutMs ?? 10_000);
    timer.unref();
  });
}

/** Reads until the first bytes either are or cannot be the HTTP/2 preface, then puts them back. */
function sniff(socket: Socket, timeoutMs: number, decide: (isHttp2: boolean) => void): void {
  const seen: Buffer[] = [];
  const finish = (): void => {
    clearTimeout(timer);
    socket.off('readable', onReadable);
    socket.off('end', onGone);
    socket.off('error', onGone);
  };
  const onGone = (): void => {
    finish();
    socket.destroy();
  };
  const onReadable = (): void => {
    for (let chunk = socket.read(); chunk !== null; chunk = socket.read()) seen.push(chunk);
    const head = Buffer.concat(seen);
    const compared = Math.min(head.length, PREFACE.length);
    const isHttp2 = head.subarray(0, compared).equals(PREFACE.subarray(0, compared));
    if (isHttp2 && head.length < PREFACE.length) return;
    finish();
    socket.unshift(head);
    decide(isHttp2);
  };
  const timer = setTimeout(onGone, timeoutMs);
  timer.unref();
  socket.on('readable', onReadable);
  socket.once('end', onGone);
  socket.once('error', onGone);
}
