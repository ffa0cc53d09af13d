/**
 * A convoy request's draft as the form holds it, and the request body it makes: the route runs
 * from where the convoy sets out, through the points on the way, to each destination in turn.
 * Times are wall-clock times in the truce's timezone (DateField), numbers are typed as text. Pure:
 * no React, no DOM.
 */
import { CARGO_SECTORS, type CargoSector } from '../../../../src/contract/convoy-requests.ts';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';

export interface PointText {
  lat: string;
  lon: string;
}

export interface DraftForm {
  name: string;
  start: PointText;
  via: PointText[];
  destinations: (PointText & { name: string })[];
  from: string;
  to: string;
  lines: { item: string; quantity: string; unit: string; sector: CargoSector }[];
  beneficiaries: string;
}

const HOUR = 3_600_000;

export const emptyLine = (): DraftForm['lines'][number] => ({ item: '', quantity: '', unit: '', sector: 'food' });

/** A new draft: a window from tomorrow at 06:00 for twelve hours, one destination, one cargo line. */
export function newDraft(now: number, tz: string): DraftForm {
  const tomorrow = localInputValue(now + 24 * HOUR, tz).slice(0, 10);
  return {
    name: '',
    start: { lat: '', lon: '' },
    via: [],
    destinations: [{ name: '', lat: '', lon: '' }],
    from: `${tomorrow}T06:00`,
    to: `${tomorrow}T18:00`,
    lines: [emptyLine()],
    beneficiaries: '',
  };
}

/** Decimal text as the reader may type it: Arabic-Indic digits and the Arabic decimal separator too. */
export function numberOf(text: string): number {
  const western = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace('٫', '.')
    .replace(/[٬,](?=\d{3}\b)/g, '');
  return western === '' ? Number.NaN : Number(western);
}

const position = (p: PointText): [number, number] => [numberOf(p.lon), numberOf(p.lat)];

export interface DraftBody {
  name: string;
  route: { type: 'LineString'; coordinates: [number, number][] };
  destinations: { name: string; location: { lon: number; lat: number } }[];
  window: { from: string; to: string };
  cargo: { item: string; quantity: number; unit: string; sector: CargoSector }[];
  beneficiaries_planned: number;
}

export function draftBody(f: DraftForm, tz: string): DraftBody {
  const instant = (local: string) => new Date(instantOfLocal(local, tz)).toISOString();
  return {
    name: f.name.trim(),
    route: {
      type: 'LineString',
      coordinates: [position(f.start), ...f.via.map(position), ...f.destinations.map(position)],
    },
    destinations: f.destinations.map((d) => {
      const [lon, lat] = position(d);
      return { name: d.name.trim(), location: { lon, lat } };
    }),
    window: { from: instant(f.from), to: instant(f.to) },
    cargo: f.lines.map((l) => ({
      item: l.item.trim(),
      quantity: numberOf(l.quantity),
      unit: l.unit.trim(),
      sector: l.sector,
    })),
    beneficiaries_planned: Math.round(numberOf(f.beneficiaries)),
  };
}

interface RequestLike {
  name: string;
  route: { coordinates: unknown[] };
  destinations: { name: string; location: { lon: number; lat: number } }[];
  window: { from: string; to: string };
  cargo: { item: string; quantity: number; unit: string; sector: string }[];
  beneficiaries_planned: number;
}

const text = (n: number) => String(n);

/** A draft's form again, to change it: the route's points between the start and the destinations are the points on the way. */
export function draftForm(r: RequestLike, tz: string): DraftForm {
  const route = r.route.coordinates as [number, number][];
  const point = ([lon, lat]: [number, number]): PointText => ({ lat: text(lat), lon: text(lon) });
  const tail = route.slice(route.length - r.destinations.length);
  const endsAtDestinations = r.destinations.every(
    (d, i) => tail[i]?.[0] === d.location.lon && tail[i]?.[1] === d.location.lat,
  );
  const via = route.slice(1, endsAtDestinations ? route.length - r.destinations.length : route.length);
  return {
    name: r.name,
    start: point(route[0] ?? [0, 0]),
    via: via.map(point),
    destinations: r.destinations.map((d) => ({ name: d.name, lat: text(d.location.lat), lon: text(d.location.lon) })),
    from: localInputValue(Date.parse(r.window.from), tz),
    to: localInputValue(Date.parse(r.window.to), tz),
    lines: r.cargo.map((l) => ({
      item: l.item,
      quantity: text(l.quantity),
      unit: l.unit,
      sector: (CARGO_SECTORS as readonly string[]).includes(l.sector) ? (l.sector as CargoSector) : 'other',
    })),
    beneficiaries: text(r.beneficiaries_planned),
  };
}
