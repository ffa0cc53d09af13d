/** Search's query and answer. */
import { z } from 'zod';
import { incidentSummarySchema } from './incidents.schemas.ts';
import { reportSchema } from './reports.schemas.ts';

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .describe('words, as typed (quotes for a phrase, - to exclude)'),
  limit: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(20),
});

export const searchOut = z.object({ incidents: z.array(incidentSummarySchema), reports: z.array(reportSchema) });
