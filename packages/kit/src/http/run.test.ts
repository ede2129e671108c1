import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log/index.js';
import { closeOnSignal, createServer, listen } from './index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('closeOnSignal', () => {
  it('on SIGTERM closes every service of the process, then exits 0', async () => {
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
    // As the launcher does: several services in one process, each registered on its own.
    const start = async (service: string) => {
      const server = await createServer({ service, logger });
      server.onShutdown('deps', () => void closed.push(service));
      closeOnSignal(() => server.close(), server.log);
      return { server, url: await listen(server, { port: 0, host: '127.0.0.1' }) };
    };
    const a = await start('a');
    await start('b');
    expect(process.listenerCount('SIGTERM')).toBe(1);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);

    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(closed.sort()).toEqual(['a', 'b']);
    expect(a.server.server.listening).toBe(false);
  });
});
