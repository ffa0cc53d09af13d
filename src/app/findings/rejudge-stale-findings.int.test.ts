import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { SYRIA } from '../../../test/world.ts';
import { RULES_VERSION } from '../../domain/findings.ts';
import { createContext } from '../context.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
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
});
