import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBus } from '@cinesync/kit/bus';
import type { Env, Schema } from '@cinesync/kit/config';
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
  const bus = env.NATS_URL
    ? undefined
    : await openBus({ dataDir: resolve(env.DATA_DIR ?? '.data', 'bus'), logger });
  const started: StartedService[] = [];
  const urls: Record<string, string> = {};

  const close = async () => {
    for (const service of started.toReversed()) {
      await service.close().catch((err) => logger.error({ err, service: service.name }, 'close'));
    }
    await bus?.close();
  };

  try {
    for (const definition of options.backends) {
      const service = await startService(definition, {
        env: serviceEnv(definition.name, env, urls),
        shared: { bus },
        host: '127.0.0.1',
        port: options.portOverride,
      });
      started.push(service);
      urls[urlVariable(definition.name)] = service.url;
      if (definition.name === 'identity') {
        urls.JWKS_URL = `${service.url}/.well-known/jwks.json`;
      }
    }
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
