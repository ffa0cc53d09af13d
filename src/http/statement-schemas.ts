/**
 * Statements in responses: what the server says to people as a code and its terms, beside its
 * English (src/domain/statements.ts). The web app renders them in the reader's language.
 */
import { z } from 'zod';
import { ACTS, CIVILIAN_TARGETS } from '../domain/model.ts';
import { RECORD_KINDS, STATEMENT_CODES, type Statement, type Term } from '../domain/statements.ts';

export const termSchema: z.ZodType<Term> = z
  .union([
    z.object({ actor: z.string() }),
    z.object({ actors: z.array(z.string()) }),
    z.object({ agreement: z.string() }),
    z.object({ zone: z.string(), name: z.string() }),
    z.object({ user: z.string() }),
    z.object({ instant: z.string() }),
    z.object({ act: z.enum(ACTS) }),
    z.object({ civilian: z.enum(CIVILIAN_TARGETS) }),
    z.object({ point: z.object({ lon: z.number(), lat: z.number() }) }),
    z.object({ number: z.number() }),
    z.object({ text: z.string() }),
    z.object({ record: z.enum(RECORD_KINDS) }),
    z.object({ role: z.string() }),
    z.object({ orgs: z.array(z.string()) }),
    z.object({
      get statement() {
        return statementSchema;
      },
    }),
  ])
  .meta({
    id: 'Term',
    description:
      'A term of a statement: a record by id (actor, agreement, zone with its name, user) or a value by kind',
  });

export const statementSchema: z.ZodType<Statement> = z
  .object({
    code: z.enum(STATEMENT_CODES),
    get params() {
      return z.record(z.string(), termSchema);
    },
  })
  .meta({
    id: 'Statement',
    description: "Something the server says to people, as a code and its terms; rendered in the reader's language",
  });
