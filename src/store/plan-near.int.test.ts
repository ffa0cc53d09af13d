/**
 * The store's search near a place (plans.listSitesNear, operations alike): a superset of what the
 * domain then measures. It must never leave out a site truly within reach, whichever way it lies
 * and however far north; it should leave out those plainly beyond it.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { EARTH_RADIUS_M, geometryDistanceM, type Position } from '../domain/geo.ts';
import * as plans from './plan.repository.ts';

const T = Date.parse('2016-04-27T18:45:00Z');
const RAD = Math.PI / 180;

/** The point `metres` from `from` on a bearing (degrees from north), on the sphere. */
function destination([lon, lat]: Position, bearing: number, metres: number): Position {
  const d = metres / EARTH_RADIUS_M,
    b = bearing * RAD,
    f = lat * RAD;
  const f2 = Math.asin(Math.sin(f) * Math.cos(d) + Math.cos(f) * Math.sin(d) * Math.cos(b));
  const l2 = lon * RAD + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(f), Math.cos(d) - Math.sin(f) * Math.sin(f2));
  const out = ((l2 / RAD + 540) % 360) - 180;
  return [out, f2 / RAD];
}

describeEachDatabase('protected sites near a place', (db) => {
  it.each([
    { name: 'in Aleppo', at: [37.15, 36.2] as Position },
    { name: 'at 70° north', at: [20, 70] as Position },
    { name: 'beside the antimeridian', at: [179.999, -16.5] as Position },
  ])('keeps every site within its buffer, on every bearing, $name; leaves out those 3 buffers away', async ({ at }) => {
    await db().query(`insert into actors (id, name, kind) values ('msf', 'MSF', 'humanitarian')`);
    const sites: { id: string; within: boolean }[] = [];
    for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315])
      for (const [metres, within] of [
        [995, true],
        [3_000, false],
      ] as const) {
        const id = `s-${bearing}-${metres}`;
        const p = destination(at, bearing, metres);
        expect(geometryDistanceM({ type: 'Point', coordinates: at }, { type: 'Point', coordinates: p }) <= 1_000).toBe(
          within,
        );
        await plans.insertProtectedSite(db(), {
          id,
          kind: 'hospital',
          owner: 'msf',
          geometry: { type: 'Point', coordinates: p },
          bufferM: 1_000,
          valid: { from: T - 1, to: null },
          notifiedTo: ['msf'],
          classification: 'public',
          ownerOrg: null,
        });
        sites.push({ id, within });
      }
    const found = new Set((await plans.listSitesNear(db(), { from: T, to: T + 1 }, at, 0)).map((s) => s.id));
    for (const s of sites) expect(found.has(s.id), s.id).toBe(s.within);
    // Widened by 5 km, every one of them.
    expect((await plans.listSitesNear(db(), { from: T, to: T + 1 }, at, 5_000)).length).toBe(sites.length);
    // Not yet valid: none.
    expect(await plans.listSitesNear(db(), { from: T - 10, to: T - 1 }, at, 5_000)).toEqual([]);
  });
});
