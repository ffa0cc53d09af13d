import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import * as auditLog from './audit.repository.ts';
import { asReader } from './reader.ts';

const entry = (id: string, classification: string) => ({
  at: Date.now(),
  userId: null,
  orgId: null,
  action: 'create',
  entity: 'organization',
  entityId: id,
  classification,
  ownerOrg: null,
  before: null,
  after: { id },
});

const PUBLIC_READER = { userId: null, orgId: 'ngo', clearance: 'public' as const };

describeEachDatabase('the audit chain beside the trail', (db) => {
  it('links each entry once, in a row of its own, and leaves the entry as written', async () => {
    await auditLog.insert(db(), [entry('a', 'public'), entry('b', 'co_chairs')]);
    const before = await db().query('select * from audit_log order by seq');
    expect(await db().query('select seq from audit_unsealed order by seq')).toHaveLength(2);
    expect(await auditLog.seal(db())).toBe(2);
    expect(await db().query('select * from audit_log order by seq')).toEqual(before);
    expect(await db().query('select seq from audit_unsealed')).toEqual([]);
    expect(await db().query('select chain_pos from audit_chain order by chain_pos')).toEqual([
      { chain_pos: expect.anything() },
      { chain_pos: expect.anything() },
    ]);
    expect(await auditLog.seal(db())).toBe(0);
  });

  it('shows a reader the links of the entries it may see, and no others', async () => {
    await auditLog.insert(db(), [entry('a', 'public'), entry('b', 'co_chairs')]);
    await auditLog.seal(db());
    const seen = await asReader(db(), PUBLIC_READER, (sql) =>
      sql.query<{ seq: string }>('select c.seq from audit_chain c'),
    );
    const [visible] = await asReader(db(), PUBLIC_READER, (sql) =>
      sql.query<{ seq: string }>('select seq from audit_log'),
    );
    expect(seen.map((r) => Number(r.seq))).toEqual([Number(visible!.seq)]);
    const history = await asReader(db(), PUBLIC_READER, (sql) => auditLog.history(sql, 'organization', 'a'));
    expect(history.map((e) => e.chainPos)).toEqual([1]);
  });

  it('lets a request append to the trail, never change the chain or what waits for it', async () => {
    await asReader(db(), PUBLIC_READER, (sql) => auditLog.insert(sql, [entry('a', 'public')]));
    expect(await db().query('select seq from audit_unsealed')).toHaveLength(1);
    for (const statement of [
      'delete from audit_unsealed',
      'select seq from audit_unsealed',
      `insert into audit_chain values (1, 1, 'x', 'y')`,
      'update audit_log set action = $$none$$',
    ])
      await expect(
        asReader(db(), PUBLIC_READER, (sql) => sql.query(statement)),
        statement,
      ).rejects.toThrow(/permission denied/);
  });

  it('passes over an entry deleted before it was sealed', async () => {
    await auditLog.insert(db(), [entry('a', 'public'), entry('b', 'public')]);
    await db().query(`delete from audit_log where entity_id = 'a'`);
    expect(await auditLog.seal(db())).toBe(1);
    expect(await db().query('select seq from audit_unsealed')).toEqual([]);
    expect(await auditLog.verify(db())).toMatchObject({ ok: true, sealed: 1, unsealed: 0 });
  });
});
