/**
 * What every use case runs with: the database, the event bus, a clock, and the audit sealer.
 * Built once by the server or a CLI command; tests build their own.
 */
import { sealAudit } from '../store/audit.repository.ts';
import type { Database } from '../store/sql.ts';
import { type EventBus, LocalEventBus } from './events.ts';

export interface AppContext {
  db: Database;
  events: EventBus;
  now(): number;
  /** Called after every committed write: seals the audit trail soon after, in the background. */
  wrote(): void;
  /** Seals now and stops sealing in the background. */
  close(): Promise<void>;
}

export function createContext(db: Database, options: { events?: EventBus; sealDelayMs?: number } = {}): AppContext {
  let timer: NodeJS.Timeout | null = null;
  let sealing: Promise<unknown> = Promise.resolve();
  const seal = () => {
    timer = null;
    sealing = sealing.then(() => sealAudit(db)).catch((e: unknown) => console.error('audit sealing failed:', e));
  };
  return {
    db,
    events: options.events ?? new LocalEventBus(),
    now: () => Date.now(),
    wrote: () => {
      timer ??= setTimeout(seal, options.sealDelayMs ?? 100);
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      seal();
      await sealing;
    },
  };
}
