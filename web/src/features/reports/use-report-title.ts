/** A report as people name it: its act and where (the gazetteer's place, else the governorate, else the coordinates). */
import type { Schemas } from '../../api/client.ts';
import { placeName } from '../../app/live-notice.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { useGovernorates } from '../../map/use-governorates.ts';

type Report = Pick<Schemas['Report'], 'act' | 'where' | 'location'>;

export function useReportTitle(): (r: Report) => string {
  const i18n = useI18n();
  const areas = useGovernorates();
  return (r) => {
    const where = whereName(r.where, i18n.lang) ?? placeName(null, r.location, areas, i18n);
    return `${i18n.nameOf.acts(r.act)}${where ? ` · ${where}` : ''}`;
  };
}
