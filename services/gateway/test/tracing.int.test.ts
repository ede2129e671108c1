import type { StartedService } from '@cinesync/kit/service';
import { initTelemetry, shutdownTelemetry } from '@cinesync/kit/telemetry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, rawGet, startGateway, startUpstream } from './fixtures.js';

let catalog: FakeUpstream;
let gateway: StartedService;

// Requests go over bare sockets (rawGet): fetch and http.request in this process are
// instrumented too and would add a traceparent of their own.
// As in production: telemetry first (no exporter), so http and undici are instrumented.
beforeAll(async () => {
  await initTelemetry({ service: 'gateway', otlpEndpoint: '', sentryDsn: '' });
  catalog = await startUpstream('catalog');
  gateway = await startGateway({ CATALOG_URL: catalog.url, RATE_LIMIT_CAPACITY: '10000' });
});

afterAll(async () => {
  await gateway.close();
  await catalog.close();
  await shutdownTelemetry();
});

function traceparentsSeen(): string[] {
  const raw = catalog.seen.at(-1)?.rawHeaders ?? [];
  return raw.filter(
    (_value, index) => raw[index - 1]?.toLowerCase() === 'traceparent' && index % 2 === 1,
  );
}

describe('with OpenTelemetry on', () => {
  it('continues the caller trace with one traceparent naming the gateway span', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const response = await rawGet(gateway.url, '/api/v1/films/1', {
      traceparent: `00-${traceId}-${callerSpan}-01`,
      tracestate: 'vendor=x',
    });
    expect(response).toMatch(/^HTTP\/1.1 200/);
    const seen = traceparentsSeen();
    expect(seen).toHaveLength(1);
    const [, trace, parent] = seen[0]?.split('-') ?? [];
    expect(trace).toBe(traceId);
    expect(parent).toMatch(/^[0-9a-f]{16}$/);
    expect(parent).not.toBe(callerSpan);
  });

  it('starts a trace when the caller has none', async () => {
    expect(await rawGet(gateway.url, '/api/v1/films/2')).toMatch(/^HTTP\/1.1 200/);
    const seen = traceparentsSeen();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
  });
});
