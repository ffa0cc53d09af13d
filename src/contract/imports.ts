/**
 * Imports over HTTP (docs/imports.md): the formats a file may come in, the permission each needs,
 * and the lines of progress an import streams while it writes, which the web app's progress bar
 * reads.
 */
import type { Permission } from './access.ts';

/** Files of incidents: UCDP GED CSV, ACLED CSV, HXL-tagged CSV. */
export const INCIDENT_FORMATS = ['ucdp', 'acled', 'hxl'] as const;
export type IncidentFormat = (typeof INCIDENT_FORMATS)[number];

/**
 * Every format: the files of incidents, GeoJSON zones of control, GeoJSON protected sites, and
 * scenario bundles (`truce-scenario/1`, as the bundle export writes them).
 */
export const IMPORT_FORMATS = [...INCIDENT_FORMATS, 'geojson_zones', 'geojson_sites', 'bundle'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const isIncidentFormat = (f: ImportFormat): f is IncidentFormat =>
  (INCIDENT_FORMATS as readonly string[]).includes(f);

/** Whether a format is read as GeoJSON features (its problems are named by feature, not by line). */
export const isFeatureFormat = (f: ImportFormat): boolean => f === 'geojson_zones' || f === 'geojson_sites';

/** What importing a format needs: the permissions of the same records entered by hand. */
export const IMPORT_PERMISSIONS: Record<ImportFormat, readonly Permission[]> = {
  ucdp: ['incident:manage'],
  acled: ['incident:manage'],
  hxl: ['incident:manage'],
  geojson_zones: ['world:manage'],
  geojson_sites: ['plan:manage'],
  bundle: ['world:manage', 'incident:manage', 'plan:manage'],
};

/** The formats a caller holding these permissions may import, in the order of IMPORT_FORMATS. */
export function importFormatsFor(can: (permission: Permission) => boolean): ImportFormat[] {
  return IMPORT_FORMATS.filter((f) => IMPORT_PERMISSIONS[f].every(can));
}

/** The media type of a streamed import's answer: one JSON object a line. */
export const IMPORT_PROGRESS_TYPE = 'application/x-ndjson';

/** A line of a streamed import: how far the writing is, then the report (or what stopped it). */
export type ImportLine =
  | { progress: { rows_written: number; rows_total: number } }
  | { report: unknown }
  | { error: { code: string; message: string } };

/** The largest file an import takes, by default: 200 MiB (the UCDP Syria file is 11 MB). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
