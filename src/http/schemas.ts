/**
 * Schemas shared by the routes: errors, ids, pages and cursors, query parameters (instants, dates,
 * boxes, booleans), and the parts records share in responses. They feed both validation and OpenAPI.
 */
import { CLASSIFICATIONS } from '../contract/access.ts';
import { COUNT_UP_TO, type Cursor, type Page, type PageRequest } from '../contract/paging.ts';
import { z } from 'zod';
import { AppError } from '../app/errors.ts';
import { adminAreaByPcode } from '../app/map/admin-areas.ts';
import { whereView } from '../app/map/where.ts';
import type { Area, BBox } from '../domain/geo.ts';
import { type Instant, parseInstant } from '../domain/time.ts';
import { instantSchema } from '../scenario/bundle.schema.ts';
import { statementSchema } from './statement-schemas.ts';
import { hostileInput } from './validation.ts';

export const errorSchema = z
  .object({
    code: z
      .string()
      .describe(
        'the kind of error: VALIDATION, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, CSRF, CONFLICT, RATE_LIMITED, UNAVAILABLE (503: the database is away, try again), DISK_FULL (507: nothing was written, reads work), ...',
      ),
    message: z.string().describe('what went wrong, in English'),
    statement: statementSchema.describe("the same, as a statement to render in the reader's language"),
    path: z.string().optional().describe('the field at fault'),
    problems: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          statement: statementSchema.optional(),
          line: z.number().int().optional().describe('in an imported file, the line of the row at fault'),
        }),
      )
      .optional()
      .describe('every problem of a request that failed validation, field by field (of an import: row by row)'),
  })
  .meta({ id: 'Error' });

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  413: errorSchema,
  503: errorSchema,
  507: errorSchema,
} as const;

export const idParams = z.object({ id: z.string().min(1).max(200) });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500').default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

/** How many records match a list's filters: exactly, up to a bound (contract/paging.ts). */
export const countOut = z.object({
  count: z.number().int(),
  more: z
    .boolean()
    .describe(
      `true: more than \`count\` match (counts stop at ${COUNT_UP_TO.toLocaleString('en')}; narrow the filters to count them)`,
    ),
});

/** An opaque cursor: the sort key and id of the last item of a page. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number | null)[] | null {
  if (cursor === undefined) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) return values as (string | number | null)[];
  } catch {
    // fall through
  }
  return null;
}

/** A file's name as a user's upload gives it: no path and no control characters. */
export const fileNameIn = z
  .string()
  .min(1, 'must not be empty')
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, 'must be a plain file name (no / \\ or control characters)');

export const classificationOut = z.enum(CLASSIFICATIONS);
/** A record's name or title in Arabic beside its English one. */
export const arabicNameOut = (of: string) =>
  z.string().nullable().describe(`The ${of} in Arabic; null: none (the English one serves)`);
export const classified = { classification: classificationOut, owner_org: z.string().nullable() };
export const instantOut = z.string().describe('ISO 8601 with offset');
export const intervalOut = z.object({ from: instantOut, to: instantOut.nullable() });
/** A party of an agreement: when it accepted, through which channel, with what caveats, and any withdrawal. */
export const partyOut = z.object({
  actor: z.string(),
  accepted_at: instantOut,
  until: instantOut.nullable(),
  channel: z.string().nullable(),
  caveats: z.array(z.string()),
});
export const geometryOut = z
  .object({
    type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']),
    coordinates: z.array(z.unknown()),
  })
  .meta({ id: 'Geometry', description: 'A GeoJSON geometry (RFC 7946), [lon, lat] positions' });

/** An instant in a query string (`+` in an offset must be sent as %2B). */
export const instantQuery = instantSchema.optional();
export const toInstant = (text: string | undefined): Instant | undefined =>
  text === undefined ? undefined : parseInstant(text)!;

/** A calendar date: 2016-02-30 or 2016-13-45 has the form but is no day (and used to reach the database). */
export const dateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(s);
  }, 'must be a date YYYY-MM-DD that exists')
  .optional();

const BBOX = /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/;
/** `minLon,minLat,maxLon,maxLat`. */
export const bboxQuery = z
  .string()
  .regex(BBOX, 'must be minLon,minLat,maxLon,maxLat')
  .refine((s) => {
    const [x1, y1, x2, y2] = s.split(',').map(Number) as BBox;
    return x1 >= -180 && x2 <= 180 && y1 >= -90 && y2 <= 90 && x1 <= x2 && y1 <= y2;
  }, 'must be minLon,minLat,maxLon,maxLat within -180..180 and -90..90, min before max')
  .optional();
export const toBBox = (text: string | undefined): BBox | undefined =>
  text === undefined ? undefined : (text.split(',').map(Number) as BBox);

export const booleanQuery = z.enum(['true', 'false']).optional();
export const toBoolean = (text: 'true' | 'false' | undefined): boolean | undefined =>
  text === undefined ? undefined : text === 'true';

