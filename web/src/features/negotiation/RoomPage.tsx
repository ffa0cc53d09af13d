/**
 * One negotiation room (docs/negotiation.md): the dashboard (where each clause stands, by member:
 * agreed, open, sticking point), each clause with its text, its members' positions, a form to take
 * one's own, to edit it (a new version) and the word-by-word difference between any two of its
 * versions; the whole draft compared at two revisions; proposals to publish, with who has approved
 * and who has not, approval and publication, with the scope and excluded groups a proposal sets;
 * once the agreement is published from the room, its schedules (the parties' acceptances, and a
 * form to record one); invitations; the draft as a marked PDF.
 */
import { type FormEvent, useState } from 'react';
import { type Stance, STANCES } from '../../../../src/contract/negotiation.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Field, recordFallback } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { DiffView, versionText } from './DiffView.tsx';
import { keepTerms, ProposalTermsFields, ProposalTermsSummary, type TermsChoice, termsBody } from './ProposalTerms.tsx';
import {
  type Publication,
  type Room,
  type RoomClause,
  type Version,
  useAddClause,
  useApprove,
  useEditClause,
  useInvite,
  usePropose,
  usePublish,
  useRoom,
  useRoomVersions,
  useTakePosition,
} from './queries.ts';
import { Schedules } from './Schedules.tsx';

export function RoomPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const q = useRoom(id);
  const versions = useRoomVersions(id);
  const fallback = recordFallback(q, {
    title: t('negotiation.notFound.title'),
    text: t('negotiation.notFound'),
    back: { to: '/negotiation', label: t('negotiation.back') },
  });
  if (fallback || !q.data) return fallback;
  const room = q.data;
  const writes = can('negotiation:write');
  return (
    <div className="page room-page">
      <p className="back-link">
        <Link to="/negotiation">{t('negotiation.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('negotiation.kicker')}</p>
          <h1 dir="auto">{room.room.title}</h1>
          <p className="muted" dir="auto">
            {t('negotiation.drafts', {
              agreement: (lang === 'ar' && room.agreement.title_ar) || room.agreement.title,
            })}
          </p>
        </div>
        <a
          className="btn"
          href={`/api/v1/negotiation-rooms/${encodeURIComponent(id)}/export.pdf?lang=${lang}`}
          download
          data-testid="export-pdf"
        >
          {t('negotiation.export')}
        </a>
      </header>
      <Members room={room} />
      <Dashboard room={room} />
      {room.clauses.map((c) => (
        <ClausePanel key={c.clause.id} roomId={id} c={c} versions={versions.data ?? []} writes={writes} />
      ))}
      {writes && <AddClause roomId={id} />}
      {versions.data && versions.data.length > 1 && <DraftDiff room={room} versions={versions.data} />}
      <Publications room={room} writes={writes} />
      {room.publications.some((p) => p.state === 'published') && <Schedules room={room} />}
    </div>
  );
}

function StanceBadge({ stance }: { stance: Stance | null }) {
  const { t } = useI18n();
  return (
    <span className={`badge stance-${stance ?? 'none'}`}>
      {stance ? t(`negotiation.stance.${stance}`) : t('negotiation.stance.none')}
    </span>
  );
}

function Members({ room }: { room: Room }) {
  const { t } = useI18n();
  const { orgName, organizations } = useWorld();
  const { me, can } = useSession();
  const invite = useInvite(room.room.id);
  const [org, setOrg] = useState('');
  const others = organizations.filter((o) => !room.room.members.some((m) => m.org === o.id));
  return (
    <section className="panel" aria-labelledby="room-members">
      <h2 id="room-members">{t('negotiation.members')}</h2>
      <p dir="auto">{room.room.members.map((m) => orgName(m.org)).join(' · ')}</p>
      {can('negotiation:write') && me?.org_kind === 'co_chair' && others.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (org) invite.mutate(org, { onSuccess: () => setOrg('') });
          }}
        >
          <Field label={t('negotiation.invite')} htmlFor="invite-org">
            <select id="invite-org" value={org} onChange={(e) => setOrg(e.target.value)}>
              <option value="">{t('negotiation.chooseOrg')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {orgName(o.id)}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="btn" disabled={!org || invite.isPending}>
            {t('negotiation.inviteSubmit')}
          </button>
          {invite.error && <ErrorNotice error={invite.error} />}
        </form>
      )}
    </section>
  );
}

