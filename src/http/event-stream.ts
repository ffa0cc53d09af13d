/**
 * Live event streams (Server-Sent Events), one per open `GET /api/v1/events`: each event is
 * re-read as the caller before it is sent (src/app/live/live-events.ts), so a stream shows only what
 * the caller may see. Heartbeat comments keep proxies from closing an idle stream, and each
 * heartbeat checks that the caller is still signed in (a signed-out or disabled user's stream
 * ends). A client too far behind is cut off and comes back with the id of the last event it got.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerFromSession, callerFromToken } from '../app/accounts/sign-in.ts';
import { requireCaller } from '../app/caller.ts';
import type { AppContext } from '../app/context.ts';
import { databaseFaultError } from '../app/errors.ts';
import { type LiveMessage, LiveReads } from '../app/live/live-events.ts';
import { SESSION_COOKIE } from './auth.ts';
import { EventFeed, type FeedEvent } from './event-feed.ts';

export const HEARTBEAT_MS = 15_000;
const RETRY_MS = 5_000;
/** A client this far behind (events waiting, or bytes unsent) is cut off; it reconnects with Last-Event-ID. */
const MAX_PENDING = 1_000;
const MAX_UNSENT_BYTES = 1 << 20;

export class EventStreams {
  readonly #ctx: AppContext;
  readonly #feed: EventFeed;
  /** Each event is read once per group of readers who see the same, not once per open stream. */
  readonly #reads: LiveReads;
  readonly #streams = new Set<() => void>();

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
    this.#feed = new EventFeed(ctx.events);
    this.#reads = new LiveReads(ctx);
  }

  /** Takes the request over and streams to it until it goes, its user signs out, or the server closes. */
  open(request: FastifyRequest, reply: FastifyReply, lastEventIdAsked: string | undefined): void {
    const caller = requireCaller(request.caller);
    const signedIn = signedInCheck(this.#ctx, request);
    const lastEventId = lastEventIdAsked ?? header(request, 'last-event-id');
    reply.hijack();
    // A stream is long-lived by design: out of the idle timeout (slow-clients.ts); a dead client
    // shows by its failing writes and its unsent bytes.
    request.raw.socket.setTimeout(0);
    const res = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n: signed in as ${caller.username}\n\n`);

    let open = true;
    let pending = 0;
    let unsubscribe = () => {};
    let queue = Promise.resolve();
    const end = () => {
      if (!open) return;
      open = false;
      unsubscribe();
      clearInterval(heartbeat);
      this.#streams.delete(end);
      res.end();
    };
    const send = (e: FeedEvent) => {
      if (++pending > MAX_PENDING) return end();
      queue = queue
        .then(async () => {
          pending--;
          if (!open) return;
          for (const m of await this.#reads.messages(e.id, e.event, caller)) res.write(frame(e.id, m));
          if (res.writableLength > MAX_UNSENT_BYTES) end();
        })
        .catch((err: unknown) => {
          // The record could not be read (the database away): the stream ends rather than skip
          // the event, and the client reconnects with the id of the last event it got, so this
          // one and those after it are sent again (EventFeed keeps them).
          // Any other failure is ours, for this event only: logged and skipped.
          if (databaseFaultError(err)) {
            request.log.warn(`live event ${e.id} not read, the stream ends: ${(err as Error).message}`);
            end();
          } else request.log.error(err, 'live event');
        });
    };
    const heartbeat = setInterval(() => {
      signedIn().then(
        (ok) => (ok && open ? res.write(': heartbeat\n\n') : end()),
        () => undefined,
      );
    }, HEARTBEAT_MS);
    this.#streams.add(end);
    res.on('close', end);
    unsubscribe = this.#feed.subscribe(lastEventId, send);
  }

  /** Ends every open stream (the server is closing). */
  endAll(): void {
    for (const end of this.#streams) end();
  }

  close(): void {
    this.#feed.close();
  }
}

/** A group's streams share the messages of an event (LiveReads), so each is written out once. */
const frames = new WeakMap<LiveMessage, string>();

function frame(id: string, m: LiveMessage): string {
  let text = frames.get(m);
  if (text === undefined) {
    text = `id: ${id}\ndata: ${JSON.stringify(m)}\n\n`;
    frames.set(m, text);
  }
  return text;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the session or token the stream was opened with still names an enabled user. */
function signedInCheck(ctx: AppContext, request: FastifyRequest): () => Promise<boolean> {
  const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const cookie = request.cookies[SESSION_COOKIE];
  return async () =>
    (bearer ? await callerFromToken(ctx, bearer) : cookie ? await callerFromSession(ctx, cookie) : null) !== null;
}
