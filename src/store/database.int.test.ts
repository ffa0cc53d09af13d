import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { databaseOptionsFrom, openDatabase, StatementNames } from './database.ts';
import { asReader, literal, type Reader } from './reader.ts';
import type { Sql } from './sql.ts';

const POSTGRES_URL = process.env.TRUCE_TEST_DATABASE_URL;

const PUBLIC_READER: Reader = { userId: null, orgId: 'ngo', clearance: 'public' };

describeEachDatabase('the database', (db) => {
  const seed = () =>
    db().query(`insert into incidents (id, occurred_at, lon, lat, act, classification, owner_org) values
    ('open', '2016-03-01T00:00:00Z', 36.2, 33.5, 'shelling', 'public', null),
    ('secret', '2016-03-02T00:00:00Z', 36.3, 33.6, 'shelling', 'co_chairs', null)`);
  const COUNT = 'select count(*)::int as n from incidents where occurred_at >= $1';
  const count = async (sql: Sql) => (await sql.query<{ n: number }>(COUNT, ['2000-01-01T00:00:00Z']))[0]!.n;

  it('runs one statement text as the owner and as a reader, each seeing its own rows', async () => {
    await seed();
    // On PostgreSQL the text is a prepared statement, planned first for the owner: row-level
    // security must still apply when a reader runs it, and stop applying after.
    for (let round = 0; round < 7; round++) {
      // past PostgreSQL's five custom plans, to its generic one
      expect(await count(db())).toBe(2);
      expect(await asReader(db(), PUBLIC_READER, (sql) => count(sql))).toBe(1);
      expect(await asReader(db(), { ...PUBLIC_READER, clearance: 'co_chairs' }, (sql) => count(sql))).toBe(2);
    }
  });

  it('reads as someone whose settings travel as literals, quotes and backslashes included', async () => {
    for (const org of ["o'brien", 'back\\slash\\', "'; drop table incidents; --"]) {
      const [row] = await asReader(db(), { userId: null, orgId: org, clearance: 'task_force' }, (sql) =>
        sql.query<{ org: string; clearance: string; role: string }>(
          `select current_setting('truce.org') as org, current_setting('truce.clearance') as clearance, current_user as role`,
          [],
        ),
      );
      expect(row).toEqual({ org, clearance: 'task_force', role: 'truce_reader' });
    }
    expect(literal("a'b\\c")).toBe("E'a''b\\\\c'");
    expect(() => literal('a\0b')).toThrow(/NUL/);
  });

  it('answers a query prepared before its table changed', async () => {
    await db().exec('create table scratch (a int)');
    try {
      await db().query('insert into scratch values (1)');
      const read = () => db().query('select * from scratch where a = $1', [1]);
      expect(await read()).toEqual([{ a: 1 }]);
      // As another process's migration would, under a statement this pool has prepared.
      await db().exec('alter table scratch add column b int default 2');
      expect(await read()).toEqual([{ a: 1, b: 2 }]);
      expect(await read()).toEqual([{ a: 1, b: 2 }]);
    } finally {
      await db().exec('drop table scratch');
    }
  });

  it('writes nothing of a transaction that fails', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.query(`insert into actors (id, name, kind) values ($1, $2, 'state')`, ['x', 'X']);
        await tx.query(`insert into actors (id, name, kind) values ($1, $2, 'state')`, ['x', 'X again']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await db().query('select id from actors where id = $1', ['x'])).toEqual([]);
  });
});

describe('statement names', () => {
  it('name each text once, the same every time, no more texts than the cap, and none for a forgotten text', () => {
    const names = new StatementNames(2);
    expect(names.nameOf('select 1')).toBe('truce_0');
    expect(names.nameOf('select 2')).toBe('truce_1');
    expect(names.nameOf('select 1')).toBe('truce_0');
    names.forget('select 1');
    expect(names.nameOf('select 1')).toBeUndefined();
    expect(names.nameOf('select 3')).toBeUndefined(); // the forgotten text still counts
    expect(new StatementNames(0).nameOf('select 1')).toBeUndefined();
  });

  it('are off with TRUCE_PG_PREPARED=off, for a pooler that cannot keep them', () => {
    expect(databaseOptionsFrom({}, { DATABASE_URL: 'postgres://h/db' })).toEqual({
      url: 'postgres://h/db',
      preparedStatements: true,
    });
    expect(databaseOptionsFrom({}, { DATABASE_URL: 'postgres://h/db', TRUCE_PG_PREPARED: 'off' })).toEqual({
      url: 'postgres://h/db',
      preparedStatements: false,
    });
    expect(databaseOptionsFrom({ data: 'dir' }, { DATABASE_URL: 'postgres://h/db' })).toEqual({ dataDir: 'dir' });
  });
});

describe.skipIf(!POSTGRES_URL)(
  'a PostgreSQL pool (skipped without TRUCE_TEST_DATABASE_URL, which .ci/run sets)',
  () => {
    it('carries on when the server closes its idle connections', async () => {
      const name = `truce_test_${process.pid}_${Date.now()}`;
      const url = new URL(POSTGRES_URL!);
      url.searchParams.set('application_name', name);
      const db = await openDatabase({ url: url.toString(), migrate: false });
      const admin = await openDatabase({ url: POSTGRES_URL!, migrate: false });
      try {
        await Promise.all([db.query('select 1 as x', []), db.query('select 2 as x', [])]);
        // As a restart or an administrator would, from another session.
        const [closed] = await admin.query<{ n: number }>(
          'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
          [name],
        );
        expect(closed!.n).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await db.query('select 3 as x', [])).toEqual([{ x: 3 }]);
      } finally {
        await db.close();
        await admin.close();
      }
    });
  },
);
