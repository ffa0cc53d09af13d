import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../app/accounts/sign-in.ts';
import { type AppContext, createContext } from '../app/context.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { orgAdd, userAdd, userDisable, userList, userPasswd } from './accounts.command.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';
import { captureIo } from '../../test/capture-io.ts';

/** Runs a command's core on the test's database (errors and exit codes are checked through main below). */
async function run(ctx: AppContext, _name: string, fn: (io: Io, ctx: AppContext) => Promise<number>) {
  const io = captureIo();
  const code = await fn(io, ctx);
  return { code, out: io.stdout, err: io.stderr };
}

describeEachDatabase('truce org add, truce user add|passwd|disable|enable|list', (db) => {
  const password = (text: string) => async () => text;

  it('adds an organization and a user with a password from stdin, who can then sign in', async () => {
    const ctx = createContext(db());
    const org = await run(ctx, 'org add', (io, c) =>
      orgAdd(io, c, { id: 'sarc', name: 'Syrian Arab Red Crescent', kind: 'humanitarian', taskForce: false }),
    );
    expect(org).toEqual({
      code: 0,
      out: 'Added organization sarc (Syrian Arab Red Crescent): humanitarian; its users read public records.\n',
      err: '',
    });
    const user = await run(ctx, 'user add', (io, c) =>
      userAdd(io, c, { username: 'salma', orgId: 'sarc', role: 'reporter' }, password('a long password')),
    );
    expect(user).toEqual({ code: 0, out: 'Added user salma: reporter of sarc.\n', err: '' });
    expect((await signIn(ctx, 'salma', 'a long password')).caller).toMatchObject({
      orgId: 'sarc',
      role: 'reporter',
      clearance: 'public',
    });
    await ctx.close();
  });

  it('prints a generated password once when none is given, for add and passwd', async () => {
    const ctx = createContext(db());
    await run(ctx, 'org add', (io, c) =>
      orgAdd(io, c, { id: 'us', name: 'United States', kind: 'co_chair', taskForce: true }),
    );
    const added = await run(ctx, 'user add', (io, c) =>
      userAdd(io, c, { username: 'alice', orgId: 'us', role: 'analyst' }, null),
    );
    const first = /^Password: (\S+)$/m.exec(added.out)![1]!;
    expect((await signIn(ctx, 'alice', first)).caller.clearance).toBe('co_chairs');
    const changed = await run(ctx, 'user passwd', (io, c) => userPasswd(io, c, 'alice', null));
    const second = /^Password: (\S+)$/m.exec(changed.out)![1]!;
    expect(second).not.toBe(first);
    await expect(signIn(ctx, 'alice', first)).rejects.toThrow(/wrong username or password/);
    expect((await signIn(ctx, 'alice', second)).caller.username).toBe('alice');
    await ctx.close();
  });

  it('disables and enables a user, and lists users with their clearance and status', async () => {
    const ctx = createContext(db());
    await run(ctx, 'org add', (io, c) => orgAdd(io, c, { id: 'ocha', name: 'OCHA', kind: 'un', taskForce: true }));
    await run(ctx, 'user add', (io, c) =>
      userAdd(io, c, { username: 'omar', orgId: 'ocha', role: 'humanitarian' }, password('a long password')),
    );
    await run(ctx, 'user add', (io, c) =>
      userAdd(io, c, { username: 'zoe', orgId: 'ocha', role: 'observer' }, password('a long password')),
    );
    expect((await run(ctx, 'user disable', (io, c) => userDisable(io, c, 'omar', true))).code).toBe(0);
    await expect(signIn(ctx, 'omar', 'a long password')).rejects.toThrow();
    const list = await run(ctx, 'user list', (io, c) => userList(io, c));
    expect(list.out).toBe(
      [
        'USERNAME  ORG   ROLE          CLEARANCE   STATUS',
        'omar      ocha  humanitarian  task_force  disabled',
        'zoe       ocha  observer      task_force  active',
        '',
      ].join('\n'),
    );
    await run(ctx, 'user enable', (io, c) => userDisable(io, c, 'omar', false));
    expect((await signIn(ctx, 'omar', 'a long password')).caller.username).toBe('omar');
    await ctx.close();
  });
});

describe('truce org|user|audit through the command line (PGlite data directory)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truce-accounts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const truce = async (...args: string[]) => {
    const io = captureIo();
    const code = await main([...args, '--data', dir], io);
    return { code, out: io.stdout, err: io.stderr };
  };

  it('manages accounts, says what went wrong with exit code 2, and leaves a verifiable audit trail', async () => {
    expect((await truce('org', 'add', 'ngo', '--name', 'An NGO', '--kind', 'humanitarian')).code).toBe(0);
    expect(await truce('org', 'add', 'ngo', '--name', 'Again', '--kind', 'humanitarian')).toEqual({
      code: 2,
      out: '',
      err: 'truce org add: id: organization "ngo" exists already\n',
    });
    expect((await truce('org', 'add', 'x', '--name', 'X', '--kind', 'empire')).err).toBe(
      'truce org add: kind: must be one of co_chair, un, humanitarian, monitor, party, other\n',
    );
    expect((await truce('org', 'add', 'x', '--kind', 'un')).err).toMatch(
      /^truce org add: missing --name\nUsage: truce org add ID/,
    );
    const added = await truce('user', 'add', 'nadia', '--org', 'ngo', '--role', 'reporter');
    expect(added.out).toMatch(/^Added user nadia: reporter of ngo\.\nPassword: \S{20,}\n/);
    expect((await truce('user', 'add', 'xavier', '--org', 'ngo', '--role', 'general')).err).toMatch(
      /^truce user add: role: must be one of admin, /,
    );
    expect((await truce('user', 'add', 'yusuf', '--org', 'nowhere', '--role', 'admin')).err).toBe(
      'truce user add: org: unknown organization "nowhere"\n',
    );
    expect(await truce('user', 'disable', 'ghost')).toEqual({
      code: 2,
      out: '',
      err: 'truce user disable: no user "ghost"\n',
    });
    expect((await truce('user', 'disable', 'nadia')).code).toBe(0);
    expect((await truce('user', 'list')).out).toMatch(/^nadia\s+ngo\s+reporter\s+public\s+disabled$/m);
    expect(await truce('audit', 'verify')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^OK: 3 entries, head [0-9a-f]{64}\n$/),
    });
  });
});
