import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBus } from '@cinesync/kit/bus';
import { duration, type Env, loadConfig, type Schema } from '@cinesync/kit/config';
import { createLogger, type Logger } from '@cinesync/kit/log';
import { type ServiceDefinition, type StartedService, startService } from '@cinesync/kit/service';

export interface LaunchOptions {
  backends: readonly ServiceDefinition<Schema>[];
  gateway: ServiceDefinition<Schema>;
  env: Env;
  /** 0 gives every service a free port (tests); otherwise each service's default port. */
  portOverride?: 0;
  logger?: Logger;
}

export interface Platform {
  /** Where people go: the gateway. */
  url: string;
  services: readonly StartedService[];
  close(): Promise<void>;
}

/** The built web app (apps/web/dist), from src/ or dist/ alike; the gateway serves it at `/`. */
const WEB_APP = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** `<NAME>_URL`: how the gateway and other services find a service. */
export const urlVariable = (name: string) => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

/**
 * The environment one service sees: the launcher's own, with the addresses of the services
 * started before it, and its own database. A service never shares a database with another, so
 * DATABASE_URL is taken per service from `<NAME>_DATABASE_URL` (unset → embedded PGlite).
 */
export function serviceEnv(name: string, env: Env, urls: Record<string, string>): Env {
  const prefix = name.toUpperCase().replaceAll('-', '_');
  return {
    ...env,
    ...urls,
    PORT: undefined,
    DATABASE_URL: env[`${prefix}_DATABASE_URL`],
  };
}

/**
 * Runs every service in this process on embedded engines: one in-process bus shared by all (unless
 * NATS_URL points at a real one), PGlite per service under DATA_DIR, the gateway in front.
 */
export async function launch(options: LaunchOptions): Promise<Platform> {
  const env: Env = { ...options.env, DATA_DIR: resolve(options.env.DATA_DIR ?? '.data') };
  const logger = options.logger ?? createLogger({ service: 'launcher' });
  // On one machine the shared in-process bus keeps a week of events unless told otherwise, so a
  // laptop install does not grow without end (every service consumes within moments here).
  const { BUS_MAX_AGE } = loadConfig({ BUS_MAX_AGE: duration('7d') }, env);
  const bus = env.NATS_URL
    ? undefined
    : await openBus({
        dataDir: resolve(env.DATA_DIR ?? '.data', 'bus'),
        streamMaxAgeMs: BUS_MAX_AGE,
        logger,
      });
  const started: StartedService[] = [];
  const urls: Record<string, string> = {};
  const ports = new Map<string, number>();

  const close = async () => {
    for (const service of started.toReversed()) {
      await service.close().catch((err) => logger.error({ err, service: service.name }, 'close'));
    }
    await bus?.close();
  };

  try {
    // Every address is known before anything starts, so the backends start side by side: none
    // of them calls another while starting, only when serving requests.
    const free = options.portOverride === 0 ? await freePorts(options.backends.length) : [];
    options.backends.forEach((definition, index) => {
      const port = free[index] ?? definition.defaultPort;
      urls[urlVariable(definition.name)] = `http://127.0.0.1:${port}`;
      ports.set(definition.name, port);
    });
    if (urls.IDENTITY_URL) urls.JWKS_URL = `${urls.IDENTITY_URL}/.well-known/jwks.json`;
    const results = await Promise.allSettled(
      options.backends.map(async (definition) => {
        const service = await startService(definition, {
          env: serviceEnv(definition.name, env, urls),
          shared: { bus },
          host: '127.0.0.1',
          port: ports.get(definition.name),
        });
        started.push(service);
      }),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const order = options.backends.map((definition) => definition.name);
    started.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const gateway = await startService(options.gateway, {
      env: {
        ...serviceEnv('gateway', env, urls),
        PORT: env.PORT,
        WEB_DIST: env.WEB_DIST ?? (existsSync(WEB_APP) ? WEB_APP : undefined),
      },
      shared: { bus },
      host: env.HOST ?? 'localhost',
      port: options.portOverride,
    });
    started.push(gateway);
    return { url: gateway.url, services: started, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Ports nobody listens on right now, all distinct (tests run the platform on free ports). */
async function freePorts(count: number): Promise<number[]> {
  const probes = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(
    probes.map(
      (probe) =>
        new Promise<number>((done, fail) => {
          probe.once('error', fail);
          probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            done(typeof address === 'object' && address ? address.port : 0);
          });
        }),
    ),
  );
  await Promise.all(probes.map((probe) => new Promise((done) => probe.close(done))));
  return ports;
}
