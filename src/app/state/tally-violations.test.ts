import { describe, expect, it } from 'vitest';
import { bboxOf } from '../../domain/geo.ts';
import { rect, ring } from '../../domain/test-builders.ts';
import { dayZone } from '../../domain/time.ts';
import type * as findings from '../../store/finding.repository.ts';
import type { AdminArea } from '../map/admin-areas.ts';
import { tallyViolations } from './tally-violations.ts';

const area = (pcode: string, polygon: ReturnType<typeof rect>): AdminArea => ({
  pcode,
  nameEn: `en ${pcode}`,
  nameAr: `ar ${pcode}`,
  area: polygon,
  bbox: bboxOf(polygon),
});
/** Two governorates side by side: west 0..1, east 1..2 (lon), 0..1 (lat). */
const AREAS = [area('W', rect(0, 0, 1, 1)), area('E', rect(1, 0, 2, 1))];
const zone = dayZone('+03:00')!;
const DATES = ['2016-09-12', '2016-09-13'];

const incident = (
  id: string,
  iso: string,
  lon: number,
  lat: number,
  violators = ['gov'],
  agreement = 'coh',
): findings.PlacedViolation => ({
  kind: 'incident',
  subjectId: id,
  agreement,
  at: Date.parse(iso),
  violators,
  place: { lon, lat },
  zoneGeometry: null,
});

describe('tallyViolations', () => {
  it('counts each violation finding once per day, agreement and area; under each of its violators', () => {
    const t = tallyViolations(
      [
        incident('i1', '2016-09-12T10:00:00+03:00', 0.5, 0.5),
        incident('i1', '2016-09-12T10:00:00+03:00', 0.5, 0.5, ['gov'], 'sept'),
        incident('i2', '2016-09-13T23:30:00+03:00', 1.5, 0.5, ['gov', 'ally']),
        incident('i3', '2016-09-13T01:00:00+03:00', 5, 5, []),
      ],
      zone,
      DATES,
      AREAS,
    );
    expect(t.total).toBe(4);
    expect(t.days).toEqual([2, 2]);
    expect(t.byAgreement).toEqual([
      { key: 'coh', total: 3, days: [1, 2] },
      { key: 'sept', total: 1, days: [1, 0] },
    ]);
    expect(t.byArea).toEqual([
      { key: 'W', nameEn: 'en W', nameAr: 'ar W', total: 2, days: [2, 0] },
      { key: 'E', nameEn: 'en E', nameAr: 'ar E', total: 1, days: [0, 1] },
      { key: null, nameEn: null, nameAr: null, total: 1, days: [0, 1] },
    ]);
    // gov 3, ally 1 (the violation of two violators counts under both), and one naming none.
    expect(t.byViolator).toEqual([
      { key: 'gov', total: 3, days: [2, 1] },
      { key: 'ally', total: 1, days: [0, 1] },
      { key: null, total: 1, days: [0, 1] },
    ]);
  });

  it('places a change of control at a point inside its zone, not in a hole nor at the centre of its box', () => {
    // A zone spanning both governorates whose box centre (1, 0.5) lies in its hole; its inside point is in W or E, never outside.
    const donut = rect(0.1, 0.1, 1.9, 0.9, ring(0.6, 0.2, 1.4, 0.8));
    const seizure: findings.PlacedViolation = {
      kind: 'territory',
      subjectId: 'z',
      agreement: 'coh',
      at: Date.parse('2016-09-12T00:00:00+03:00'),
      violators: ['gov'],
      place: null,
      zoneGeometry: donut,
    };
    const t = tallyViolations([seizure, { ...seizure, agreement: 'sept' }], zone, DATES, AREAS);
    expect(t.byArea).toHaveLength(1);
    expect(['W', 'E']).toContain(t.byArea[0]!.key);
    expect(t.byArea[0]!.total).toBe(2);
  });

  it('counts by the local day of the timezone, and nothing outside the dates', () => {
    const t = tallyViolations(
      [
        incident('a', '2016-09-11T20:59:59Z', 0.5, 0.5), // 23:59:59 on the 11th at +03:00
        incident('b', '2016-09-11T21:00:00Z', 0.5, 0.5), // 00:00 on the 12th
        incident('c', '2016-09-13T21:00:00Z', 0.5, 0.5), // 00:00 on the 14th
      ],
      zone,
      DATES,
      AREAS,
    );
    expect(t.days).toEqual([1, 0]);
    expect(t.total).toBe(1);
  });
});
