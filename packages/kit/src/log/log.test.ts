import { context, TraceFlags, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './index.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { lines, destination };
}

describe('createLogger', () => {
  // Registers the AsyncLocalStorage context manager, without which no span is ever active.
  beforeAll(() => new NodeTracerProvider().register());
  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('writes JSON lines with service, env and a level label', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'catalog', env: 'test', destination }).info({ n: 1 }, 'hello');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'catalog',
        env: 'test',
        n: 1,
        msg: 'hello',
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it('adds the active trace and span ids', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'catalog', destination });
    const spanContext = {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
    };
    const active = trace.setSpan(context.active(), trace.wrapSpanContext(spanContext));
    context.with(active, () => log.child({ requestId: 'r1' }).warn('inside'));
    log.info('outside');
    expect(lines[0]).toMatchObject({
      trace_id: spanContext.traceId,
      span_id: spanContext.spanId,
      requestId: 'r1',
    });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });

  it('redacts secrets at any usual depth', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'identity', destination }).info({
      password: 'p1',
      req: {
        headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'set-cookie': 'x', host: 'h' },
      },
      body: { user: { refreshToken: 't' } },
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['p1', 'Bearer abc', 'sid=1', '"t"', '"x"'])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      req: { headers: { host: 'h', authorization: '[redacted]' } },
    });
  });

  it('redacts in arrays, in child bindings and whatever the case, without changing the input', () => {
    const { lines, destination } = capture();
    const input = { items: [{ Token: 'a1' }, { name: 'n' }], headers: { 'X-Api-Key': 'k1' } };
    const log = createLogger({ service: 'identity', destination });
    log.child({ user: { password: 'p2' }, requestId: 'r1' }).info(input, 'with secrets');
    expect(lines[0]).toMatchObject({
      requestId: 'r1',
      user: { password: '[redacted]' },
      items: [{ Token: '[redacted]' }, { name: 'n' }],
      headers: { 'X-Api-Key': '[redacted]' },
    });
    for (const secret of ['a1', 'k1', 'p2']) expect(JSON.stringify(lines[0])).not.toContain(secret);
    expect(input.items[0]?.Token).toBe('a1');
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 's', level: 'warn', destination });
    log.info('dropped');
    log.error('kept');
    expect(lines.map((line) => line.msg)).toEqual(['kept']);
  });
});
