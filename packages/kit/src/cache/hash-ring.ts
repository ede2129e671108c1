import { hash } from 'node:crypto';

/** Points per node: enough that each node's share stays within a few percent of 1/N. */
export const DEFAULT_VNODES = 160;

/** First 32 bits of MD5: well spread for short, similar strings, and the same in every process. */
export function hash32(value: string): number {
  return hash('md5', value, 'buffer').readUInt32BE(0);
}

/**
 * Consistent hashing: each node owns `vnodes` points on a 32-bit circle and a key belongs
 * to the first point at or after its hash. Adding a node therefore moves only the keys
 * that fall just before its new points (about 1/N of them, all to the new node), and
 * removing one moves only its own keys. The placement depends only on the set of node ids,
 * never on the order they were added in, so every replica computes the same ring.
 */
export class HashRing {
  private readonly members = new Set<string>();
  private points = new Uint32Array(0);
  private owners: string[] = [];
  readonly vnodes: number;

  constructor(nodes: Iterable<string> = [], vnodes = DEFAULT_VNODES) {
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError('vnodes must be >= 1');
    this.vnodes = vnodes;
    for (const node of nodes) this.members.add(node);
    this.rebuild();
  }

  get nodes(): string[] {
    return [...this.members].sort();
  }

  has(node: string): boolean {
    return this.members.has(node);
  }

  add(node: string): void {
    if (this.members.has(node)) return;
    this.members.add(node);
    this.rebuild();
  }

  remove(node: string): void {
    if (this.members.delete(node)) this.rebuild();
  }

  /** The node that owns key. */
  get(key: string): string {
    const count = this.points.length;
    if (count === 0) throw new Error('hash ring has no nodes');
    const h = hash32(key);
    // Binary search for the first point >= h; past the last point wraps to the first.
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.points[mid] ?? 0) < h) lo = mid + 1;
      else hi = mid;
    }
    return this.owners[lo === count ? 0 : lo] ?? '';
  }

  private rebuild(): void {
    const entries: Array<{ point: number; node: string }> = [];
    for (const node of this.members) {
      for (let i = 0; i < this.vnodes; i++) entries.push({ point: hash32(`${node}#${i}`), node });
    }
    // Ties (rare) break by node id so the ring is identical whatever the insertion order.
    entries.sort((a, b) => a.point - b.point || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
    this.points = Uint32Array.from(entries, (e) => e.point);
    this.owners = entries.map((e) => e.node);
  }
}
