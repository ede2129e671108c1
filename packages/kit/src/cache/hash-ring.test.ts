import { describe, expect, it } from 'vitest';
import { HashRing } from './hash-ring.js';

const keys = Array.from({ length: 20_000 }, (_, i) => `movie:${i}`);

function placement(ring: HashRing): Map<string, string> {
  return new Map(keys.map((k) => [k, ring.get(k)]));
}

function shares(ring: HashRing): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) {
    const node = ring.get(k);
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return new Map([...counts].map(([node, n]) => [node, n / keys.length]));
}

describe('HashRing', () => {
  it('throws on an empty ring', () => {
    expect(() => new HashRing().get('x')).toThrow('no nodes');
  });

  it('with one node sends every key to it', () => {
    const ring = new HashRing(['a:6379']);
    expect(new Set(keys.slice(0, 100).map((k) => ring.get(k)))).toEqual(new Set(['a:6379']));
  });

  it('spreads keys roughly evenly over the nodes', () => {
    const ring = new HashRing(['a:6379', 'b:6379', 'c:6379', 'd:6379']);
    const share = shares(ring);
    expect(share.size).toBe(4);
    for (const s of share.values()) {
      expect(s).toBeGreaterThan(0.18);
      expect(s).toBeLessThan(0.32);
    }
  });

  it('adding a node moves only about 1/N of the keys, and only to the new node', () => {
    const ring = new HashRing(['a:6379', 'b:6379', 'c:6379']);
    const before = placement(ring);
    ring.add('d:6379');
    const after = placement(ring);
    let moved = 0;
    let movedElsewhere = 0;
    for (const [key, node] of after) {
      if (node === before.get(key)) continue;
      moved++;
      if (node !== 'd:6379') movedElsewhere++;
    }
    expect(movedElsewhere).toBe(0);
    const fraction = moved / keys.length;
    expect(fraction).toBeGreaterThan(0.25 - 0.07);
    expect(fraction).toBeLessThan(0.25 + 0.07);
  });

  it('removing a node moves only the keys it owned', () => {
    const ring = new HashRing(['a:6379', 'b:6379', 'c:6379', 'd:6379']);
    const before = placement(ring);
    ring.remove('b:6379');
    let wrong = 0;
    for (const [key, node] of placement(ring)) {
      const owner = before.get(key);
      if (owner === 'b:6379' ? node === 'b:6379' : node !== owner) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('is independent of insertion order, so every replica agrees', () => {
    const one = new HashRing(['a:6379', 'b:6379', 'c:6379']);
    const two = new HashRing(['c:6379']);
    two.add('a:6379');
    two.add('b:6379');
    for (const k of keys.slice(0, 2000)) expect(two.get(k)).toBe(one.get(k));
  });
});
