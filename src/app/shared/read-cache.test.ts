import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

/** A read that counts its runs and answers with its run number. */
function counted() {
  let runs = 0;
  return {
    read: async () => ++runs,
    get runs() {
      return runs;
    },
  };
}

describe('answers kept for hot reads', () => {
  it('answers again from what it kept, and shares one read among those asking at once', async () => {
    const cache = new ReadCache();
    const r = counted();
    expect(await Promise.all([cache.get('k', 'world', r.read), cache.get('k', 'world', r.read)])).toEqual([1, 1]);
    expect(await cache.get('k', 'world', r.read)).toBe(1);
    expect(await cache.get('other', 'world', r.read)).toBe(2);
    expect(r.runs).toBe(2);
  });

  it('drops an answer when a write touches what it depends on, and only then', async () => {
    const cache = new ReadCache();
    const r = counted();
    await cache.get('incidents', 'world', r.read);
    cache.invalidate('reports');
    cache.invalidate('accounts');
    expect(await cache.get('incidents', 'world', r.read)).toBe(1);
    cache.invalidate('world');
    expect(await cache.get('incidents', 'world', r.read)).toBe(2);

    await cache.get('reports', 'reports', r.read);
    cache.invalidate('reports');
    expect(await cache.get('reports', 'reports', r.read)).toBe(4);
    cache.invalidate(); // anything
    expect(await cache.get('reports', 'reports', r.read)).toBe(5);
  });

  it('does not keep a read that a write overtook, so that it cannot outlive the write', async () => {
    const cache = new ReadCache();
    let finish!: (n: number) => void;
    const slow = cache.get('k', 'world', () => new Promise<number>((r) => (finish = r)));
    cache.invalidate('world');
    // Asked after the write: not the read that started before it.
    const after = cache.get('k', 'world', async () => 2);
    finish(1);
    expect(await slow).toBe(1);
    expect(await after).toBe(2);
    expect(await cache.get('k', 'world', async () => 3)).toBe(2);

    const overtaken = cache.get('j', 'world', () => new Promise<number>((r) => (finish = r)));
    cache.invalidate('world');
    finish(1);
    await overtaken;
    expect(await cache.get('j', 'world', async () => 4)).toBe(4);
  });

  it('forgets a failed read, an answer older than its time to live, and the oldest beyond its size', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    await expect(cache.get('k', 'world', async () => Promise.reject(new Error('database away')))).rejects.toThrow();
    expect(await cache.get('k', 'world', async () => 1)).toBe(1);
    now = 999;
    expect(await cache.get('k', 'world', async () => 2)).toBe(1);
    now = 1_000;
    expect(await cache.get('k', 'world', async () => 3)).toBe(3);
    await cache.get('a', 'world', async () => 0);
    await cache.get('b', 'world', async () => 0);
    expect(cache.size).toBe(2);
    expect(await cache.get('k', 'world', async () => 4)).toBe(4);
  });
});
