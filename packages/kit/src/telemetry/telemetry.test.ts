import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, listen } from '../http/index.js';
import { createLogger } from '../log/index.js';
import { captureError, initTelemetry, shutdownTelemetry } from './index.js';

/** A stand-in for an OTLP collector and a Sentry ingest endpoint: records every POST body. */
async function startCollector() {
  const bodies: { path: string; body: string }[] = [];
  const server: HttpServer = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { bodies, base: `http://127.0.0.1:${port}`, port, close: () => server.close() };
}

interface OtlpSpan {
  traceId: string;
  name: string;
  kind: number;
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { lines, logger: createLogger({ service: 'tele', destination }) };
}

describe('telemetry with an OTLP endpoint and a Sentry DSN', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    await initTelemetry({
      service: 'tele',
      version: '9.9.9',
      env: 'test',
      otlpEndpoint: collector.base,
      sentryDsn: `http://publickey@127.0.0.1:${collector.port}/42`,
    });
    // The launcher calls once per service; only the first call counts.
    await initTelemetry({ service: 'second', otlpEndpoint: 'http://127.0.0.1:1' });
  });
  afterAll(() => collector.close());

  const exported = () =>
    collector.bodies
      .filter((entry) => entry.path === '/v1/traces')
      .map((entry) => JSON.parse(entry.body) as OtlpExport);
  const spans = () =>
    exported().flatMap((body) =>
      body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
    );

  let manualTraceId = '';
  let clientTraceId = '';
  let failingTraceId = '';

  it('puts the active trace id in log lines inside a span', () => {
    const { lines, logger } = capture();
    trace.getTracer('test').startActiveSpan('manual work', (span) => {
      manualTraceId = span.spanContext().traceId;
      logger.info('inside');
      span.end();
    });
    logger.info('outside');
    expect(lines[0]?.trace_id).toBe(manualTraceId);
    expect(lines[1]?.trace_id).toBeUndefined();
  });

  it('continues an incoming W3C trace in every log line of the request', async () => {
    const { lines, logger } = capture();
    const server = await createServer({ service: 'tele', logger });
    server.get('/hello', async (request) => {
      request.log.info('handling');
      return { ok: true };
    });
    const url = await listen(server, { port: 0, host: '127.0.0.1' });
    // fetch is instrumented too: inside a span, its traceparent carries that span's trace.
    const status = await trace.getTracer('test').startActiveSpan('client', async (span) => {
      clientTraceId = span.spanContext().traceId;
      const response = await fetch(`${url}/hello`);
      span.end();
      return response.status;
    });
    expect(status).toBe(200);
    await server.close();
    const handling = lines.find((line) => line.msg === 'handling');
    expect(handling?.trace_id).toBe(clientTraceId);
  });

  const engineTraceIds: Record<string, string> = {};

  it.skipIf(!process.env.DATABASE_URL)(
    'traces pg queries (skipped unless DATABASE_URL is set)',
    async () => {
      await trace.getTracer('test').startActiveSpan('with pg', async (span) => {
        engineTraceIds.pg = span.spanContext().traceId;
        const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query('select 1');
        await client.end();
        span.end();
      });
    },
  );

  it.skipIf(!process.env.REDIS_URL)(
    'traces ioredis commands (skipped unless REDIS_URL is set)',
    async () => {
      await trace.getTracer('test').startActiveSpan('with redis', async (span) => {
        engineTraceIds.redis = span.spanContext().traceId;
        // REDIS_URL may list several nodes; one is enough here.
        const firstNode = (process.env.REDIS_URL ?? '').split(',')[0] ?? '';
        const redis = new Redis(firstNode, { lazyConnect: true });
        await redis.connect();
        await redis.ping();
        redis.disconnect();
        span.end();
      });
    },
  );

  it('reports errors to Sentry with service and trace tags', async () => {
    trace.getTracer('test').startActiveSpan('failing work', (span) => {
      failingTraceId = span.spanContext().traceId;
      captureError(new Error('kaboom'), { requestId: 'r-1', payload: { a: 1 } });
      span.end();
    });
    await shutdownTelemetry();
    const envelope = collector.bodies.find(
      (entry) => entry.path.startsWith('/api/42/envelope') && entry.body.includes('kaboom'),
    );
    const event = envelope?.body
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((item) => 'exception' in item);
    expect(event?.tags).toMatchObject({
      service: 'tele',
      requestId: 'r-1',
      trace_id: failingTraceId,
    });
    expect(event).toMatchObject({
      release: '9.9.9',
      environment: 'test',
      extra: { payload: { a: 1 } },
    });
  });

  it('exported the spans to the OTLP endpoint on shutdown, under the first service name', () => {
    const traceIds = spans().map((span) => span.traceId);
    expect(traceIds).toContain(manualTraceId);
    // SERVER (2) and CLIENT (3) spans of the same trace: both sides of the fetch were traced.
    const kinds = spans()
      .filter((span) => span.traceId === clientTraceId)
      .map((span) => span.kind);
    expect(kinds).toEqual(expect.arrayContaining([2, 3]));
    for (const [engine, traceId] of Object.entries(engineTraceIds)) {
      const engineSpans = spans().filter((span) => span.traceId === traceId);
      expect(engineSpans.length, `${engine} spans`).toBeGreaterThan(1);
    }
    const names = exported()
      .flatMap((body) => body.resourceSpans)
      .flatMap((rs) => rs.resource.attributes)
      .filter((attribute) => attribute.key === 'service.name')
      .map((attribute) => attribute.value.stringValue);
    expect(new Set(names)).toEqual(new Set(['tele']));
  });
});
