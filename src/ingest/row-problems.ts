/**
 * What is wrong with a row of an imported file (UCDP GED, ACLED, HXL), said once as a statement
 * and rendered in English from it: the API keeps the English, the web app says it in the reader's
 * language (domain/statements.ts).
 */
import { renderEnglish, type Statement, type StatementCode, statement, type Term } from '../domain/statements.ts';

/**
 * A problem of a row: the column (as the file names it) and what is wrong with its value, in
 * English and as a statement for the reader's language.
 */
export interface FieldProblem {
  path: string;
  message: string;
  statement: Statement;
}

/** Row problems name no actor or agreement: their terms are texts and numbers. */
const NO_NAMES = { actor: (id: string) => id, agreement: (id: string) => id };

/** A problem of `path` said by a statement, with its English. */
export function problemOf(path: string, code: StatementCode, params: Record<string, Term> = {}): FieldProblem {
  const said = statement(code, params);
  return { path, message: renderEnglish(said, NO_NAMES), statement: said };
}

/**
 * A file that is not of its format (`not in the ACLED format: the header lacks event_id_cnty`): a
 * problem of `(file)`; `format` is its name (UCDP GED, ACLED, HXL), `missing` the columns it lacks.
 */
export const fileProblem = (code: StatementCode, format: string, missing: readonly string[] = []): FieldProblem =>
  problemOf('(file)', code, {
    format: { text: format },
    ...(missing.length > 0 ? { columns: { text: missing.join(', ') } } : {}),
  });

/** `latitude: must be between -90 and 90, not "123"`: a problem as the command line prints it. */
export const problemLine = (p: FieldProblem): string => `${p.path}: ${p.message}`;

/** The terms of a problem with a value: `{ value: { text } }` and numbers. */
export const valueTerms = (value: string | undefined, numbers: Record<string, number> = {}): Record<string, Term> => ({
  value: { text: value ?? '' },
  ...Object.fromEntries(Object.entries(numbers).map(([k, n]) => [k, { number: n }])),
});
