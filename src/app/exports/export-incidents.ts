/**
 * Exports of the incidents list (GET /incidents/export): the incidents the caller may see that
 * match the list's filters, in the list's order, as GeoJSON, newline-delimited GeoJSON, HXL CSV,
 * ACLED-style CSV or a scenario bundle. The answer is a stream of text: pages are read as they are
 * written (incident-pages.ts), so that memory stays the same for ten incidents or a million.
 */
import type { IncidentFilter, IncidentSort } from '../../contract/lists.ts';
import { worldDayZone } from '../../domain/time.ts';
import { ACLED_COLUMNS, acledValues } from '../../ingest/exports/acled-csv.ts';
import { BYTE_ORDER_MARK, CSV_MEDIA_TYPE, csvRecord } from '../../ingest/exports/csv-out.ts';
import type { ExportLanguage } from '../../ingest/exports/exported-incident.ts';
import {
  FEATURE_COLLECTION_HEAD,
  FEATURE_COLLECTION_TAIL,
  GEOJSON_MEDIA_TYPE,
  NDJSON_MEDIA_TYPE,
  incidentFeature,
} from '../../ingest/exports/geojson.ts';
import { hxlHeadings, hxlTags, hxlValues } from '../../ingest/exports/hxl-csv.ts';
import * as settings from '../../store/settings.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { bundleChunks } from './export-bundle.ts';
import { followingPages, readIncidentPage } from './incident-pages.ts';

export const EXPORT_FORMATS = ['geojson', 'ndjson', 'hxl', 'acled', 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  format: ExportFormat;
  filter: IncidentFilter;
  sort: IncidentSort;
  /** The language of names and headings (HXL CSV). */
  lang: ExportLanguage;
}

export interface ExportStream {
  mediaType: string;
  /** A file name for the download: `truce-incidents-2016-09-19.geojson`. */
  filename: string;
  chunks: AsyncIterable<string>;
}

const EXTENSIONS: Record<ExportFormat, string> = {
  geojson: 'geojson',
  ndjson: 'geojsonl',
  hxl: 'hxl.csv',
  acled: 'acled.csv',
  bundle: 'scenario.json',
};

const MEDIA_TYPES: Record<ExportFormat, string> = {
  geojson: GEOJSON_MEDIA_TYPE,
  ndjson: NDJSON_MEDIA_TYPE,
  hxl: CSV_MEDIA_TYPE,
  acled: CSV_MEDIA_TYPE,
  bundle: 'application/json; charset=utf-8',
};

/**
 * The local date of an ISO instant in the world's timezone, remembered per quarter hour (every
 * timezone's offset is a whole number of them, so the date cannot change within one).
 */
export function localDates(timezone: string): (iso: string) => string {
  const zone = worldDayZone(timezone);
  const known = new Map<number, string>();
  return (iso) => {
    const t = Date.parse(iso);
    const quarter = Math.floor(t / 900_000);
    let date = known.get(quarter);
    if (date === undefined) {
      date = zone.localDate(t);
      if (known.size >= 20_000) known.clear();
      known.set(quarter, date);
    }
    return date;
  };
}

export async function exportIncidents(
  ctx: AppContext,
  caller: Caller | null,
  request: ExportRequest,
): Promise<ExportStream> {
  const c = requireCaller(caller);
  const { format, filter, sort } = request;
  const filename = `truce-incidents-${new Date(ctx.now()).toISOString().slice(0, 10)}.${EXTENSIONS[format]}`;
  const mediaType = MEDIA_TYPES[format];
  if (format === 'bundle') return { mediaType, filename, chunks: await bundleChunks(ctx, c, filter, sort) };
  // The first page before the answer starts: a database that is away is a 503, not a cut stream.
  const first = await readIncidentPage(ctx, c, filter, sort, null);
  const pages = followingPages(ctx, c, filter, sort, first);
  const timezone =
    format === 'hxl' || format === 'acled' ? (await asReader(ctx.db, readerOf(c), settings.get)).timezone : 'Z';
  return { mediaType, filename, chunks: writer(format, pages, request.lang, localDates(timezone)) };
}

async function* writer(
  format: Exclude<ExportFormat, 'bundle'>,
  pages: AsyncIterable<Parameters<typeof incidentFeature>[0][]>,
  lang: ExportLanguage,
  localDate: (iso: string) => string,
): AsyncGenerator<string> {
  switch (format) {
    case 'geojson': {
      yield FEATURE_COLLECTION_HEAD;
      let first = true;
      for await (const page of pages)
        for (const slice of slices(page)) {
          yield (first ? '' : ',') + slice.map(incidentFeature).join(',');
          first = false;
        }
      yield FEATURE_COLLECTION_TAIL;
      return;
    }
    case 'ndjson':
      for await (const page of pages)
        for (const slice of slices(page)) yield `${slice.map(incidentFeature).join('\n')}\n`;
      return;
    case 'hxl': {
      yield BYTE_ORDER_MARK + csvRecord(hxlHeadings(lang)) + csvRecord(hxlTags());
      const context = { lang, localDate };
      for await (const page of pages)
        for (const slice of slices(page)) yield slice.map((i) => csvRecord(hxlValues(i, context))).join('');
      return;
    }
    case 'acled':
      yield csvRecord(ACLED_COLUMNS);
      for await (const page of pages)
        for (const slice of slices(page)) yield slice.map((i) => csvRecord(acledValues(i, localDate))).join('');
      return;
  }
}

/**
 * Rows written at a time: their text (some 40 KB of GeoJSON) dies young in V8's new space, where
 * a page's (some 450 KB) went to the large-object space and waited there, with the buffer it was
 * written from, for a full collection: the server's memory rose by some 50 MB during an export.
 */
const SLICE = 50;

function* slices<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let at = 0; at < rows.length; at += SLICE) yield rows.slice(at, at + SLICE);
}
