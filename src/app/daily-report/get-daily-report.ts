/**
 * The daily report (docs/daily-report.md), modelled on the OSCE Special Monitoring Mission's daily
 * reports: for one local day and one area (every governorate, one, or an area drawn), the violations
 * by area and by violator beside the day before and the seven days before; the notable incidents
 * with their findings and the rulings in force; the deconfliction alerts (operation notices in
 * conflict, hotline threads escalated); the convoys planned and delivered; the days of calm; the
 * day's incidents for a small map.
 *
 * One use case makes the figures; the web page, the PDF and the email are written from them
 * (render-daily-report.ts), so that the three agree. Every figure is read as the edition's reader:
 * the public edition as nobody signed in (public records only), the cleared edition as the caller
 * (or an email's recipient). Each read is a window of instants of its own day, so that it reads an
 * index by time and costs the same with a thousand incidents stored or a million.
 */
import type { Clearance } from '../../contract/access.ts';
import { judgeDays, violationsPerDate } from '../../domain/calm.ts';
import { drawnAreaProblems, ringAreaKm2 } from '../../domain/drawn-area.ts';
import {
  type Area,
  areaContains,
  type BBox,
  bboxOf,
  type Geometry,
  geometryDistanceM,
  pointOnSurface,
  type Polygon,
  type Position,
} from '../../domain/geo.ts';
import { datesBetween, type DayZone, isCalendarDate, nextDate, worldDayZone } from '../../domain/time.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as day from '../../store/daily-report.repository.ts';
import * as findings from '../../store/finding.repository.ts';
import { ANONYMOUS, asReader, type Reader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { type AdminArea, adminAreas } from '../map/admin-areas.ts';
import { whereIs } from '../map/where.ts';
import { placeOf, tallyViolations } from '../state/tally-violations.ts';

export const EDITIONS = ['public', 'cleared'] as const;
export type Edition = (typeof EDITIONS)[number];

export interface DailyReportQuery {
  /** The local day (YYYY-MM-DD); yesterday by default, the last whole day. */
  date?: string | undefined;
  /** A governorate's pcode; every governorate by default. */
  area?: string | undefined;
  /** A box drawn on the map: [min lon, min lat, max lon, max lat]. */
  bbox?: BBox | undefined;
  /** An area drawn on the map: one ring, checked as a zone's area is (domain/drawn-area.ts). */
  polygon?: Polygon | undefined;
  /** Where a bad polygon is named: `querystring.polygon` for the API's query, `polygon` for a schedule. */
  polygonField?: string | undefined;
  edition?: Edition | undefined;
}

/** A drawn area, for people: how large it is and the named place it lies around. */
export interface DrawnArea {
  km2: number;
  /** The nearest populated place (within 25 km) of a point inside it. */
  place: Named | null;
  /** The governorate that point lies in. */
  governorate: Named | null;
}

export interface Named {
  en: string;
  ar: string | null;
}

/** A row compared: the day, the day before, and the seven days before it (in all). */
export interface ComparedRow {
  key: string | null;
  name: Named | null;
  day: number;
  previousDay: number;
  previousSeven: number;
}

export interface NotableIncident {
  id: string;
  at: number;
  /** Known only to the day or more: no time of day to show (UCDP's date_prec), null when it is known. */
  datePrecision: number | null;
  lon: number;
  lat: number;
  act: string;
  headline: string | null;
  perpetrator: Named | null;
  deathsBest: number | null;
  place: Named | null;
  governorate: Named | null;
  findings: {
    agreement: Named | null;
    verdict: string;
    violators: Named[];
    automaticVerdict: string | null;
    ruling: { id: string; inForceAt: number | null } | null;
  }[];
}

export interface DailyReport {
  date: string;
  timezone: string;
  /** The day's instants: [start, end). */
  window: { start: number; end: number };
  edition: Edition;
  /** Who the edition is read as: the public, or the reader's organization and clearance. */
  reader: { org: Named | null; clearance: Clearance };
  area: {
    pcode: string | null;
    name: Named | null;
    bbox: BBox | null;
    outline: AdminArea['area'] | null;
    /** The area drawn, and what it is for people (never its coordinates alone). */
    polygon: Polygon | null;
    drawn: DrawnArea | null;
  };
  /** The dates compared: the seven days before, the day before, the day. */
  dates: string[];
  violations: {
    day: number;
    previousDay: number;
    previousSeven: number;
    byArea: ComparedRow[];
    byViolator: ComparedRow[];
  };
  incidents: {
    /** How many incidents the day holds in the area, for the reader. */
    total: number;
    notable: NotableIncident[];
    /** The day's incidents on the map, worst first (at most MAP_POINTS). */
    points: { id: string; lon: number; lat: number; rank: number }[];
  };
  alerts: {
    conflicts: (Omit<day.DayConflict, 'actor' | 'targetOwnerOrg' | 'operationArea' | 'operationRadiusM'> & {
      actor: Named | null;
      targetOwner: Named | null;
    })[];
    escalations: (Omit<day.DayEscalation, 'openedByOrg' | 'lon' | 'lat'> & { openedBy: Named })[];
  };
  convoys: { planned: ConvoyLine[]; delivered: ConvoyLine[] };
  calm: {
    agreement: Named;
    /** Calm days in a row ending on the report's day (0 when the day was not calm). */
    streak: number;
    /** The streak was counted back this far and may be longer. */
    atLeast: boolean;
    daysRequired: number;
    thresholdPerDay: number;
    violations: number;
    calm: boolean;
    inForce: boolean;
  } | null;
}

export type ConvoyLine = Omit<day.DayConvoy, 'organizerOrg' | 'route'> & { organizer: Named };

/** The notable incidents shown, worst first; the map shows more. */
export const NOTABLE_INCIDENTS = 12;
export const MAP_POINTS = 2_000;
/** The incidents of a day read at most (those of a governorate are then kept by its outline). */
const DAY_INCIDENTS = 10_000;
/** How far back the days of calm are counted (and a chunk read at a time). */
const CALM_LOOKBACK_DAYS = 366;
const CALM_CHUNK_DAYS = 31;

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The daily report for the caller: the public edition, or the caller's own (cleared) one. */
export async function getDailyReport(
  ctx: AppContext,
  caller: Caller | null,
  query: DailyReportQuery,
): Promise<DailyReport> {
  const c = requireCaller(caller);
  const edition = query.edition ?? 'cleared';
  return readDailyReport(ctx, edition === 'public' ? ANONYMOUS : readerOf(c), edition, query);
}

/** The report as `reader` sees it (an email's recipient, the public): the figures of every edition. */
export async function readDailyReport(
  ctx: AppContext,
  reader: Reader,
  edition: Edition,
  query: DailyReportQuery,
): Promise<DailyReport> {
  return asReader(ctx.db, edition === 'public' ? ANONYMOUS : reader, (sql) =>
    dailyReportAs(sql, ctx.now(), edition === 'public' ? ANONYMOUS : reader, edition, query),
  );
}

/**
 * The figures read through `sql`, which must read as `reader` (asReader): an email's renderer reads
 * through the transaction the sender opened as the recipient, or as the public.
 */
export async function dailyReportAs(
  sql: Sql,
  now: number,
  reader: Reader,
  edition: Edition,
  query: DailyReportQuery,
): Promise<DailyReport> {
  const stored = await settings.get(sql);
  const zone = worldDayZone(stored.timezone);
  const date = query.date ?? addDays(zone.localDate(now), -1);
  if (!isCalendarDate(date)) throw invalid('querystring.date', 'querystring.date: must be a date YYYY-MM-DD');
  const governorate = query.area ? adminAreas().find((a) => a.pcode === query.area) : undefined;
  if (query.area && !governorate) throw invalid('querystring.area', `querystring.area: no governorate "${query.area}"`);
  const bbox = query.bbox ?? null;
  if (bbox && !(bbox[0] < bbox[2] && bbox[1] < bbox[3]))
    throw invalid('querystring.bbox', 'querystring.bbox: the minimum must be below the maximum');
  const polygon = query.polygon ?? null;
  const polygonField = query.polygonField ?? 'querystring.polygon';
  if (polygon) {
    if (bbox) throw invalid(polygonField, `${polygonField}: give an area drawn or a box, not both`);
    const [problem] = drawnAreaProblems(polygon);
    if (problem)
      throw new AppError('VALIDATION', `${polygonField}: ${problem.message}`, polygonField, problem.statement);
  }
  const box = intersect(governorate?.bbox ?? null, polygon ? bboxOf(polygon) : bbox);

  const inArea = (p: Position | null): boolean => {
    if (!governorate && !bbox && !polygon) return true;
    if (!p) return false;
    if (box && !(p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3])) return false;
    if (polygon && !areaContains(polygon, p[0], p[1])) return false;
    return !governorate || areaContains(governorate.area, p[0], p[1]);
  };
  const areaChosen = Boolean(governorate || bbox || polygon);
  const drawn: Area | null = polygon ?? (bbox ? boxArea(bbox) : null);
  /** A geometry (an operation's area and reach, a convoy's route) meets the report's area; none known: only without one. */
  const meetsArea = (g: Geometry | null, reachM = 0): boolean => {
    if (!areaChosen) return true;
    if (!g) return false;
    const within = (area: Area) => geometryDistanceM(g, area) <= reachM;
    return (!drawn || within(drawn)) && (!governorate || within(governorate.area));
  };

  const names = await day.names(sql);
  const named = (map: Map<string, { en: string; ar: string | null }>, id: string | null): Named | null =>
    id === null ? null : (map.get(id) ?? { en: id, ar: null });

  // Violations: the day, the day before, the seven days before: one window of eight days.
  const dates = datesBetween(addDays(date, -7), date);
  const start = zone.startOf(date);
  const end = zone.startOf(nextDate(date));
  const zonePoints = new Map<string, Position | null>();
  const placed = (
    await findings.placedViolations(sql, { from: zone.startOf(dates[0]!), to: end, agreement: null })
  ).filter((v) => inArea(placeOf(v, zonePoints)));
  const areas = adminAreas();
  const tally = tallyViolations(placed, zone, dates, areas);
  const compare = (days: number[]) => ({
    day: days[7] ?? 0,
    previousDay: days[6] ?? 0,
    previousSeven: days.slice(0, 7).reduce((a, b) => a + b, 0),
  });
  const byArea = tally.byArea.map((r) => ({
    key: r.key,
    name: r.key === null ? null : { en: r.nameEn ?? r.key, ar: r.nameAr },
    ...compare(r.days),
  }));
  const byViolator = tally.byViolator.map((r) => ({
    key: r.key,
    name: named(names.actors, r.key),
    ...compare(r.days),
  }));
  const byDay = (a: ComparedRow, b: ComparedRow) =>
    b.day - a.day || b.previousDay - a.previousDay || b.previousSeven - a.previousSeven;

  // The day's incidents: the worst for the map, the notable ones with their findings and rulings.
  const w: day.DayWindow = { from: start, to: end, bbox: box };
  const read = await day.incidents(sql, w, DAY_INCIDENTS);
  const dayIncidents = read.filter((i) => inArea([i.lon, i.lat]));
  // More than a day ever held: each place in the area's box read, and counted if in the area.
  const total = read.length < DAY_INCIDENTS ? dayIncidents.length : await day.countIncidents(sql, w, inArea);
  const notableOnes = dayIncidents.filter((i) => i.rank <= 1 || (i.deathsBest ?? 0) > 0).slice(0, NOTABLE_INCIDENTS);
  const found = await day.findingsOf(
    sql,
    notableOnes.map((i) => i.id),
  );
  const notable: NotableIncident[] = notableOnes.map((i) => {
    const where = whereIs(i.lon, i.lat);
    return {
      id: i.id,
      at: i.at,
      datePrecision: i.datePrecision,
      lon: i.lon,
      lat: i.lat,
      act: i.act,
      headline: i.headline,
      perpetrator: named(names.actors, i.perpetrator),
      deathsBest: i.deathsBest,
      place: where.place ? { en: where.place.nameEn, ar: where.place.nameAr } : null,
      governorate: where.governorate ? { en: where.governorate.nameEn, ar: where.governorate.nameAr } : null,
      findings: found
        .filter((f) => f.incident === i.id)
        .map((f) => ({
          agreement: named(names.agreements, f.agreement),
          verdict: f.verdict,
          violators: f.violators.map((v) => named(names.actors, v)!),
          automaticVerdict: f.automaticVerdict,
          ruling: f.ruling,
        })),
    };
  });

  // Deconfliction alerts and convoys.
  // An area chosen: the conflicts of operations reaching into it (those whose operation the reader
  // may not see have no known place and are left out), the threads placed in it or placed nowhere,
  // the convoys whose route crosses it.
  const conflicts = (await day.conflicts(sql, w))
    .filter((c) => meetsArea(c.operationArea, c.operationRadiusM))
    .map(({ actor, targetOwnerOrg, operationArea: _a, operationRadiusM: _r, ...rest }) => ({
      ...rest,
      actor: named(names.actors, actor),
      targetOwner: named(names.orgs, targetOwnerOrg),
    }));
  const escalations = (await day.escalations(sql, w))
    .filter((e) => e.lon === null || e.lat === null || inArea([e.lon, e.lat]))
    .map(({ openedByOrg, lon: _lon, lat: _lat, ...rest }) => ({
      ...rest,
      openedBy: named(names.orgs, openedByOrg)!,
    }));
  const convoyLines = (await day.convoys(sql, w))
    .filter((c) => meetsArea(c.route))
    .map(({ organizerOrg, route: _route, ...rest }) => ({
      ...rest,
      organizer: named(names.orgs, organizerOrg)!,
    }));

  return {
    date,
    timezone: zone.name,
    window: { start, end },
    edition,
    reader: { org: named(names.orgs, reader.orgId), clearance: reader.clearance },
    area: {
      pcode: governorate?.pcode ?? null,
      name: governorate ? { en: governorate.nameEn, ar: governorate.nameAr } : null,
      bbox,
      outline: governorate?.area ?? null,
      polygon,
      drawn: polygon ? describeDrawn(polygon) : null,
    },
    dates,
    violations: {
      ...compare(tally.days),
      byArea: byArea.sort(byDay),
      byViolator: byViolator.sort(byDay),
    },
    incidents: {
      total,
      notable,
      points: dayIncidents.slice(0, MAP_POINTS).map((i) => ({ id: i.id, lon: i.lon, lat: i.lat, rank: i.rank })),
    },
    alerts: { conflicts, escalations },
    convoys: {
      planned: convoyLines.filter((c) => c.windowFrom < end && c.windowTo > start),
      delivered: convoyLines.filter((c) => c.deliveredAt !== null),
    },
    calm: await calmOn(sql, zone, date, names),
  };
}

