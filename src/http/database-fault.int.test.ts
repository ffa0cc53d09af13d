/**
 * Which failures are the database's own (away, or its disk full) and pass by themselves, and what
 * a request is answered then: the engines' own errors, raised for real on each database, and
 * what pg and the sockets say when a server goes away.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { databaseFaultError } from '../app/errors.ts';
import { databaseFault } from '../store/faults.ts';
import { toErrorBody } from './errors.ts';

/** The error the engine raises for `sqlstate`. */
const raised = async (db: Parameters<Parameters<typeof describeEachDatabase>[1]>[0], sqlstate: string) =>
  db()
    .query(`do $$ begin raise exception 'raised for the test' using errcode = '${sqlstate}'; end $$`)
    .then(
      () => null,
      (e: unknown) => e,
    );

describeEachDatabase('database faults', (db) => {
  it('answers a full disk (53100) with 507 DISK_FULL and a server going away with 503 UNAVAILABLE, other errors as before', async () => {
    const full = toErrorBody(await raised(db, '53100'));
    expect(full.status).toBe(507);
    expect(full.body).toMatchObject({ code: 'DISK_FULL', statement: { code: 'error.disk_full' } });
    expect(full.body.message).toMatch(/disk is full: nothing was written/);
    for (const sqlstate of ['57P01', '57P03', '08006', '53300']) {
      const away = toErrorBody(await raised(db, sqlstate));
      expect(away.status, sqlstate).toBe(503);
      expect(away.body).toMatchObject({ code: 'UNAVAILABLE', statement: { code: 'error.unavailable' } });
    }
    expect(toErrorBody(await raised(db, '23505')).status).toBe(409);
    expect(toErrorBody(await raised(db, 'XX000')).status).toBe(500);
    expect(databaseFaultError(await raised(db, '42P01'))).toBeNull();
  });
});

it('knows what pg and the sockets say of a server that went away', () => {
  const cases: [unknown, ReturnType<typeof databaseFault>][] = [
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('Client has encountered a connection error and is not queryable'), 'unavailable'],
    [new Error('timeout exceeded when trying to connect'), 'unavailable'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'unavailable'],
    [new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })], ''), 'unavailable'],
    [Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' }), 'disk_full'],
    [new Error('something else'), null],
    // A message that merely mentions a lost connection, with a code of its own, is not one.
    [Object.assign(new Error('Connection terminated in a value'), { code: '22P02' }), null],
    ['a string', null],
    [null, null],
  ];
  for (const [error, fault] of cases) expect(databaseFault(error), String(error)).toBe(fault);
});
