import { readFileSync } from 'node:fs';
import { problemLine } from '../row-problems.ts';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { localDays } from '../local-day.ts';
import { actorForSide } from './ucdp-actors.ts';
import { mapUcdpRow, placeOf } from './ucdp-map.ts';
import { checkUcdpRow, type UcdpRow } from './ucdp-row.ts';

/** Real rows, as UCDP published them (test/fixtures/ucdp-sample.csv). */
const SAMPLE = new URL('../../../test/fixtures/ucdp-sample.csv', import.meta.url);
const rows = new Map(
  (parse(readFileSync(SAMPLE), { columns: true }) as Record<string, string>[]).map((r) => [r.id, r]),
);

function row(id: string): UcdpRow {
  const check = checkUcdpRow(rows.get(id)!);
  if (!check.ok) throw new Error(check.problems.map(problemLine).join('; '));
  return check.row;
}

const context = { days: localDays('Asia/Damascus'), actorFor: actorForSide };
const at = (iso: string) => Date.parse(iso);

describe('mapUcdpRow', () => {
  it.each([
    {
      what: 'a state-based battle: unattributed fighting between the two sides',
      id: '214797',
      incident: {
        id: 'ucdp-214797',
        occurredAt: at('2015-12-31T22:00:00Z'),
        occurredUntil: at('2016-01-01T22:00:00Z'),
        datePrecision: 1,
        location: { lon: 36.707602, lat: 34.802462 },
        locationPrecision: 1,
        place: 'Teir Maaleh village, Ar Rastan district, Homs Governorate',
        act: 'shelling',
        perpetrator: null,
        target: null,
        selfDefenseClaim: false,
        deaths: { low: 4, best: 4, high: 4, bySide: { a: 2, b: 2, civilians: 0, unknown: 0 } },
        sides: ['sy-gov', 'syrian-insurgents'],
        source: 'ucdp',
        sourceRef: '214797',
        headline: '14 shells hit Dahya al-Assad an clashes continue around Ter Ma’la',
      },
      actors: ['sy-gov', 'syrian-insurgents'],
    },
    {
      what: 'a non-state battle over three months, known to the district',
      id: '219264',
      incident: {
        id: 'ucdp-219264',
        occurredAt: at('2015-12-31T22:00:00Z'),
        occurredUntil: at('2016-04-01T21:00:00Z'),
        datePrecision: 5,
        locationPrecision: 3,
        place: 'Al Qamishli district, Al Hasakah Governorate',
        act: 'ground_assault',
        perpetrator: null,
        target: null,
        deaths: { low: 16, best: 16, high: 16, bySide: { a: 0, b: 16, civilians: 0, unknown: 0 } },
        sides: ['isil', 'sdf'],
      },
      actors: ['isil', 'sdf'],
    },
    {
      what: 'one-sided violence: side A against civilians',
      id: '318815',
      incident: {
        id: 'ucdp-318815',
        occurredAt: at('2016-05-16T21:00:00Z'),
        occurredUntil: at('2016-05-17T21:00:00Z'),
        place: 'Khan ash Shih town, Qatana district, Rif Dimashq Governorate',
        perpetrator: 'sy-gov',
        target: { civilian: 'civilians' },
        sides: ['sy-gov'],
        deaths: { low: 6, best: 6, high: 6, bySide: { a: 0, b: 0, civilians: 3, unknown: 3 } },
      },
      actors: ['sy-gov'],
    },
    {
      what: 'a joint side: one actor for the side',
      id: '214814',
      incident: { id: 'ucdp-214814', act: 'other', perpetrator: null, target: null, sides: ['ucdp-6389', 'sdf'] },
      actors: ['ucdp-6389', 'sdf'],
    },
    {
      what: 'a whole year, the whole country',
      id: '233200',
      incident: {
        occurredAt: at('2015-12-31T22:00:00Z'),
        occurredUntil: at('2016-12-31T22:00:00Z'),
        datePrecision: 5,
        location: { lon: 38, lat: 35 },
        locationPrecision: 6,
        place: 'Syria',
      },
      actors: ['sy-gov', 'syrian-insurgents'],
    },
  ])('$what ($id)', ({ id, incident, actors }) => {
    const mapped = mapUcdpRow(row(id), context);
    expect(mapped.incident).toMatchObject(incident);
    expect(mapped.actors.map((a) => a.id)).toEqual(actors);
  });

  it('marks the joint side designated, since Jabhat Fateh al-Sham is in it', () => {
    expect(mapUcdpRow(row('214814'), context).actors[0]).toMatchObject({
      name: 'Ahrar al-Sham, Jabhat Fateh al-Sham',
      designated: true,
    });
  });
});

describe('placeOf', () => {
  it.each([
    {
      where: 'Tanab village',
      adm2: 'Mintaqat Azaz district',
      adm1: 'Aleppo Governorate',
      place: 'Tanab village, Mintaqat Azaz district, Aleppo Governorate',
    },
    { where: 'Hamah Governorate', adm2: '', adm1: 'Hamah Governorate', place: 'Hamah Governorate' },
    { where: '', adm2: '', adm1: '', place: null },
  ])('$place', ({ where, adm1, adm2, place }) => {
    expect(placeOf({ where_coordinates: where, adm_1: adm1, adm_2: adm2 })).toBe(place);
  });
});