/** `?dry_run=true` on a change to the world: what it would do to the findings, then rolled back. */
export const dryRunQuery = z.object({
  dry_run: booleanQuery.describe('true: check the change and judge the findings it affects, then save nothing'),
});
export const dryRunOf = (q: { dry_run?: 'true' | 'false' | undefined }) => ({ dryRun: q.dry_run === 'true' });
/** A dry run answers 200 (nothing was created); the change itself, `created`. */
export const writtenStatus = (w: { dryRun: boolean }, created: 200 | 201) => (w.dryRun ? 200 : created);

/** What a cursor holds at each place: an id or name, an instant (ISO, as the API wrote it), a count, or a place in a write order. */
export type CursorPart = 'text' | 'instant' | 'count' | 'sequence';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const fits: Record<CursorPart, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 500 && hostileInput(v) === null,
  instant: (v) => typeof v === 'string' && ISO_INSTANT.test(v) && Number.isFinite(Date.parse(v)),
  // The counts sorted on are deaths (an integer column; -1 stands for unknown).
  count: (v) => Number.isSafeInteger(v) && (v as number) >= -1 && (v as number) <= 2_147_483_647,
  // An audit entry's seq (bigserial).
  sequence: (v) => Number.isSafeInteger(v) && (v as number) >= 1,
};

/**
 * The page asked for. `cursor` must be one this API gave for this list: as many values as
 * `parts` (a number: that many texts), each of its kind. A forged one (a boolean, an object,
 * 1e308, a time that is no time) is the client's mistake, named as such, never a database error.
 */
export function pageRequest(
  query: { limit: number; cursor?: string | undefined },
  parts: number | readonly CursorPart[],
): PageRequest {
  const kinds: readonly CursorPart[] = typeof parts === 'number' ? Array<CursorPart>(parts).fill('text') : parts;
  const after = decodeCursor(query.cursor, kinds.length);
  if (query.cursor === undefined) return { limit: query.limit, after: null };
  if (after === null || !after.every((v, i) => fits[kinds[i]!](v))) {
    const other =
      after?.length === 2 &&
      kinds[0] !== 'text' &&
      fits[kinds[0] === 'count' ? 'instant' : 'count'](after[0]) &&
      fits.text(after[1]);
    const message = other ? 'belongs to another sort order' : 'is not a cursor this API gave';
    throw new AppError('VALIDATION', `querystring.cursor: ${message}`, 'querystring.cursor');
  }
  return { limit: query.limit, after: after as Cursor };
}

export function pageResponse<T, V>(page: Page<T>, view: (item: T) => V): { items: V[]; next_cursor: string | null } {
  return { items: page.items.map(view), next_cursor: page.next === null ? null : encodeCursor(page.next) };
}

const findingChangesOut = z.object({
  inserted: z.number(),
  updated: z.number(),
  withdrawn: z.number(),
  unchanged: z.number(),
  verdicts_changed: z.number().describe('findings whose verdict is new, another, or gone'),
});

export const recomputedOut = z
  .object({
    incidents: findingChangesOut,
    territory: findingChangesOut,
  })
  .nullable()
  .describe('What the change did to the findings: judged again in the same transaction')
  .meta({ id: 'Recomputed' });

type Changes = { inserted: number; updated: number; withdrawn: number; unchanged: number; verdictsChanged: number };
const changesJson = (c: Changes) => ({
  inserted: c.inserted,
  updated: c.updated,
  withdrawn: c.withdrawn,
  unchanged: c.unchanged,
  verdicts_changed: c.verdictsChanged,
});
export const recomputedJson = (r: { incidents: Changes; territory: Changes } | null): z.infer<typeof recomputedOut> =>
  r && { incidents: changesJson(r.incidents), territory: changesJson(r.territory) };

const areaNameOut = z.object({ pcode: z.string(), name_en: z.string(), name_ar: z.string() });

/** Where a point is, for people: the nearest town within 25 km, and the district and governorate. */
export const whereOut = z
  .object({
    place: z
      .object({ name_en: z.string(), name_ar: z.string().nullable(), distance_m: z.number().int() })
      .nullable()
      .describe('the nearest populated place within 25 km (GeoNames), and how far'),
    district: areaNameOut.nullable().describe('the OCHA admin 2 area'),
    governorate: areaNameOut.nullable().describe('the OCHA admin 1 area'),
  })
  .meta({ id: 'Where' });

export const whereJson = ({ lon, lat }: { lon: number; lat: number }): z.infer<typeof whereOut> => whereView(lon, lat);

export const adminQuery = z
  .string()
  .min(1)
  .max(20)
  .optional()
  .describe('inside this governorate or district (OCHA admin 1 or 2 pcode, such as SY02 or SY0200)');

/** The boundary of a governorate or district, by its pcode; an unknown one is refused naming the field. */
export function adminAreaOf(pcode: string): Area {
  const found = adminAreaByPcode(pcode);
  if (!found)
    throw new AppError(
      'VALIDATION',
      `querystring.admin: no governorate or district has the pcode "${pcode}"`,
      'querystring.admin',
    );
  return found.area;
}
