import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { type ImportProgress, importUcdp } from './import-ucdp.ts';
import { loadScenario } from '../scenario/load-scenario.ts';

const SAMPLE = new URL('../../../test/fixtures/ucdp-sample.csv', import.meta.url);
const ALEPPO = readFileSync(new URL('../../../../shared/examples/aleppo-2016.json', import.meta.url), 'utf8');
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
const [HEADER] = SAMPLE_TEXT.split('\n');

const sample = () => createReadStream(SAMPLE);
const csv = (...lines: string[]) => Readable.from([`${lines.join('\n')}\n`]);

/** A real one-sided row (318815, 17 May 2016) with its side A replaced. */
function oneSidedBy(ucdpId: number, name: string, id = 900001): string {
  const line = SAMPLE_TEXT.split('\n').find((l) => l.startsWith('318815,'))!;
  return line.replace(/^318815,/, `${id},`).replace(',118,"Government of Syria",', `,${ucdpId},"${name}",`);
}

describeEachDatabase('import ucdp', (db) => {
  const count = async (table: string) =>
    (await db().query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  it('loads the good rows and reports each bad one by its line, naming the column', async () => {
    const result = await importUcdp(db(), sample());
    expect(result).toMatchObject({ rowsRead: 40, inserted: 38, alreadyPresent: 0, findings: 38, stopped: null });
    expect(result.rejected).toEqual([
      { line: 34, problems: ['latitude: must be between -90 and 90, not "123"'] },
      { line: 39, problems: ['date_start: must be a date YYYY-MM-DD, not "2016-02-30"'] },
    ]);
    expect(result.notes).toEqual([
      { line: 28, problems: ['low/best/high: best (142) is below low (177); kept as UCDP published it'] },
    ]);
    expect(result.actorsAdded.sort()).toEqual(
      [
        'al-qaida',
        'isil',
        'sdf',
        'sy-gov',
        'syrian-insurgents',
        'tr',
        'ucdp-6389',
        'ucdp-6306',
        'ucdp-6600',
        'ucdp-7036',
        'us',
      ].sort(),
    );
    expect(await count('incidents')).toBe(38);
    expect(await count('findings')).toBe(38);
  });

  it('adds nothing when the same file is imported again', async () => {
    await importUcdp(db(), sample());
    const before = {
      incidents: await count('incidents'),
      actors: await count('actors'),
      findings: await count('findings'),
    };
    const again = await importUcdp(db(), sample(), { batchSize: 7 });
    expect(again).toMatchObject({ rowsRead: 40, inserted: 0, alreadyPresent: 38, findings: 0, actorsAdded: [] });
    expect(again.rejected.map((r) => r.line)).toEqual([34, 39]);
    expect({
      incidents: await count('incidents'),
      actors: await count('actors'),
      findings: await count('findings'),
    }).toEqual(before);
  });

  it('gives the same result whatever the batch size', async () => {
    const result = await importUcdp(db(), sample(), { batchSize: 3 });
    expect(result).toMatchObject({ rowsRead: 40, inserted: 38, findings: 38 });
    expect(result.rejected.map((r) => r.line)).toEqual([34, 39]);
  });

  it('stores what UCDP says: dates and their precision, place, deaths, sides, source and headline', async () => {
    await importUcdp(db(), sample());
    const [row] = await db().query<Record<string, unknown>>(
      `select occurred_at, occurred_until, date_precision, lon, lat, location_precision, place, act, perpetrator, target_civilian,
         target_actor, deaths_low, deaths_best, deaths_high, deaths, sides, source, source_ref, headline
       from incidents where id = 'ucdp-214797'`,
    );
    expect(row).toEqual({
      occurred_at: new Date('2015-12-31T22:00:00Z'),
      occurred_until: new Date('2016-01-01T22:00:00Z'),
      date_precision: 1,
      lon: 36.707602,
      lat: 34.802462,
      location_precision: 1,
      place: 'Teir Maaleh village, Ar Rastan district, Homs Governorate',
      act: 'shelling',
      perpetrator: null,
      target_civilian: null,
      target_actor: null,
      deaths_low: 4,
      deaths_best: 4,
      deaths_high: 4,
      deaths: { a: 2, b: 2, civilians: 0, unknown: 0 },
      sides: ['sy-gov', 'syrian-insurgents'],
      source: 'ucdp',
      source_ref: '214797',
      headline: '14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la',
    });
    const [wide] = await db().query<Record<string, unknown>>(
      `select occurred_until, date_precision, location_precision, place, deaths_best from incidents where id = 'ucdp-233200'`,
    );
    expect(wide).toEqual({
      occurred_until: new Date('2016-12-31T22:00:00Z'),
      date_precision: 5,
      location_precision: 6,
      place: 'Syria',
      deaths_best: 8179,
    });
    const [kept] = await db().query<Record<string, unknown>>(
      `select deaths_low, deaths_best, deaths_high from incidents where id = 'ucdp-219459'`,
    );
    expect(kept).toEqual({ deaths_low: 177, deaths_best: 142, deaths_high: 177 });
  });

  it('stores the actors it meets with their designation, and leaves stored ones alone', async () => {
    expect((await loadScenario(db(), ALEPPO)).ok).toBe(true);
    await importUcdp(db(), sample());
    const actors = await db().query<{ id: string; name: string; designated: boolean; source: unknown }>(
      `select id, name, designated, source from actors where id in ('sy-gov', 'isil', 'al-qaida', 'ucdp-6389', 'ucdp-6306') order by id`,
    );
    expect(actors).toEqual([
      { id: 'al-qaida', name: 'al-Qaida', designated: true, source: { ucdp_actor_id: 769, ucdp_name: 'al-Qaida' } },
      { id: 'isil', name: 'Islamic State', designated: true, source: null },
      { id: 'sy-gov', name: 'Syrian Arab Army', designated: false, source: null },
      {
        id: 'ucdp-6306',
        name: 'Tahrir al- Sham Army',
        designated: false,
        source: { ucdp_actor_id: 6306, ucdp_name: 'Tahrir al- Sham Army' },
      },
      {
        id: 'ucdp-6389',
        name: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
        designated: true,
        source: {
          ucdp_actor_id: 6389,
          ucdp_name: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
          members: ['Ahrar al-Sham', 'Jabhat Fateh al-Sham'],
        },
      },
    ]);
  });

  it('judges the new incidents under the agreements stored', async () => {
    expect((await loadScenario(db(), ALEPPO)).ok).toBe(true);
    const before = await count('findings');
    const result = await importUcdp(db(), sample());
    expect(await count('findings')).toBe(before + result.findings);
    const verdicts = await db().query<{
      subject_id: string;
      agreement_id: string | null;
      verdict: string;
      reasons: string[];
      violators: string[];
    }>(
      `select subject_id, agreement_id, verdict, reasons, violators from findings
        where subject_id in ('ucdp-318815', 'ucdp-214797', 'ucdp-245807', 'ucdp-223719') order by subject_id`,
    );
    expect(verdicts).toEqual(
      [
        // Turkey against IS, 8 May 2016: "kills" names no act the truce prohibits.
        {
          subject_id: 'ucdp-223719',
          agreement_id: 'coh',
          verdict: 'permitted',
          reasons: ['ACT_NOT_PROHIBITED'],
          violators: [],
        },
        // IS against HTS and the Southern Front, August 2017, airstrikes: fighting with no perpetrator named.
        {
          subject_id: 'ucdp-245807',
          agreement_id: 'coh',
          verdict: 'needs_review',
          reasons: ['PERPETRATOR_UNKNOWN'],
          violators: [],
        },
        // 1 January 2016, before the cessation of hostilities.
        {
          subject_id: 'ucdp-214797',
          agreement_id: null,
          verdict: 'not_covered',
          reasons: ['NO_AGREEMENT'],
          violators: [],
        },
        // One-sided violence by the government, a party, 17 May 2016.
        {
          subject_id: 'ucdp-318815',
          agreement_id: 'coh',
          verdict: 'violation',
          reasons: ['TARGET_CIVILIAN'],
          violators: ['sy-gov'],
        },
      ].sort((a, b) => (a.subject_id < b.subject_id ? -1 : 1)),
    );
  });

  it('stores each new incident with the summary of its findings, and does not write it again', async () => {
    expect((await loadScenario(db(), ALEPPO)).ok).toBe(true);
    // Every row the import updates in incidents lands here (the findings' trigger would be one).
    await db().exec(`
      create table rewritten (id text);
      create function note_rewrite() returns trigger language plpgsql as $f$
        begin insert into rewritten values (old.id); return null; end $f$;
      create trigger note_rewrite after update on incidents for each row execute function note_rewrite()`);
    try {
      await importUcdp(db(), sample(), { batchSize: 7 });
      expect(await db().query('select id from rewritten')).toEqual([]);
    } finally {
      await db().exec('drop table rewritten; drop function note_rewrite() cascade');
    }
    // What the trigger computes from the findings (migrations 005, 016, 040), beside what was stored.
    const rows = await db().query<{
      id: string;
      worst_rank: number;
      verdict_agreements: string[];
      needs_review: boolean;
      verdicts: unknown[];
      rank: number;
      agreements: string[];
      review: boolean;
      all_verdicts: unknown[];
    }>(
      `select i.id, i.worst_rank, i.verdict_agreements, i.needs_review, i.verdicts, coalesce(min(truce_verdict_rank(f.verdict)), 5)::int as rank,
         coalesce(jsonb_agg(jsonb_build_object('agreement', f.agreement_id, 'verdict', f.verdict) order by f.agreement_id collate "C" nulls first)
           filter (where f.subject_id is not null), '[]') as all_verdicts,
         coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements,
         coalesce(bool_or(f.verdict = 'needs_review'), false) as review
       from incidents i left join findings f on f.kind = 'incident' and f.subject_id = i.id
       where i.source = 'ucdp' group by i.id order by i.id`,
    );
    expect(rows).toHaveLength(38);
    expect(
      rows.map((r) => ({
        id: r.id,
        rank: r.worst_rank,
        agreements: r.verdict_agreements,
        review: r.needs_review,
        verdicts: r.verdicts,
      })),
    ).toEqual(
      rows.map((r) => ({
        id: r.id,
        rank: r.rank,
        agreements: r.agreements,
        review: r.review,
        verdicts: r.all_verdicts,
      })),
    );
    // The verdicts kept on each incident (migration 040): every incident was judged.
    expect(rows.every((r) => r.verdicts.length > 0)).toBe(true);
    expect(rows.filter((r) => r.needs_review).length).toBeGreaterThan(0);
    // The sample gives every rank a finding can have, under the truce and under none.
    expect(new Set(rows.map((r) => r.worst_rank))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(rows.map((r) => r.verdict_agreements.join()))).toEqual(new Set(['', 'coh']));
  });

  it('judges with the designation of the actors it adds', async () => {
    expect((await loadScenario(db(), ALEPPO)).ok).toBe(true);
    // HTS is not in the Aleppo bundle: the import adds it, designated, so it is excluded from the truce.
    await importUcdp(
      db(),
      csv(HEADER!, oneSidedBy(6815, 'HTS', 900001), oneSidedBy(7523, 'National Front for Liberation, SNA', 900002)),
    );
    const verdicts = await db().query<{ subject_id: string; reasons: string[] }>(
      `select subject_id, reasons from findings where subject_id in ('ucdp-900001', 'ucdp-900002') order by subject_id`,
    );
    expect(verdicts).toEqual([
      { subject_id: 'ucdp-900001', reasons: ['PERPETRATOR_EXCLUDED'] },
      { subject_id: 'ucdp-900002', reasons: ['PERPETRATOR_NOT_PARTY'] },
    ]);
  });

  it('writes a batch naming an actor only once the batch adding it is stored', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((i) => oneSidedBy(6815, 'HTS', 900100 + i));
    const result = await importUcdp(db(), csv(HEADER!, ...rows), { batchSize: 1 });
    expect(result).toMatchObject({ inserted: 6, findings: 6, actorsAdded: ['hts'] });
  });

  it('writes one audit entry per batch that added something', async () => {
    await importUcdp(db(), sample(), { batchSize: 20 });
    const entries = await db().query<{
      action: string;
      entity: string;
      entity_id: string;
      after: { incidents: string[] };
    }>(`select action, entity, entity_id, after from audit_log where action = 'import' order by seq`);
    expect(entries.map((e) => [e.action, e.entity, e.entity_id, e.after.incidents.length]).sort()).toEqual([
      ['import', 'incidents', 'ucdp', 18],
      ['import', 'incidents', 'ucdp', 20],
    ]);
    await importUcdp(db(), sample());
    expect(await count('audit_log')).toBe(2);
  });

  it('reports progress up to the whole file', async () => {
    const seen: ImportProgress[] = [];
    await importUcdp(db(), sample(), { batchSize: 10, onProgress: (p) => seen.push({ ...p }) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)).toEqual({ rowsRead: 40, bytesRead: statSync(SAMPLE).size });
  });

  it('stops at a header that is not UCDP GED, having loaded nothing', async () => {
    const result = await importUcdp(db(), csv('id,date,place', '1,2016-01-01,Aleppo'));
    expect(result).toMatchObject({ rowsRead: 0, inserted: 0, stopped: { line: 1 } });
    expect(result.stopped?.message).toMatch(
      /^not in the UCDP GED format: the header lacks type_of_violence, side_a_new_id/,
    );
    expect(await count('incidents')).toBe(0);
  });

  it('keeps the rows read before a CSV syntax error, and says where reading stopped', async () => {
    const lines = SAMPLE_TEXT.split('\n').slice(0, 6);
    const result = await importUcdp(db(), csv(...lines, '900003,2016,"unclosed'), { batchSize: 2 });
    expect(result).toMatchObject({
      rowsRead: 5,
      inserted: 5,
      stopped: { line: 7, message: 'a quoted field is not closed before the end of the file' },
    });
    expect(await count('incidents')).toBe(5);
  });

  it('reports a row with too few fields', async () => {
    const result = await importUcdp(db(), csv(HEADER!, '214797,2016,1,1'));
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.problems[0]).toBe('(row): has 4 fields, the header has 41');
    expect(result.rejected[0]!.problems).toContain('latitude: is missing');
  });
});
