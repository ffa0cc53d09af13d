/**
 * Faults of the database itself, as opposed to errors in what a request asked: the server is
 * away (restarting, failing over, refusing connections) or its disk is full. Both pass: the
 * pool opens new connections when PostgreSQL is back, the embedded database reopens its data
 * directory (embedded-database.ts), and the HTTP layer answers 503 or 507 meanwhile, never 500.
 */

export type DatabaseFault = 'unavailable' | 'disk_full';

/** Socket errors of a server that is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server going away or not ready: 57P01 admin_shutdown (a fast restart),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down), 53300
 * too_many_connections, class 08 (connection exceptions), and 25006 read_only_sql_transaction,
 * which on PostgreSQL only a standby answers (a failover that has not finished).
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);

/** What `pg` says when a connection is lost or cannot be made in time (its errors carry no code). */
const LOST_CONNECTION =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Connection is closed/i;

/** An error that the database (not the request) caused and that passes by itself, if it is one. */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '53100' || code === 'ENOSPC') return 'disk_full';
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
  )
    return 'unavailable';
  if (code === undefined && typeof message === 'string' && LOST_CONNECTION.test(message)) return 'unavailable';
  // AggregateError (a connection to each of several addresses refused) carries the codes inside.
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner) && inner.length > 0) return databaseFault(inner[0]);
  return null;
}

/** Thrown by the embedded database while it is closed after a fault and waits to reopen. */
export class DatabaseFaultError extends Error {
  readonly code: string;
  constructor(
    readonly fault: DatabaseFault,
    message: string,
  ) {
    super(message);
    this.code = fault === 'disk_full' ? '53100' : '57P03';
  }
}
