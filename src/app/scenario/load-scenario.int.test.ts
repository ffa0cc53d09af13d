import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { toResultDocument } from '../../scenario/result.ts';
import { runScenario } from '../../scenario/run-scenario.ts';
import * as findings from '../../store/finding.repository.ts';
import { listStoredFindings } from '../findings/list-findings.ts';
import { loadScenario } from './load-scenario.ts';

const ALEPPO = readFileSync(new URL('../../../../shared/examples/aleppo-2016.json', import.meta.url), 'utf8');

/** The bundle with `edit` applied to its parsed JSON. */
function edited(edit: (b: any) => void): string {
  const bundle = JSON.parse(ALEPPO);
  edit(bundle);
  return JSON.stringify(bundle);
}

function expectedDocument(text: string) {
  const run = runScenario(text);
  if (!run.ok) throw new Error('bundle invalid');
  return toResultDocument(run.evaluation);
}

describeEachDatabase('scenario load', (db) => {
  const rowCounts = async () => {
    const tables = [
      'actors',
      'agreements',
      'agreement_parties',
      'agreement_in_force',
      'zones',
      'zone_control',
      'incidents',
      'protected_sites',
      'operations',
      'convoys',
      'findings',
      'finding_history',
      'settings',
      'audit_log',
    ];
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (await db().query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n;
    return counts;
  };

  it('stores a bundle whose findings equal scenario run', async () => {
    const result = await loadScenario(db(), ALEPPO);
    expect(result.ok).toBe(true);
    const stored = await listStoredFindings(db());
    expect(toResultDocument(stored.evaluation)).toEqual(expectedDocument(ALEPPO));
  });

  it('adds nothing when the same bundle is loaded twice', async () => {
    await loadScenario(db(), ALEPPO);
    const before = await rowCounts();
    const again = await loadScenario(db(), ALEPPO);
    expect(again.ok && Object.values(again.summary.records).every((r) => r.added === 0 && r.changed === 0)).toBe(true);
    expect(again.ok && again.summary.findings.incidents).toEqual({
      inserted: 0,
      updated: 0,
      withdrawn: 0,
      unchanged: 0,
      verdictsChanged: 0,
    });
    expect(await rowCounts()).toEqual(before);
    expect(before.finding_history).toBe(0);
  });

  it('loads nothing from a rejected bundle and names every problem', async () => {
    const bad = edited((b) => {
      b.incidents[3].location.lat = 95;
      b.incidents[4].perpetrator = 'nobody';
    });
    const result = await loadScenario(db(), bad);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual([
      'incidents[3].location.lat',
      'incidents[4].perpetrator',
    ]);
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('rolls back every write when the transaction fails', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.query(`insert into actors (id, name, kind) values ('x', 'X', 'state')`);
        await tx.query(`insert into actors (id, name, kind) values ('y', 'Y', 'not-a-kind')`);
      }),
    ).rejects.toThrow();
    expect((await rowCounts()).actors).toBe(0);
  });

  it('judges again only the incident that changed, keeping the previous finding in history', async () => {
    await loadScenario(db(), ALEPPO);
    // i03: sy-gov shelling an fsa-north area (violation). Now claimed as self-defence.
    const result = await loadScenario(
      db(),
      edited((b) => {
        b.incidents.find((i: { id: string }) => i.id === 'i03').self_defense_claim = true;
      }),
    );
    expect(result.ok && result.summary.records.incidents).toEqual({ added: 0, changed: 1, unchanged: 9 });
    expect(result.ok && result.summary.findings.incidents).toEqual({
      inserted: 0,
      updated: 1,
      withdrawn: 0,
      unchanged: 0,
      verdictsChanged: 1,
    });
    const history = await findings.history(db(), findings.incidentFindingKey('i03', 'coh'));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      verdict: 'violation',
      supersededByVerdict: 'needs_review',
      rulesVersion: 'truce-rules/2',
    });
    expect(history[0]!.cause).toBe(
      'The scenario "Syria 2016: the cessation of hostilities, Aleppo to Daraya (illustrative geometry)" was loaded.',
    );
    expect(history[0]!.causeStatement).toEqual({
      code: 'cause.scenario_load',
      params: { name: { text: 'Syria 2016: the cessation of hostilities, Aleppo to Daraya (illustrative geometry)' } },
    });
  });

  it('judges again the incidents inside a zone whose control changed, and its territory', async () => {
    await loadScenario(db(), ALEPPO);
    // Northern Hama passes to sy-gov on 2016-06-01: i03 (May) stays a violation, i10 (July,
    // fsa-north shelling with a self-defence claim, target named) keeps its finding too; the
    // change itself is a seizure between parties.
    const text = edited((b) => {
      const zone = b.zones.find((z: { id: string }) => z.id === 'z-north-hama');
      zone.control = [
        { actors: ['fsa-north'], from: '2013-01-01T00:00:00+02:00', to: '2016-06-01T00:00:00+03:00' },
        { actors: ['sy-gov'], from: '2016-06-01T00:00:00+03:00', to: null },
      ];
    });
    const result = await loadScenario(db(), text);
    expect(result.ok && result.summary.records.zones).toEqual({ added: 0, changed: 1, unchanged: 5 });
    // Only the incidents in the zone's box were judged again (i03, i09, i10), none changed.
    expect(result.ok && result.summary.findings.incidents).toEqual({
      inserted: 0,
      updated: 0,
      withdrawn: 0,
      unchanged: 3,
      verdictsChanged: 0,
    });
    expect(result.ok && result.summary.findings.territory).toMatchObject({ inserted: 1 });
    const stored = await listStoredFindings(db());
    expect(toResultDocument(stored.evaluation)).toEqual(expectedDocument(text));
  });

  it('stores Arabic names given later without judging anything again', async () => {
    await loadScenario(db(), ALEPPO);
    const history = (await rowCounts()).finding_history;
    const text = edited((b) => {
      b.actors.find((a: { id: string }) => a.id === 'sy-gov').name_ar = 'الجيش العربي السوري';
      b.agreements[0].title_ar = 'وقف الأعمال العدائية';
      b.zones.find((z: { id: string }) => z.id === 'z-daraya').name_ar = 'داريا';
    });
    const result = await loadScenario(db(), text);
    if (!result.ok) throw new Error('bundle invalid');
    for (const kind of ['actors', 'agreements', 'zones'])
      expect(result.summary.records[kind], kind).toMatchObject({ added: 0, changed: 1 });
    const none = { inserted: 0, updated: 0, withdrawn: 0, unchanged: 0, verdictsChanged: 0 };
    expect(result.summary.findings).toEqual({ incidents: none, territory: none });
    expect((await rowCounts()).finding_history).toBe(history);
    const [actor] = await db().query<{ name_ar: string }>(`select name_ar from actors where id = 'sy-gov'`);
    expect(actor!.name_ar).toBe('الجيش العربي السوري');
    // The same bundle again: nothing changed, nothing written.
    const again = await loadScenario(db(), text);
    expect(again.ok && Object.values(again.summary.records).every((r) => r.changed === 0)).toBe(true);
  });

  it('judges again when an agreement changes, and matches a fresh run', async () => {
    await loadScenario(db(), ALEPPO);
    // The US withdraws from the truce on 2016-09-01: i06 (US strike, 17 Sept) is no longer a violation.
    const text = edited((b) => {
      b.agreements[0].parties.find((p: { actor: string }) => p.actor === 'us').until = '2016-09-01T00:00:00+03:00';
    });
    const result = await loadScenario(db(), text);
    expect(result.ok && result.summary.findings.incidents.updated).toBe(1);
    const history = await findings.history(db(), findings.incidentFindingKey('i06', 'coh'));
    expect(history.map((h) => [h.verdict, h.supersededByVerdict])).toEqual([['violation', 'not_covered']]);
    const stored = await listStoredFindings(db());
    expect(toResultDocument(stored.evaluation)).toEqual(expectedDocument(text));
  });
});
