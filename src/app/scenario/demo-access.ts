/**
 * The demo world's besieged areas and local agreements (docs/access.md): the sieges of 2016 with
 * their population figures, versioned by day and source (OCHA's overall 486,700 in January and
 * 974,080 in November; per area where a source gives one), the deliveries that reached them, and
 * the local agreements of Daraya (25 August) and eastern Aleppo (13 December) with their
 * evacuations. The Daraya agreement is linked to the change of control of `z-daraya` on 27 August
 * 2016 in the demo bundle, whose territory finding then says it came by agreement.
 *
 * Every figure names its source in its record. Most come from ../shared/domain/brief.md and the
 * Wikipedia texts of ../shared/data/texts; those that do not (Daraya's population in June 2016,
 * its deliveries' contents, the numbers evacuated from Daraya) name the news reports they come
 * from. Where a source gives a month and no day, the day chosen is said in the note
 * (examples/README.md lists them). The zones' polygons and the control dates before 2016 are the
 * demo bundle's, illustrative; Deir ez-Zor's area is drawn here, as roughly.
 */
import type { Area } from '../../domain/geo.ts';
import { parseInstant } from '../../domain/time.ts';
import * as besieged from '../../store/besieged.repository.ts';
import type { Database } from '../../store/database.ts';
import * as localAgreements from '../../store/local-agreement.repository.ts';
import { areaChange, areaView, deliveryView, estimateView } from '../besieged/besieged-access.ts';
import { agreementChange, agreementView, evacuationView } from '../local-agreements/local-agreement-access.ts';
import { audit, type Change } from '../shared/audit.ts';

type Place = [name: string, nameAr: string];

interface DemoArea {
  key: string;
  name: string;
  nameAr: string;
  zone: string | null;
  geometry?: Area;
  statuses: besieged.StatusRecord[];
  besiegers: besieged.BesiegerRecord[];
  estimates: { asOf: string; population: number; source: string; note?: string }[];
  deliveries: { on: string; description: string; source: string }[];
}

interface DemoEvacuation {
  status: localAgreements.EvacuationRecord['status'];
  started: string;
  ended: string | null;
  fighters?: number;
  civilians?: number;
  wounded?: number;
  total?: number;
  origins: Place[];
  destinations: Place[];
  source: string;
  note: string;
}

interface DemoAgreement {
  key: string;
  name: string;
  nameAr: string;
  zone: string;
  concluded: string;
  terms: string;
  source: string;
  changeAt: string | null;
  parties: localAgreements.PartyRecord[];
  evacuations: DemoEvacuation[];
}

const BRIEF = 'shared/domain/brief.md';
const WIKI_ALEPPO = 'Wikipedia, “Battle of Aleppo (2012–2016)” (shared/data/texts)';
const WIKI_ALEPPO_END = 'Wikipedia, “Aleppo offensive (November–December 2016)” (shared/data/texts)';
const WIKI_SUMMER = 'Wikipedia, “2016 Aleppo summer campaign” (shared/data/texts)';
const WIKI_DEZ = 'Wikipedia, “Siege of Deir ez-Zor (2014–2017)” (shared/data/texts)';
const OCHA_JUNE =
  'OCHA, Jens Laerke at the Geneva press briefing of 10 June 2016 (as reported by Asharq Al-Awsat and Reuters)';

