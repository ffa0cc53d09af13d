/**
 * Administration: the users of the admin's organization (add, change role, disable, a new
 * password), organizations (add), and the audit chain verified on demand. Each change is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addOrganization } from '../../app/accounts/add-organization.ts';
import { addUser } from '../../app/accounts/add-user.ts';
import { setPassword, setUserDisabled, setUserRole } from '../../app/accounts/change-user.ts';
import { listUsers } from '../../app/accounts/list-users.ts';
import { newPassword } from '../../app/accounts/secrets.ts';
import { verifyAuditTrail } from '../../app/audit/verify-audit-chain.ts';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { notFound } from '../../app/errors.ts';
import { formatInstant } from '../../domain/time.ts';
import { errorResponses } from '../schemas.ts';
import { organizationJson, organizationOut } from './organizations.schemas.ts';
import {
  newOrganizationBody,
  newUserBody,
  passwordBody,
  passwordOut,
  userChangeBody,
  userJson,
  usernameParams,
  userOut,
  usersOut,
  verificationOut,
} from './users.schemas.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  const findUser = async (caller: Parameters<typeof listUsers>[1], username: string) => {
    const user = (await listUsers(ctx, caller)).find((u) => u.username === username);
    if (!user) throw notFound('user', username);
    return user;
  };

  app.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        tags: ['accounts'],
        summary: 'The users of your organization, with their role and clearance (admins)',
        response: { 200: usersOut, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listUsers(ctx, request.caller!)).map(userJson) }),
  );

  app.post(
    '/users',
    {
      schema: {
        operationId: 'addUser',
        tags: ['accounts'],
        summary: 'Add a user to your organization (admins); a password left out is generated and shown once',
        body: newUserBody,
        response: { 201: passwordOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const generated = b.password === undefined ? newPassword() : null;
      await addUser(ctx, request.caller!, {
        username: b.username,
        orgId: b.org,
        role: b.role,
        password: b.password ?? generated!,
        ...(b.display_name ? { displayName: b.display_name } : {}),
      });
      return reply.status(201).send({ username: b.username, password: generated });
    },
  );

  app.patch(
    '/users/:username',
    {
      schema: {
        operationId: 'changeUser',
        tags: ['accounts'],
        summary: 'Change a user’s role, or disable or enable the account (admins, for their organization)',
        params: usernameParams,
        body: userChangeBody,
        response: { 200: userOut, ...errorResponses },
      },
    },
    async (request) => {
      const { username } = request.params;
      if (request.body.role !== undefined) await setUserRole(ctx, request.caller!, username, request.body.role);
      if (request.body.disabled !== undefined)
        await setUserDisabled(ctx, request.caller!, username, request.body.disabled);
      return userJson(await findUser(request.caller!, username));
    },
  );

  app.post(
    '/users/:username/password',
    {
      schema: {
        operationId: 'resetPassword',
        tags: ['accounts'],
        summary:
          'Give a user a new password (admins, for their organization); one left out is generated and shown once',
        params: usernameParams,
        body: passwordBody,
        response: { 200: passwordOut, ...errorResponses },
      },
    },
    async (request) => {
      const generated = request.body.password === undefined ? newPassword() : null;
      await setPassword(ctx, request.caller!, request.params.username, request.body.password ?? generated!);
      return { username: request.params.username, password: generated };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        operationId: 'addOrganization',
        tags: ['accounts'],
        summary: 'Add an organization (admins): its kind and task-force membership decide what its users read',
        body: newOrganizationBody,
        response: { 201: organizationOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const org = { id: b.id, name: b.name, nameAr: b.name_ar || null, kind: b.kind, taskForce: b.task_force };
      await addOrganization(ctx, request.caller!, org);
      return reply.status(201).send(organizationJson(org));
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        tags: ['audit'],
        summary:
          'Whether every sealed link of the audit chain holds (admins and analysts); where it breaks is told to the operator only',
        response: { 200: verificationOut, ...errorResponses },
      },
    },
    async (request) => ({
      ok: (await verifyAuditTrail(ctx, request.caller)).ok,
      verified_at: formatInstant(ctx.now()),
    }),
  );
};
