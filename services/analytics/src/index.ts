import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { analyticsConfig, parseTrustProxy } from './config.js';
import { startEtl } from './etl/etl.js';
import { openRepository } from './repository/index.js';

export { type AppDeps, buildApp } from './app.js';
export { type AnalyticsConfig, analyticsConfig } from './config.js';
export {
  DEFAULT_ETL_MAX_MESSAGES,
  DLQ_EVENT_ID_HEADER,
  DLQ_EVENT_INDEX_HEADER,
  ETL_DURABLE,
  type Etl,
  type EtlOptions,
  startEtl,
} from './etl/etl.js';
export { type AcceptedEvent, toRow } from './etl/rows.js';
export { type AcceptedMessage, acceptedMessages, messageId } from './ingest/messages.js';
export {
  type AnalyticsRepository,
  type EventRow,
  type OpenRepositoryOptions,
  openRepository,
} from './repository/index.js';

/**
 * Clickstream analytics: `POST /api/v1/events` → event bus → ETL → ClickHouse (chDB embedded),
 * and admin reports over it. Ingest and ETL run in one process unless ETL_ENABLED=false.
 */
export const service = defineService({
  name: 'analytics',
  defaultPort: 8084,
  config: analyticsConfig,
  async build(ctx) {
    const { config } = ctx;
    const bus = await ctx.bus();
    const repository = await openRepository({
      url: config.CLICKHOUSE_URL,
      dataDir: ctx.dataDir,
      database: config.CLICKHOUSE_DATABASE,
      username: config.CLICKHOUSE_USER,
      password: config.CLICKHOUSE_PASSWORD || undefined,
      requestTimeoutMs: config.CLICKHOUSE_TIMEOUT,
    });
    ctx.onClose('analytics-store', () => repository.close());
    const limiter = await ctx.limiter({
      prefix: 'ingest',
      capacity: config.INGEST_RATE_BURST,
      refillPerSec: config.INGEST_RATE_PER_SEC,
    });
    const auth = authFromConfig(config);
    if (config.ETL_ENABLED) {
      const etl = startEtl({
        bus,
        repository,
        logger: ctx.logger,
        maxBatch: config.ETL_MAX_BATCH,
        maxWaitMs: config.ETL_MAX_WAIT,
        maxAttempts: config.ETL_MAX_ATTEMPTS,
      });
      // Registered last, so it stops first: the consumer drains before the store closes.
      ctx.onClose('analytics-etl', () => etl.stop());
    }
    ctx.logger.info(
      { store: repository.engine, bus: bus.kind, etl: config.ETL_ENABLED },
      'analytics pipeline ready',
    );
    return buildApp({
      logger: ctx.logger,
      bus,
      repository,
      auth,
      limiter,
      limits: {
        maxBatch: config.INGEST_MAX_BATCH,
        maxEventBytes: config.INGEST_MAX_EVENT_BYTES,
        maxBodyBytes: config.INGEST_MAX_BODY_BYTES,
      },
      trustProxy: parseTrustProxy(config.TRUST_PROXY),
      version: ctx.version,
    });
  },
});
