/**
 * What people changed in the drafts they confirmed, over the texts the reader may see: the share
 * accepted unchanged, and how often each field was corrected (docs/text-intake.md).
 */
import { DRAFT_FIELDS } from '../../../../src/contract/intake.ts';
import { LOCALES } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCorrections } from './queries.ts';

export function Corrections() {
  const { t, lang, number } = useI18n();
  const q = useCorrections();
  const c = q.data;
  if (!c) return null;
  const share = (n: number) =>
    new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 0 }).format(n / c.confirmed);
  return (
    <section className="panel intake-corrections" aria-labelledby="intake-corrections-title" data-testid="corrections">
      <h2 id="intake-corrections-title">{t('intake.corrections.title')}</h2>
      {c.confirmed === 0 ? (
        <p className="muted">{t('intake.corrections.none')}</p>
      ) : (
        <>
          <p data-testid="corrections-unchanged">
            {t('intake.corrections.unchanged', {
              unchanged: number(c.unchanged),
              confirmed: number(c.confirmed),
              share: share(c.unchanged),
            })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('intake.corrections.field')}</th>
                  <th scope="col">{t('intake.corrections.corrected')}</th>
                </tr>
              </thead>
              <tbody>
                {DRAFT_FIELDS.map((f) => (
                  <tr key={f} data-field={f}>
                    <th scope="row">{t(`intake.field.${f}`)}</th>
                    <td>
                      {t('intake.corrections.times', { n: number(c.fields[f]), confirmed: number(c.confirmed) })} (
                      {share(c.fields[f])})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
