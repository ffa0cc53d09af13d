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

interface Entry {
  value: Promise<string>;
  depends: Touched;
  expires: number;
  /** Characters held, once the answer is in. */
  size: number;
}

export interface ReadCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Characters kept at most, all answers together (default 16 million: some 32 MB). */
  maxChars?: number;
  now?: () => number;
}

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #maxChars: number;
  #chars = 0;
  readonly #now: () => number;
  /** Bumped by every invalidation, per what it touched: a read computed across one that drops it is not kept. */
  readonly #generations: Record<Touched, number> = { world: 0, reports: 0, accounts: 0 };

  constructor(options: ReadCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 1_000;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#maxChars = options.maxChars ?? 16_000_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * The answer (serialized) kept under `key`, or `compute()`'s, shared by the reads asking at the
   * same time. `depends` names the writes that change it (`world`: any write but those of reports
   * or accounts alone).
   */
  get(key: string, depends: Touched, compute: () => Promise<string>): Promise<string> {
    const now = this.#now();
    const kept = this.#entries.get(key);
    if (kept && kept.expires > now) return kept.value;
    if (kept) this.#drop(key);
    const generation = this.#generation(depends);
    const value = compute();
    const entry: Entry = { value, depends, expires: now + this.#ttlMs, size: 0 };
    this.#entries.set(key, entry);
    value.then(
      (answer) => {
        if (this.#entries.get(key) !== entry) return;
        // Written meanwhile (or too big to keep): answered, but not kept.
        if (generation !== this.#generation(depends) || answer.length > this.#maxChars) return this.#drop(key);
        entry.size = answer.length;
        this.#chars += answer.length;
        this.#trim();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#drop(key);
      },
    );
    this.#trim();
    return value;
  }

  /** The oldest answers go first, until the rest fit. */
  #trim(): void {
    while (this.#entries.size > this.#maxEntries || this.#chars > this.#maxChars)
      this.#drop(this.#entries.keys().next().value!);
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#chars -= entry.size;
    this.#entries.delete(key);
  }

  /** A write touched this: what depends on it is dropped. */
  invalidate(touched: Touched = 'world'): void {
    this.#generations[touched]++;
    for (const [key, entry] of this.#entries) {
      if (touched === 'world' || entry.depends === touched) this.#drop(key);
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
