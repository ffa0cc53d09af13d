/**
 * The demo world's reports: the analysts' desk has something to work on from the first start.
 * The accounts of the Urum al-Kubra convoy strike of 19 September 2016 as the parties gave them at
 * the time (the Syrian Arab Red Crescent: an attack from the air; the United States: Russian
 * aircraft overhead; Russia: no aircraft of its own or Syria's, the cargo caught fire), linked
 * side by side into the incident as the UN Board of Inquiry left it (no perpetrator named); and
 * two reports in the inbox, one of them a duplicate of the other, set aside as such.
 *
 * Sources: SARC and IFRC statements of 20 September 2016; US officials quoted by Reuters on 20
 * September 2016; the Russian Ministry of Defence briefing of 20 September 2016 (examples/README.md).
 */
import type { InfoCredibility, SourceReliability } from '../../domain/assessment.ts';
import type { Act, Target } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import type { Database } from '../../store/database.ts';
import * as reports from '../../store/report.repository.ts';
import { newId } from '../accounts/secrets.ts';
import { audit, auditEntries } from '../shared/audit.ts';
import { reportSnapshot } from '../reports/report-snapshot.ts';

interface DemoReport {
  key: string;
  org: string;
  channel: 'web' | 'api' | 'hotline';
  received: string;
  claimed: string;
  precisionS: number;
  at: [number, number];
  precisionM: number;
  act: Act;
  perpetrator: string | null;
  target: Target;
  killed: number | null;
  narrative: string;
  source: string;
  grade?: [SourceReliability, InfoCredibility];
  incident?: string;
  duplicateOf?: string;
}

const URUM: [number, number] = [36.9305, 36.1545];

export const DEMO_REPORTS: readonly DemoReport[] = [
  {
    key: 'urum-sarc',
    org: 'sarc',
    channel: 'web',
    received: '2016-09-20T08:10:00+03:00',
    claimed: '2016-09-19T19:30:00+03:00',
    precisionS: 1_800,
    at: URUM,
    precisionM: 300,
    act: 'air_strike',
    perpetrator: null,
    target: { civilian: 'convoy' },
    killed: 20,
    narrative:
      'Our aid convoy and warehouse at Urum al-Kubra were hit while the trucks were being unloaded. About twenty civilians were killed, among them our sub-branch director, and most of the trucks and their cargo were destroyed.',
    source: 'Syrian Arab Red Crescent, Aleppo branch',
    grade: ['B', 2],
    incident: 'i28-urum-convoy-boi',
  },
  {
    key: 'urum-us',
    org: 'us',
    channel: 'api',
    received: '2016-09-20T21:00:00+03:00',
    claimed: '2016-09-19T19:30:00+03:00',
    precisionS: 3_600,
    at: URUM,
    precisionM: 1_000,
    act: 'air_strike',
    perpetrator: 'ru',
    target: { civilian: 'convoy' },
    killed: null,
    narrative:
      'Two Russian Su-24 aircraft were over the convoy at the time of the strike. Only the Syrian government or Russia could have carried it out.',
    source: 'US officials, press briefing',
    grade: ['C', 3],
    incident: 'i28-urum-convoy-boi',
  },
  {
    key: 'urum-ru',
    org: 'ru',
    channel: 'api',
    received: '2016-09-20T14:00:00+03:00',
    claimed: '2016-09-19T19:30:00+03:00',
    precisionS: 3_600,
    at: URUM,
    precisionM: 2_000,
    act: 'other',
    perpetrator: null,
    target: { civilian: 'convoy' },
    killed: null,
    narrative:
      'Neither Russian nor Syrian aircraft struck the convoy. Video of the trucks shows no crater and no damage from munitions: the cargo caught fire.',
    source: 'Russian Ministry of Defence, briefing',
    grade: ['C', 4],
    incident: 'i28-urum-convoy-boi',
  },
  {
    key: 'sakhour-sarc',
    org: 'sarc',
    channel: 'web',
    received: '2016-09-23T11:20:00+03:00',
    claimed: '2016-09-23T06:00:00+03:00',
    precisionS: 7_200,
    at: [37.1846, 36.2126],
    precisionM: 1_500,
    act: 'air_strike',
    perpetrator: null,
    target: { civilian: 'residential' },
    killed: null,
    narrative:
      'Heavy bombardment of al-Sakhour and the neighbouring districts since dawn. Our volunteers cannot reach the wounded.',
    source: 'SARC volunteer, eastern Aleppo',
  },
  {
    key: 'sakhour-hotline',
    org: 'un-ose',
    channel: 'hotline',
    received: '2016-09-23T12:05:00+03:00',
    claimed: '2016-09-23T06:00:00+03:00',
    precisionS: 7_200,
    at: [37.1846, 36.2126],
    precisionM: 1_500,
    act: 'air_strike',
    perpetrator: null,
    target: { civilian: 'residential' },
    killed: null,
    narrative:
      'Call from the Red Crescent in Aleppo: bombardment of al-Sakhour since dawn, the wounded cannot be reached.',
    source: 'SARC Aleppo branch, by telephone',
    duplicateOf: 'sakhour-sarc',
  },
];

