/**
 * One error plugin: every failure leaves as `{ code, message, path? }` with a status chosen by
 * the code. A client's mistake is always a 4xx; only our own faults are 500, and those say
 * nothing about the internals.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, databaseFaultError, type ErrorCode } from '../app/errors.ts';
import { type Statement, statement } from '../domain/statements.ts';
import type { Problem } from '../scenario/validate.ts';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  DISK_FULL: 507,
};

/** A database away: ask clients to come back soon (seconds). */
const RETRY_AFTER_S = 2;

export interface ErrorBody {
  code: string;
  message: string;
  /** The message as a statement, for the reader's language. */
  statement: Statement;
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
  const fault = error instanceof AppError ? null : databaseFaultError(error);
  if (fault) return toErrorBody(fault);
  if (error instanceof AppError) {
    return {
      status: STATUS[error.code],
      body: {
        code: error.code,
        message: error.message,
        statement: error.statement,
        ...(error.path ? { path: error.path } : {}),
        ...(Array.isArray((error as { problems?: unknown }).problems)
          ? { problems: (error as unknown as { problems: Problem[] }).problems }
          : {}),
      },
    };
  }
  const cause = (error as { validation?: unknown; cause?: unknown }).cause;
  const validation =
    error instanceof RequestValidationError ? error : cause instanceof RequestValidationError ? cause : null;
  if (validation) {
    const first = validation.problems[0];
    return {
      status: 400,
      body: {
        code: 'VALIDATION',
        message: validation.message,
        statement: first?.statement ?? other(validation.message),
        ...(first ? { path: first.path } : {}),
        problems: validation.problems,
      },
    };
  }
  const fastifyError = error as FastifyError & { code?: string };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: {
        code: 'PAYLOAD_TOO_LARGE',
        message: 'the request body is too large',
        statement: statement('error.too_large'),
      },
    };
  }
  const pg = PG_CLIENT_ERRORS[fastifyError.code ?? ''];
  if (pg) {
    const detail = (error as { detail?: string; column?: string }).detail;
    const message = `the request ${pg[1]}${detail ? `: ${detail}` : ''}`;
    return { status: STATUS[pg[0]], body: { code: pg[0], message, statement: other(message) } };
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code =
      fastifyError.statusCode === 429
        ? 'RATE_LIMITED'
        : fastifyError.statusCode === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : fastifyError.statusCode === 404
            ? 'NOT_FOUND'
            : 'BAD_REQUEST';
    const said = code === 'RATE_LIMITED' ? rateLimited(fastifyError.message) : other(fastifyError.message);
    return { status: fastifyError.statusCode, body: { code, message: fastifyError.message, statement: said } };
  }
  return {
    status: 500,
    body: {
      code: 'INTERNAL',
      message: 'something went wrong on our side; it has been logged',
      statement: statement('error.internal'),
    },
  };
}

const other = (message: string): Statement => statement('error.other', { text: { text: message } });

/** "too many attempts: try again in 42 s" as a statement with its seconds. */
function rateLimited(message: string): Statement {
  const seconds = /(\d+) s\b/.exec(message)?.[1];
  return seconds ? statement('error.rate_limited', { seconds: { number: Number(seconds) } }) : other(message);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    // A database away or full is the operator's to hear of, once per request, without a stack.
    if (status === 503 || status === 507) request.log.warn(`${body.code}: ${(error as Error).message}`);
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_S));
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `no route ${request.method} ${request.url.split('?')[0]}`;
    void reply.status(404).send({ code: 'NOT_FOUND', message, statement: other(message) });
  });
}
