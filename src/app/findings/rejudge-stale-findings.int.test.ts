import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { SYRIA } from '../../../test/world.ts';
import { RULES_VERSION } from '../../domain/findings.ts';
import { createContext } from '../context.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { rulesUpdated } from './finding-causes.ts';
import { recomputeFindings } from './recompute-findings.ts';
import { rejudgeStaleFindings } from './rejudge-stale-findings.ts';

describeEachDatabase('findings judged under older rules', (db) => {
  it("are judged again at start, the old versions kept with the rules' update as cause; current ones are left alone", async () => {
    const ctx = createContext(db());
    expect((await loadScenario(db(), SYRIA)).ok).toBe(true);
    const total = (await db().query<{ n: number }>('select count(*)::int as n from findings'))[0]!.n;
    expect(await rejudgeStaleFindings(ctx)).toBeNull();
    // As a database written by the previous rules holds them: an older version, explanations without statements.
    await db().query(
      `update findings set rules_version = 'truce-rules/1', statements = '[]', explanation = 'Rule 5 (TARGET_CIVILIAN) of coh: ...'`,
    );
    const result = await rejudgeStaleFindings(ctx);
    expect(result!.incidents.updated + result!.territory.updated).toBe(total);
    const rows = await db().query<{ rules_version: string; n: number; empty: number }>(
      `select rules_version, count(*)::int as n, count(*) filter (where statements = '[]')::int as empty from findings group by 1`,
    );
    expect(rows).toEqual([{ rules_version: RULES_VERSION, n: total, empty: 0 }]);
    const history = await db().query<{ n: number; code: string }>(
      `select count(*)::int as n, min(cause_statement->>'code') as code from finding_history where rules_version = 'truce-rules/1'`,
    );
    expect(history).toEqual([{ n: total, code: 'cause.rules_updated' }]);
    expect(await rejudgeStaleFindings(ctx)).toBeNull();
    await ctx.close();
  });

  it('are compared by their digests, and in full where a digest is missing or differs: no change is made up, none missed', async () => {
    expect((await loadScenario(db(), SYRIA)).ok).toBe(true);
    const count = async (where: string) =>
      (await db().query<{ n: number }>(`select count(*)::int as n from findings where ${where}`))[0]!.n;
    const incidents = await count(`kind = 'incident'`);
    const history = async () =>
      (await db().query<{ n: number }>('select count(*)::int as n from finding_history'))[0]!.n;
    // In turn with the incidents' table locked whole and read by ranges of ids (as 20,000 incidents or more are),
    // and with their rows locked one by one.
    let wholeTable = false;
    const judgeAll = () => {
      wholeTable = !wholeTable;
      const lockTableFrom = wholeTable ? 1 : Infinity;
      return db().transaction((tx) =>
        recomputeFindings(tx, { incidents: 'all', zones: 'all' }, rulesUpdated(), { lockTableFrom }),
      );
    };
    expect(await count('digest is null')).toBe(0);

    // Written before the digests (migration 019), or by code that laid a finding out otherwise: the same findings.
    await db().query(`update findings set digest = null where kind = 'incident'`);
    await db().query(`update findings set digest = 'laid out otherwise' where kind = 'territory'`);
    const before = await history();
    const same = await judgeAll();
    expect(same.incidents).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0, unchanged: incidents });
    expect(same.territory).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0 });
    expect(await history()).toBe(before);
    expect(await count(`digest is null or digest = 'laid out otherwise'`)).toBe(0);

    // A finding changed by another statement, its digest left as it was: the digest goes with the change (019).
    await db().query(
      `update findings set explanation = 'edited' where key = (select min(key) from findings where kind = 'incident')`,
    );
    expect(await count('digest is null')).toBe(1);
    expect((await judgeAll()).incidents).toMatchObject({ updated: 1, unchanged: incidents - 1 });
    expect(await count(`explanation = 'edited' or digest is null`)).toBe(0);
    expect(await history()).toBe(before + 1);
  });
});
