/**
 * The texts received, newest first: pasted or uploaded by the reader's colleagues, or emailed to
 * the mailbox the mail server posts from (POST /intake/mail). Each by its subject (else its file's
 * name, else its first line), how it came and from whom, the day it was written, and how many of
 * its drafts wait. A text opens above, with its drafts; new ones arrive live.
 */
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Loading, LoadMore, Tabs } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type SourceTextItem, useSourceTexts } from './queries.ts';

const BOXES = ['waiting', 'all'] as const;
type Box = (typeof BOXES)[number];

export function ReceivedTexts({ box, open, onBox }: { box: Box; open: string | null; onBox(box: Box): void }) {
  const { t } = useI18n();
  const list = useSourceTexts(box === 'waiting');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="intake-received" aria-labelledby="intake-received-title">
      <h2 id="intake-received-title">{t('intake.received.title')}</h2>
      <p className="muted small">{t('intake.received.intro')}</p>
      <Tabs
        label={t('intake.received.title')}
        options={BOXES}
        value={box}
        name={(b) => t(`intake.received.box.${b}`)}
        onChange={onBox}
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t(`intake.received.none.${box}`)}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table-cards" data-testid="received-texts">
              <thead>
                <tr>
                  <th scope="col">{t('intake.received.col.text')}</th>
                  <th scope="col">{t('intake.received.col.came')}</th>
                  <th scope="col">{t('intake.textDate')}</th>
                  <th scope="col">{t('intake.received.col.drafts')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <TextRow key={s.id} text={s} open={s.id === open} box={box} />
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore list={list} label={t('intake.received.older')} />
        </>
      )}
    </section>
  );
}

/** "By email from <sender>", the sender isolated from the sentence's direction (an address in an Arabic line). */
export function MailedBy({ sender }: { sender: string | null }) {
  const { t } = useI18n();
  const [before, after] = t('intake.received.byMail', { sender: '\u0000' }).split('\u0000') as [string, string];
  return (
    <>
      {before}
      <bdi>{sender ?? t('intake.received.unknownSender')}</bdi>
      {after}
    </>
  );
}

function TextRow({ text: s, open, box }: { text: SourceTextItem; open: boolean; box: Box }) {
  const { t, dateTime, day, nameOf, number } = useI18n();
  const { orgName } = useWorld();
  const title = s.subject ?? s.filename ?? s.opening;
  const { proposed, confirmed, dropped } = s.drafts;
  return (
    <tr data-testid="received-text" aria-current={open}>
      <td className="cell-title">
        <Link to={`/intake?text=${encodeURIComponent(s.id)}${box === 'all' ? '&box=all' : ''}`} dir="auto">
          {title || t('intake.received.untitled')}
        </Link>
        <div className="muted small">{nameOf.classifications(s.classification)}</div>
      </td>
      <td data-label={t('intake.received.col.came')}>
        <div>
          {s.channel === 'mail' ? (
            <MailedBy sender={s.sender} />
          ) : (
            t(`intake.received.${s.channel}`, { org: orgName(s.owner_org) })
          )}
          <div className="muted small">{dateTime(s.received_at)}</div>
        </div>
      </td>
      <td data-label={t('intake.textDate')}>{day(s.text_date)}</td>
      <td data-label={t('intake.received.col.drafts')}>
        {proposed > 0 ? (
          <strong>{t('intake.received.waiting', { n: number(proposed) })}</strong>
        ) : (
          <span className="muted">
            {proposed + confirmed + dropped === 0
              ? t('intake.received.noDrafts')
              : t('intake.received.decided', { confirmed: number(confirmed), dropped: number(dropped) })}
          </span>
        )}
      </td>
    </tr>
  );
}
