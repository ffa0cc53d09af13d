/** Signing in and out, who am I, API tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listApiTokens } from '../../app/accounts/list-api-tokens.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { createApiToken, signIn, signOut } from '../../app/accounts/sign-in.ts';
import type { AppContext } from '../../app/context.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { errorResponses, idParams } from '../schemas.ts';

const me = z
  .object({
    signed_in: z.literal(true),
    user_id: z.string(),
    username: z.string(),
    org: z.string(),
    org_kind: z.string(),
    role: z.string(),
    clearance: z.string(),
    csrf_token: z.string().nullable(),
  })
  .meta({ id: 'Me' });

const apiToken = z
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
const signedOut = z.object({ signed_in: z.literal(false) }).meta({ id: 'SignedOut' });

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a password; sets an HttpOnly session cookie',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: me, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx, request.body.username, request.body.password);
      setSessionCookie(request, reply, session);
      const c = session.caller;
      return {
        signed_in: true as const,
        user_id: c.userId,
        username: c.username,
        org: c.orgId,
        org_kind: c.orgKind,
        role: c.role,
        clearance: c.clearance,
        csrf_token: session.csrfToken,
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx, token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in caller, with the CSRF token for writes; `{ signed_in: false }` without a session',
        description:
          'Open to visitors: without a session cookie (or with an expired one) the answer is 200 `{ "signed_in": false }`, ' +
          'so a page can ask who is signed in without an error. An unknown bearer token is still 401.',
        response: { 200: z.union([me, signedOut]), ...errorResponses },
      },
    },
    async (request) => {
      const c = request.caller;
      if (!c) return { signed_in: false as const };
      return {
        signed_in: true as const,
        user_id: c.userId,
        username: c.username,
        org: c.orgId,
        org_kind: c.orgKind,
        role: c.role,
        clearance: c.clearance,
        csrf_token: request.csrfToken,
      };
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for yourself (shown once)',
        body: z.object({ name: z.string().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(ctx, request.caller, request.body.name)),
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Your API tokens (never their secrets), revoked ones included; an admin may name a user of their organization',
        querystring: z.object({
          user: z.string().min(1).max(64).optional().describe('a username; yourself by default'),
        }),
        response: { 200: z.object({ items: z.array(apiToken) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listApiTokens(ctx, request.caller, request.query.user)).map((t) => ({
        id: t.id,
        name: t.name,
        user: t.username,
        created_at: new Date(t.createdAt).toISOString(),
        revoked_at: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
      })),
    }),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token: yours, or (admins) one of a user of your organization; it stops working at once',
        params: idParams,
        response: { 204: z.null().describe('revoked (or it was already)'), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, request.caller, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
