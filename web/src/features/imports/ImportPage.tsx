/**
 * Importing a file: incidents (UCDP GED, ACLED or HXL CSV), zones of control or protected sites
 * (GeoJSON), or a scenario bundle. Choose the file, its format and the classification of what it
 * brings (and, for GeoJSON, whether to repair what can be repaired); check it first (a dry run: what
 * it would add, what is there already, the findings it would make or change, what it would repair,
 * or every bad row by its line and column, every bad feature by its index and path, and then nothing
 * is imported), then import it with a progress bar as its batches are written.
 */
import { type FormEvent, useState } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../../src/contract/access.ts';
import {
  importFormatsFor,
  type ImportFormat,
  isFeatureFormat,
  isIncidentFormat,
} from '../../../../src/contract/imports.ts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { Field, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ImportProgress, type ImportReport, type ImportRequest, useDryRun, useImport } from './queries.ts';

export function ImportPage() {
  const { t, nameOf } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { can } = useSession();
  // Only the formats the reader may import are offered (a humanitarian: protected sites).
  const formats = importFormatsFor(can);
  const [format, setFormat] = useState<ImportFormat>(formats[0]!);
  const [classification, setClassification] = useState<Classification>('org');
  const [repair, setRepair] = useState(false);
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
    const request = { file, format, classification, repair: isFeatureFormat(format) && repair };
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
            accept=".csv,.json,.geojson,text/csv,application/json,application/geo+json"
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
              {formats.map((f) => (
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
        {isFeatureFormat(format) && (
          <div className="import-repair">
            <label className="check">
              <input
                id="import-repair"
                type="checkbox"
                checked={repair}
                aria-describedby="import-repair-help"
                onChange={(e) => {
                  setRepair(e.target.checked);
                  changed();
                }}
              />
              <span>{t('imports.repair')}</span>
            </label>
            <p id="import-repair-help" className="muted">
              {t('imports.repair.help')}
            </p>
          </div>
        )}
        <div className="form-actions">
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

      {dryRun.error && <Refused error={dryRun.error} format={format} />}
      {dryRun.data && !run.isSuccess && <Report report={dryRun.data} />}
      {(run.isPending || run.isSuccess) && progress && <Progress progress={progress} />}
      {run.error && <Refused error={run.error} format={format} />}
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

/** What the dry run found (or the import did): counts, the findings, the records by kind, repairs and remarks. */
function Report({ report }: { report: ImportReport }) {
  const { t, number, nameOf } = useI18n();
  const { say } = useStatements();
  const incidentFile = isIncidentFormat(report.format);
  const rows: [string, number][] = incidentFile
    ? [
        [t('imports.report.rows'), report.rows],
        [t(report.written ? 'imports.report.added' : 'imports.report.new'), report.incidents.new],
        [t('imports.report.unchanged'), report.incidents.unchanged],
        [t('imports.report.differing'), report.incidents.differing],
        [t('imports.report.skipped'), report.skipped],
        [t('imports.report.actors'), report.actors_new.length],
        [t('imports.report.findings'), report.findings.total],
        [nameOf.verdicts('violation'), (report.findings as Record<string, number>).violation ?? 0],
      ]
    : [
        [t(isFeatureFormat(report.format) ? 'imports.report.features' : 'imports.report.records'), report.rows],
        [t('imports.report.findings_changed'), report.findings_changed],
      ];
  // A bundle's incidents are counted with its other records.
  const kinds = [
    ...(report.format === 'bundle' ? [{ kind: 'incidents' as const, ...report.incidents }] : []),
    ...report.records,
  ];
  const differing = report.incidents.differing + report.records.reduce((n, r) => n + r.differing, 0);
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
      {kinds.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="import-records">
            <thead>
              <tr>
                <th scope="col">{t('imports.records.kind')}</th>
                <th scope="col">{t('imports.records.new')}</th>
                <th scope="col">{t('imports.records.unchanged')}</th>
                <th scope="col">{t('imports.records.differing')}</th>
              </tr>
            </thead>
            <tbody>
              {kinds.map((r) => (
                <tr key={r.kind} data-kind={r.kind}>
                  <th scope="row" data-label={t('imports.records.kind')}>
                    {t(`imports.kind.${r.kind}`)}
                  </th>
                  <td data-label={t('imports.records.new')}>{number(r.new)}</td>
                  <td data-label={t('imports.records.unchanged')}>{number(r.unchanged)}</td>
                  <td data-label={t('imports.records.differing')}>{number(r.differing)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {differing > 0 && (
        <p className="muted">{t(incidentFile ? 'imports.report.differing.help' : 'imports.records.help')}</p>
      )}
      {report.repaired.length > 0 && (
        <>
          <h3>{t(report.written ? 'imports.repaired' : 'imports.repaired.dry')}</h3>
          <RowTable
            format={report.format}
            testId="import-repaired"
            said="imports.repair.done"
            rows={report.repaired.map((r) => ({ line: r.line, path: r.path, message: say(r.statement) }))}
          />
        </>
      )}
      {report.notes.length > 0 && (
        <>
          <h3>{t('imports.notes')}</h3>
          <RowTable format={report.format} rows={report.notes} />
        </>
      )}
    </section>
  );
}

function Refused({ error, format }: { error: Error; format: ImportFormat }) {
  const { t, number } = useI18n();
  const { errorText, say } = useStatements();
  const problems = error instanceof ApiError ? error.problems.filter((p) => typeof p.line === 'number') : [];
  return (
    <section className="section notice notice-error" role="alert" data-testid="import-refused">
      <h2>{problems.length > 0 ? t('imports.refused', { n: number(problems.length) }) : errorText(error)}</h2>
      {problems.length > 0 && (
        // Each row's problem in the reader's language (its statement), the English as it came else.
        <RowTable
          format={format}
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

/** Rows of a file by line and column, features by index and path, a bundle's records by path. */
function RowTable({
  rows,
  format,
  testId = 'import-rows',
  said = 'imports.problem',
}: {
  rows: { line: number; path: string; message: string }[];
  format: ImportFormat;
  testId?: string;
  /** The heading of what is said of each row: its problem, or what was repaired. */
  said?: 'imports.problem' | 'imports.repair.done';
}) {
  const { t, number } = useI18n();
  const [first, second] = isIncidentFormat(format)
    ? [t('imports.line'), t('imports.column')]
    : [t(isFeatureFormat(format) ? 'imports.feature' : 'imports.record'), t('imports.path')];
  return (
    <div className="table-wrap">
      <table className="table table-cards" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{second}</th>
            <th scope="col">{t(said)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={`${r.line}-${r.path}-${i}`}>
              <td data-label={first}>{number(r.line)}</td>
              <td data-label={second}>
                <code dir="ltr">{r.path}</code>
              </td>
              <td data-label={t(said)} dir="auto">
                {r.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
