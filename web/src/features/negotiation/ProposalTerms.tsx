/**
 * The scope and excluded groups a proposal to publish carries (docs/negotiation.md): chosen as the
 * agreement editor chooses them (keep the scope, everywhere, or these governorates; keep the
 * excluded groups or publish these), and shown in each proposal by their names.
 */
import { useWorld } from '../../api/world.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAdminAreas } from '../../map/use-admin-areas.ts';
import { ExcludedGroups, type ScopeChoice, ScopeFields } from '../world/TermsFields.tsx';
import type { Publication, PublicationBody, Room } from './queries.ts';

export interface TermsChoice {
  scope: ScopeChoice;
  areas: string[];
  /** null: keep the agreement's excluded groups. */
  excluded: string[] | null;
}

export const keepTerms: TermsChoice = { scope: 'keep', areas: [], excluded: null };

/** The part of a proposal's body the choice makes. */
export const termsBody = (c: TermsChoice): Pick<PublicationBody, 'scope' | 'scope_areas' | 'excluded'> => ({
  ...(c.scope === 'everywhere' ? { scope: null } : c.scope === 'areas' ? { scope_areas: c.areas } : {}),
  excluded: c.excluded,
});

function useTermsWords() {
  const { t, lang } = useI18n();
  const { actorName } = useWorld();
  const areas = useAdminAreas();
  const sep = lang === 'ar' ? '، ' : ', ';
  const areaName = (pcode: string) => {
    const a = areas.find((x) => x.pcode === pcode);
    return a ? (lang === 'ar' ? a.name_ar : a.name_en) : '…';
  };
  return {
    groups: (ids: readonly string[]) => (ids.length ? ids.map(actorName).join(sep) : t('negotiation.noneExcluded')),
    scope: (everywhere: boolean, pcodes: readonly string[] | null) =>
      everywhere
        ? t('agreement.scope.everywhere')
        : pcodes
          ? pcodes.map(areaName).join(sep)
          : t('negotiation.scopeDrawn'),
  };
}

/** What the proposal publishes beyond its clauses: its scope and excluded groups, when it sets them. */
export function ProposalTermsSummary({ p }: { p: Publication }) {
  const { t } = useI18n();
  const words = useTermsWords();
  if (!p.scope && !p.excluded) return null;
  return (
    <p className="small" dir="auto" data-testid="proposal-terms">
      {p.scope && t('negotiation.scopeOnce', { scope: words.scope(p.scope.everywhere, p.scope.areas) })}
      {p.scope && p.excluded && ' · '}
      {p.excluded && t('negotiation.excludedOnce', { groups: words.groups(p.excluded) })}
    </p>
  );
}

/** The scope and excluded groups to propose with the clauses. */
export function ProposalTermsFields({
  room,
  value,
  onChange,
}: {
  room: Room;
  value: TermsChoice;
  onChange: (c: TermsChoice) => void;
}) {
  const { t } = useI18n();
  const words = useTermsWords();
  const set = (c: Partial<TermsChoice>) => onChange({ ...value, ...c });
  const excluded = value.excluded ?? room.agreement.excluded;
  return (
    <details className="proposal-terms">
      <summary>{t('negotiation.proposalTerms')}</summary>
      <p className="muted small" dir="auto">
        {t('negotiation.termsNow', {
          scope: room.agreement.everywhere ? t('agreement.scope.everywhere') : t('agreement.scope.area'),
          groups: words.groups(room.agreement.excluded),
        })}
      </p>
      <ScopeFields
        name="proposal-scope"
        scope={value.scope}
        areas={value.areas}
        onScope={(scope) => set({ scope })}
        onAreas={(areas) => set({ areas })}
        testId="proposal-scope-areas"
      />
      <fieldset>
        <legend>{t('agreement.excluded')}</legend>
        {(['keep', 'set'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="proposal-excluded"
              checked={(value.excluded !== null) === (k === 'set')}
              onChange={() => set({ excluded: k === 'set' ? [...room.agreement.excluded] : null })}
            />
            <span>{t(`negotiation.excluded.${k}`)}</span>
          </label>
        ))}
        {value.excluded !== null && (
          <ExcludedGroups
            id="proposal-exclude"
            excluded={excluded}
            onChange={(ids) => set({ excluded: ids })}
            testId="proposal-excluded"
          />
        )}
      </fieldset>
    </details>
  );
}
