import { authFromConfig } from '@cinesync/kit/auth';
import { defineService } from '@cinesync/kit/service';
import { buildApp } from './app.js';
import { CatalogApi } from './clients/catalog.js';
import { EngagementApi } from './clients/engagement.js';
import { assistantConfig } from './config.js';
import type { FilmData } from './film-data.js';
import { BuiltinProvider } from './providers/builtin/provider.js';
import { ChatCompletions } from './providers/openai/client.js';
import { OpenAiProvider } from './providers/openai/provider.js';
import type { Provider } from './providers/provider.js';
import { consumeRatings, ratingsFromDb } from './ratings.js';

export { type AppDeps, buildApp } from './app.js';
export { CatalogApi } from './clients/catalog.js';
export { EngagementApi } from './clients/engagement.js';
export { type AssistantConfig, assistantConfig } from './config.js';
export type { FilmData } from './film-data.js';
export { BuiltinProvider } from './providers/builtin/provider.js';
export { ChatCompletions } from './providers/openai/client.js';
export { OpenAiProvider } from './providers/openai/provider.js';
export type { AnswerRequest, ChatTurn, Provider } from './providers/provider.js';
export { ProviderError } from './providers/provider.js';
export { consumeRatings, type RatingsSource, ratingsFromDb } from './ratings.js';

/** The film assistant: chat sessions answered by an OpenAI-compatible model or the built-in one. */
export const service = defineService({
  name: 'assistant',
  defaultPort: 8090,
  config: assistantConfig,
  async build(ctx) {
    const { config, logger } = ctx;
    const db = await ctx.database({ migrations: new URL('../migrations/', import.meta.url) });
    const bus = await ctx.bus();
    // Nothing is published; the relay prunes the inbox the ratings consumer fills.
    await ctx.outboxRelay(db);
    const ratings = consumeRatings(db, bus, config.RATINGS_CONSUMER_NAME);
    ctx.onClose('ratings consumer', () => ratings.stop());

    const upstream = {
      timeoutMs: config.ASSISTANT_UPSTREAM_TIMEOUT,
      breakerFailures: config.ASSISTANT_UPSTREAM_BREAKER_FAILURES,
      breakerResetMs: config.ASSISTANT_UPSTREAM_BREAKER_RESET,
    };
    if (!config.CATALOG_URL)
      logger.warn('CATALOG_URL is not set: the assistant cannot look films up');
    const catalog = new CatalogApi({
      ...upstream,
      baseUrl: config.CATALOG_URL,
      onBreakerChange: (to, from) => logger.warn({ to, from }, 'catalog circuit changed state'),
    });
    ctx.onClose('catalog client', () => catalog.close());
    const engagement = new EngagementApi({
      ...upstream,
      baseUrl: config.ENGAGEMENT_URL,
      onBreakerChange: (to, from) => logger.warn({ to, from }, 'engagement circuit changed state'),
    });
    ctx.onClose('engagement client', () => engagement.close());
    const data: FilmData = { catalog, engagement, ratings: ratingsFromDb(db) };

    let provider: Provider;
    if (config.ASSISTANT_BASE_URL) {
      const client = new ChatCompletions({
        baseUrl: config.ASSISTANT_BASE_URL,
        apiKey: config.ASSISTANT_API_KEY,
        model: config.ASSISTANT_MODEL,
        connectTimeoutMs: config.ASSISTANT_CONNECT_TIMEOUT,
        idleTimeoutMs: config.ASSISTANT_IDLE_TIMEOUT,
        maxTokens: config.ASSISTANT_MAX_ANSWER_TOKENS,
        breakerFailures: config.ASSISTANT_BREAKER_FAILURES,
        breakerResetMs: config.ASSISTANT_BREAKER_RESET,
        onBreakerChange: (to, from) => logger.warn({ to, from }, 'model circuit changed state'),
      });
      ctx.onClose('model client', () => client.close());
      provider = new OpenAiProvider({
        client,
        data,
        model: config.ASSISTANT_MODEL,
        maxToolRounds: config.ASSISTANT_MAX_TOOL_ROUNDS,
        answerTimeoutMs: config.ASSISTANT_ANSWER_TIMEOUT,
      });
    } else {
      provider = new BuiltinProvider(data);
    }
    logger.info({ provider: provider.name }, 'assistant provider chosen');

    const limiter = await ctx.limiter({
      prefix: 'questions',
      capacity: config.ASSISTANT_RATE_BURST,
      refillPerSec: config.ASSISTANT_RATE_PER_MINUTE / 60,
    });
    const auth = authFromConfig(config);
    return buildApp({
      db,
      auth,
      logger,
      provider,
      limiter,
      config,
      version: ctx.version,
      ready: { bus: () => bus.ping() },
    });
  },
});
