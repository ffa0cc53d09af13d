/**
 * Imports (docs/imports.md): a file (incidents, GeoJSON zones or sites, a bundle) sent as it is to POST /api/v1/imports, first as a dry run (its
 * report, or every bad row), then for real, reading the lines of progress the server streams
 * (application/x-ndjson) as the batches are written. The file goes as the body, not as JSON, so
 * this calls fetch itself, with the session's CSRF token as the typed client would.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Classification } from '../../../../src/contract/access.ts';
import { IMPORT_PROGRESS_TYPE, type ImportFormat } from '../../../../src/contract/imports.ts';
import { ApiError, csrfHeader, type Schemas } from '../../api/client.ts';

export type ImportReport = Schemas['ImportReport'];

export interface ImportRequest {
  file: File;
  format: ImportFormat;
  classification: Classification;
  /** GeoJSON: repair what can be repaired rather than refuse the file. */
  repair: boolean;
}

export interface ImportProgress {
  written: number;
  total: number;
}

const url = (r: ImportRequest, dryRun: boolean) =>
  `/api/v1/imports?format=${r.format}&classification=${r.classification}${dryRun ? '&dry_run=true' : ''}${r.repair ? '&repair=true' : ''}`;

async function send(r: ImportRequest, dryRun: boolean, accept: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url(r, dryRun), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/octet-stream', accept, ...csrfHeader() },
      body: r.file,
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  return res;
}

export function useDryRun() {
  return useMutation({
    mutationFn: async (r: ImportRequest): Promise<ImportReport> =>
      (await (await send(r, true, 'application/json')).json()) as ImportReport,
  });
}

/** The import itself: `onProgress` hears each line of progress; the report comes last. */
export function useImport(onProgress: (p: ImportProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (r: ImportRequest): Promise<ImportReport> => {
      const res = await send(r, false, IMPORT_PROGRESS_TYPE);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        buffered += value ?? '';
        const lines = buffered.split('\n');
        buffered = done ? '' : lines.pop()!;
        for (const text of lines) {
          if (text.trim() === '') continue;
          const line = JSON.parse(text) as {
            progress?: { rows_written: number; rows_total: number };
            report?: ImportReport;
            error?: { code: string; message: string };
          };
          if (line.progress) onProgress({ written: line.progress.rows_written, total: line.progress.rows_total });
          if (line.report) return line.report;
          if (line.error) throw new ApiError(500, line.error);
        }
        if (done) throw new ApiError(0, { code: 'NETWORK', message: 'the import was cut off' });
      }
    },
    onSettled: () => client.invalidateQueries(),
  });
}
