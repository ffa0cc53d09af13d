/**
 * Errors with stable codes. The core never speaks HTTP: the HTTP layer maps a code to a status
 * (src/http/errors.ts). Expected outcomes ("no violation") are values, not errors. Each error
 * also says what went wrong as a statement (src/domain/statements.ts), which the web app renders
 * in the reader's language; the message is its English.
 */
import { type RecordKind, recordNameEn, type Statement, statement } from '../domain/statements.ts';

export const ERROR_CODES = [
  'VALIDATION', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF', 'CONFLICT', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The JSON path of the field at fault, when one is. */
  readonly path: string | undefined;
  /** What went wrong, for the reader's language; by default the English message as it is. */
  readonly statement: Statement;

  constructor(code: ErrorCode, message: string, path?: string, said?: Statement) {
    super(message);
    this.code = code;
    this.path = path;
    this.statement = said ?? (path ? statement('problem.other', { text: { text: message } }) : statement('error.other', { text: { text: message } }));
  }
}

export const notFound = (what: RecordKind, id: string) =>
  new AppError('NOT_FOUND', `no ${recordNameEn(what)} "${id}"`, undefined, statement('error.not_found', { record: { record: what }, id: { text: id } }));
export const forbidden = (message = 'your role does not allow this') => new AppError('FORBIDDEN', message);
/** A role refused: the statement names the role. */
export const forbiddenRole = (role: string, message: string) =>
  new AppError('FORBIDDEN', message, undefined, statement('error.forbidden_role', { role: { role } }));
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, path);
export const exists = (what: RecordKind, id: string, path: string) =>
  new AppError('CONFLICT', `${recordNameEn(what)} "${id}" exists already`, path, statement('error.exists', { record: { record: what }, id: { text: id } }));
