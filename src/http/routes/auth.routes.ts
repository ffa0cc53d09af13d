/** Signing in and out, who am I, API tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listApiTokens } from '../../app/accounts/list-api-tokens.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { createApiToken, signIn, signOut } from '../../app/accounts/sign-in.ts';
import type { AppContext } from '../../app/context.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { errorResponses, idParams } from '../schemas.ts';
import {
  apiTokenJson,
  loggedOut,
  loginBody,
  me,
  meJson,
  meOut,
  newTokenOut,
  revokedOut,
  tokenBody,
  tokensOut,
  tokensQuery,
} from './auth.schemas.ts';

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a password; sets an HttpOnly session cookie',
        body: loginBody,
        response: { 200: me, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const session = await signIn(ctx, request.body.username, request.body.password);
      setSessionCookie(request, reply, session);
      return meJson(session.caller, session.csrfToken);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: loggedOut, ...errorResponses } },
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
        response: { 200: meOut, ...errorResponses },
      },
    },
    async (request) => (request.caller ? meJson(request.caller, request.csrfToken) : { signed_in: false as const }),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token for yourself (shown once)',
        body: tokenBody,
        response: { 201: newTokenOut, ...errorResponses },
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
        querystring: tokensQuery,
        response: { 200: tokensOut, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listApiTokens(ctx, request.caller, request.query.user)).map(apiTokenJson) }),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token: yours, or (admins) one of a user of your organization; it stops working at once',
        params: idParams,
        response: { 204: revokedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, request.caller, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
