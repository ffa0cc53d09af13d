/** Imports' query and report (docs/imports.md). */
import { z } from 'zod';
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { IMPORT_FORMATS } from '../../contract/imports.ts';
import { VERDICTS } from '../../domain/findings.ts';
import type { ImportReport } from '../../app/imports/import-file.ts';
import { booleanQuery } from '../schemas.ts';

export const importQuery = z.object({
  format: z.enum(IMPORT_FORMATS).describe('ucdp: UCDP GED CSV; acled: ACLED CSV; hxl: HXL-tagged CSV of incidents'),
  classification: z
    .enum(CLASSIFICATIONS)
    .default('org')
    .describe("the new incidents' classification (default org: your organization's only)"),
  dry_run: booleanQuery.describe('true: read and check the file, tell what it would change, write nothing'),
});

const rowNote = z.object({ line: z.number().int(), path: z.string(), message: z.string() });

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
    skipped: z.number().int().describe("rows left out on purpose (ACLED's protests and riots)"),
    notes: z.array(rowNote).describe('rows kept with a remark, and rows left out, with why (the first 100)'),
    actors_new: z.array(z.string()).describe('ids of the actors the import adds'),
    findings: z
      .object({ total: z.number().int(), ...Object.fromEntries(VERDICTS.map((v) => [v, z.number().int()])) })
      .describe('the findings of the new incidents under the agreements stored, by verdict'),
    written: z.boolean().describe('whether anything was written'),
  })
  .meta({ id: 'ImportReport' });

export const importReportJson = (r: ImportReport): z.infer<typeof importReportSchema> => ({
  format: r.format,
  dry_run: r.dryRun,
  classification: r.classification,
  rows: r.rows,
  incidents: r.incidents,
  skipped: r.skipped,
  notes: r.notes,
  actors_new: r.actorsNew,
  findings: r.findings,
  written: r.written,
});
