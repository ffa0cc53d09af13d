/**
 * Errors with stable codes. The core never speaks HTTP: the HTTP layer maps a code to a status
 * (src/http/errors.ts). Expected outcomes ("no violation") are values, not errors. Each error
 * also says what went wrong as a statement (src/domain/statements.ts), which the web app renders
 * in the reader's language; the message is its English.
 */
import { type RecordKind, recordNameEn, type Statement, statement } from '../domain/statements.ts';
import { databaseFault } from '../store/faults.ts';

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'DISK_FULL',
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
    this.statement =
      said ??
      (path
        ? statement('problem.other', { text: { text: message } })
        : statement('error.other', { text: { text: message } }));
  }
}

export const notFound = (what: RecordKind, id: string) =>
  new AppError(
    'NOT_FOUND',
    `no ${recordNameEn(what)} "${id}"`,
    undefined,
    statement('error.not_found', { record: { record: what }, id: { text: id } }),
  );
export const forbidden = (message = 'your role does not allow this') => new AppError('FORBIDDEN', message);
/** A role refused: the statement names the role. */
export const forbiddenRole = (role: string, message: string) =>
  new AppError('FORBIDDEN', message, undefined, statement('error.forbidden_role', { role: { role } }));
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, path);
export const exists = (what: RecordKind, id: string, path: string) =>
  new AppError(
    'CONFLICT',
    `${recordNameEn(what)} "${id}" exists already`,
    path,
    statement('error.exists', { record: { record: what }, id: { text: id } }),
  );

/**
 * A fault of the database rather than of the request (store/faults.ts), as the error to answer:
 * the database is away (a restart, a failover) or its disk is full. Both pass by themselves, so
 * the message says to try again; nothing was written (a failed write's transaction rolled back).
 */
export function databaseFaultError(error: unknown): AppError | null {
  switch (databaseFault(error)) {
    case 'unavailable':
      return new AppError(
        'UNAVAILABLE',
        'the database cannot be reached just now: try again in a moment',
        undefined,
        statement('error.unavailable'),
      );
    case 'disk_full':
      return new AppError(
        'DISK_FULL',
        "the server's disk is full: nothing was written; reading still works",
        undefined,
        statement('error.disk_full'),
      );
    case null:
      return null;
  }
}
