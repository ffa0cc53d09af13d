/**
 * The fields of an agreement's terms that the agreement editor and a negotiation room's proposal
 * both choose: the scope (keep it, everywhere, or these governorates) and the excluded groups.
 */
import { useWorld } from '../../api/world.tsx';
import { Field } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAdminAreas } from '../../map/use-admin-areas.ts';

export type ScopeChoice = 'keep' | 'everywhere' | 'areas';

/** Keep the scope, everywhere, or the governorates ticked (their p-codes in `areas`). */
export function ScopeFields({
  name,
  scope,
  areas,
  onScope,
  onAreas,
  testId,
}: {
  /** The radio group's name, unique in the page. */
  name: string;
  scope: ScopeChoice;
  areas: string[];
  onScope: (s: ScopeChoice) => void;
  onAreas: (pcodes: string[]) => void;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const governorates = useAdminAreas().filter((a) => a.level === 1);
  return (
    <fieldset>
      <legend>{t('agreement.scope')}</legend>
      {(['keep', 'everywhere', 'areas'] as const).map((s) => (
        <label key={s} className="check">
          <input type="radio" name={name} checked={scope === s} onChange={() => onScope(s)} />
          <span>{t(`world.terms.scope.${s}`)}</span>
        </label>
      ))}
      {scope === 'areas' && (
        <div className="acts-choice" data-testid={testId}>
          {governorates.map((a) => (
            <label key={a.pcode} className="check">
              <input
                type="checkbox"
                checked={areas.includes(a.pcode)}
                onChange={(e) => onAreas(e.target.checked ? [...areas, a.pcode] : areas.filter((x) => x !== a.pcode))}
              />
              <span>{lang === 'ar' ? a.name_ar : a.name_en}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** The excluded groups as chips, each removable, and a choice of an actor to add. */
export function ExcludedGroups({
  id,
  excluded,
  onChange,
  testId,
  selectClassName,
}: {
  /** The select's id, unique in the page. */
  id: string;
  excluded: string[];
  onChange: (ids: string[]) => void;
  testId: string;
  selectClassName?: string;
}) {
  const { t } = useI18n();
  const { actors, actorName } = useWorld();
  return (
    <>
      <div className="chips" data-testid={testId}>
        {excluded.map((a) => (
          <span className="chip" key={a}>
            {actorName(a)}
            <button
              type="button"
              aria-label={t('world.terms.unexclude', { name: actorName(a) })}
              onClick={() => onChange(excluded.filter((x) => x !== a))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <Field label={t('world.terms.exclude')} htmlFor={id}>
        <select
          id={id}
          className={selectClassName}
          value=""
          onChange={(e) => e.target.value && onChange([...excluded, e.target.value])}
        >
          <option value="">{t('common.none')}</option>
          {actors
            .filter((a) => !excluded.includes(a.id))
            .map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a.id)}
              </option>
            ))}
        </select>
      </Field>
    </>
  );
}