/** A drawn area for people: its size and the named place around a point inside it. */
function describeDrawn(polygon: Polygon): DrawnArea {
  const [lon, lat] = pointOnSurface(polygon);
  const where = whereIs(lon, lat);
  return {
    km2: ringAreaKm2(polygon.coordinates[0]!),
    place: where.place ? { en: where.place.nameEn, ar: where.place.nameAr } : null,
    governorate: where.governorate ? { en: where.governorate.nameEn, ar: where.governorate.nameAr } : null,
  };
}

const boxArea = (b: BBox): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[2], b[3]],
      [b[0], b[3]],
      [b[0], b[1]],
    ],
  ],
});

function intersect(a: BBox | null, b: BBox | null): BBox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/**
 * The days of calm ending on the report's day, by the state page's rule (domain/calm.ts): the
 * default calm setting's agreement, its threshold, the days it is in force. Counted back a month
 * at a time while every day is calm (calm days hold few violations, so each month read is small),
 * from the setting's own period when it has one, at most CALM_LOOKBACK_DAYS.
 */
async function calmOn(sql: Sql, zone: DayZone, date: string, names: day.Names): Promise<DailyReport['calm']> {
  const setting = (await settings.listCalm(sql)).find((s) => s.isDefault);
  const agreement = setting && (await agreements.get(sql, setting.agreement));
  if (!setting || !agreement) return null;
  const first =
    setting.period && setting.period.from > addDays(date, -CALM_LOOKBACK_DAYS)
      ? setting.period.from
      : addDays(date, -CALM_LOOKBACK_DAYS + 1);
  const rule = { thresholdPerDay: setting.thresholdPerDay, inForce: agreement.inForce };
  let streak = 0;
  let today: { violations: number; calm: boolean; inForce: boolean } | null = null;
  let to = date;
  let broken = false;
  while (!broken && to >= first) {
    const from = addDays(to, -CALM_CHUNK_DAYS + 1) < first ? first : addDays(to, -CALM_CHUNK_DAYS + 1);
    const perDay = violationsPerDate(
      setting.agreement,
      zone,
      (await findings.violationsDuring(sql, zone.startOf(from), zone.startOf(nextDate(to)), setting.agreement)).map(
        (v) => ({ ...v, verdict: 'violation' }),
      ),
    );
    const days = judgeDays(rule, zone, datesBetween(from, to), perDay);
    today ??= days[days.length - 1]!;
    for (let i = days.length - 1; i >= 0; i--) {
      if (!days[i]!.calm) {
        broken = true;
        break;
      }
      streak++;
    }
    to = addDays(from, -1);
  }
  const name = names.agreements.get(setting.agreement) ?? { en: setting.agreement, ar: null };
  return {
    agreement: name,
    streak,
    atLeast: !broken && first !== setting.period?.from,
    daysRequired: setting.daysRequired,
    thresholdPerDay: setting.thresholdPerDay,
    violations: today?.violations ?? 0,
    calm: today?.calm ?? false,
    inForce: today?.inForce ?? false,
  };
}
