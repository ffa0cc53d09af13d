import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.ts';

/** A read that counts its runs and answers with its run number. */
function counted() {
  let runs = 0;
  return {
    read: async () => String(++runs),
    get runs() {
      return runs;
    },
  };
}

const answer = (text: string) => async () => text;

describe('answers kept for hot reads', () => {
  it('answers again from what it kept, and shares one read among those asking at once', async () => {
    const cache = new ReadCache();
    const r = counted();
    expect(await Promise.all([cache.get('k', 'world', r.read), cache.get('k', 'world', r.read)])).toEqual(['1', '1']);
    expect(await cache.get('k', 'world', r.read)).toBe('1');
    expect(await cache.get('other', 'world', r.read)).toBe('2');
    expect(r.runs).toBe(2);
  });

  it('drops an answer when a write touches what it depends on, and only then', async () => {
    const cache = new ReadCache();
    const r = counted();
    await cache.get('incidents', 'world', r.read);
    cache.invalidate('reports');
    cache.invalidate('accounts');
    expect(await cache.get('incidents', 'world', r.read)).toBe('1');
    cache.invalidate('world');
    expect(await cache.get('incidents', 'world', r.read)).toBe('2');

    await cache.get('reports', 'reports', r.read);
    cache.invalidate('reports');
    expect(await cache.get('reports', 'reports', r.read)).toBe('4');
    cache.invalidate(); // anything
    expect(await cache.get('reports', 'reports', r.read)).toBe('5');
  });

  it('does not keep a read that a write overtook, so that it cannot outlive the write', async () => {
    const cache = new ReadCache();
    let finish!: (text: string) => void;
    const slow = cache.get('k', 'world', () => new Promise<string>((r) => (finish = r)));
    cache.invalidate('world');
    // Asked after the write: not the read that started before it.
    const after = cache.get('k', 'world', answer('after'));
    finish('before');
    expect(await slow).toBe('before');
    expect(await after).toBe('after');
    expect(await cache.get('k', 'world', answer('again'))).toBe('after');

    const overtaken = cache.get('j', 'world', () => new Promise<string>((r) => (finish = r)));
    cache.invalidate('world');
    finish('before');
    await overtaken;
    expect(await cache.get('j', 'world', answer('fresh'))).toBe('fresh');
  });

  it('forgets a failed read and an answer older than its time to live', async () => {
    let now = 0;
    const cache = new ReadCache({ ttlMs: 1_000, now: () => now });
    await expect(cache.get('k', 'world', async () => Promise.reject(new Error('database away')))).rejects.toThrow();
    expect(await cache.get('k', 'world', answer('a'))).toBe('a');
    now = 999;
    expect(await cache.get('k', 'world', answer('b'))).toBe('a');
    now = 1_000;
    expect(await cache.get('k', 'world', answer('c'))).toBe('c');
  });

  it('keeps no more answers, and no more characters, than it may: the oldest go first', async () => {
    const cache = new ReadCache({ maxEntries: 2, maxChars: 10 });
    await cache.get('a', 'world', answer('aaaa'));
    await cache.get('b', 'world', answer('bbbb'));
    await cache.get('c', 'world', answer('cc'));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 'world', answer('new a'))).toBe('new a'); // a went first
    expect(cache.size).toBe(2);
    expect(await cache.get('c', 'world', answer('new c'))).toBe('cc');
    // 5 + 2 characters kept; one of 6 more pushes the oldest out.
    await cache.get('d', 'world', answer('dddddd'));
    expect(await cache.get('a', 'world', answer('newer a'))).toBe('newer a');
    // Too big to keep at all: answered, never kept.
    expect(await cache.get('big', 'world', answer('x'.repeat(11)))).toBe('x'.repeat(11));
    expect(await cache.get('big', 'world', answer('small'))).toBe('small');
  });
});
