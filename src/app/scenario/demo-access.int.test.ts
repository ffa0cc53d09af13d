/** The demo world's access in 2016, as the API shows it to a reader: besieged areas, their figures, the local agreements. */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/databases.ts';
import { useTestServer } from '../../../test/use-test-server.ts';
import { q, startWorldServer } from '../../../test/world.ts';
import { seedDemoAccess } from './demo-access.ts';

describeEachDatabase('the demo world: besieged areas and local agreements of 2016', (db) => {
  const server = useTestServer(db, {
    start: startWorldServer,
    seed: async (s) => {
      expect(await seedDemoAccess(db(), s.ctx.now())).toEqual({
        areas: 5,
        estimates: 9,
        deliveries: 6,
        agreements: 2,
        evacuations: 3,
      });
    },
  });
  const get = async (url: string) => {
    const res = await server.call('ngo-observer', { method: 'GET', url: `/api/v1${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const byName = (items: { name: string }[], name: string): any => items.find((i) => i.name === name);

  it('shows Daraya besieged in August 2016: its population by source, its last delivery, the days without aid', async () => {
    await server.fresh();
    const board = await get('/besieged-areas?on=2016-08-01');
    expect(board.items.map((i: { name: string }) => i.name).sort()).toEqual([
      'Daraya',
      'Deir ez-Zor, government-held districts',
      'Eastern Aleppo',
      'Madaya and Zabadani',
      'al-Fu’ah and Kafraya',
    ]);
    const daraya = byName(board.items, 'Daraya');
    expect(daraya).toMatchObject({
      zone_id: 'z-daraya',
      status: { status: 'besieged', since: '2012-11-08' },
      besiegers: [{ actor: 'sy-gov', since: '2012-11-08' }],
      population: { latest: { population: 4000, as_of: '2016-06-10' }, trend: null },
      last_delivery: { delivered_on: '2016-06-09' },
      days_without_delivery: 53,
    });
    expect(daraya.population.latest.source).toContain('OCHA');
    expect(daraya.population.same_day).toMatchObject([{ population: 8000 }]);
    expect(daraya.population.same_day[0].source).toContain('Local Council of Daraya');
    // Every figure names its source.
    for (const item of board.items)
      for (const e of [item.population.latest, item.population.previous, item.last_delivery].filter(Boolean))
        expect(e.source.length, `${item.name}: a figure without its source`).toBeGreaterThan(5);
    // Deir ez-Zor has an area of its own; its population halved from February to May.
    const dez = byName(board.items, 'Deir ez-Zor, government-held districts');
    expect([dez.zone_id, dez.geometry.type, dez.besiegers[0].actor]).toEqual([null, 'Polygon', 'isil']);
    expect(dez.population).toMatchObject({
      latest: { population: 100000 },
      previous: { population: 200000 },
      trend: 'down',
    });
    // Eastern Aleppo: besieged from 17 July.
    expect(byName(board.items, 'Eastern Aleppo').status).toMatchObject({ status: 'besieged', since: '2016-07-17' });
    // OCHA's overall count: 486,700 in January, about 590,000 in June.
    expect(board.overall).toMatchObject({
      latest: { population: 590000, as_of: '2016-06-20', locations: 18 },
      previous: { population: 486700, as_of: '2016-01-27' },
      trend: 'up',
    });
  });

  it('reads November 2016: 974,080 besieged overall, 275,000 of them in eastern Aleppo, Daraya no longer besieged', async () => {
    await server.fresh();
    const board = await get('/besieged-areas?on=2016-11-21');
    expect(board.overall.latest).toMatchObject({ population: 974080 });
    expect(board.overall.previous).toMatchObject({ population: 590000 });
    expect(byName(board.items, 'Eastern Aleppo')).toMatchObject({
      population: { latest: { population: 275000 }, previous: { population: 300000 }, trend: 'down' },
      days_without_delivery: 143,
    });
    expect(byName(board.items, 'Daraya')).toMatchObject({
      status: { status: 'no_longer_besieged', since: '2016-08-27' },
      days_without_delivery: null,
    });
    // In January 2016, before eastern Aleppo's siege, it is not on the dashboard.
    const january = await get('/besieged-areas?on=2016-01-31');
    expect(january.items.map((i: { name: string }) => i.name)).not.toContain('Eastern Aleppo');
    expect(january.overall.latest.population).toBe(486700);
    // Read without a day: the latest any figure speaks of, the end of eastern Aleppo's siege.
    expect((await get('/besieged-areas')).on).toBe('2016-12-22');
  });

  it('links the Daraya evacuation of late August to the change of control of 27 August, and its territory finding', async () => {
    await server.fresh();
    const [finding] = (
      await get(
        `/findings?kind=territory&subject=z-daraya&from=${q('2016-08-27T00:00:00+03:00')}&to=${q('2016-08-27T00:00:01+03:00')}`,
      )
    ).items;
    expect(finding.by_local_agreement).toMatchObject({
      name: 'Daraya: the town handed over, its people evacuated',
      concluded_on: '2016-08-25',
    });
    const g = await get(`/local-agreements/${finding.by_local_agreement.id}`);
    expect(Date.parse(g.control_change_at)).toBe(Date.parse('2016-08-27T00:00:00+03:00'));
    expect(g.parties.map((p: { actor: string }) => p.actor)).toEqual(['fsa-south', 'sy-gov']);
    expect(
      g.evacuations.map(
        (e: { people: Record<string, number | null>; destinations: { name: string }[]; status: string }) => [
          e.status,
          e.people.fighters,
          e.people.civilians,
          e.destinations.map((d) => d.name).join(', '),
        ],
      ),
    ).toEqual([
      ['completed', 700, null, 'Idlib'],
      ['completed', null, 4000, 'Harjalleh, Qudsaya'],
    ]);
    // The timeline: Daraya in August, eastern Aleppo in December (guaranteed by Russia and Turkey, no change recorded).
    const timeline = (await get('/local-agreements')).items;
    expect(timeline.map((a: { concluded_on: string }) => a.concluded_on)).toEqual(['2016-08-25', '2016-12-13']);
    expect(timeline[1]).toMatchObject({
      control_change_at: null,
      evacuations: [{ people: { fighters: 4000, total: 34000 }, ended_on: '2016-12-22' }],
    });
    expect(
      timeline[1].parties
        .filter((p: { role: string }) => p.role === 'guarantor')
        .map((p: { actor: string }) => p.actor),
    ).toEqual(['ru', 'tr']);
  });
});
