/** An incident's title and place in the reader's language (i18n/where.ts), for every page that names one. */
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { incidentPlace, incidentTitle, type TitledIncident } from '../../i18n/where.ts';

type Named = TitledIncident & { act: string; occurred_at: string };

export function useIncidentNames(): { title(i: Named): string; place(i: Named): string } {
  const { lang, t, nameOf, date } = useI18n();
  return useMemo(
    () => ({
      title: (i: Named) =>
        incidentTitle(i, {
          lang,
          act: nameOf.acts(i.act),
          date: date(i.occurred_at),
          compose: (v) => t('incident.title.composed', v),
        }),
      place: (i: Named) => incidentPlace(i, lang),
    }),
    [lang, t, nameOf, date],
  );
}
