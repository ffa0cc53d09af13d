/**
 * Sessions and tokens: signing in with a password gives a session (a cookie's secret and a CSRF
 * token); an API token is a long-lived secret for machines. Both are stored only as SHA-256.
 */
import type { OrgKind, Role } from '../../contract/access.ts';
import { statement } from '../../domain/statements.ts';
import * as accounts from '../../store/account.repository.ts';
import * as signInAttempts from '../../store/sign-in-attempts.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, clearanceOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { dummyPasswordHash, newId, newSecret, sha256 } from './secrets.ts';

export const SESSION_HOURS = 12;

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: number;
  caller: Caller;
}

const toCaller = (p: accounts.PrincipalRow): Caller => ({
  userId: p.id,
  username: p.username,
  orgId: p.org_id,
  orgKind: p.org_kind as OrgKind,
  role: p.role as Role,
  clearance: clearanceOf({ kind: p.org_kind as OrgKind, task_force: p.org_task_force }),
});

/**
 * Sign-in attempts per username, from any address and any server process: this many in a window,
 * then none until the window ends, the right password included (else guessing would go on, and
 * the answer to the right guess would tell). An unknown username is treated the same, so the
 * refusal does not tell which names exist. The per-address limit (auth.routes.ts) comes on top.
 */
export const SIGN_IN_LIMIT = { attempts: 10, windowMs: 15 * 60_000 };

export async function signIn(ctx: AppContext, username: string, password: string): Promise<Session> {
  const account = sha256(username);
  const now = ctx.now();
  const counted = await signInAttempts.record(ctx.db, account, now, SIGN_IN_LIMIT.windowMs, SIGN_IN_LIMIT.attempts);
  if (counted.attempts > SIGN_IN_LIMIT.attempts) {
    const minutes = Math.max(1, Math.ceil((counted.since + SIGN_IN_LIMIT.windowMs - now) / 60_000));
    throw new AppError(
      'RATE_LIMITED',
      `too many sign-in attempts for this username: try again in ${minutes} min`,
      'username',
      statement('error.sign_in_held', { minutes: { number: minutes } }),
    );
  }
  const user = await accounts.getUserByName(ctx.db, username);
  // Someone unknown (or without a password) is checked against a dummy hash of the same cost:
  // "no such user" takes as long as "wrong password", so the time of the answer tells nothing.
  const matches = await ctx.verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!matches || !user || user.disabled_at !== null || user.password_hash === null)
    throw new AppError('UNAUTHENTICATED', 'wrong username or password', undefined, statement('error.wrong_password'));
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = now + SESSION_HOURS * 3_600_000;
  const caller = toCaller(user);
  await ctx.db.transaction(async (tx) => {
    await signInAttempts.removeFor(tx, account);
    await signInAttempts.removeBefore(tx, now - SIGN_IN_LIMIT.windowMs);
    await accounts.insertSession(tx, {
      token_hash: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(expiresAt),
    });
    await audit(tx, caller, now, [{ action: 'sign-in', entity: 'user', entityId: user.id, ownerOrg: user.org_id }]);
  });
  ctx.wrote('accounts');
  return { token, csrfToken, expiresAt, caller };
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await accounts.removeSession(ctx.db, sha256(token));
}

export async function callerFromSession(
  ctx: AppContext,
  token: string,
): Promise<(Caller & { csrfToken: string }) | null> {
  const p = await accounts.principalBySession(ctx.db, sha256(token));
  return p ? { ...toCaller(p), csrfToken: p.csrf_token ?? '' } : null;
}

/**
 * How long a token's caller is remembered in memory (per process): a token that is revoked, or
 * whose user is disabled or changes role, keeps working for at most this long in a server that
 * did not make the change (another worker, or the CLI); the process that disables a user forgets
 * every cached token at once. Unknown tokens are not cached.
 */
export const TOKEN_CACHE_MS = 5_000;
const TOKEN_CACHE_MAX = 10_000;
const tokenCache = new Map<string, { caller: Caller; until: number }>();

/** Forgets every cached token (after a user is disabled or a token revoked). */
export function forgetCachedTokens(): void {
  tokenCache.clear();
}

export async function callerFromToken(ctx: AppContext, token: string): Promise<Caller | null> {
  const hash = sha256(token);
  const now = Date.now();
  const cached = tokenCache.get(hash);
  if (cached && cached.until > now) return cached.caller;
  const p = await accounts.principalByToken(ctx.db, hash);
  if (!p) {
    tokenCache.delete(hash);
    return null;
  }
  const caller = toCaller(p);
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(hash, { caller, until: now + TOKEN_CACHE_MS });
  return caller;
}

/** A new API token for the caller itself; the secret is shown once. */
export async function createApiToken(
  ctx: AppContext,
  caller: Caller | null,
  name: string,
): Promise<{ id: string; token: string }> {
  const c = requireCaller(caller);
  const id = newId();
  const token = `truce_${newSecret()}`;
  await ctx.db.transaction(async (tx) => {
    await accounts.insertApiToken(tx, { id, user_id: c.userId, name, token_hash: sha256(token) });
    await audit(tx, c, ctx.now(), [
      { action: 'create', entity: 'api_token', entityId: id, ownerOrg: c.orgId, after: { name } },
    ]);
  });
  ctx.wrote('accounts');
  return { id, token };
}