/** Writes the demo reports, each with its audit entry (the system's); returns how many. */
export async function seedDemoReports(db: Database): Promise<number> {
  const ids = new Map(DEMO_REPORTS.map((r) => [r.key, newId()]));
  const items = DEMO_REPORTS.map((d): reports.NewReport => {
    const receivedAt = parseInstant(d.received)!;
    const report: reports.ReportRecord = {
      id: ids.get(d.key)!,
      incidentId: d.incident ?? null,
      orgId: d.org,
      channel: d.channel,
      receivedAt,
      narrative: d.narrative,
      claimedAt: parseInstant(d.claimed)!,
      timePrecisionS: d.precisionS,
      location: { lon: d.at[0], lat: d.at[1] },
      locationPrecisionM: d.precisionM,
      allegedPerpetrator: d.perpetrator,
      target: d.target,
      act: d.act,
      casualties: d.killed === null ? null : { low: null, best: d.killed, high: null },
      classification: 'public',
      ownerOrg: d.org,
      attachments: [],
      source: d.source,
      evaluation: null,
      triage: null,
    };
    const created = {
      action: 'create',
      entity: 'report',
      entityId: report.id,
      classification: report.classification,
      ownerOrg: report.ownerOrg,
      after: reportSnapshot(report),
    };
    return { report, createdBy: null, attachments: [], auditTrail: auditEntries(null, receivedAt, [created]) };
  });
  await db.transaction(async (tx) => {
    await reports.insertMany(tx, items);
    for (const d of DEMO_REPORTS) {
      const id = ids.get(d.key)!;
      const at = parseInstant(d.received)! + 3_600_000;
      const record = { entity: 'report', entityId: id, classification: 'public', ownerOrg: d.org };
      if (d.grade) {
        const [reliability, credibility] = d.grade;
        await reports.evaluate(tx, id, d.source, { reliability, credibility, by: null, at });
        await audit(tx, null, at, [
          {
            ...record,
            action: 'evaluate',
            before: { source: d.source, reliability: null, credibility: null },
            after: { source: d.source, reliability, credibility },
          },
        ]);
      }
      if (d.duplicateOf) {
        const triage = { reason: 'The same call, passed on by telephone.', duplicate_of: ids.get(d.duplicateOf)! };
        await reports.triage(tx, id, {
          state: 'duplicate',
          duplicateOf: triage.duplicate_of,
          reason: triage.reason,
          by: null,
          at,
        });
        await audit(tx, null, at, [
          {
            ...record,
            action: 'mark-duplicate',
            before: { triage: null, reason: null, duplicate_of: null },
            after: { triage: 'duplicate', ...triage },
          },
        ]);
      }
    }
  });
  return items.length;
}