export const DEMO_AREAS: readonly DemoArea[] = [
  {
    key: 'daraya',
    name: 'Daraya',
    nameAr: 'داريا',
    zone: 'z-daraya',
    statuses: [
      {
        since: '2012-11-08',
        status: 'besieged',
        source: `Under government siege since November 2012 (${OCHA_JUNE}); the day is the demo bundle's`,
      },
      {
        since: '2016-08-27',
        status: 'no_longer_besieged',
        source: `Handed over to government forces under the local agreement of 25 August 2016 (${BRIEF}, scenario 8)`,
      },
    ],
    besiegers: [{ actor: 'sy-gov', since: '2012-11-08' }],
    estimates: [
      {
        asOf: '2016-06-10',
        population: 8_000,
        source: 'Local Council of Daraya, 10 June 2016 (as reported by Asharq Al-Awsat and AFP)',
        note: 'The council said more than 8,000 people lived in the town, twice the UN’s figure.',
      },
      {
        asOf: '2016-06-10',
        population: 4_000,
        source: OCHA_JUNE,
        note: 'Wheat flour, health and hygiene items were sent for this estimated population.',
      },
    ],
    // The first aid, on 1 June (medicines, vaccines, baby milk; no food), is the demo's convoy
    // request delivered that day (demo-convoys.ts): it counts for the area as a convoy, not twice.
    deliveries: [
      {
        on: '2016-06-09',
        description:
          'Nine trucks, unloaded overnight: food for 2,400 people for a month, wheat flour, health, hygiene and water supplies. The first food since 2012.',
        source: `UN and SARC convoy (${OCHA_JUNE}; WFP, 10 June 2016)`,
      },
    ],
  },
  {
    key: 'east-aleppo',
    name: 'Eastern Aleppo',
    nameAr: 'شرق حلب',
    zone: 'z-east-aleppo',
    statuses: [
      {
        since: '2016-07-17',
        status: 'besieged',
        source: `The Castello Road fully cut on 17 July 2016 (${BRIEF}; ${WIKI_SUMMER})`,
      },
      {
        since: '2016-12-22',
        status: 'no_longer_besieged',
        source: `The last evacuees left and the army took the city (${WIKI_ALEPPO_END})`,
      },
    ],
    besiegers: [
      { actor: 'sy-gov', since: '2016-07-17' },
      { actor: 'hezbollah', since: '2016-07-17' },
    ],
    estimates: [
      {
        asOf: '2016-01-01',
        population: 300_000,
        source: WIKI_ALEPPO,
        note: '“By 2016, it was estimated that the population of rebel-held Eastern Aleppo had been reduced to 300,000”: the day is the year’s first.',
      },
      {
        asOf: '2016-11-21',
        population: 275_000,
        source: `OCHA, Stephen O’Brien to the Security Council, 21 November 2016 (${BRIEF})`,
        note: 'Part of the 974,080 besieged that day.',
      },
    ],
    deliveries: [
      {
        on: '2016-07-01',
        description:
          'The last significant humanitarian supplies before the siege, “the beginning of July”: the day is the month’s first.',
        source: WIKI_ALEPPO,
      },
    ],
  },
  {
    key: 'madaya-zabadani',
    name: 'Madaya and Zabadani',
    nameAr: 'مضايا والزبداني',
    zone: 'z-madaya-zabadani',
    statuses: [
      {
        since: '2015-07-04',
        status: 'besieged',
        source: 'The besieging ring of the demo bundle (its date is illustrative: examples/README.md)',
      },
    ],
    besiegers: [
      { actor: 'sy-gov', since: '2015-07-04' },
      { actor: 'hezbollah', since: '2015-07-04' },
    ],
    estimates: [],
    deliveries: [
      {
        on: '2016-01-11',
        description: 'UN, ICRC and SARC convoy to Madaya.',
        source: 'The demo bundle’s convoy to Madaya (examples/syria-2016.json; its date is illustrative)',
      },
    ],
  },
  {
    key: 'foah-kafraya',
    name: 'al-Fu’ah and Kafraya',
    nameAr: 'الفوعة وكفريا',
    zone: 'z-foah-kafraya',
    statuses: [
      {
        since: '2015-03-28',
        status: 'besieged',
        source: 'Surrounded when the opposition took Idlib, as the demo bundle dates it (examples/README.md)',
      },
    ],
    besiegers: [
      { actor: 'fsa-north', since: '2015-03-28' },
      { actor: 'nusra', since: '2015-03-28' },
    ],
    estimates: [],
    deliveries: [
      {
        on: '2016-01-11',
        description: 'SARC convoy to al-Fu’ah and Kafraya, the same day as Madaya’s.',
        source: 'The demo bundle’s convoy to al-Fu’ah and Kafraya (examples/syria-2016.json; its date is illustrative)',
      },
    ],
  },
  {
    key: 'deir-ez-zor',
    name: 'Deir ez-Zor, government-held districts',
    nameAr: 'دير الزور، الأحياء الخاضعة للحكومة',
    zone: null,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [40.07, 35.27],
          [40.19, 35.27],
          [40.19, 35.35],
          [40.07, 35.35],
          [40.07, 35.27],
        ],
      ],
    },
    statuses: [
      {
        since: '2015-01-05',
        status: 'besieged',
        source: `ISIL closed every road to the government-held districts on 5 January 2015 (${WIKI_DEZ})`,
      },
    ],
    besiegers: [{ actor: 'isil', since: '2015-01-05' }],
    estimates: [
      {
        asOf: '2016-02-01',
        population: 200_000,
        source: WIKI_DEZ,
        note: '“In February 2016, around 200,000 people resided in Deir ez-Zor”: the day is the month’s first.',
      },
      {
        asOf: '2016-05-31',
        population: 100_000,
        source: WIKI_DEZ,
        note: '“Towards the end of May, … 100,000 civilians were surrounded”: the day is the month’s last.',
      },
    ],
    deliveries: [
      {
        on: '2016-04-30',
        description:
          'WFP airdrops of food and aid begin (177 by January 2017): “since April 2016”, the day is the month’s last.',
        source: WIKI_DEZ,
      },
      {
        on: '2016-05-31',
        description: 'WFP, with the government and SARC, airdrops food and aid regularly (“towards the end of May”).',
        source: WIKI_DEZ,
      },
    ],
  },
];

