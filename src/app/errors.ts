/**
 * Errors with stable codes. The core never speaks HTTP: the HTTP layer maps a code to a status
 * (src/http/errors.ts). Expected outcomes ("no violation") are values, not errors.
 */
export const ERROR_CODES = [
  'VALIDATION', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CSRF', 'CONFLICT', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The JSON path of the field at fault, when one is. */
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, path?: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `no ${what} "${id}"`);
export const forbidden = (message = 'your role does not allow this') => new AppError('FORBIDDEN', message);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, path);
