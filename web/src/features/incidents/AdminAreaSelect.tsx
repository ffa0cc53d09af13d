/** A choice of a governorate or one of its districts, by name in the page's language; the value is its p-code. */
import type { AdminArea } from '../../map/admin-areas.ts';
import { useAdminAreas } from '../../map/use-admin-areas.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function AdminAreaSelect({ id, value, onChange }: { id: string; value: string; onChange(pcode: string): void }) {
  const { t, lang } = useI18n();
  const areas = useAdminAreas();
  const areaName = (a: AdminArea) => (lang === 'ar' ? a.name_ar : a.name_en);
  const byName = (a: AdminArea, b: AdminArea) => areaName(a).localeCompare(areaName(b), lang);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.any')}</option>
      {areas
        .filter((a) => a.level === 1)
        .sort(byName)
        .map((g) => (
          <optgroup key={g.pcode} label={areaName(g)}>
            <option value={g.pcode}>{areaName(g)}</option>
            {areas
              .filter((d) => d.parent === g.pcode)
              .sort(byName)
              .map((d) => (
                <option key={d.pcode} value={d.pcode}>{`— ${areaName(d)}`}</option>
              ))}
          </optgroup>
        ))}
    </select>
  );
}
