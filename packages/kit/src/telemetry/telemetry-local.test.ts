import { once } from 'node:events';
import { connect } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, listen } from '../http/index.js';
import { createLogger } from '../log/index.js';
import { captureError, initTelemetry, shutdownTelemetry, traceHeaders } from './index.js';

function capture(service: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { lines, logger };
}

/**
 * A POST whose body comes 50 ms after its headers, so it is read in socket events that run
 * outside the request's context (a body sent with the headers would be read inside it).
 */
async function slowPost(url: URL, traceparent: string | undefined): Promise<string> {
  const socket = connect(Number(url.port), url.hostname);
  await once(socket, 'connect');
  const body = JSON.stringify({ n: 1 });
  socket.write(
    `POST /echo HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\n` +
      `content-length: ${body.length}\r\nconnection: close\r\n` +
      (traceparent ? `traceparent: ${traceparent}\r\n` : '') +
      '\r\n',
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.write(body);
  let response = '';
  for await (const chunk of socket) response += String(chunk);
  return response;
}

describe('telemetry without an endpoint or DSN', () => {
  beforeAll(() => initTelemetry({ service: 'local', otlpEndpoint: '', sentryDsn: '' }));
  afterAll(() => shutdownTelemetry());

  it('still gives spans trace ids for logs, without recording them', () => {
    const { lines, logger } = capture('local');
    trace.getTracer('test').startActiveSpan('work', (span) => {
      expect(span.isRecording()).toBe(false);
      logger.info('inside');
      expect(() => captureError(new Error('nobody listens'))).not.toThrow();
      span.end();
      expect(lines[0]?.trace_id).toBe(span.spanContext().traceId);
      expect(lines[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  it("continues the caller's trace through hooks, body parsing and the handler", async () => {
    const { lines, logger } = capture('local');
    const server = await createServer({ service: 'local', logger });
    const sent: Record<string, string>[] = [];
    server.post('/echo', async (request) => {
      request.log.info('handling');
      sent.push(traceHeaders());
      return request.body;
    });
    const url = new URL(await listen(server, { port: 0, host: '127.0.0.1' }));
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await slowPost(url, `00-${traceId}-00f067aa0ba902b7-01`);
    expect(response).toMatch(/^HTTP\/1.1 200 /);
    expect(response.endsWith('{"n":1}')).toBe(true);
    expect(lines.find((line) => line.msg === 'handling')?.trace_id).toBe(traceId);
    // What a call to the next service carries: the same trace, this request's span as parent.
    const [, sentTrace, sentParent] = sent[0]?.traceparent?.split('-') ?? [];
    expect(sentTrace).toBe(traceId);
    expect(sentParent).toMatch(/^[0-9a-f]{16}$/);
    expect(sentParent).not.toBe('00f067aa0ba902b7');

    // No traceparent: the request starts a trace of its own.
    await slowPost(url, undefined);
    expect(sent[1]?.traceparent?.split('-')[1]).toMatch(/^(?!4bf92f)[0-9a-f]{32}$/);
    await server.close();
  });
});
