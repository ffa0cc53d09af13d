/**
 * Administration over HTTP: an admin manages the users of their own organization (add with a
 * generated password shown once, change role, disable, a new password), adds organizations, and
 * verifies the audit chain; each change is audited; users of other organizations are not found.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';

describeEachDatabase('administration over HTTP', (db) => {
  const server = useTestServer(db);

  it('adds a user to the admin’s organization with a password shown once, who then signs in', async () => {
    await server.fresh();
    const added = await server.call('ngo-admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'field-officer', org: 'ngo', role: 'reporter', display_name: 'Field officer' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const { password } = added.json<{ password: string }>();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const login = await server.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'field-officer', password },
    });
    expect(login.statusCode).toBe(200);
    const users = (await server.call('ngo-admin', { method: 'GET', url: '/api/v1/users' })).json().items;
    expect(users.find((u: { username: string }) => u.username === 'field-officer')).toEqual({
      username: 'field-officer',
      display_name: 'Field officer',
      org: 'ngo',
      role: 'reporter',
      clearance: 'public',
      disabled: false,
    });
    // Only the admin's own organization: no user of another is listed.
    expect(users.every((u: { org: string }) => u.org === 'ngo')).toBe(true);
    const elsewhere = await server.call('ngo-admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'intruder', org: 'us', role: 'admin' },
    });
    expect(elsewhere.json()).toMatchObject({ code: 'VALIDATION', path: 'org' });
  });

  it('changes a role, disables and enables, and gives a new password, each audited; others’ users are not found', async () => {
    await server.fresh();
    const patch = (user: string, username: string, payload: Record<string, unknown>) =>
      server.call(user, { method: 'PATCH', url: `/api/v1/users/${username}`, payload });
    expect((await patch('ngo-admin', 'ngo-reporter', { role: 'analyst' })).json()).toMatchObject({ role: 'analyst' });
    expect((await patch('ngo-admin', 'ngo-reporter', { disabled: true })).json()).toMatchObject({ disabled: true });
    const refused = await server.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ngo-reporter', password: 'correct horse battery' },
    });
    expect(refused.statusCode).toBe(401);
    expect((await patch('ngo-admin', 'ngo-reporter', { disabled: false })).json()).toMatchObject({ disabled: false });
    const reset = await server.call('ngo-admin', {
      method: 'POST',
      url: '/api/v1/users/ngo-reporter/password',
      payload: {},
    });
    const { password } = reset.json<{ password: string }>();
    const login = await server.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ngo-reporter', password },
    });
    expect(login.statusCode).toBe(200);
    expect((await patch('ngo-admin', 'us-reporter', { role: 'admin' })).statusCode).toBe(404);
    expect((await patch('ngo-admin', 'ngo-admin', { role: 'reporter' })).json()).toMatchObject({ path: 'role' });
    expect((await patch('ngo-analyst', 'ngo-reporter', { role: 'admin' })).statusCode).toBe(403);
    const [row] = await db().query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'user' and action in ('update', 'disable', 'enable', 'set-password')`,
    );
    expect(row?.n).toBe(4);
  });

  it('adds an organization, and verifies the audit chain without telling what it holds', async () => {
    await server.fresh();
    const org = await server.call('us-admin', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { id: 'osce', name: 'OSCE monitors', kind: 'monitor', task_force: true },
    });
    expect(org.statusCode, org.body).toBe(201);
    const again = await server.call('us-admin', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { id: 'osce', name: 'OSCE', kind: 'monitor' },
    });
    expect(again.statusCode).toBe(409);
    // A co-chair changes who approves rulings: the operator's to add; the task force takes members from its own.
    const coChair = await server.call('us-admin', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { id: 'third-chair', name: 'A third co-chair', kind: 'co_chair' },
    });
    expect(coChair.statusCode).toBe(403);
    const member = await server.call('ngo-admin', {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { id: 'ngo-friend', name: 'A friend of the NGO', kind: 'humanitarian', task_force: true },
    });
    expect(member.statusCode).toBe(403);
    const verified = await server.call('us-analyst', { method: 'GET', url: '/api/v1/audit/verify' });
    expect(verified.statusCode).toBe(200);
    expect(Object.keys(verified.json()).sort()).toEqual(['ok', 'verified_at']);
    expect(verified.json().ok).toBe(true);
    expect((await server.call('us-reporter', { method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(403);
  });
});
