import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { basemapStyle, basemapTiles, overStyle, resolvedAgainst } from './basemap.ts';

/** A stand-in for the page: querySelector finds the <meta> the server wrote, or nothing. */
const page = (meta: Record<string, string> | null) =>
  ({
    querySelector: () => (meta ? { getAttribute: (name: string) => meta[name] ?? null } : null),
  }) as unknown as Pick<Document, 'querySelector'>;

describe("the deployment's tiles", () => {
  it("come from the server's <meta>, else from the build, else there are none", () => {
    expect(
      basemapTiles(
        page({ content: 'pmtiles://https://f.example/sy.pmtiles', 'data-kind': 'pmtiles' }),
        'https://t/{z}/{x}/{y}.png',
      ),
    ).toEqual({ kind: 'pmtiles', url: 'pmtiles://https://f.example/sy.pmtiles' });
    expect(basemapTiles(page(null), 'https://t/{z}/{x}/{y}.png')).toEqual({
      kind: 'xyz',
      url: 'https://t/{z}/{x}/{y}.png',
    });
    expect(basemapTiles(page({ content: 'https://x', 'data-kind': 'bogus' }), undefined)).toBeNull();
    expect(basemapTiles(null, undefined)).toBeNull();
  });

  it('are drawn under the boundaries, the country outlined instead of filled', () => {
    const plain = basemapStyle();
    expect(plain.layers.map((l) => l.id)).toContain('country-fill');
    const xyz = basemapStyle({ tiles: { kind: 'xyz', url: 'https://t/{z}/{x}/{y}.png' } });
    expect(xyz.sources.tiles).toEqual({ type: 'raster', tiles: ['https://t/{z}/{x}/{y}.png'], tileSize: 256 });
    const ids = xyz.layers.map((l) => l.id);
    expect(ids.indexOf('tiles')).toBeLessThan(ids.indexOf('country-line'));
    expect(ids).not.toContain('country-fill');
    const archive = basemapStyle({ tiles: { kind: 'pmtiles', url: 'pmtiles://https://f.example/sy.pmtiles' } });
    expect(archive.sources.tiles).toEqual({
      type: 'raster',
      url: 'pmtiles://https://f.example/sy.pmtiles',
      tileSize: 256,
    });
  });

  it('from a style document keep its sources and layers, with the boundaries over them under their own names', () => {
    const theirs: StyleSpecification = {
      version: 8,
      glyphs: 'https://f.example/fonts/{fontstack}/{range}.pbf',
      sources: { admin0: { type: 'vector', url: 'pmtiles://https://f.example/world.pmtiles' } },
      layers: [
        { id: 'background', type: 'background' },
        { id: 'water', type: 'fill', source: 'admin0', 'source-layer': 'water' },
      ],
    };
    const merged = overStyle(theirs, 'https://f.example/styles/style.json');
    expect(merged.glyphs).toBe(theirs.glyphs);
    // Their source called admin0 is kept; ours are prefixed.
    expect(merged.sources.admin0).toEqual(theirs.sources.admin0);
    expect(merged.sources['truce-admin0']).toMatchObject({ type: 'geojson', data: '/boundaries/admin0.geojson' });
    expect(merged.layers.map((l) => l.id)).toEqual([
      'background',
      'water',
      'truce-district-line',
      'truce-governorate-line',
      'truce-country-line',
    ]);
    expect(merged.layers.at(-1)).toMatchObject({ source: 'truce-admin0' });
  });

  it("read a style's relative URLs against the style, not the page", () => {
    const style: StyleSpecification = {
      version: 8,
      glyphs: '../fonts/{fontstack}/{range}.pbf',
      sprite: 'sprites/light',
      sources: {
        base: { type: 'vector', url: 'pmtiles://https://f.example/world.pmtiles' },
        hills: { type: 'raster', tiles: ['/hills/{z}/{x}/{y}.png'], tileSize: 256 },
        rivers: { type: 'geojson', data: 'rivers.geojson' },
      },
      layers: [],
    };
    const resolved = resolvedAgainst(style, 'https://f.example/styles/light/style.json');
    expect(resolved.glyphs).toBe('https://f.example/styles/fonts/{fontstack}/{range}.pbf');
    expect(resolved.sprite).toBe('https://f.example/styles/light/sprites/light');
    expect(resolved.sources.base).toEqual(style.sources.base);
    expect(resolved.sources.hills).toMatchObject({ tiles: ['https://f.example/hills/{z}/{x}/{y}.png'] });
    expect(resolved.sources.rivers).toMatchObject({ data: 'https://f.example/styles/light/rivers.geojson' });
  });
});
