import type { FastifyInstance } from 'fastify';
import { shutdownTelemetry } from '../telemetry/index.js';

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

const running = new Set<() => Promise<unknown>>();
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
    void closeAll().then((ok) => process.exit(ok ? 0 : 1));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function closeAll(): Promise<boolean> {
  const results = await Promise.allSettled([...running].map((close) => close()));
  await shutdownTelemetry();
  return results.every((result) => result.status === 'fulfilled');
}

/**
 * Registers `close` to run on SIGTERM/SIGINT together with everything else registered in this
 * process (the launcher runs many services in one), then telemetry is flushed and the process exits.
 */
export function closeOnSignal(
  close: () => Promise<unknown>,
  log: FastifyInstance['log'],
  exitTimeoutMs = 20_000,
): void {
  running.add(close);
  installSignalHandlers(exitTimeoutMs, log);
}
