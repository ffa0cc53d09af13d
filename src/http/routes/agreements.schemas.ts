/** How agreements look in responses, and the query that lists them. */
import { z } from 'zod';
import type { AgreementRecord } from '../../app/agreements/get-agreement.ts';
import type { RecomputeResult } from '../../app/findings/recompute-findings.ts';
import { agreementView } from '../../app/shared/views.ts';
import { ACTS, OBLIGATION_CODES } from '../../domain/model.ts';
import {
  arabicNameOut,
  classified,
  geometryOut,
  idParams,
  intervalOut,
  pageQuery,
  partyOut,
  recomputedJson,
  recomputedOut,
} from '../schemas.ts';

export const agreementOut = z
  .object({
    id: z.string(),
    title: z.string(),
    title_ar: arabicNameOut('title'),
    ...classified,
    in_force: z.array(intervalOut),
    scope: geometryOut.nullable(),
    parties: z.array(partyOut),
    excluded: z.array(z.string()),
    prohibited: z.array(z.enum(ACTS)),
    self_defense: z.boolean(),
    co_chairs: z
      .array(z.string())
      .describe(
        'The co-chair organizations whose approval a ruling on its findings needs; empty: every co-chair organization',
      ),
    clauses: z.array(
      z.object({ code: z.enum(OBLIGATION_CODES), text: z.string(), acts: z.array(z.enum(ACTS)), ...classified }),
    ),
  })
  .meta({ id: 'Agreement' });

export const changedOut = z.object({
  agreement: agreementOut,
  findings: recomputedOut,
  dry_run: z.boolean().describe('true: nothing was saved'),
});
export const changed = ({
  value,
  findings,
  dryRun,
}: {
  value: AgreementRecord;
  findings: RecomputeResult | null;
  dryRun: boolean;
}) => ({
  agreement: agreementView(value),
  findings: recomputedJson(findings),
  dry_run: dryRun,
});

export const listQuery = pageQuery.extend({
  q: z.string().max(200).optional().describe('Text in the id or title (English or Arabic), any case'),
  party: z.string().max(200).optional().describe('Agreements this actor accepted'),
});

export const partyParams = idParams.extend({ actor: z.string().min(1).max(200) });
