/**
 * Live events: a new report, a report triaged or evaluated, a changed finding, an alert, a change
 * of the world's settings (`settings` `world`: the timezone or the host state; `calm_setting`
 * <agreement id>: that agreement's days of calm), entries of the audit trail sealed (`audit`
 * `<from>-<to>`: their positions in the chain), a hotline thread changed or escalated (`hotline_thread`
 * <id>; only its parties and the secretariat are told), a humanitarian notification made, acknowledged, renewed
 * or withdrawn (`notification` <id>: only its owner, its recipients and the secretariat hear of it), a convoy request
 * made, stepped on or flagged (`convoy_request` <id>: only who may see it hears of it), a position
 * recorded, changed or withdrawn (`position` <id>: its owner and recipients only), an operation notice checked
 * (`notice.changed`, `operation` <id>: docs/deconfliction.md). An event names a record and its
 * classification; subscribers (the SSE route) re-read the record as their reader before
 * sending it, so the live stream can never show what a list would hide.
 */
import type { EventType } from '../contract/events.ts';

export interface TruceEvent {
  type: EventType;
  entity: string;
  id: string;
  at: number;
}

export interface EventBus {
  publish(event: TruceEvent): void;
  subscribe(listener: (event: TruceEvent) => void): () => void;
  close(): Promise<void>;
}

/** Events within one process. */
export class LocalEventBus implements EventBus {
  readonly #listeners = new Set<(event: TruceEvent) => void>();

  publish(event: TruceEvent): void {
    this.deliver(event);
  }

  /** Hands an event to this process's subscribers (also used by the PostgreSQL bus). */
  deliver(event: TruceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  subscribe(listener: (event: TruceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