function Dashboard({ room }: { room: Room }) {
  const { t, number } = useI18n();
  const { orgName } = useWorld();
  const count = (s: Stance) => room.clauses.filter((c) => c.status === s).length;
  return (
    <section className="panel" aria-labelledby="room-dashboard">
      <h2 id="room-dashboard">{t('negotiation.dashboard')}</h2>
      <p data-testid="room-summary">
        {STANCES.map((s) => `${t(`negotiation.stance.${s}`)}: ${number(count(s))}`).join(' · ')}
      </p>
      {room.clauses.length === 0 ? (
        <p className="empty">{t('negotiation.noClauses')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="room-dashboard">
            <thead>
              <tr>
                <th scope="col">{t('negotiation.clause')}</th>
                <th scope="col">{t('negotiation.status')}</th>
                {room.room.members.map((m) => (
                  <th scope="col" key={m.org}>
                    {orgName(m.org)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {room.clauses.map((c) => (
                <tr key={c.clause.id}>
                  <th scope="row" dir="auto">
                    {c.clause.current.number}. {c.clause.current.title}
                  </th>
                  <td data-label={t('negotiation.status')}>
                    <StanceBadge stance={c.status} />
                  </td>
                  {c.positions.map((p) => (
                    <td key={p.org} data-label={orgName(p.org)}>
                      <StanceBadge stance={p.position?.stance ?? null} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ClausePanel({
  roomId,
  c,
  versions,
  writes,
}: {
  roomId: string;
  c: RoomClause;
  versions: Version[];
  writes: boolean;
}) {
  const { t, dateTime, nameOf, number } = useI18n();
  const { orgName } = useWorld();
  const v = c.clause.current;
  const mine = versions.filter((x) => x.clause_id === c.clause.id);
  const [editing, setEditing] = useState(false);
  return (
    <section className="panel clause-panel" aria-labelledby={`clause-${c.clause.position}`} data-testid="room-clause">
      <h2 id={`clause-${c.clause.position}`} dir="auto">
        {v.number}. {v.title} <StanceBadge stance={c.status} />
      </h2>
      <p className="muted small">
        {t('negotiation.versionBy', { n: number(v.version), org: orgName(v.author_org), when: dateTime(v.at) })}
        {v.code && ` · ${t('negotiation.obligation', { code: v.code })}`}
        {v.acts.length > 0 && ` · ${v.acts.map((a) => nameOf.acts(a)).join(', ')}`}
      </p>
      <p className="clause-text" dir="auto">
        {v.text}
      </p>
      <ul className="plain positions">
        {c.positions
          .filter((p) => p.position)
          .map((p) => (
            <li key={p.org} dir="auto">
              <strong>{orgName(p.org)}</strong> <StanceBadge stance={p.position!.stance} />
              {p.position!.comment && <span> {p.position!.comment}</span>}
              {p.position!.proposed_wording && (
                <span className="muted"> {t('negotiation.proposes', { words: p.position!.proposed_wording })}</span>
              )}
            </li>
          ))}
      </ul>
      {mine.length > 1 && <VersionDiff versions={mine} />}
      {writes && <PositionForm roomId={roomId} c={c} />}
      {writes &&
        (editing ? (
          <ClauseForm roomId={roomId} clauseId={c.clause.id} initial={v} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            {t('negotiation.edit')}
          </button>
        ))}
    </section>
  );
}

/** Two versions of one clause, chosen, and the words between them. */
function VersionDiff({ versions }: { versions: Version[] }) {
  const { t, number } = useI18n();
  const last = versions.length;
  const [from, setFrom] = useState(last - 1);
  const [to, setTo] = useState(last);
  const pick = (n: number) => versions.find((x) => x.version === n);
  const id = versions[0]!.clause_id.slice(-8);
  return (
    <details className="version-diff">
      <summary>{t('negotiation.compare', { n: number(versions.length) })}</summary>
      <div className="inline-form">
        <Field label={t('negotiation.from')} htmlFor={`from-${id}`}>
          <select id={`from-${id}`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {versions.map((x) => (
              <option key={x.version} value={x.version}>
                {t('negotiation.version', { n: number(x.version) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('negotiation.to')} htmlFor={`to-${id}`}>
          <select id={`to-${id}`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {versions.map((x) => (
              <option key={x.version} value={x.version}>
                {t('negotiation.version', { n: number(x.version) })}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <DiffView before={versionText(pick(from))} after={versionText(pick(to))} />
    </details>
  );
}

/** The whole draft at two revisions: each clause's newest version made then, compared. */
function DraftDiff({ room, versions }: { room: Room; versions: Version[] }) {
  const { t, number } = useI18n();
  const newest = room.room.revision;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const at = (clauseId: string, r: number) =>
    versions.filter((v) => v.clause_id === clauseId && v.revision <= r).at(-1);
  const revisions = Array.from({ length: newest }, (_, i) => i + 1);
  return (
    <section className="panel" aria-labelledby="draft-diff">
      <h2 id="draft-diff">{t('negotiation.draftDiff')}</h2>
      <div className="inline-form">
        {(
          [
            ['draft-from', from, setFrom, 'negotiation.from'],
            ['draft-to', to, setTo, 'negotiation.to'],
          ] as const
        ).map(([key, value, set, label]) => (
          <Field key={key} label={t(label)} htmlFor={key}>
            <select id={key} value={value} onChange={(e) => set(Number(e.target.value))}>
              {revisions.map((r) => (
                <option key={r} value={r}>
                  {t('negotiation.revision', { n: number(r) })}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
      {room.clauses.map((c) => (
        <div key={c.clause.id} className="draft-diff-clause">
          <DiffView before={versionText(at(c.clause.id, from))} after={versionText(at(c.clause.id, to))} />
        </div>
      ))}
    </section>
  );
}

function PositionForm({ roomId, c }: { roomId: string; c: RoomClause }) {
  const { t } = useI18n();
  const { me } = useSession();
  const own = c.positions.find((p) => p.org === me?.org)?.position;
  const take = useTakePosition(roomId, c.clause.id);
  const [stance, setStance] = useState<Stance>(own?.stance ?? 'open');
  const [comment, setComment] = useState('');
  const [wording, setWording] = useState('');
  const key = c.clause.position;
  return (
    <form
      className="form position-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        take.mutate(
          { stance, comment, proposed_wording: wording || null },
          {
            onSuccess: () => {
              setComment('');
              setWording('');
            },
          },
        );
      }}
    >
      <Field label={t('negotiation.yourPosition')} htmlFor={`stance-${key}`}>
        <select id={`stance-${key}`} value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {t(`negotiation.stance.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('negotiation.comment')} htmlFor={`comment-${key}`}>
        <input id={`comment-${key}`} value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
      </Field>
      <Field label={t('negotiation.proposedWording')} htmlFor={`wording-${key}`}>
        <textarea id={`wording-${key}`} value={wording} onChange={(e) => setWording(e.target.value)} dir="auto" />
      </Field>
      {take.error && <ErrorNotice error={take.error} />}
      <button type="submit" className="btn btn-primary" disabled={take.isPending}>
        {t('negotiation.takePosition')}
      </button>
    </form>
  );
}

function ClauseForm({
  roomId,
  clauseId,
  initial,
  onDone,
}: {
  roomId: string;
  clauseId: string;
  initial: Version;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const edit = useEditClause(roomId, clauseId);
  const [text, setText] = useState(initial.text);
  const [title, setTitle] = useState(initial.title);
  const key = clauseId.slice(-8);
  return (
    <form
      className="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        edit.mutate(
          { number: initial.number, title, text, code: initial.code, acts: initial.acts },
          { onSuccess: onDone },
        );
      }}
    >
      <Field label={t('negotiation.clauseTitle')} htmlFor={`title-${key}`}>
        <input id={`title-${key}`} value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
      </Field>
      <Field label={t('negotiation.text')} htmlFor={`text-${key}`}>
        <textarea id={`text-${key}`} value={text} onChange={(e) => setText(e.target.value)} dir="auto" rows={5} />
      </Field>
      <p className="muted small">{t('negotiation.editVoids')}</p>
      {edit.error && <ErrorNotice error={edit.error} />}
      <button type="submit" className="btn btn-primary" disabled={edit.isPending}>
        {t('negotiation.saveVersion')}
      </button>
    </form>
  );
}

function AddClause({ roomId }: { roomId: string }) {
  const { t } = useI18n();
  const add = useAddClause(roomId);
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [code, setCode] = useState('');
  return (
    <form
      className="panel form"
      aria-labelledby="add-clause"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        add.mutate(
          { number, title, text, code: (code || null) as Version['code'], acts: [] },
          {
            onSuccess: () => {
              setNumber('');
              setTitle('');
              setText('');
            },
          },
        );
      }}
    >
      <h2 id="add-clause">{t('negotiation.addClause')}</h2>
      <Field label={t('negotiation.number')} htmlFor="clause-number">
        <input id="clause-number" value={number} onChange={(e) => setNumber(e.target.value)} required maxLength={20} />
      </Field>
      <Field label={t('negotiation.clauseTitle')} htmlFor="clause-title">
        <input id="clause-title" value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
      </Field>
      <Field label={t('negotiation.text')} htmlFor="clause-text">
        <textarea id="clause-text" value={text} onChange={(e) => setText(e.target.value)} dir="auto" rows={4} />
      </Field>
      <Field label={t('negotiation.code')} htmlFor="clause-code" help={t('negotiation.codeHelp')}>
        <select id="clause-code" value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">{t('negotiation.noCode')}</option>
          {['T1', 'T2', 'T2a', 'T3', 'T4', 'T5', 'M1'].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </Field>
      {add.error && <ErrorNotice error={add.error} />}
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {t('negotiation.addClauseSubmit')}
      </button>
    </form>
  );
}

function Publications({ room, writes }: { room: Room; writes: boolean }) {
  const { t, number } = useI18n();
  const propose = usePropose(room.room.id);
  const [terms, setTerms] = useState<TermsChoice>(keepTerms);
  const publishable = room.clauses.filter((c) => c.clause.current.code !== null);
  return (
    <section className="panel" aria-labelledby="room-publications">
      <h2 id="room-publications">{t('negotiation.publication')}</h2>
      <p className="muted small">{t('negotiation.publicationRule')}</p>
      {room.publications.length === 0 ? (
        <p className="empty">{t('negotiation.noProposal')}</p>
      ) : (
        <ol className="plain proposals">
          {room.publications.map((p) => (
            <ProposalItem key={p.id} room={room} p={p} writes={writes} />
          ))}
        </ol>
      )}
      {writes && publishable.length > 0 && (
        <>
          <ProposalTermsFields room={room} value={terms} onChange={setTerms} />
          <button
            type="button"
            className="btn btn-primary"
            disabled={propose.isPending || (terms.scope === 'areas' && terms.areas.length === 0)}
            onClick={() =>
              propose.mutate(
                {
                  versions: publishable.map((c) => ({ clause: c.clause.id, version: c.clause.current.version })),
                  in_force: null,
                  prohibited: null,
                  ...termsBody(terms),
                },
                { onSuccess: () => setTerms(keepTerms) },
              )
            }
          >
            {t('negotiation.propose', { n: number(publishable.length) })}
          </button>
          {propose.error && <ErrorNotice error={propose.error} />}
        </>
      )}
    </section>
  );
}

function ProposalItem({ room, p, writes }: { room: Room; p: Publication; writes: boolean }) {
  const { t, dateTime, lang, number } = useI18n();
  const { orgName } = useWorld();
  const { me } = useSession();
  const sep = lang === 'ar' ? '، ' : ', ';
  const approve = useApprove(room.room.id);
  const publish = usePublish(room.room.id);
  const clauses = p.versions
    .map((v) => {
      const c = room.clauses.find((x) => x.clause.id === v.clause)?.clause.current;
      return c ? `${c.number} (${t('negotiation.version', { n: number(v.version) })})` : '';
    })
    .join(sep);
  const approved = p.approvals.filter((a) => a.voided_at === null).map((a) => orgName(a.org));
  return (
    <li className="proposal" data-testid="proposal">
      <p>
        <strong>{t('negotiation.proposalOf', { when: dateTime(p.proposed_at), org: orgName(p.proposed_org) })}</strong>{' '}
        <span className={`badge publication-${p.state}`}>{t(`negotiation.state.${p.state}`)}</span>
      </p>
      <p className="small" dir="auto">
        {t('negotiation.clausesIncluded', { clauses })}
      </p>
      <ProposalTermsSummary p={p} />
      {p.voided_by_terms && <p className="small muted">{t('negotiation.voidedByTerms')}</p>}
      <p className="small">
        {t('negotiation.approvedBy', { orgs: approved.length ? approved.join(sep) : t('negotiation.nobody') })}
        {p.missing.length > 0 && ` · ${t('negotiation.waitingFor', { orgs: p.missing.map(orgName).join(sep) })}`}
      </p>
      {writes && p.state === 'proposed' && (
        <div className="actions">
          {me && p.required.includes(me.org) && !p.approvals.some((a) => a.org === me.org) && (
            <button type="button" className="btn" disabled={approve.isPending} onClick={() => approve.mutate(p.id)}>
              {t('negotiation.approve')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate(p.id)}
          >
            {t('negotiation.publish')}
          </button>
        </div>
      )}
      {approve.error && <ErrorNotice error={approve.error} />}
      {publish.error && <ErrorNotice error={publish.error} />}
    </li>
  );
}
