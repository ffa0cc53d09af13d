/**
 * Live events from the server (Server-Sent Events on /api/v1/events): new reports, changed
 * incidents and findings, alerts, each already filtered by the user's clearance. Pages
 * subscribe to refresh what they show; the shell shows a short notice for each.
 */
import type { EventType } from '../../../src/contract/events.ts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';

export interface LiveEvent {
  type: EventType;
  entity: string;
  id: string;
  at: string;
  data: Record<string, unknown>;
}

export interface Live {
  connected: boolean;
  /** The latest events, newest first (at most 20). */
  recent: LiveEvent[];
  subscribe(listener: (e: LiveEvent) => void): () => void;
  dismiss(event: LiveEvent): void;
}

const LiveContext = createContext<Live | null>(null);

/** How long after a refused stream a new one is opened (the server's own `retry:` is 5 s too). */
const RECONNECT_MS = 5_000;

/** Events that refresh what shows them, with no notice of their own. */
const QUIET: ReadonlySet<LiveEvent['type']> = new Set([
  'report.updated',
  'settings.changed',
  'audit.appended',
  'hotline.updated',
  // The notifications page shows its own lists' states; no notice of its own yet.
  'notification.changed',
  // A convoy request's page and lists show its state; no notice of its own.
  'convoy_request.changed',
  // A negotiation room's page shows what changed in it.
  'negotiation_room.changed',
  'position.changed',
  // The list of texts shows what came and what waits.
  'source_text.changed',
]);

export function parseLiveEvent(data: string): LiveEvent | null {
  try {
    const e = JSON.parse(data) as Partial<LiveEvent>;
    if (typeof e.type === 'string' && typeof e.id === 'string' && typeof e.entity === 'string') {
      return { type: e.type, entity: e.entity, id: e.id, at: e.at ?? new Date().toISOString(), data: e.data ?? {} };
    }
  } catch {
    // not ours
  }
  return null;
}

export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [connected, setConnected] = useState(false);
  const [recent, setRecent] = useState<LiveEvent[]>([]);
  const listeners = useRef(new Set<(e: LiveEvent) => void>());

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastId = '';
    let retry: number | undefined;
    const connect = () => {
      // After the first stream, from the last event seen: the server sends what was missed.
      source = new EventSource(
        lastId ? `/api/v1/events?last_event_id=${encodeURIComponent(lastId)}` : '/api/v1/events',
      );
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(source?.readyState === EventSource.OPEN);
        // The browser reconnects by itself when a stream drops, but gives up on an error
        // answer (503 while the database is away): then a new stream, a little later.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = window.setTimeout(connect, RECONNECT_MS);
        }
      };
      source.onmessage = (m: MessageEvent<string>) => {
        if (m.lastEventId) lastId = m.lastEventId;
        const event = parseLiveEvent(m.data);
        if (!event) return;
        // A notice for what is new; a report triaged or evaluated, a change of the settings or new entries of the
        // audit trail only refresh the pages showing them.
        if (!QUIET.has(event.type)) {
          setRecent((r) => [event, ...r].slice(0, 20));
          // A notice stays a while, then goes by itself.
          window.setTimeout(() => setRecent((r) => r.filter((x) => x !== event)), 15_000);
        }
        for (const l of listeners.current) l(event);
      };
    };
    connect();
    return () => {
      window.clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [enabled]);

  const subscribe = useCallback((listener: (e: LiveEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const dismiss = useCallback((event: LiveEvent) => setRecent((r) => r.filter((e) => e !== event)), []);

  const value = useMemo<Live>(
    () => ({ connected, recent, subscribe, dismiss }),
    [connected, recent, subscribe, dismiss],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}

/** Calls `onEvent` for each live event while the component is mounted. */
export function useLiveEvents(onEvent: (e: LiveEvent) => void): void {
  const { subscribe } = useLive();
  const ref = useRef(onEvent);
  ref.current = onEvent;
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
}
