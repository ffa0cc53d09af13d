import { expect, it } from 'vitest';
import { addOrganization } from '../app/accounts/add-organization.ts';
import { addUser } from '../app/accounts/add-user.ts';
import { setPassword, setUserDisabled } from '../app/accounts/change-user.ts';
import { type AppContext, createContext } from '../app/context.ts';
import * as auditLog from '../store/audit.repository.ts';
import type { Database } from '../store/sql.ts';
import { describeEachDatabase } from '../../test/databases.ts';
import { printAuditHead, sealAuditTrail, verifyAuditTrail } from './audit.command.ts';
import { main } from './main.ts';
import { captureOutput } from '../../test/capture-io.ts';

/** Audited changes through the use cases: 8 entries, sealed. */
async function writeAuditedChanges(db: Database): Promise<void> {
  const ctx = createContext(db);
  await addOrganization(ctx, 'operator', { id: 'us', name: 'United States', kind: 'co_chair', taskForce: true });
  await addOrganization(ctx, 'operator', { id: 'ru', name: 'Russian Federation', kind: 'co_chair', taskForce: true });
  await addOrganization(ctx, 'operator', {
    id: 'sarc',
    name: 'Syrian Arab Red Crescent',
    kind: 'humanitarian',
    taskForce: false,
  });
  await addUser(ctx, 'operator', { username: 'alice', orgId: 'us', role: 'analyst', password: 'a long password' });
  await addUser(ctx, 'operator', { username: 'boris', orgId: 'ru', role: 'analyst', password: 'a long password' });
  await addUser(ctx, 'operator', { username: 'salma', orgId: 'sarc', role: 'reporter', password: 'a long password' });
  await setPassword(ctx, 'operator', 'alice', 'another long password');
  await setUserDisabled(ctx, 'operator', 'boris', true);
  await ctx.close();
}

const verify = async (db: Database, expectHead?: string) => {
  const io = captureOutput();
  const code = await verifyAuditTrail(io, db, expectHead);
  return { code, out: io.stdout };
};

const head = async (db: Database) => {
  const io = captureOutput();
  const code = await printAuditHead(io, db);
  return { code, out: io.stdout };
};

/** The seq of the entry at a chain position. */
const seqAt = async (db: Database, pos: number) =>
  Number((await db.query<{ seq: string }>('select seq from audit_chain where chain_pos = $1', [pos]))[0]!.seq);

/** SQL naming the entry sealed at a chain position. */
const entryAt = (pos: number) => `seq = (select seq from audit_chain where chain_pos = ${pos})`;

/** Swaps a column's values between two rows of a table (through a free value: the columns are unique). */
async function swap(
  db: Database,
  table: 'audit_log' | 'audit_chain',
  column: 'seq' | 'chain_pos',
  a: number,
  b: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`update ${table} set ${column} = -1 where ${column} = $1`, [a]);
    await tx.query(`update ${table} set ${column} = $1 where ${column} = $2`, [a, b]);
    await tx.query(`update ${table} set ${column} = $1 where ${column} = -1`, [b]);
  });
}

