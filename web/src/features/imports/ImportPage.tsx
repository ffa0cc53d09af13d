/**
 * Importing a file of incidents (UCDP GED, ACLED or HXL CSV): choose the file, its format and the
 * classification of what it brings; check it first (a dry run: what it would add, what is there
 * already, the findings it would make, or every bad row by its line and column, and then nothing
 * is imported), then import it with a progress bar as its batches are written.
 */
import { type FormEvent, useState } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../../src/contract/access.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../../../src/contract/imports.ts';
import { ApiError } from '../../api/client.ts';
import { Field, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ImportProgress, type ImportReport, type ImportRequest, useDryRun, useImport } from './queries.ts';

export function ImportPage() {
  const { t, nameOf } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('ucdp');
  const [classification, setClassification] = useState<Classification>('org');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const dryRun = useDryRun();
  const run = useImport(setProgress);
  // The import is offered for the file and choices the dry run passed, and once.
  const [checkedRequest, setCheckedRequest] = useState<ImportRequest | null>(null);

  const changed = () => {
    dryRun.reset();
    run.reset();
    setProgress(null);
    setCheckedRequest(null);
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const request = { file, format, classification };
    run.reset();
    setProgress(null);
    setCheckedRequest(request);
    dryRun.mutate(request);
  };
  const ready = dryRun.isSuccess && checkedRequest !== null;

  return (
    <div className="page import-page">
      <PageHeader title={t('imports.title')} />
      <p className="muted">{t('imports.intro')}</p>
      <form className="form" onSubmit={check} data-testid="import-form">
        <Field label={t('imports.file')} htmlFor="import-file" help={t('imports.file.help')}>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              changed();
            }}
          />
        </Field>
        <div className="field-row">
          <Field label={t('imports.format')} htmlFor="import-format">
            <select
              id="import-format"
              value={format}
              onChange={(e) => {
                setFormat(e.target.value as ImportFormat);
                changed();
              }}
            >
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`imports.format.${f}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('imports.classification')}
            htmlFor="import-classification"
            help={t('imports.classification.help')}
          >
            <select
              id="import-classification"
              value={classification}
              onChange={(e) => {
                setClassification(e.target.value as Classification);
                changed();
              }}
            >
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {nameOf.classifications(c)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="btn" disabled={!file || dryRun.isPending || run.isPending}>
            {dryRun.isPending ? t('imports.checking') : t('imports.check')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="import-run"
            disabled={!ready || run.isPending || run.isSuccess}
            onClick={() => checkedRequest && run.mutate(checkedRequest)}
          >
            {run.isPending ? t('imports.importing') : t('imports.run')}
          </button>
        </div>
      </form>

      {dryRun.error && <Refused error={dryRun.error} />}
      {dryRun.data && !run.isSuccess && <Report report={dryRun.data} />}
      {(run.isPending || run.isSuccess) && progress && <Progress progress={progress} />}
      {run.error && <Refused error={run.error} />}
      {run.data && <Report report={run.data} />}
    </div>
  );
}

function Progress({ progress }: { progress: ImportProgress }) {
  const { t, number } = useI18n();
  const text = t('imports.progress', { written: number(progress.written), total: number(progress.total) });
  return (
    <section className="section" data-testid="import-progress">
      <progress
        className="import-progress"
        max={Math.max(progress.total, 1)}
        value={progress.written}
        aria-label={t('imports.progress.label')}
        aria-valuetext={text}
      />
      <p className="muted">{text}</p>
    </section>
  );
}

/** What the dry run found (or the import did): counts, the findings, and the rows with a remark. */
function Report({ report }: { report: ImportReport }) {
  const { t, number, nameOf } = useI18n();
  const rows: [string, number][] = [
    [t('imports.report.rows'), report.rows],
    [t(report.written ? 'imports.report.added' : 'imports.report.new'), report.incidents.new],
    [t('imports.report.unchanged'), report.incidents.unchanged],
    [t('imports.report.differing'), report.incidents.differing],
    [t('imports.report.skipped'), report.skipped],
    [t('imports.report.actors'), report.actors_new.length],
    [t('imports.report.findings'), report.findings.total],
    [nameOf.verdicts('violation'), (report.findings as Record<string, number>).violation ?? 0],
  ];
  return (
    <section className={`section notice ${report.written ? 'notice-success' : ''}`} data-testid="import-report">
      <h2>{t(report.written ? 'imports.report.done' : 'imports.report.dry')}</h2>
      <dl className="import-counts">
        {rows.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{number(n)}</dd>
          </div>
        ))}
      </dl>
      {report.incidents.differing > 0 && <p className="muted">{t('imports.report.differing.help')}</p>}
      {report.notes.length > 0 && (
        <>
          <h3>{t('imports.notes')}</h3>
          <RowTable rows={report.notes} />
        </>
      )}
    </section>
  );
}

function Refused({ error }: { error: Error }) {
  const { t, number } = useI18n();
  const { errorText, say } = useStatements();
  const problems = error instanceof ApiError ? error.problems.filter((p) => typeof p.line === 'number') : [];
  return (
    <section className="section notice notice-error" role="alert" data-testid="import-refused">
      <h2>{problems.length > 0 ? t('imports.refused', { n: number(problems.length) }) : errorText(error)}</h2>
      {problems.length > 0 && (
        // Each row's problem in the reader's language (its statement), the English as it came else.
        <RowTable
          rows={problems.map((p) => ({
            line: p.line!,
            path: p.path,
            message: p.statement ? say(p.statement) : p.message,
          }))}
        />
      )}
    </section>
  );
}

function RowTable({ rows }: { rows: { line: number; path: string; message: string }[] }) {
  const { t, number } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table-cards" data-testid="import-rows">
        <thead>
          <tr>
            <th scope="col">{t('imports.line')}</th>
            <th scope="col">{t('imports.column')}</th>
            <th scope="col">{t('imports.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.line}-${r.path}-${i}`}>
              <td data-label={t('imports.line')}>{number(r.line)}</td>
              <td data-label={t('imports.column')}>
                <code dir="ltr">{r.path}</code>
              </td>
              <td data-label={t('imports.problem')} dir="auto">
                {r.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