/** OCHA's count of every besieged location together. */
export const DEMO_OVERALL: readonly {
  asOf: string;
  population: number;
  locations: number | null;
  source: string;
  note: string;
}[] = [
  {
    asOf: '2016-01-27',
    population: 486_700,
    locations: 18,
    source: `OCHA, Stephen O’Brien to the Security Council, 27 January 2016 (${BRIEF}: January 2016)`,
    note: '393,700 in 15 locations in December 2015.',
  },
  {
    asOf: '2016-06-20',
    population: 590_000,
    locations: 18,
    source: `OCHA Syria Crisis Bi-Weekly Situation Report No. 7, as of 20 June 2016 (${BRIEF}: June 2016)`,
    note: '“Some 590,000”; 5.47 million including the hard-to-reach areas.',
  },
  {
    asOf: '2016-11-21',
    population: 974_080,
    locations: null,
    source: `OCHA, Stephen O’Brien to the Security Council, 21 November 2016 (${BRIEF})`,
    note: 'Includes eastern Aleppo, 275,000.',
  },
];

export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  {
    key: 'daraya',
    name: 'Daraya: the town handed over, its people evacuated',
    nameAr: 'داريا: تسليم المدينة وإجلاء أهلها',
    zone: 'z-daraya',
    concluded: '2016-08-25',
    terms:
      'The armed groups leave Daraya: the fighters, with their light weapons, and their families to Idlib; the civilians to government reception centres in Harjalleh and Qudsaya. The town is handed over to the government. The UN was not involved and not consulted.',
    source: `${BRIEF}, scenario 8; AFP, 26 August 2016`,
    changeAt: '2016-08-27T00:00:00+03:00',
    parties: [
      { role: 'party', actor: 'fsa-south', name: null },
      { role: 'party', actor: 'sy-gov', name: null },
    ],
    evacuations: [
      {
        status: 'completed',
        started: '2016-08-26',
        ended: '2016-08-27',
        fighters: 700,
        origins: [['Daraya', 'داريا']],
        destinations: [['Idlib', 'إدلب']],
        source: 'SANA, as reported by AFP on 26 August 2016; Syrian state television, 27 August 2016',
        note: 'With their families, in buses escorted by the Red Crescent. A military source spoke of 300 fighters and their families on the first day.',
      },
      {
        status: 'completed',
        started: '2016-08-26',
        ended: '2016-08-27',
        civilians: 4_000,
        origins: [['Daraya', 'داريا']],
        destinations: [
          ['Harjalleh', 'حرجلة'],
          ['Qudsaya', 'قدسيا'],
        ],
        source: `Syrian state television, 27 August 2016; the Daraya local council, 26 August 2016 (AFP); ${BRIEF}, scenario 8`,
        note: 'The Red Crescent took out the sick and the wounded; their number is not given.',
      },
    ],
  },
  {
    key: 'east-aleppo',
    name: 'Eastern Aleppo: ceasefire and evacuation',
    nameAr: 'شرق حلب: وقف إطلاق النار والإجلاء',
    zone: 'z-east-aleppo',
    concluded: '2016-12-13',
    terms:
      'Bombardment of the rebel-held districts stops, then the ground fighting; the rebels withdraw and the civilians who wish leave, the sick and wounded first. Revived on 15 December and again on 18 December, when evacuations from al-Fu’ah and Kafraya, Madaya and Zabadani were added.',
    source: WIKI_ALEPPO_END,
    // The demo bundle records no change of control of eastern Aleppo.
    changeAt: null,
    parties: [
      { role: 'party', actor: 'fsa-north', name: null },
      { role: 'party', actor: 'sy-gov', name: null },
      { role: 'guarantor', actor: 'ru', name: null },
      { role: 'guarantor', actor: 'tr', name: null },
    ],
    evacuations: [
      {
        status: 'completed',
        started: '2016-12-15',
        ended: '2016-12-22',
        fighters: 4_000,
        total: 34_000,
        origins: [['Eastern Aleppo', 'شرق حلب']],
        destinations: [
          ['Western Aleppo countryside', 'ريف حلب الغربي'],
          ['Idlib', 'إدلب'],
        ],
        source: `ICRC, 22 December 2016 (${WIKI_ALEPPO_END})`,
        note: '“Over 34,000 people including more than 4,000 rebels.” Suspended on 16 December, resumed on 18 December.',
      },
    ],
  },
];

