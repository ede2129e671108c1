import { join, resolve } from 'node:path';
import type { Bus } from '../bus/index.js';
import { openBus } from '../bus/index.js';
import type { Cache } from '../cache/index.js';
import { openCache } from '../cache/index.js';
import { type ConfigOf, type Env, loadConfig, type Schema } from '../config/index.js';
import { type Db, type MigrationSet, migrate, type OpenDbOptions, openDb } from '../db/index.js';
import { listen, type Server } from '../http/index.js';
import type { FailMode, Limiter } from '../limiter/index.js';
import { openLimiter } from '../limiter/index.js';
import { createLogger, type Logger } from '../log/index.js';
import { OutboxRelay, type OutboxRelayOptions, outboxMigrations } from '../outbox/index.js';
import { platformSchema } from './platform-config.js';

export type PlatformConfig = ConfigOf<typeof platformSchema>;

/** Engines the launcher shares between services running in one process. */
export interface SharedEngines {
  /** One in-process bus for every service, so events flow between them. */
  bus?: Bus;
}

export interface ServiceContext<C> {
  name: string;
  version: string;
  config: PlatformConfig & C;
  logger: Logger;
  /** DATA_DIR/<service>: where this service keeps embedded data. */
  dataDir: string;
  /** Opens the service's database (DATABASE_URL or PGlite) and applies its migrations. */
  database(options: {
    migrations: URL;
    sets?: readonly MigrationSet[];
    pgliteExtensions?: OpenDbOptions['pgliteExtensions'];
  }): Promise<Db>;
  /** The event bus: shared by the launcher, else NATS_URL, else a private in-process bus. */
  bus(): Promise<Bus>;
  /** Cache over REDIS_URL nodes, or in memory; keys prefixed with the service name. */
  cache(): Promise<Cache>;
  limiter(options: {
    prefix: string;
    capacity: number;
    refillPerSec: number;
    /** What happens while Redis is unreachable; see the limiter's FailMode. Default 'open'. */
    failMode?: FailMode;
  }): Promise<Limiter>;
  /**
   * Starts the transactional outbox relay of `db` (publishing to `bus()`, pruning the inbox) and
   * stops it on close. Call `notify()` on it after a commit that wrote outbox rows.
   */
  outboxRelay(
    db: Db,
    options?: Omit<OutboxRelayOptions, 'db' | 'bus' | 'log'>,
  ): Promise<OutboxRelay>;
  /** Cleanup run after the server stopped taking requests, last registered first. */
  onClose(name: string, close: () => Promise<void>): void;
}

export interface ServiceDefinition<S extends Schema = Schema> {
  name: string;
  version?: string;
  /** Port used when PORT is unset. */
  defaultPort: number;
  /** The service's own variables, parsed together with the platform's. */
  config: S;
  build(context: ServiceContext<ConfigOf<S>>): Promise<Server>;
}

/** Typed identity: lets `build` see the config type of its own schema. */
export function defineService<S extends Schema>(definition: ServiceDefinition<S>) {
  return definition;
}

export interface StartOptions {
  env?: Env;
  shared?: SharedEngines;
  /** Overrides PORT (0 picks a free port, as tests do). */
  port?: number;
  host?: string;
  logger?: Logger;
}

export interface StartedService {
  name: string;
  url: string;
  server: Server;
  /** Stops taking requests, finishes in-flight ones, then closes the service's engines. */
  close(): Promise<void>;
}

/** Parses config (every bad variable at once), builds the app, listens. */
export async function startService<S extends Schema>(
  definition: ServiceDefinition<S>,
  options: StartOptions = {},
): Promise<StartedService> {
  const env = options.env ?? process.env;
  const config = loadConfig({ ...platformSchema, ...definition.config }, env) as PlatformConfig &
    ConfigOf<S>;
  const logger =
    options.logger ??
    createLogger({ service: definition.name, level: config.LOG_LEVEL, env: config.NODE_ENV });
  const closers: { name: string; close: () => Promise<void> }[] = [];
  const onClose = (name: string, close: () => Promise<void>) => closers.push({ name, close });
  const dataDir = resolve(config.DATA_DIR, definition.name);
  const opened: { bus?: Promise<Bus> } = {};

  const context: ServiceContext<ConfigOf<S>> = {
    name: definition.name,
    version: definition.version ?? '0.1.0',
    config,
    logger,
    dataDir,
    async database({ migrations, sets = [], pgliteExtensions }) {
      const db = await openDb({
        pgliteExtensions,
        url: config.DATABASE_URL,
        dataDir: join(dataDir, 'db'),
        name: definition.name,
        onError: (err) => logger.error({ err }, 'database pool error'),
      });
      onClose('database', () => db.close());
      await migrate(db, { dir: migrations, sets: [outboxMigrations, ...sets] });
      return db;
    },
    bus() {
      // One bus per service, however many parts ask for it (the outbox relay does too).
      opened.bus ??= (async () => {
        if (options.shared?.bus) return options.shared.bus;
        const bus = await openBus({
          url: config.NATS_URL,
          dataDir: join(dataDir, 'bus'),
          streamMaxAgeMs: config.BUS_MAX_AGE,
          name: definition.name,
          logger,
        });
        onClose('bus', () => bus.close());
        return bus;
      })();
      return opened.bus;
    },
    async cache() {
      const cache = await openCache({
        url: config.REDIS_URL?.join(','),
        prefix: definition.name,
        logger,
      });
      onClose('cache', () => cache.close());
      return cache;
    },
    async limiter({ prefix, capacity, refillPerSec, failMode }) {
      const limiter = await openLimiter({
        url: config.REDIS_URL?.join(','),
        prefix: `${definition.name}:${prefix}`,
        capacity,
        refillPerSec,
        failMode,
        logger,
      });
      onClose('limiter', () => limiter.close());
      return limiter;
    },
    async outboxRelay(db, relayOptions = {}) {
      const relay = new OutboxRelay({ ...relayOptions, db, bus: await context.bus(), log: logger });
      relay.start();
      onClose('outbox relay', () => relay.stop());
      return relay;
    },
    onClose,
  };

  const closeEngines = async () => {
    for (const { name, close } of closers.toReversed()) {
      try {
        await close();
      } catch (err) {
        logger.error({ err, resource: name }, 'close failed');
      }
    }
  };

  let server: Server;
  try {
    server = await definition.build(context);
  } catch (err) {
    await closeEngines();
    throw err;
  }
  server.onShutdown('engines', closeEngines);
  const url = await listen(server, {
    port: options.port ?? config.PORT ?? definition.defaultPort,
    host: options.host ?? config.HOST,
  });
  logger.info({ url }, `${definition.name} listening on ${url}`);
  return { name: definition.name, url, server, close: () => server.close() };
}
