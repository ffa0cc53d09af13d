/**
 * Who is calling: a session cookie (browsers, with a CSRF token on every write) or a bearer API
 * token (machines). The caller is resolved once per request and handed to the use cases.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dummyPasswordHash } from '../app/accounts/secrets.ts';
import { callerFromSession, callerFromToken, type Session } from '../app/accounts/sign-in.ts';
import type { Caller } from '../app/caller.ts';
import type { AppContext } from '../app/context.ts';
import { AppError } from '../app/errors.ts';
import { statement } from '../domain/statements.ts';
import { FailureCounter } from './failure-counter.ts';

export const SESSION_COOKIE = 'truce_session';
/**
 * Unknown API tokens per client address: this many in a window, then every bearer request from
 * that address is refused until the window ends, before the token is looked up (a token is 256
 * random bits, so this guards the database more than the tokens).
 */
export const TOKEN_FAILURES = { max: 20, windowMs: 60_000 };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    /** The session's CSRF token, when the caller came by session cookie. */
    csrfToken: string | null;
  }
}

export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('caller', null);
  app.decorateRequest('csrfToken', null);
  const tokenFailures = new FailureCounter(TOKEN_FAILURES.max, TOKEN_FAILURES.windowMs);
  // Made now, so that even the first sign-in as an unknown user costs one hash check, not two.
  void dummyPasswordHash();
  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const wait = tokenFailures.blockedFor(request.ip);
      if (wait > 0)
        throw new AppError(
          'RATE_LIMITED',
          `too many requests with unknown API tokens from this address: try again in ${Math.ceil(wait / 1000)} s`,
        );
      request.caller = await callerFromToken(ctx, bearer);
      if (!request.caller) {
        tokenFailures.fail(request.ip);
        throw new AppError(
          'UNAUTHENTICATED',
          'the API token is unknown or revoked',
          undefined,
          statement('error.token_unknown'),
        );
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const caller = await callerFromSession(ctx, token);
    if (!caller) return;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== caller.csrfToken) {
      throw new AppError(
        'CSRF',
        'missing or wrong X-CSRF-Token header: read it from GET /api/v1/auth/me',
        undefined,
        statement('error.csrf'),
      );
    }
    const { csrfToken, ...rest } = caller;
    request.caller = rest;
    request.csrfToken = csrfToken;
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: Session): void {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
