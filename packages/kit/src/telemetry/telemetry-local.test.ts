import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { captureError, initTelemetry, shutdownTelemetry } from './index.js';

describe('telemetry without an endpoint or DSN', () => {
  beforeAll(() => initTelemetry({ service: 'local', otlpEndpoint: '', sentryDsn: '' }));
  afterAll(() => shutdownTelemetry());

  it('still gives spans trace ids for logs, without recording them', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      service: 'local',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    trace.getTracer('test').startActiveSpan('work', (span) => {
      expect(span.isRecording()).toBe(false);
      logger.info('inside');
      expect(() => captureError(new Error('nobody listens'))).not.toThrow();
      span.end();
      expect(lines[0]?.trace_id).toBe(span.spanContext().traceId);
      expect(lines[0]?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    });
  });
});
