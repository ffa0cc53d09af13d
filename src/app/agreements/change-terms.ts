/**
 * PATCH /agreements/{id}: changes an agreement's terms — its title (English and Arabic), periods
 * in force, scope, excluded groups, prohibited acts, self-defence — leaving its parties and
 * clauses as they are.
 * The scope may be given as the governorates and districts it covers (their OCHA pcodes); the
 * stored scope is then their union. Like every change to an agreement, the findings it can
 * affect are judged again, and a dry run says how many before anything is saved. It also names the
 * co-chairs whose approval a ruling on its findings needs (decision 021).
 */
import type { Area, Position } from '../../domain/geo.ts';
import { polygonsOf } from '../../domain/geo.ts';
import type { Agreement } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import type * as agreements from '../../store/agreement.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { adminAreaByPcode } from '../map/admin-areas.ts';
import type { AgreementTerms } from '../shared/inputs.ts';
import { requireCoChairs } from '../shared/references.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';
import { lockVisibleAgreement, saveAgreementChange } from './save-agreement-change.ts';

export async function changeAgreementTerms(
  ctx: AppContext,
  caller: Caller | null,
  agreementId: string,
  terms: AgreementTerms,
  options: WriteOptions = {},
): Promise<Written<agreements.AgreementRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const changes = termsOf(terms);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      const stored = await lockVisibleAgreement(tx, reader, agreementId);
      const coChairs =
        terms.co_chairs === undefined ? {} : { coChairs: await requireCoChairs(tx, 'co_chairs', terms.co_chairs) };
      return saveAgreementChange(tx, by, reader, stored, { ...stored, ...changes, ...coChairs }, 'change-terms');
    },
    options,
  );
}

/** The domain's fields for the terms given; those not given are left out, so they stay as stored. */
function termsOf(terms: AgreementTerms): Partial<Omit<Agreement, 'clauses'>> {
  const changes: Partial<Omit<Agreement, 'clauses'>> = {};
  if (terms.title !== undefined) changes.title = terms.title;
  // Null or empty removes the Arabic title (undefined is stored as none).
  if (terms.title_ar !== undefined) changes.titleAr = terms.title_ar || undefined;
  if (terms.in_force !== undefined)
    changes.inForce = terms.in_force.map((f) => ({
      from: parseInstant(f.from)!,
      to: f.to === null ? null : parseInstant(f.to)!,
    }));
  if (terms.scope !== undefined) changes.scope = terms.scope;
  if (terms.scope_areas !== undefined) changes.scope = scopeOfAreas(terms.scope_areas);
  if (terms.excluded !== undefined) changes.excluded = [...new Set(terms.excluded)];
  if (terms.prohibited !== undefined) changes.prohibited = [...new Set(terms.prohibited)];
  if (terms.self_defense !== undefined) changes.selfDefense = terms.self_defense;
  return changes;
}

/** The governorates and districts named, as one MultiPolygon; an unknown pcode is refused by its place in the list. */
export function scopeOfAreas(pcodes: readonly string[]): Area {
  const parts: Position[][][] = [];
  const seen = new Set<string>();
  pcodes.forEach((pcode, i) => {
    const area = adminAreaByPcode(pcode);
    if (!area) throw invalid(`scope_areas[${i}]`, `no governorate or district has the code ${pcode}`);
    if (!seen.has(pcode)) parts.push(...polygonsOf(area.area));
    seen.add(pcode);
  });
  return { type: 'MultiPolygon', coordinates: parts };
}