export interface DemoAccessSummary {
  areas: number;
  estimates: number;
  deliveries: number;
  agreements: number;
  evacuations: number;
}

/** Writes the demo's besieged areas and local agreements, each change with its audit entry (the system's). */
export async function seedDemoAccess(db: Database, now: number): Promise<DemoAccessSummary> {
  const summary: DemoAccessSummary = { areas: 0, estimates: 0, deliveries: 0, agreements: 0, evacuations: 0 };
  let tick = 0;
  const at = () => now + tick++;
  await db.transaction(async (tx) => {
    const entries: Change[] = [];
    for (const d of DEMO_AREAS) {
      const area: besieged.BesiegedAreaRecord = {
        id: `besieged-demo-${d.key}`,
        name: d.name,
        nameAr: d.nameAr,
        zoneId: d.zone,
        geometry: d.geometry ?? null,
        classification: 'public',
        ownerOrg: null,
        statuses: d.statuses,
        besiegers: d.besiegers,
      };
      await besieged.insert(tx, area);
      entries.push(areaChange('create', area, null, areaView(area)));
      summary.areas++;
      for (const [i, e] of d.estimates.entries()) {
        const estimate: besieged.EstimateRecord = {
          id: `estimate-demo-${d.key}-${i + 1}`,
          areaId: area.id,
          asOf: e.asOf,
          population: e.population,
          locations: null,
          source: e.source,
          note: e.note ?? '',
          classification: 'public',
          ownerOrg: null,
          recordedAt: at(),
          recordedBy: null,
        };
        await besieged.insertEstimate(tx, estimate);
        entries.push(areaChange('add-estimate', area, null, estimateView(estimate)));
        summary.estimates++;
      }
      for (const [i, v] of d.deliveries.entries()) {
        const delivery: besieged.DeliveryRecord = {
          id: `delivery-demo-${d.key}-${i + 1}`,
          areaId: area.id,
          on: v.on,
          description: v.description,
          source: v.source,
          recordedAt: at(),
          recordedBy: null,
          convoy: null,
        };
        await besieged.insertDelivery(tx, delivery);
        entries.push(areaChange('add-delivery', area, null, deliveryView(delivery)));
        summary.deliveries++;
      }
    }
    for (const [i, o] of DEMO_OVERALL.entries()) {
      const estimate: besieged.EstimateRecord = {
        id: `estimate-demo-overall-${i + 1}`,
        areaId: null,
        asOf: o.asOf,
        population: o.population,
        locations: o.locations,
        source: o.source,
        note: o.note,
        classification: 'public',
        ownerOrg: null,
        recordedAt: at(),
        recordedBy: null,
      };
      await besieged.insertEstimate(tx, estimate);
      entries.push({
        action: 'create',
        entity: 'population_estimate',
        entityId: estimate.id,
        classification: 'public',
        ownerOrg: null,
        after: estimateView(estimate),
      });
      summary.estimates++;
    }
    for (const d of DEMO_AGREEMENTS) {
      const g: localAgreements.LocalAgreementRecord = {
        id: `local-demo-${d.key}`,
        name: d.name,
        nameAr: d.nameAr,
        zoneId: d.zone,
        concludedOn: d.concluded,
        terms: d.terms,
        source: d.source,
        controlChangeAt: d.changeAt === null ? null : parseInstant(d.changeAt)!,
        classification: 'public',
        ownerOrg: null,
        parties: d.parties,
      };
      await localAgreements.insert(tx, g);
      entries.push(agreementChange('create', g, null, agreementView(g)));
      summary.agreements++;
      for (const [i, e] of d.evacuations.entries()) {
        const evacuation: localAgreements.EvacuationRecord = {
          id: `evacuation-demo-${d.key}-${i + 1}`,
          agreementId: g.id,
          status: e.status,
          startedOn: e.started,
          endedOn: e.ended,
          fighters: e.fighters ?? null,
          civilians: e.civilians ?? null,
          wounded: e.wounded ?? null,
          total: e.total ?? null,
          origins: e.origins.map(([name, nameAr]) => ({ name, nameAr })),
          destinations: e.destinations.map(([name, nameAr]) => ({ name, nameAr })),
          source: e.source,
          note: e.note,
          recordedAt: at(),
          recordedBy: null,
        };
        await localAgreements.insertEvacuation(tx, evacuation);
        entries.push(agreementChange('add-evacuation', g, null, evacuationView(evacuation)));
        summary.evacuations++;
      }
    }
    await audit(tx, null, now, entries);
  });
  return summary;
}
