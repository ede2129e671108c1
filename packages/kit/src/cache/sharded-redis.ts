import { Redis } from 'ioredis';
import { HashRing } from './hash-ring.js';
import type { WarnLogger } from './types.js';

export interface RedisNode {
  /** host:port (plus /db when not 0): the ring position, stable across credential changes. */
  readonly id: string;
  readonly client: Redis;
}

export interface ShardedRedisOptions {
  /** One or more redis:// or rediss:// URLs, comma-separated. */
  url: string;
  logger?: WarnLogger;
  /** Upper bound for any single command, including time spent queued while reconnecting. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  vnodes?: number;
}

/** At most one warning per this many ms, so an outage at 1000 req/s does not flood the logs. */
const WARN_EVERY_MS = 10_000;

export function parseRedisUrls(url: string): Array<{ id: string; url: string }> {
  const urls = url
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
  if (urls.length === 0) throw new Error('REDIS_URL lists no node');
  const seen = new Set<string>();
  return urls.map((raw) => {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
      throw new Error(`REDIS_URL node ${parsed.host} must use redis:// or rediss://`);
    }
    const db = parsed.pathname.replace(/^\//, '');
    const id = `${parsed.hostname}:${parsed.port || '6379'}${db && db !== '0' ? `/${db}` : ''}`;
    if (seen.has(id)) throw new Error(`REDIS_URL lists ${id} twice`);
    seen.add(id);
    return { id, url: raw };
  });
}

/**
 * One ioredis client per node and a consistent-hash ring choosing the node for each key.
 * Shared by cache and limiter. A dead node must cost callers nothing and never pile up
 * commands: once a node has dropped, run() fails at once without sending until ioredis has
 * reconnected (it keeps trying in the background, at most 2 s apart). Before the very first
 * connection the offline queue stays on, so commands sent just after start-up wait for it;
 * every command is bounded by commandTimeoutMs and flushed after one failed reconnect
 * (maxRetriesPerRequest: 1), so nothing waits forever.
 */
export class ShardedRedis {
  readonly nodes: readonly RedisNode[];
  private readonly byId: Map<string, RedisNode>;
  private readonly ring: HashRing;
  private readonly logger: WarnLogger | undefined;
  private errors = 0;
  private suppressed = 0;
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  /** Nodes that lost their connection and have not been ready since. */
  private readonly down = new Set<string>();

  constructor(options: ShardedRedisOptions) {
    this.logger = options.logger;
    const commandTimeout = options.commandTimeoutMs ?? 1_000;
    const connectTimeout = options.connectTimeoutMs ?? 2_000;
    this.nodes = parseRedisUrls(options.url).map(({ id, url }) => {
      const client = new Redis(url, {
        commandTimeout,
        connectTimeout,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
        // Reconnect quickly at first, then every 2 s: a cache node coming back is used soon.
        retryStrategy: (times) => Math.min(100 * 2 ** times, 2_000),
      });
      // Without a listener ioredis prints every reconnect failure; route them through ours.
      client.on('error', (err: unknown) => this.reportError('connection', id, err));
      client.on('close', () => this.down.add(id));
      client.on('ready', () => this.down.delete(id));
      return { id, client };
    });
    this.byId = new Map(this.nodes.map((n) => [n.id, n]));
    this.ring = new HashRing(
      this.nodes.map((n) => n.id),
      options.vnodes,
    );
  }

  nodeFor(key: string): RedisNode {
    const node = this.byId.get(this.ring.get(key));
    if (!node) throw new Error(`hash ring returned an unknown node for ${key}`);
    return node;
  }

  /**
   * Runs fn on the node owning key. Errors (and a node known to be down) are counted and
   * reported here, then rethrown for the caller to turn into its degraded answer.
   */
  async run<T>(op: string, key: string, fn: (client: Redis) => Promise<T>): Promise<T> {
    const node = this.nodeFor(key);
    try {
      if (this.down.has(node.id)) throw new Error(`redis node ${node.id} is down`);
      return await fn(node.client);
    } catch (err) {
      this.reportError(op, node.id, err);
      throw err;
    }
  }

  /** Redis errors seen so far (commands and connections); exported as a metric by callers. */
  get errorCount(): number {
    return this.errors;
  }

  /** Counts every error and logs a throttled summary. */
  reportError(op: string, node: string, err: unknown): void {
    this.errors++;
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) {
      this.suppressed++;
      return;
    }
    this.logger?.warn(
      { op, node, err, suppressedSinceLastWarning: this.suppressed, totalErrors: this.errors },
      'redis unavailable; degrading',
    );
    this.lastWarnAt = now;
    this.suppressed = 0;
  }

  /** Rejects naming the first node that does not answer. */
  async ping(): Promise<void> {
    await Promise.all(
      this.nodes.map(async ({ id, client }) => {
        try {
          if (this.down.has(id)) throw new Error('connection lost');
          await client.ping();
        } catch (err) {
          throw new Error(`redis node ${id} does not answer`, { cause: err });
        }
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(
      this.nodes.map(async ({ client }) => {
        try {
          await client.quit();
        } catch {
          client.disconnect();
        }
      }),
    );
  }
}
