/**
 * The bus's events, numbered for Server-Sent Events. Each event gets an id `<boot>-<n>`; the last
 * ones are kept so that a client that reconnects with `Last-Event-ID` gets what it missed (as
 * long as this process still holds it: a reconnect to another process, or after a restart,
 * starts from now). Replayed events are re-read as the reader like live ones.
 */
import { randomBytes } from 'node:crypto';
import type { EventBus, TruceEvent } from '../app/events.ts';

export interface FeedEvent {
  id: string;
  event: TruceEvent;
}

export class EventFeed {
  readonly #boot = randomBytes(4).toString('hex');
  readonly #keep: number;
  readonly #recent: FeedEvent[] = [];
  readonly #listeners = new Set<(e: FeedEvent) => void>();
  readonly #unsubscribe: () => void;
  #n = 0;

  constructor(bus: EventBus, keep = 1_000) {
    this.#keep = keep;
    this.#unsubscribe = bus.subscribe((event) => {
      const e = { id: `${this.#boot}-${++this.#n}`, event };
      this.#recent.push(e);
      if (this.#recent.length > this.#keep) this.#recent.shift();
      for (const listener of this.#listeners) listener(e);
    });
  }

  /** Listens from now on, after handing over the events held since `lastEventId`. */
  subscribe(lastEventId: string | undefined, listener: (e: FeedEvent) => void): () => void {
    for (const e of this.missedSince(lastEventId)) listener(e);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  missedSince(lastEventId: string | undefined): FeedEvent[] {
    const [boot, n] = (lastEventId ?? '').split('-');
    if (boot !== this.#boot || n === undefined || !/^\d+$/.test(n)) return [];
    const after = Number(n);
    return this.#recent.filter((e) => Number(e.id.slice(this.#boot.length + 1)) > after);
  }

  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }
}
