/**
 * One error plugin: every failure leaves as `{ code, message, path? }` with a status chosen by
 * the code. A client's mistake is always a 4xx; only our own faults are 500, and those say
 * nothing about the internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorCode } from '../app/errors.ts';
import type { Problem } from '../scenario/validate.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, CSRF: 403, NOT_FOUND: 404, CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429,
};

export interface ErrorBody {
  code: string;
  message: string;
  path?: string;
  problems?: Problem[];
}

/** A request that failed its schema: every problem, the first one as the message. */
export class RequestValidationError extends Error {
  readonly problems: Problem[];
  readonly part: string;
  constructor(part: string, problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.part = part;
    this.problems = problems;
  }
}

/** PostgreSQL's own complaints that can only come from the request's data. */
const PG_CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  '23503': ['VALIDATION', 'refers to something that does not exist'],
  '23505': ['CONFLICT', 'exists already'],
  '23514': ['VALIDATION', 'breaks a rule of the data'],
  '22P02': ['VALIDATION', 'has a value of the wrong form'],
  '22003': ['VALIDATION', 'has a number out of range'],
  '22007': ['VALIDATION', 'has an invalid date or time'],
  '22008': ['VALIDATION', 'has a date or time out of range'],
};

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: STATUS[error.code], body: { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) } };
  }
  const cause = (error as { validation?: unknown; cause?: unknown }).cause;
  const validation = error instanceof RequestValidationError ? error : cause instanceof RequestValidationError ? cause : null;
  if (validation) {
    const first = validation.problems[0];
    return {
      status: 400,
      body: { code: 'VALIDATION', message: validation.message, ...(first ? { path: first.path } : {}), problems: validation.problems },
    };
  }
  const fastifyError = error as FastifyError & { code?: string };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' } };
  }
  const pg = PG_CLIENT_ERRORS[fastifyError.code ?? ''];
  if (pg) {
    const detail = (error as { detail?: string; column?: string }).detail;
    return { status: STATUS[pg[0]], body: { code: pg[0], message: `the request ${pg[1]}${detail ? `: ${detail}` : ''}` } };
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = fastifyError.statusCode === 429 ? 'RATE_LIMITED' : fastifyError.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE'
      : fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return { status: fastifyError.statusCode, body: { code, message: fastifyError.message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'something went wrong on our side; it has been logged' } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ code: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
