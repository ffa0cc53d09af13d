/**
 * Migration 025's widened box in SQL is the domain's (`widenedBox`, domain/deconflict-index.ts):
 * the index of the database and the one in memory skip the same targets, and neither a conflict.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/databases.ts';
import { targetBox } from '../domain/deconflict-index.ts';
import type { Geometry, Position } from '../domain/geo.ts';

/** mulberry32, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function geometries(): { geometry: Geometry; bufferM: number }[] {
  const rand = prng(25);
  const out: { geometry: Geometry; bufferM: number }[] = [];
  for (let i = 0; i < 300; i++) {
    const cx = -180 + 360 * rand(),
      cy = -89 + 178 * rand();
    const pt = (): Position => [
      Math.max(-180, Math.min(180, cx + rand() - 0.5)),
      Math.max(-90, Math.min(90, cy + rand() - 0.5)),
    ];
    const ring = (): Position[] => {
      const r = [pt(), pt(), pt()];
      return [...r, r[0]!];
    };
    const shapes: Geometry[] = [
      { type: 'Point', coordinates: pt() },
      { type: 'MultiPoint', coordinates: [pt(), pt()] },
      { type: 'LineString', coordinates: [pt(), pt(), pt()] },
      { type: 'MultiLineString', coordinates: [[pt(), pt()], [pt()]] },
      { type: 'Polygon', coordinates: [ring(), ring()] },
      { type: 'MultiPolygon', coordinates: [[ring()], [ring(), ring()]] },
    ];
    out.push({ geometry: shapes[i % shapes.length]!, bufferM: [0, 150, 5_000, 900_000][i % 4]! * rand() });
  }
  return out;
}

/** A box as PostgreSQL writes it, `(east,north),(west,south)`, within a nanodegree of the domain's for the same case. */
function expectDomainBox(box: string, c: { geometry: Geometry; bufferM: number }): void {
  const [e, n, w, s] = box.match(/-?[\d.e+-]+/g)!.map(Number) as [number, number, number, number];
  const expected = targetBox(c);
  for (const [got, want] of [
    [w, expected[0]],
    [s, expected[1]],
    [e, expected[2]],
    [n, expected[3]],
  ] as const)
    expect(Math.abs(got - want), JSON.stringify({ c, box, expected })).toBeLessThan(1e-9);
}

describeEachDatabase('the widened box of migration 025', (db) => {
  it("is the domain's for every kind of geometry, at any latitude and beside the antimeridian", async () => {
    const cases = geometries();
    const rows = await db().query<{ i: number; box: string | null }>(
      `select c.i, truce_widened_box(c.g, c.b)::text as box
       from jsonb_to_recordset($1::jsonb) as c(i int, g jsonb, b float8) order by c.i`,
      [JSON.stringify(cases.map((c, i) => ({ i, g: c.geometry, b: c.bufferM })))],
    );
    for (const [i, c] of cases.entries()) expectDomainBox(rows[i]!.box!, c);
  });

  it('is null for a geometry with no position', async () => {
    const [row] = await db().query<{ box: string | null }>(
      `select truce_widened_box('{"type": "LineString", "coordinates": []}'::jsonb, 100)::text as box`,
    );
    expect(row!.box).toBeNull();
  });

  it("takes the tiniest numbers without an error (migration 031), as the domain's box", async () => {
    // A subnormal latitude and a buffer of 6e-277 m: PostgreSQL's arithmetic raised an underflow.
    const c = { geometry: { type: 'Point', coordinates: [-1e-323, 4.4e-323] } as Geometry, bufferM: 6.2e-277 };
    const [row] = await db().query<{ box: string }>(`select truce_widened_box($1::jsonb, $2)::text as box`, [
      JSON.stringify(c.geometry),
      c.bufferM,
    ]);
    expectDomainBox(row!.box, c);
  });
});
