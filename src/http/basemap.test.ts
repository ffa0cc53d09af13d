import { describe, expect, it } from 'vitest';
import { parseBasemap } from './basemap.ts';

describe('the --tile-url setting', () => {
  it.each([
    ['https://tiles.example.org/{z}/{x}/{y}.png', 'xyz', 'https://tiles.example.org'],
    ['http://10.0.0.5:8081/osm/{z}/{x}/{y}.png?key=k', 'xyz', 'http://10.0.0.5:8081'],
    ['pmtiles://https://files.example.org/syria.pmtiles', 'pmtiles', 'https://files.example.org'],
    ['https://maps.example.org/styles/light/style.json', 'style', 'https://maps.example.org'],
  ])('%s is %s from %s', (url, kind, origin) => expect(parseBasemap(url)).toEqual({ kind, url, origin }));

  it.each([
    ['tiles.example.org/{z}/{x}/{y}.png', 'is not a URL'],
    ['ftp://tiles.example.org/{z}/{x}/{y}.png', 'is not http(s)'],
    ['pmtiles://files.example.org/syria.pmtiles', 'is not a URL'],
    ['https://tiles.example.org/{z}/{x}.png', 'must be an XYZ template'],
  ])('%s is refused: %s', (url, message) => expect(parseBasemap(url)).toContain(message));
});
