import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  port: number;
  /** Default 0.0.0.0 so the service is reachable in a container; use 127.0.0.1 to stay local. */
  host?: string;
}

/** Starts listening and returns the URL people can open (0.0.0.0 shown as localhost). */
export async function listen(server: FastifyInstance, options: ListenOptions): Promise<string> {
  const host = options.host ?? '0.0.0.0';
  await server.listen({ port: options.port, host });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
}

export interface RunServiceOptions extends ListenOptions {
  /** Builds the app; called once telemetry (if any) is set up. */
  build: () => Promise<FastifyInstance>;
  /** Runs after the servers closed, e.g. `shutdownTelemetry`. */
  afterClose?: () => Promise<void>;
  /** Hard limit on the whole shutdown before the process exits anyway (default 20 s). */
  exitTimeoutMs?: number;
}

const running = new Set<() => Promise<void>>();
let signalsInstalled = false;

/** One handler per process, however many services it runs: a signal closes them all. */
function installSignalHandlers(exitTimeoutMs: number, log: FastifyInstance['log']): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({ exitTimeoutMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, exitTimeoutMs).unref();
    Promise.allSettled([...running].map((close) => close())).then((results) => {
      const failed = results.some((result) => result.status === 'rejected');
      process.exit(failed ? 1 : 0);
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/**
 * The whole of a service's main.ts: build, listen, log the URL, and on SIGTERM/SIGINT close
 * gracefully (in-flight requests, then cleanup hooks), then exit.
 */
export async function runService(options: RunServiceOptions): Promise<FastifyInstance> {
  const server = await options.build();
  running.add(async () => {
    await server.close();
    await options.afterClose?.();
  });
  installSignalHandlers(options.exitTimeoutMs ?? 20_000, server.log);
  const url = await listen(server, options);
  server.log.info({ url }, `listening on ${url}`);
  return server;
}
