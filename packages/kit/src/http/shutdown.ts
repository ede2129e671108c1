import type { FastifyInstance } from 'fastify';

export type ShutdownHook = () => Promise<void> | void;

/**
 * On close Fastify first stops accepting connections and waits for in-flight requests; this adds
 * a cap on that wait, then runs the registered cleanup hooks in reverse order (last opened, first
 * closed), each one isolated so a failing hook does not skip the rest.
 */
export function installShutdown(server: FastifyInstance, maxWaitMs: number): void {
  const hooks: { name: string; hook: ShutdownHook }[] = [];
  let forceTimer: NodeJS.Timeout | undefined;

  server.decorate('onShutdown', (name: string, hook: ShutdownHook) => {
    hooks.push({ name, hook });
  });

  server.addHook('preClose', async () => {
    forceTimer = setTimeout(() => {
      server.log.warn({ maxWaitMs }, 'in-flight requests still running; closing their connections');
      server.server.closeAllConnections();
    }, maxWaitMs);
    forceTimer.unref();
  });

  server.addHook('onClose', async () => {
    clearTimeout(forceTimer);
    for (const { name, hook } of hooks.toReversed()) {
      try {
        await hook();
        server.log.debug({ hook: name }, 'shutdown hook done');
      } catch (error) {
        server.log.error({ err: error, hook: name }, 'shutdown hook failed');
      }
    }
  });
}

/** Same as `server.onShutdown(name, hook)`, for code that prefers a function. */
export function onShutdown(server: FastifyInstance, name: string, hook: ShutdownHook): void {
  server.onShutdown(name, hook);
}
