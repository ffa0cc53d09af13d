import { describe, expect, it } from 'vitest';
import type { Position } from './geo.ts';
import {
  decodeRing,
  drawnAreaProblems,
  encodeRing,
  MAX_DRAWN_POINTS,
  polygonOfRing,
  ringAreaKm2,
} from './drawn-area.ts';

/** Around Urum al-Kubra, west of Aleppo. */
const URUM: Position[] = [
  [36.88, 36.12],
  [36.98, 36.12],
  [36.98, 36.19],
  [36.88, 36.19],
];

describe('a drawn area', () => {
  it.each([
    [
      "Google's own example",
      [
        [-120.2, 38.5],
        [-120.95, 40.7],
        [-126.453, 43.252],
      ] as Position[],
      '_p~iF~ps|U_ulLnnqC_mqNvxq`@',
    ],
    ['a ring near Aleppo, written open', [...URUM, URUM[0]!], null],
    [
      'negative and tiny steps',
      [
        [0.00001, -0.00001],
        [-0.00002, 0.00003],
        [0, 0],
      ] as Position[],
      null,
    ],
  ])('encodes and decodes %s', (_name, ring, expected) => {
    const text = encodeRing(ring);
    if (expected) expect(text).toBe(expected);
    const open =
      ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
    expect(decodeRing(text)).toEqual(open);
  });

  it.each([
    ['a letter below the alphabet', ' ab'],
    ['a number cut short', '_p~iF~ps|'],
    ['a latitude without its longitude', '_p~iF'],
  ])('reads no ring from %s', (_name, text) => {
    expect(decodeRing(text)).toBeNull();
  });

  it('measures its area on the sphere', () => {
    // 0.1 degree by 0.07 at 36.15 N: about 8.99 km by 7.78 km.
    expect(ringAreaKm2(URUM)).toBeGreaterThan(69);
    expect(ringAreaKm2(URUM)).toBeLessThan(71);
    expect(ringAreaKm2([...URUM].reverse())).toBeCloseTo(ringAreaKm2(URUM), 6);
  });

  it('passes the checks of a zone, and refuses a ring crossing itself, outside Syria or of too many points', () => {
    expect(drawnAreaProblems(polygonOfRing(URUM))).toEqual([]);
    const bowTie = drawnAreaProblems(polygonOfRing([URUM[0]!, URUM[2]!, URUM[1]!, URUM[3]!]));
    expect(bowTie.map((p) => p.statement.code)).toEqual(['problem.ring_crosses']);
    const cairo = drawnAreaProblems(
      polygonOfRing([
        [31.2, 30.0],
        [31.3, 30.0],
        [31.3, 30.1],
      ]),
    );
    expect(cairo[0]).toMatchObject({ path: ['coordinates', 0, 0], statement: { code: 'problem.outside_syria' } });
    const many: Position[] = Array.from({ length: MAX_DRAWN_POINTS + 1 }, (_, i) => {
      const a = (2 * Math.PI * i) / (MAX_DRAWN_POINTS + 1);
      return [37 + 0.1 * Math.cos(a), 35 + 0.1 * Math.sin(a)];
    });
    expect(drawnAreaProblems(polygonOfRing(many))[0]?.statement.code).toBe('problem.area_too_many_points');
    expect(drawnAreaProblems(polygonOfRing(many.slice(1)))).toEqual([]);
  });
});
