/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on
 * every machine, so benchmark worlds, and the runs on them, can be compared.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  }
  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(items.length * next())]!;
  }
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick,
  };
}

/**
 * A choice among keys with probability proportional to each one's weight, prepared once so that
 * choosing in a loop of a million costs a short scan.
 */
export function weightedChoice<K extends string>(weights: Readonly<Record<K, number>>): (random: Random) => K {
  const keys = Object.keys(weights) as K[];
  if (keys.length === 0) throw new Error('weightedChoice needs at least one key');
  const cumulative: number[] = [];
  let total = 0;
  for (const key of keys) cumulative.push((total += weights[key]));
  return (random) => {
    const r = random.next() * total;
    for (let i = 0; i < keys.length - 1; i++) if (r < cumulative[i]!) return keys[i]!;
    return keys[keys.length - 1]!;
  };
}
