/**
 * Answers to hot reads kept for the readers who see the same rows: every key starts with the
 * reader's group (organization and clearance, all that row-level security reads of a caller,
 * `readerGroup`), so one group never gets another's answer.
 *
 * An answer is dropped:
 * - at once by any committed write of this process that may change it (`AppContext.wrote`,
 *   called before the write's response is sent: a writer reads its own write);
 * - when an event arrives from another process (PostgreSQL's event bus);
 * - after `ttlMs` in any case, for writers that send no event (a CLI command on PostgreSQL).
 * A read that started before a write is not kept, so it cannot outlive the write.
 */

/** What a write touched. `world` (the default) is anything; the others name what a write changed alone. */
export type Touched = 'world' | 'reports' | 'accounts';

interface Entry<T> {
  value: Promise<T>;
  depends: Touched;
  expires: number;
}

export interface ReadCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class ReadCache {
  readonly #entries = new Map<string, Entry<unknown>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** Bumped by every invalidation, per what it touched: a read computed across one that drops it is not kept. */
  readonly #generations: Record<Touched, number> = { world: 0, reports: 0, accounts: 0 };

  constructor(options: ReadCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 1_000;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The answer kept under `key`, or `compute()`'s, shared by the reads asking at the same time.
   * `depends` names the writes that change it (`world`: any write but those of reports or accounts alone).
   */
  get<T>(key: string, depends: Touched, compute: () => Promise<T>): Promise<T> {
    const now = this.#now();
    const kept = this.#entries.get(key);
    if (kept && kept.expires > now) return kept.value as Promise<T>;
    const generation = this.#generation(depends);
    const value = compute();
    const entry: Entry<T> = { value, depends, expires: now + this.#ttlMs };
    if (kept) this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    value.then(
      () => {
        // Written meanwhile: answered, but not kept.
        if (generation !== this.#generation(depends) && this.#entries.get(key) === entry) this.#entries.delete(key);
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  /** A write touched this: what depends on it is dropped. */
  invalidate(touched: Touched = 'world'): void {
    this.#generations[touched]++;
    for (const [key, entry] of this.#entries) {
      if (touched === 'world' || entry.depends === touched) this.#entries.delete(key);
    }
  }

  /** Changes whenever a write drops what depends on `depends`. */
  #generation(depends: Touched): string {
    return `${this.#generations.world}:${depends === 'world' ? 0 : this.#generations[depends]}`;
  }

  get size(): number {
    return this.#entries.size;
  }
}
