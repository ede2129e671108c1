import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/index.js';
import { createServer, runService } from './index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runService', () => {
  it('listens, logs the URL, and on SIGTERM closes every service before exiting 0', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      service: 'svc',
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    // Only the signal handlers installed here may answer the signal we send ourselves.
    expect(process.listenerCount('SIGTERM')).toBe(0);
    const exited = new Promise<number | undefined>((resolve) => {
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        resolve(code === undefined || code === null ? undefined : Number(code));
        return undefined as never;
      });
    });
    const closed: string[] = [];
    const start = (service: string) =>
      runService({
        service,
        port: 0,
        host: '127.0.0.1',
        build: async () => {
          const server = await createServer({ service, logger });
          server.onShutdown('deps', () => void closed.push(service));
          return server;
        },
      });
    const a = await start('a');
    await start('b');
    expect(process.listenerCount('SIGTERM')).toBe(1);
    const listening = lines.find((line) => line.msg === `a listening on ${line.url}`);
    expect(listening?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${listening?.url}/healthz`)).status).toBe(200);

    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(closed.sort()).toEqual(['a', 'b']);
    expect(a.server.listening).toBe(false);
  });
});
