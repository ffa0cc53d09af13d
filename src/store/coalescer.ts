/**
 * Group commit for independent writes: what arrives while a batch is on its way to the database
 * goes in the next batch, as one statement (one round trip, one transaction, one WAL flush for
 * many callers). Each caller's promise settles when its own row is committed, or with its own
 * error: a batch that fails is tried again one item at a time, so that a bad row (a foreign key
 * that does not exist) fails only its own caller and the others land.
 *
 * Under no load a write goes out at the next turn of the event loop, alone; under load batches
 * grow by themselves, with at most `parallel` of them in flight. On two cores, one batch in
 * flight wrote the most (bench/http.bench.ts: 0.78-0.85 of pgbench against 0.58-0.74 with two).
 */

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface CoalescerOptions {
  /** Batches in flight at once (default 1: one being written while the next one gathers, the larger the busier). */
  parallel?: number;
  /** Items per batch at most (default 256). */
  maxBatch?: number;
}

export class Coalescer<T> {
  readonly #write: (items: readonly T[]) => Promise<void>;
  readonly #parallel: number;
  readonly #maxBatch: number;
  #queue: Waiting<T>[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(write: (items: readonly T[]) => Promise<void>, options: CoalescerOptions = {}) {
    this.#write = write;
    this.#parallel = options.parallel ?? 1;
    this.#maxBatch = options.maxBatch ?? 256;
  }

  /** Resolves once the item is committed; rejects with the error its own write met. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#parallel || this.#queue.length === 0) return;
    this.#scheduled = true;
    // The requests parsed in this turn of the event loop join the batch.
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#inFlight < this.#parallel && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    }
  }

  async #run(batch: Waiting<T>[]): Promise<void> {
    try {
      await this.#write(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (e) {
      if (batch.length === 1) {
        batch[0]!.reject(e);
        return;
      }
      // The batch left nothing behind (one statement); each item on its own says whose fault it was.
      await Promise.all(
        batch.map((w) =>
          this.#write([w.item]).then(
            () => w.resolve(),
            (error: unknown) => w.reject(error),
          ),
        ),
      );
    }
  }
}
