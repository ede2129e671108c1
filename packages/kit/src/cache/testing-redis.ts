import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { parseRedisUrls } from './sharded-redis.js';

/** Test-only helpers for suites that run against real Redis nodes. */

/** A prefix no other test run uses, so parallel runs on a shared Redis never collide. */
export function uniquePrefix(name: string): string {
  return `test-${name}-${randomUUID().slice(0, 8)}`;
}

/** Nodes named by REDIS_URL, each with its own plain client (close them with quitAll). */
export function directClients(url: string): Array<{ id: string; client: Redis }> {
  return parseRedisUrls(url).map(({ id, url: nodeUrl }) => ({
    id,
    client: new Redis(nodeUrl, { maxRetriesPerRequest: 1 }),
  }));
}

export async function keysByNode(
  nodes: Array<{ id: string; client: Redis }>,
  prefix: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const { id, client } of nodes) {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    out.set(id, found);
  }
  return out;
}

export async function deleteByPrefix(
  nodes: Array<{ id: string; client: Redis }>,
  prefix: string,
): Promise<void> {
  const byNode = await keysByNode(nodes, prefix);
  for (const { id, client } of nodes) {
    const keys = byNode.get(id) ?? [];
    if (keys.length > 0) await client.del(...keys);
  }
}

export async function quitAll(nodes: Array<{ client: Redis }>): Promise<void> {
  await Promise.all(nodes.map(({ client }) => client.quit()));
}
