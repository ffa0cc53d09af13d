/** `truce token list|revoke`: the operator sees a user's API tokens and revokes one, audited; it stops working. */
import { expect, it } from 'vitest';
import { addOrganization } from '../app/accounts/add-organization.ts';
import { addUser } from '../app/accounts/add-user.ts';
import { callerFromToken, createApiToken, signIn } from '../app/accounts/sign-in.ts';
import { createContext } from '../app/context.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { tokenList, tokenRevoke } from './accounts.command.ts';
import { captureIo } from '../../test/capture-io.ts';

describeEachDatabase('truce token list|revoke', (db) => {
  it("lists a user's tokens without their secrets, revokes one, and says so again without a second audit entry", async () => {
    const ctx = createContext(db());
    await addOrganization(ctx, 'operator', {
      id: 'sarc',
      name: 'Syrian Arab Red Crescent',
      kind: 'humanitarian',
      taskForce: false,
    });
    await addUser(ctx, 'operator', { username: 'salma', orgId: 'sarc', role: 'reporter', password: 'a long password' });
    const { caller } = await signIn(ctx, 'salma', 'a long password');
    const phone = await createApiToken(ctx, caller, 'phone');
    await createApiToken(ctx, caller, 'laptop');
    expect(await callerFromToken(ctx, phone.token)).toMatchObject({ username: 'salma' });

    const list = captureIo();
    expect(await tokenList(list, ctx, 'salma')).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(
        `^ID +NAME +CREATED \\(UTC\\) +STATUS\\n${phone.id} +phone +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +active\\n.+laptop .+active\\n$`,
      ),
    );
    expect(list.stdout).not.toContain(phone.token);

    const revoke = captureIo();
    expect(await tokenRevoke(revoke, ctx, phone.id)).toBe(0);
    expect(revoke.stdout).toBe('Revoked the API token "phone" of salma: it no longer works.\n');
    expect(await callerFromToken(ctx, phone.token)).toBeNull();
    const again = captureIo();
    expect(await tokenRevoke(again, ctx, phone.id)).toBe(0);
    expect(again.stdout).toBe('The API token "phone" of salma was revoked already.\n');
    const entries = await db().query<{ user_id: string | null; entity_id: string }>(
      `select user_id, entity_id from audit_log where action = 'revoke'`,
    );
    expect(entries).toEqual([{ user_id: null, entity_id: phone.id }]);
    const after = captureIo();
    await tokenList(after, ctx, 'salma');
    expect(after.stdout).toMatch(/phone +\S+ \S+ +revoked \d{4}-/);
    await ctx.close();
  });

  it('names an unknown token or user (withAccounts turns NOT_FOUND into exit code 2)', async () => {
    const ctx = createContext(db());
    await expect(tokenRevoke(captureIo(), ctx, 'nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no API token "nope"',
    });
    await expect(tokenList(captureIo(), ctx, 'nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'no user "nobody"',
    });
    await ctx.close();
  });
});