describeEachDatabase('truce audit verify', (db) => {
  it('says OK with the count and the head hash of a sealed trail', async () => {
    await writeAuditedChanges(db());
    const { code, out } = await verify(db());
    expect(code).toBe(0);
    expect(out).toMatch(/^OK: 8 entries, head [0-9a-f]{64}\n$/);
  });

  it('counts entries not sealed yet, and does not seal them', async () => {
    await writeAuditedChanges(db());
    const quiet: AppContext = { ...createContext(db()), wrote: () => {} };
    await addOrganization(quiet, 'operator', { id: 'ocha', name: 'OCHA', kind: 'un', taskForce: true });
    const { code, out } = await verify(db());
    expect(code).toBe(0);
    expect(out).toMatch(/^OK: 8 entries, head [0-9a-f]{64} \(and 1 entry not sealed yet/);
    expect(await db().query('select seq from audit_unsealed')).toHaveLength(1);
    const seal = captureOutput();
    expect(await sealAuditTrail(seal, db())).toBe(0);
    expect(seal.stdout).toBe('Sealed 1 entry.\n');
    expect((await verify(db())).out).toMatch(/^OK: 9 entries, head [0-9a-f]{64}\n$/);
  });

  it('names the entry whose content was edited', async () => {
    await writeAuditedChanges(db());
    const seq = await seqAt(db(), 3);
    await db().query(`update audit_log set after = jsonb_set(after, '{name}', '"Someone else"') where ${entryAt(3)}`);
    const { code, out } = await verify(db());
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(`^BROKEN at chain position 3 \\(audit entry seq ${seq}\\): its content does not match its hash`),
    );
  });

  it('names the place of an entry deleted from the trail', async () => {
    await writeAuditedChanges(db());
    const seq = await seqAt(db(), 4);
    await db().query(`delete from audit_log where ${entryAt(4)}`);
    const { code, out } = await verify(db());
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(`^BROKEN at chain position 4 \\(audit entry seq ${seq}\\): the entry it seals was deleted`),
    );
  });

  it('names the place of an entry deleted with its link: the next one no longer links', async () => {
    await writeAuditedChanges(db());
    const next = await seqAt(db(), 5);
    await db().query(`delete from audit_log where ${entryAt(4)}`);
    await db().query('delete from audit_chain where chain_pos = 4');
    const { code, out } = await verify(db());
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(
        `^BROKEN at chain position 5 \\(audit entry seq ${next}\\): expected chain position 4 here: an entry before it was deleted`,
      ),
    );
  });

  it('names the first of two entries whose chain positions were swapped', async () => {
    await writeAuditedChanges(db());
    const moved = await seqAt(db(), 6);
    await swap(db(), 'audit_chain', 'chain_pos', 2, 6);
    const { code, out } = await verify(db());
    expect(code).toBe(1);
    expect(out).toMatch(
      new RegExp(
        `^BROKEN at chain position 2 \\(audit entry seq ${moved}\\): its link to the previous entry does not match`,
      ),
    );
  });

  it('names the first of two entries whose sequence numbers were swapped, with their links or not', async () => {
    await writeAuditedChanges(db());
    const [s2, s6] = [await seqAt(db(), 2), await seqAt(db(), 6)];
    await swap(db(), 'audit_log', 'seq', s2, s6);
    const entries = await verify(db());
    expect(entries.code).toBe(1);
    expect(entries.out).toMatch(new RegExp(`^BROKEN at chain position 2 \\(audit entry seq ${s2}\\): its chain hash`));
    await swap(db(), 'audit_chain', 'seq', s2, s6);
    const both = await verify(db());
    expect(both.code).toBe(1);
    expect(both.out).toMatch(new RegExp(`^BROKEN at chain position 2 \\(audit entry seq ${s6}\\): its chain hash`));
  });

  it('holds when concurrent writes commit out of sequence order (PostgreSQL)', async (test) => {
    if (db().kind !== 'postgres') test.skip(); // PGlite runs one transaction at a time
    await writeAuditedChanges(db());
    const entry = (id: string) => ({
      at: Date.now(),
      userId: null,
      orgId: null,
      action: 'create',
      entity: 'organization',
      entityId: id,
      classification: 'public',
      ownerOrg: null,
      before: null,
      after: { id },
    });
    let release = () => {};
    let appended = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const written = new Promise<void>((r) => {
      appended = r;
    });
    const slow = db().transaction(async (tx) => {
      await auditLog.insert(tx, [entry('slow')]); // takes the lower seq, commits last
      appended();
      await held;
    });
    await written;
    await auditLog.insert(db(), [entry('fast')]);
    await auditLog.seal(db());
    release();
    await slow;
    await auditLog.seal(db());
    const order = await db().query<{ id: string; seq: string }>(
      `select a.entity_id as id, a.seq from audit_chain c join audit_log a using (seq) where c.chain_pos > 8 order by c.chain_pos`,
    );
    expect(order.map((r) => r.id)).toEqual(['fast', 'slow']);
    expect(order.map((r) => Number(r.seq))).toEqual([10, 9]);
    expect((await verify(db())).out).toMatch(/^OK: 10 entries/);
  });

  it('names the last entry when it was edited', async () => {
    await writeAuditedChanges(db());
    await db().query(`update audit_log set action = 'nothing happened' where ${entryAt(8)}`);
    const { code, out } = await verify(db());
    expect([code, out.split(':')[0]]).toEqual([1, 'BROKEN at chain position 8 (audit entry seq 8)']);
  });

  it('misses the newest entry deleted, unless given the head recorded elsewhere', async () => {
    await writeAuditedChanges(db());
    const printed = await head(db());
    expect(printed.code).toBe(0);
    expect(printed.out).toMatch(/^[0-9a-f]{64}\n$/);
    const recorded = printed.out.trim();
    expect((await verify(db())).out).toBe(`OK: 8 entries, head ${recorded}\n`);
    const [earlier] = await db().query<{ chain_hash: string }>(
      'select chain_hash from audit_chain where chain_pos = 5',
    );
    await db().query(`delete from audit_log where ${entryAt(8)}`);
    await db().query('delete from audit_chain where chain_pos = 8');
    // The chain that is left holds: the walk alone cannot tell.
    expect(await verify(db())).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: 7 entries/) });
    const checked = await verify(db(), recorded);
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(
      new RegExp(
        `^BROKEN: the expected head ${recorded} is not in the chain: the entry it ended with, or one before it, was deleted or rewritten\n` +
          '  the chain that is left holds: 7 entries, head [0-9a-f]{64}\n$',
      ),
    );
    // A head recorded earlier is still there, with what was sealed after it.
    expect(await verify(db(), earlier!.chain_hash)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/\n {2}the expected head is chain position 5; 2 entries sealed after it\n$/),
    });
  });

  it('prints the head only of a chain that holds', async () => {
    await writeAuditedChanges(db());
    await db().query(`update audit_log set action = 'nothing happened' where ${entryAt(2)}`);
    const printed = await head(db());
    expect(printed).toEqual({ code: 1, out: 'truce audit head: the chain is broken: run `truce audit verify`\n' }); // (stderr, captured with stdout)
    expect((await verify(db(), '0'.repeat(64))).code).toBe(1);
  });
});

it('refuses an expected head that is not one', async () => {
  const io = captureOutput();
  expect(await main(['audit', 'verify', '--expect-head', 'abc', '--data', 'memory://'], io)).toBe(2);
  expect(io.stdout).toContain('--expect-head must be a head as `truce audit verify` prints it: 64 hexadecimal digits');
});
