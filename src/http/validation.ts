/** Request validation with our own Zod messages (`is required`, `must be between -90 and 90`). */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { zodProblems } from '../scenario/validate.ts';
import { RequestValidationError } from './errors.ts';

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };
  const prefix = httpPart === 'body' ? [] : [httpPart ?? 'request'];
  return { error: new RequestValidationError(httpPart ?? 'body', zodProblems(result.error, prefix)) };
};
