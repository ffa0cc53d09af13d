/**
 * The flag "notified site struck" on an incident's page: the notified sites within whose buffer it
 * took place while they were valid (of those the reader may see), who had been notified and when,
 * who had acknowledged, and whether an operation notice covered the place at that time. Nothing is
 * shown when no such site is known to the reader.
 */
import type { Schemas } from '../../api/client.ts';
import { useWorld } from '../../api/world.tsx';
import { ErrorNotice } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStruckSites } from './queries.ts';
import { siteKindKey } from './review-words.ts';

type Strike = Schemas['SiteStrike'];
type Site = Strike['sites'][number];

/** A list of names joined as the language joins them ("Russia and the United States"). */
export function useJoin(): (items: readonly string[]) => string {
  const { lang } = useI18n();
  const format = new Intl.ListFormat(lang === 'ar' ? 'ar' : 'en-GB', { type: 'conjunction' });
  return (items) => format.format(items);
}

export function StruckSites({
  incident,
}: {
  incident: { id: string; occurred_at: string; perpetrator: string | null };
}) {
  const { t, dateTime, nameOf } = useI18n();
  const { actorName } = useWorld();
  const q = useStruckSites(incident.id);
  if (q.error) return <ErrorNotice error={q.error} onRetry={q.reload} />;
  if (!q.data?.struck) return null;
  const s = q.data;
  return (
    <section className="panel struck-panel" aria-labelledby="struck-title" data-testid="struck-sites">
      <h2 id="struck-title">{t('struck.title')}</h2>
      {s.sites.map((site) => (
        <StruckSite key={`${site.source}:${site.id}`} site={site} incident={incident} />
      ))}
      {s.operations.length === 0 ? (
        <p className="struck-notice">{t('struck.noNotice')}</p>
      ) : (
        s.operations.map((o) => (
          <p key={o.id} className="struck-notice struck-covered">
            {t('struck.notice', {
              actor: actorName(o.actor),
              kind: nameOf.acts(o.kind),
              from: dateTime(o.window.from),
              to: o.window.to ? dateTime(o.window.to) : '…',
            })}
            {o.by_perpetrator ? ` ${t('struck.notice.own')}` : ''}
          </p>
        ))
      )}
    </section>
  );
}

function StruckSite({ site, incident }: { site: Site; incident: { occurred_at: string; perpetrator: string | null } }) {
  const { t, date, dateTime, number } = useI18n();
  const { actorName, orgName } = useWorld();
  const join = useJoin();
  const kind = t(siteKindKey(site.kind));
  const name =
    site.source === 'notification' && site.name ? site.name : t('site.of', { kind, owner: actorName(site.owner) });
  const lead =
    site.distance_m === 0
      ? t('struck.site.inside', { site: name, buffer: number(site.buffer_m) })
      : t('struck.site', { site: name, distance: number(site.distance_m), buffer: number(site.buffer_m) });
  const struckAt = Date.parse(incident.occurred_at);
  return (
    <article className="struck-site">
      <p className="struck-lead">
        <strong dir="auto">{lead}</strong>
      </p>
      {site.source === 'protected_site' ? (
        <>
          <p>
            {site.valid.to
              ? t('struck.notifiedToUntil', {
                  parties: join(site.notified_to.map((a) => actorName(a))),
                  from: date(site.valid.from),
                  to: date(site.valid.to),
                })
              : t('struck.notifiedTo', {
                  parties: join(site.notified_to.map((a) => actorName(a))),
                  date: date(site.valid.from),
                })}
          </p>
          {incident.perpetrator && (
            <p>
              {t(site.perpetrator_notified ? 'struck.perpetratorNotified' : 'struck.perpetratorNotNotified', {
                actor: actorName(incident.perpetrator),
              })}
            </p>
          )}
        </>
      ) : (
        <>
          <p>
            {t('struck.notification', {
              owner: orgName(site.owner_org),
              recipients: join(site.recipients.map((r) => orgName(r.org))),
              date: dateTime(site.notified_at ?? site.valid.from),
            })}
          </p>
          <ul className="struck-acks">
            {site.recipients.map((r) => (
              <li key={r.org} className={r.acknowledged_at ? 'ack' : 'no-ack'}>
                {r.acknowledged_at
                  ? t(Date.parse(r.acknowledged_at) > struckAt ? 'struck.acknowledgedAfter' : 'struck.acknowledged', {
                      org: orgName(r.org),
                      date: dateTime(r.acknowledged_at),
                    })
                  : t('struck.notAcknowledged', { org: orgName(r.org) })}
              </li>
            ))}
          </ul>
          {site.withdrawn_at && <p>{t('struck.withdrawn', { date: dateTime(site.withdrawn_at) })}</p>}
        </>
      )}
    </article>
  );
}
