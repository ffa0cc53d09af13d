/** Imports' query and report (docs/imports.md). */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { IMPORT_FORMATS } from '../../contract/imports.ts';
import { VERDICTS } from '../../domain/findings.ts';
import type { ImportReport, RowProblem } from '../../app/imports/import-file.ts';
import { booleanQuery } from '../schemas.ts';
import { statementSchema } from '../statement-schemas.ts';

export const importQuery = z.object({
  format: z
    .enum(IMPORT_FORMATS)
    .describe(
      'ucdp: UCDP GED CSV; acled: ACLED CSV; hxl: HXL-tagged CSV of incidents; geojson_zones: a GeoJSON FeatureCollection of zones of control; geojson_sites: one of protected sites; bundle: a truce-scenario/1 bundle',
    ),
  classification: z
    .enum(CLASSIFICATIONS)
    .default('org')
    .describe("the new incidents' classification (default org: your organization's only)"),
  dry_run: booleanQuery.describe('true: read and check the file, tell what it would change, write nothing'),
  repair: booleanQuery.describe(
    'true (GeoJSON): close a ring that does not end where it starts and untangle one that crosses itself, rather than refuse the file; the report lists each repair',
  ),
});

const rowNote = z.object({ line: z.number().int(), path: z.string(), message: z.string() });
const repairNote = rowNote.extend({
  statement: statementSchema.describe("the same, as a statement to render in the reader's language"),
});
const note = (n: RowProblem) => ({ line: n.line, path: n.path, message: n.message });

export const importReportSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    dry_run: z.boolean(),
    classification: z.enum(CLASSIFICATIONS),
    rows: z.number().int().describe('data rows read'),
    incidents: z.object({
      new: z.number().int().describe('not stored yet: imported, or in a dry run would be'),
      unchanged: z.number().int().describe('stored already with the same facts'),
      differing: z
        .number()
        .int()
        .describe('stored already with other facts: kept as stored (an import never overwrites an incident)'),
    }),
    records: z
      .array(
        z.object({
          kind: z.enum(['actors', 'agreements', 'zones', 'protected_sites', 'operations', 'convoys']),
          new: z.number().int(),
          unchanged: z.number().int(),
          differing: z.number().int(),
        }),
      )
      .describe('records other than incidents, by kind: new, stored already the same, stored already otherwise (kept)'),
    skipped: z.number().int().describe("rows left out on purpose (ACLED's protests and riots)"),
    notes: z.array(rowNote).describe('rows kept with a remark, and rows left out, with why (the first 100)'),
    repaired: z
      .array(repairNote)
      .describe('what was repaired, or in a dry run would be (repair=true): feature index, path, what (the first 100)'),
    actors_new: z.array(z.string()).describe('ids of the actors the import adds'),
    findings: z
      .object({ total: z.number().int(), ...Object.fromEntries(VERDICTS.map((v) => [v, z.number().int()])) })
      .describe('the findings of the new incidents under the agreements stored, by verdict'),
    findings_changed: z
      .number()
      .int()
      .describe('findings stored already that the import judged again and changed (zones, bundles)'),
    written: z.boolean().describe('whether anything was written'),
  })
  .meta({ id: 'ImportReport' });

export const importReportJson = (r: ImportReport): z.infer<typeof importReportSchema> => ({
  format: r.format,
  dry_run: r.dryRun,
  classification: r.classification,
  rows: r.rows,
  incidents: r.incidents,
  records: r.records,
  skipped: r.skipped,
  notes: r.notes.map(note),
  repaired: r.repaired.map((n) => ({ ...note(n), statement: n.statement })),
  actors_new: r.actorsNew,
  findings: r.findings,
  findings_changed: r.findingsChanged,
  written: r.written,
});
