/**
 * POST /imports: a file of incidents sent as the request's body (any media type; read as bytes),
 * kept in a temporary file while it is checked and written, so that it is read twice in constant
 * memory; refused past the size limit (413). With `Accept: application/x-ndjson` an import (not a
 * dry run) answers once the file has passed its check, with lines of progress as it is written,
 * then the report (docs/imports.md).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller, requirePermission } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { importFile, type ImportReport } from '../../app/imports/import-file.ts';
import { IMPORT_MAX_BYTES, IMPORT_PERMISSIONS, IMPORT_PROGRESS_TYPE, type ImportLine } from '../../contract/imports.ts';
import { statement } from '../../domain/statements.ts';
import { toErrorBody } from '../errors.ts';
import { errorResponses } from '../schemas.ts';
import { importQuery, importReportJson, importReportSchema } from './imports.schemas.ts';

export const importsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; maxBytes?: number }> = async (
  app,
  { ctx, maxBytes = IMPORT_MAX_BYTES },
) => {
  // The body is the file as it comes, whatever its media type: read here, never parsed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      schema: {
        operationId: 'importFile',
        tags: ['imports'],
        summary:
          'Import a file sent as the body: incidents (UCDP GED, ACLED or HXL CSV), zones or protected sites (GeoJSON), or a scenario bundle; all or nothing, every bad row named by its line and column (a feature by its index and path); dry_run=true tells what it would change and writes nothing; repair=true repairs what it can of a GeoJSON area (docs/imports.md)',
        querystring: importQuery,
        response: { 200: importReportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      // The permissions of entering the same records by hand (contract/imports.ts), before the body is read.
      let caller = requireCaller(request.caller);
      for (const p of IMPORT_PERMISSIONS[q.format]) caller = requirePermission(caller, p);
      const body = request.body as Readable | undefined;
      if (!body || typeof (body as Partial<Readable>).pipe !== 'function')
        throw new AppError('VALIDATION', 'send the file as the request body', 'body');
      const dir = await mkdtemp(join(tmpdir(), 'truce-import-'));
      const file = join(dir, 'upload');
      try {
        const size = await spool(body, file, maxBytes);
        if (size === 0) throw new AppError('VALIDATION', 'the file is empty', 'body');
        const input = {
          format: q.format,
          classification: q.classification,
          dryRun: q.dry_run === 'true',
          repair: q.repair === 'true',
          open: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
        };
        const streamed = !input.dryRun && (request.headers.accept ?? '').includes(IMPORT_PROGRESS_TYPE);
        if (!streamed) return importReportJson(await importFile(ctx, caller, input));
        return await streamImport(reply, (onProgress) => importFile(ctx, caller, input, onProgress));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};

/** The body into a file, refused (413) past `maxBytes`; its size. */
async function spool(body: Readable, file: string, maxBytes: number): Promise<number> {
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes)
        done(
          new AppError(
            'PAYLOAD_TOO_LARGE',
            `the file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`,
            'body',
            statement('error.too_large'),
          ),
        );
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(file));
  } catch (e) {
    body.resume(); // let the rest of the upload drain, so that the answer reaches the client
    throw e;
  }
  return size;
}

type Run = (onProgress: (p: { rowsWritten: number; rowsTotal: number }) => void) => Promise<ImportReport>;

/**
 * The answer as lines of progress, from the moment the file has passed its check (until then a
 * refusal is an ordinary 4xx); a failure after that is the last line.
 */
async function streamImport(reply: FastifyReply, run: Run): Promise<FastifyReply> {
  let out: PassThrough | null = null;
  const open = () => (out ??= new PassThrough());
  let checked!: () => void;
  const started = new Promise<void>((resolve) => (checked = resolve));
  const running = run((p) => {
    open().write(
      `${JSON.stringify({ progress: { rows_written: p.rowsWritten, rows_total: p.rowsTotal } } satisfies ImportLine)}\n`,
    );
    checked();
  });
  const done = running.then(
    (report) => void open().end(`${JSON.stringify({ report: importReportJson(report) } satisfies ImportLine)}\n`),
    (e: unknown) => {
      if (!out) throw e; // refused before writing began: an ordinary error answer
      const { body } = toErrorBody(e);
      out.end(`${JSON.stringify({ error: { code: body.code, message: body.message } } satisfies ImportLine)}\n`);
    },
  );
  await Promise.race([started, done]);
  void reply.type(IMPORT_PROGRESS_TYPE).send(open() as never);
  // The temporary file stays until the run has read it through.
  await done;
  return reply;
}
