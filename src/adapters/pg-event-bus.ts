/**
 * Live events across processes on PostgreSQL: `publish` hands the event to this process's
 * subscribers at once and sends it to the others with `pg_notify`; a dedicated connection
 * LISTENs and delivers what the other processes sent. Each bus tags what it sends with its own
 * origin, so it does not deliver its own events twice. Events published in the same turn of the
 * event loop go out in one notification (a burst of writes costs one query, not one each). Two `truce serve` on one database thus see
 * each other's events. A notification only names a record (type, entity, id, time): readers
 * re-read the record under their own clearance before anything is shown.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Sql } from '../store/sql.ts';
import { type EventBus, LocalEventBus, type TruceEvent } from '../app/events.ts';
import { isEventType } from '../contract/events.ts';

export const EVENT_CHANNEL = 'truce_events';
const RECONNECT_MS = 1_000;
/** NOTIFY payloads must stay under 8,000 bytes. */
const MAX_PAYLOAD = 7_000;

export interface PgEventBusOptions {
  /** The PostgreSQL connection string (the LISTEN connection is its own, outside the pool). */
  url: string;
  /** Where `pg_notify` runs: the application's pool. */
  sql: Sql;
  /** The NOTIFY channel (default truce_events; tests use their own). */
  channel?: string;
  onError?: (error: unknown) => void;
}

export class PgEventBus implements EventBus {
  readonly #local = new LocalEventBus();
  readonly #origin = randomUUID();
  readonly #options: PgEventBusOptions;
  readonly #channel: string;
  #client: pg.Client | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;
  #outbox: string[] = [];
  #sending: Promise<unknown> = Promise.resolve();

  private constructor(options: PgEventBusOptions) {
    this.#options = options;
    this.#channel = options.channel ?? EVENT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]*$/.test(this.#channel)) throw new Error(`bad channel name "${this.#channel}"`);
  }

  /** A bus that is listening when the promise resolves. */
  static async connect(options: PgEventBusOptions): Promise<PgEventBus> {
    const bus = new PgEventBus(options);
    await bus.#listen();
    return bus;
  }

  publish(event: TruceEvent): void {
    this.#local.deliver(event);
    if (this.#outbox.push(JSON.stringify(event)) === 1) setImmediate(() => this.#send());
  }

  /** Sends the events waiting, in as few notifications as fit. */
  #send(): void {
    if (this.#outbox.length === 0) return; // sent already by close()
    const events = this.#outbox;
    this.#outbox = [];
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      const payload = `{"origin":${JSON.stringify(this.#origin)},"events":[${batch.join(',')}]}`;
      // One notification at a time, so that they arrive in the order the events were published.
      this.#sending = this.#sending
        .then(() => this.#options.sql.query('select pg_notify($1, $2)', [this.#channel, payload]))
        .catch((e: unknown) => this.#error(e));
      batch = [];
      size = 0;
    };
    for (const e of events) {
      const bytes = Buffer.byteLength(e) + 1;
      if (batch.length > 0 && size + bytes > MAX_PAYLOAD) flush();
      batch.push(e);
      size += bytes;
    }
    if (batch.length > 0) flush();
  }

  subscribe(listener: (event: TruceEvent) => void): () => void {
    return this.#local.subscribe(listener);
  }

  /** Sends what is waiting, then stops listening. */
  async close(): Promise<void> {
    if (this.#outbox.length > 0) this.#send();
    await this.#sending;
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
    await this.#local.close();
  }

  async #listen(): Promise<void> {
    // Not forever on an address that does not answer (a failover), and a peer gone without a
    // word (a machine lost) is noticed by TCP keepalives rather than never.
    const client = new pg.Client({
      connectionString: this.#options.url,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (n) => {
      if (n.channel === this.#channel) this.#receive(n.payload);
    });
    // A lost connection is opened again; events sent meanwhile are missed (live, not a log).
    client.on('error', (e) => {
      this.#error(e);
      this.#reconnect(client);
    });
    client.on('end', () => this.#reconnect(client));
    await client.connect();
    await client.query(`listen ${this.#channel}`);
    if (this.#closed) await client.end();
    else this.#client = client;
  }

  #reconnect(lost: pg.Client): void {
    if (this.#closed || this.#client !== lost) return;
    this.#client = null;
    void lost.end().catch(() => undefined);
    this.#listenLater();
  }

  #listenLater(): void {
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.#listen().catch((e: unknown) => {
        this.#error(e);
        if (!this.#closed) this.#listenLater();
      });
    }, RECONNECT_MS);
  }

  #receive(payload: string | undefined): void {
    const message = parse(payload);
    if (message && message.origin !== this.#origin) for (const e of message.events) this.#local.deliver(e);
  }

  #error(e: unknown): void {
    (this.#options.onError ?? ((x: unknown) => console.error('live events:', x)))(e);
  }
}

/** A notification's payload, if it is one of ours: its events that have the right shape. */
function parse(payload: string | undefined): { origin: string; events: TruceEvent[] } | null {
  try {
    const m = JSON.parse(payload ?? '') as { origin?: unknown; events?: unknown };
    if (typeof m.origin !== 'string' || !Array.isArray(m.events)) return null;
    return {
      origin: m.origin,
      events: m.events.flatMap((e: Partial<Record<keyof TruceEvent, unknown>> | null) => {
        if (!e || typeof e.type !== 'string' || !isEventType(e.type)) return [];
        if (typeof e.entity !== 'string' || typeof e.id !== 'string' || typeof e.at !== 'number') return [];
        return [{ type: e.type, entity: e.entity, id: e.id, at: e.at }];
      }),
    };
  } catch {
    return null;
  }
}
