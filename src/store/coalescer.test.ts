import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';

/** A write that records each batch it is given and fails any batch holding a "bad" item. */
function recorder(options: { wait?: () => Promise<void> } = {}) {
  const batches: string[][] = [];
  const write = async (items: readonly string[]) => {
    batches.push([...items]);
    await (options.wait?.() ?? Promise.resolve());
    if (items.includes('bad')) throw new Error(`refused ${items.join(',')}`);
  };
  return { batches, write };
}

describe('coalescing writes', () => {
  it('writes what arrives in one turn of the event loop as one batch', async () => {
    const { batches, write } = recorder();
    const coalescer = new Coalescer(write);
    await Promise.all(['a', 'b', 'c'].map((item) => coalescer.add(item)));
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('gathers what arrives while a batch is in flight into the next one, one batch at a time', async () => {
    let release!: () => void;
    let inFlight = 0;
    let most = 0;
    const { batches, write } = recorder({
      wait: async () => {
        most = Math.max(most, ++inFlight);
        if (batches.length === 1) await new Promise<void>((r) => (release = r));
        inFlight--;
      },
    });
    const coalescer = new Coalescer(write);
    const first = coalescer.add('a');
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((item) => coalescer.add(item));
    await new Promise((r) => setImmediate(r));
    expect(batches).toHaveLength(1); // b, c and d wait for a's batch
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    expect(most).toBe(1);
  });

  it('fails only the item at fault: a refused batch is written again item by item', async () => {
    const { batches, write } = recorder();
    const coalescer = new Coalescer(write);
    const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((item) => coalescer.add(item)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused bad');
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('keeps batches under their largest size', async () => {
    const { batches, write } = recorder();
    const coalescer = new Coalescer(write, { maxBatch: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => coalescer.add(item)));
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
});
