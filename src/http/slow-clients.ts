/**
 * Slow clients. Fastify turns Node's request timeout off, so a client sending its body a byte at
 * a time held a connection (and its parser) for ever. These bound how long a request may take to
 * arrive; they do not bound how long a response may take, so the live event stream, whose
 * request arrives at once, stays open (it also leaves the idle timeout: its heartbeats and the
 * signed-in check keep it honest).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

export interface Timeouts {
  /** The request line and headers. */
  headersMs: number;
  /**
   * The whole request, body included: 8 MiB of attachments (the body limit) at 28 kB/s, a poor
   * mobile link in the field, takes 5 minutes.
   */
  requestMs: number;
  /** A connection with nothing sent either way (a client that stopped reading, or sending). */
  idleMs: number;
  /** How often Node checks the two request timeouts: they fire up to this much late. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  headersMs: 30_000,
  requestMs: 300_000,
  idleMs: 120_000,
  checkEveryMs: 5_000,
};

/**
 * What a client gets when Node gives up on its request before Fastify sees it (a timeout, a
 * malformed request, headers too large): our error shape, then the connection closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', 'the request took too long to arrive']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', 'the request headers are too large']
        : [400, 'BAD_REQUEST', 'the request is not valid HTTP'];
  const body = JSON.stringify({ code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
