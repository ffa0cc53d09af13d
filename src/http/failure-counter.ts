/**
 * Failures per key (a client's address) in a fixed window, in this process's memory: enough to
 * slow a guesser down without a database write per guess. Bounded: when full, windows that
 * ended are dropped, and if none has, the oldest keys go first.
 */
export class FailureCounter {
  private readonly counts = new Map<string, { failures: number; until: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly capacity = 100_000,
  ) {}

  /** How long until `key` may try again: 0 when it may now. */
  blockedFor(key: string): number {
    const c = this.counts.get(key);
    const now = this.now();
    return c && c.until > now && c.failures >= this.max ? c.until - now : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const c = this.counts.get(key);
    if (c && c.until > now) {
      c.failures++;
      return;
    }
    if (this.counts.size >= this.capacity) this.evict(now);
    this.counts.set(key, { failures: 1, until: now + this.windowMs });
  }

  private evict(now: number): void {
    for (const [key, c] of this.counts) if (c.until <= now) this.counts.delete(key);
    for (const key of this.counts.keys()) {
      if (this.counts.size < this.capacity) break;
      this.counts.delete(key);
    }
  }
}
