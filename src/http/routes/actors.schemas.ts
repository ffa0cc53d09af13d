/** How actors look in responses, and the query that lists them. */
import { z } from 'zod';
import type { RecomputeResult } from '../../app/findings/recompute-findings.ts';
import { actorView } from '../../app/shared/views.ts';
import { type Actor, ACTOR_KINDS } from '../../domain/model.ts';
import { arabicNameOut, booleanQuery, pageQuery, recomputedJson, recomputedOut } from '../schemas.ts';

export const actorOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: arabicNameOut('name'),
    kind: z.enum(ACTOR_KINDS),
    aliases: z.array(z.string()),
    designated: z.boolean(),
  })
  .meta({ id: 'Actor' });

export const listQuery = pageQuery.extend({
  q: z.string().max(200).optional().describe('Text in the name (English or Arabic) or an alias, any case'),
  kind: z.enum(ACTOR_KINDS).optional(),
  designated: booleanQuery,
  sort: z.enum(['id', 'name', '-name']).default('id'),
});

export const changedOut = z.object({ actor: actorOut, findings: recomputedOut });
export const changed = ({ value, findings }: { value: Actor; findings: RecomputeResult | null }) => ({
  actor: actorView(value),
  findings: recomputedJson(findings),
});
