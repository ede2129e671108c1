import { duration, list, oneOf, optional, port, str, url } from '../config/index.js';

/** Variables every service reads; a service adds its own schema next to these. */
export const platformSchema = {
  PORT: optional(port()),
  HOST: str('0.0.0.0'),
  LOG_LEVEL: oneOf(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const, 'info'),
  NODE_ENV: str('development'),
  /** Root of embedded data; each service keeps its own folder below it. */
  DATA_DIR: str('.data'),
  /** Unset → embedded PGlite under DATA_DIR/<service>/db. */
  DATABASE_URL: optional(url()),
  /** Unset → the in-process bus. */
  NATS_URL: optional(url()),
  /** Event retention (either bus): older messages are dropped; unset keeps everything. */
  BUS_MAX_AGE: optional(duration()),
  /** One or more comma-separated nodes; unset → in-memory cache and limiter. */
  REDIS_URL: optional(list()),
} as const;
