/** How the signed-in caller and API tokens look in requests and responses. */
import { z } from 'zod';
import { CLEARANCES } from '../../contract/access.ts';
import type { ApiTokenView } from '../../app/accounts/list-api-tokens.ts';
import type { Caller } from '../../app/caller.ts';

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });

export const me = z
  .object({
    signed_in: z.literal(true),
    user_id: z.string(),
    username: z.string(),
    org: z.string(),
    org_kind: z.string(),
    role: z.string(),
    clearance: z.enum(CLEARANCES).describe("what you may read besides your organization's own records"),
    csrf_token: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const apiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    user: z.string().describe('the username it acts as'),
    created_at: z.string(),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

/**
 * What GET /auth/me answers a visitor with no session (or an expired one): a plain answer, not a
 * 401, so the web app's first look (am I signed in?) is no error in the browser's console. A bad
 * bearer token is still a 401: that caller meant to be someone.
 */
export const signedOut = z.object({ signed_in: z.literal(false) }).meta({ id: 'SignedOut' });

export const meOut = z.union([me, signedOut]);

export const meJson = (c: Caller, csrfToken: string | null): z.infer<typeof me> => ({
  signed_in: true as const,
  user_id: c.userId,
  username: c.username,
  org: c.orgId,
  org_kind: c.orgKind,
  role: c.role,
  clearance: c.clearance,
  csrf_token: csrfToken,
});

export const loggedOut = z.null();

export const tokenBody = z.object({ name: z.string().min(1).max(100) });
export const newTokenOut = z.object({ id: z.string(), token: z.string() });

export const tokensQuery = z.object({
  user: z.string().min(1).max(64).optional().describe('a username; yourself by default'),
});
export const tokensOut = z.object({ items: z.array(apiToken) });

export const apiTokenJson = (t: ApiTokenView): z.infer<typeof apiToken> => ({
  id: t.id,
  name: t.name,
  user: t.username,
  created_at: new Date(t.createdAt).toISOString(),
  revoked_at: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
});

export const revokedOut = z.null().describe('revoked (or it was already)');
