import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { createServer, listen, onShutdown } from './index.js';

const logger = createLogger({ service: 'svc', level: 'silent' });

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('graceful shutdown', () => {
  it('lets in-flight requests finish, then runs cleanup hooks last-registered first', async () => {
    const server = await createServer({ service: 'svc', logger });
    const events: string[] = [];
    const entered = deferred();
    const release = deferred();
    server.get('/slow', async () => {
      entered.resolve();
      await release.promise;
      events.push('request finished');
      return { ok: true };
    });
    onShutdown(server, 'db', () => void events.push('db closed'));
    server.onShutdown('bus', async () => {
      events.push('bus drained');
    });
    server.onShutdown('broken', () => {
      throw new Error('cleanup failed');
    });
    const url = await listen(server, { port: 0, host: '127.0.0.1' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = fetch(`${url}/slow`);
    await entered.promise;
    const closed = server.close();
    events.push('close called');
    release.resolve();

    expect((await response).status).toBe(200);
    await closed;
    expect(events).toEqual(['close called', 'request finished', 'bus drained', 'db closed']);
  });

  it('cuts requests that outlive the shutdown budget', async () => {
    const server = await createServer({ service: 'svc', logger, shutdownTimeoutMs: 50 });
    const entered = deferred();
    server.get('/stuck', async () => {
      entered.resolve();
      await new Promise(() => {});
    });
    const url = await listen(server, { port: 0, host: '127.0.0.1' });
    const response = fetch(`${url}/stuck`).catch((error: unknown) => error);
    await entered.promise;
    await server.close();
    expect(await response).toBeInstanceOf(Error);
  });
});
