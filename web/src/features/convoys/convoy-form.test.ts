import { describe, expect, it } from 'vitest';
import { draftBody, draftForm, newDraft, numberOf } from './convoy-form.ts';

const TZ = 'Asia/Damascus';

describe('the convoy request form', () => {
  it('makes the route from the start, the points on the way and each destination, in order', () => {
    const body = draftBody(
      {
        name: ' Convoy to Daraya ',
        start: { lat: '33.478', lon: '36.28' },
        via: [{ lat: '33.468', lon: '36.262' }],
        destinations: [{ name: 'Daraya', lat: '33.457', lon: '36.236' }],
        from: '2016-05-12T06:00',
        to: '2016-05-12T18:00',
        lines: [{ item: 'Medicines', quantity: '2.5', unit: 'tonnes', sector: 'health' }],
        beneficiaries: '4000',
      },
      TZ,
    );
    expect(body).toEqual({
      name: 'Convoy to Daraya',
      route: {
        type: 'LineString',
        coordinates: [
          [36.28, 33.478],
          [36.262, 33.468],
          [36.236, 33.457],
        ],
      },
      destinations: [{ name: 'Daraya', location: { lon: 36.236, lat: 33.457 } }],
      // Damascus was at UTC+3 in May 2016.
      window: { from: '2016-05-12T03:00:00.000Z', to: '2016-05-12T15:00:00.000Z' },
      cargo: [{ item: 'Medicines', quantity: 2.5, unit: 'tonnes', sector: 'health' }],
      beneficiaries_planned: 4000,
    });
  });

  it('reads numbers typed in Arabic-Indic digits, with the Arabic decimal separator', () => {
    expect(numberOf('٣٣٫٤٥٧')).toBe(33.457);
    expect(numberOf('4,000')).toBe(4000);
    expect(numberOf('')).toBeNaN();
  });

  it('gives a draft back as its form, the points on the way apart from the destinations', () => {
    const form = draftForm(
      {
        name: 'Convoy',
        route: {
          coordinates: [
            [36.28, 33.478],
            [36.262, 33.468],
            [36.236, 33.457],
          ],
        },
        destinations: [{ name: 'Daraya', location: { lon: 36.236, lat: 33.457 } }],
        window: { from: '2016-05-12T03:00:00.000Z', to: '2016-05-12T15:00:00.000Z' },
        cargo: [{ item: 'Vaccines', quantity: 4000, unit: 'doses', sector: 'health' }],
        beneficiaries_planned: 4000,
      },
      TZ,
    );
    expect(form.via).toEqual([{ lat: '33.468', lon: '36.262' }]);
    expect(form.from).toBe('2016-05-12T06:00');
    expect(draftBody(form, TZ).route.coordinates).toHaveLength(3);
  });

  it('starts a new draft tomorrow, from 06:00 to 18:00 in the truce’s time', () => {
    const d = newDraft(Date.parse('2016-05-11T12:00:00Z'), TZ);
    expect([d.from, d.to]).toEqual(['2016-05-12T06:00', '2016-05-12T18:00']);
  });
});
