/**
 * One attempt of a delivery: a POST of the JSON body to the subscription's URL, with a time limit on
 * the whole exchange (connecting, sending, the answer and its body), redirects not followed (a 3xx is
 * an answer like any other, and not a success), and, unless the server allows private targets, the
 * connection made only to public addresses: every address the name resolves to is checked at the
 * moment of connecting (targets.ts), so that what DNS says later cannot send the server inward.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AttemptError } from '../../contract/webhooks.ts';
import { isPrivateAddress } from './targets.ts';

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/** How an attempt ended: the answer's status, or why there was none (a code the web app names) and the network's words. */
export interface SendResult {
  status: number | null;
  error: AttemptError | null;
  detail: string | null;
  durationMs: number;
}

class PrivateAddressError extends Error {
  readonly code = 'TRUCE_PRIVATE_ADDRESS';
}
class TimeoutError extends Error {
  readonly code = 'TRUCE_TIMEOUT';
}

/** A name resolved as the system would, refused when any of its addresses is private. */
const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad)
        return callback(new PrivateAddressError(`${hostname} resolves to ${bad.address}, a private address`), '', 0);
      if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };

export function postJson(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address written in the URL is connected to without a lookup: checked here.
  if (!options.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
    return Promise.resolve({
      status: null,
      error: 'private_address',
      detail: `${host} is a private address`,
      durationMs: performance.now() - started,
    });
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.allowPrivate),
      agent: false, // a connection of its own: resolved and checked again each time
    });
    const timer = setTimeout(
      () => request.destroy(new TimeoutError(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    let settled = false;
    const done = (status: number | null, error: AttemptError | null, detail: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, error, detail, durationMs: performance.now() - started });
    };
    request.on('response', (response) => {
      const status = response.statusCode ?? null;
      // The body is read and dropped: the answer is its status. Within the same time limit.
      response.on('end', () => done(status, null, null));
      response.on('close', () => done(status, null, null));
      response.on('error', () => done(status, null, null));
      response.resume();
    });
    request.on('error', (e) => {
      const [code, detail] = classify(e);
      done(null, code, detail);
    });
    request.end(body);
  });
}

function classify(e: Error): [AttemptError, string] {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const detail = `${code ? `${code}: ` : ''}${e.message}`.slice(0, 500);
  if (e instanceof TimeoutError) return ['timeout', e.message];
  if (e instanceof PrivateAddressError) return ['private_address', e.message];
  if (code === 'ECONNREFUSED') return ['refused', detail];
  if (['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_NONAME'].includes(code))
    return ['unreachable', detail];
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code) || /socket hang up/.test(e.message))
    return ['reset', detail];
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return ['tls', detail];
  return ['other', detail];
}
