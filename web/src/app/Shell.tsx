/** The frame of every page: the side navigation, who is signed in, the language switch, live notices. */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type LiveEvent, useLive } from '../api/live.tsx';
import { useSession } from '../api/session.tsx';
import { useWorld } from '../api/world.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useIncident } from '../features/incidents/queries.ts';
import { mayDeconflict } from '../features/console/may-deconflict.ts';
import { importFormatsFor } from '../../../src/contract/imports.ts';
import { type NamedArea, loadGovernorates } from '../map/area-at.ts';
import { describeLiveEvent, findingIncident } from './live-notice.ts';
import { useStatements } from './use-statements.ts';
import { Link, navigate, useLocation } from './router.tsx';

interface NavItem {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  show: boolean;
}

const icon = (d: string) => (
  <svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d={d} />
  </svg>
);

export function Shell({ children }: { children: ReactNode }) {
  const { t, nameOf, lang, setLang } = useI18n();
  const { me, can, signOut } = useSession();
  const { orgName } = useWorld();
  const { path } = useLocation();
  const { connected } = useLive();
  // On a phone the navigation is a menu behind a button: it closes on navigation and on Escape.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  const items: NavItem[] = [
    { to: '/map', label: 'nav.map', icon: icon('M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14'), show: true },
    { to: '/incidents', label: 'nav.incidents', icon: icon('M4 6h16M4 12h16M4 18h10'), show: true },
    { to: '/search', label: 'nav.search', icon: icon('M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4'), show: true },
    {
      to: '/inbox',
      label: 'nav.inbox',
      icon: icon('M3 13h5l2 3h4l2-3h5M5 5h14l2 8v6H3v-6z'),
      show: can('incident:manage'),
    },
    {
      to: '/console',
      label: 'nav.console',
      icon: icon('M3 4h18v12H3zM8 20h8M12 16v4M7 12l3-3 2 2 4-4'),
      // Those who deconflict: who acknowledge, notify, record positions or declare operations.
      show: mayDeconflict(can),
    },
    { to: '/review', label: 'nav.review', icon: icon('M9 11l3 3 8-8M20 12v7H4V5h11'), show: true },
    // Every signed-in user sees the threads of its organization (the secretariat, all of them).
    {
      to: '/hotline',
      label: 'nav.hotline',
      icon: icon('M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2'),
      show: true,
    },
    { to: '/report', label: 'nav.report', icon: icon('M12 5v14M5 12h14'), show: can('report:file') },
    {
      to: '/intake',
      label: 'nav.intake',
      icon: icon('M6 3h9l4 4v14H6zM9 9h6M9 13h6M9 17h4'),
      show: can('report:file'),
    },
    {
      to: '/territory',
      label: 'nav.territory',
      icon: icon('M4 5l5-2 6 2 5-2v16l-5 2-6-2-5 2zM9 3v16M15 5v16M4 12h16'),
      show: true,
    },
    { to: '/agreements', label: 'nav.agreement', icon: icon('M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6'), show: true },
    {
      to: '/admin',
      label: 'nav.admin',
      icon: icon('M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z'),
      show: can('accounts:manage'),
    },
    {
      to: '/audit',
      label: 'nav.audit',
      icon: icon('M12 8v4l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z'),
      show: can('audit:read'),
    },
    {
      to: '/notifications',
      label: 'nav.notifications',
      icon: icon('M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10 21h4'),
      // Every organization may be told of a site or a movement; those who may neither send nor acknowledge read them.
      show: true,
    },
    {
      to: '/convoys',
      label: 'nav.convoys',
      icon: icon('M3 7h11v9H3zM14 10h4l3 3v3h-7M7 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z'),
      // Every organization may organize, decide on or see convoy requests; the list shows only those it may see.
      show: true,
    },
    {
      to: '/access-plan',
      label: 'nav.accessPlan',
      icon: icon('M4 5h16v15H4zM4 9h16M9 3v4M15 3v4M8 13h3M8 16h6'),
      // Derived from the convoy requests each reader may see.
      show: true,
    },
    {
      to: '/besieged',
      label: 'nav.besieged',
      icon: icon('M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'),
      show: true,
    },
    {
      to: '/local-agreements',
      label: 'nav.localAgreements',
      icon: icon('M4 12l4-4 4 4 4-4 4 4M4 17h16M12 3v5'),
      show: true,
    },
    {
      to: '/negotiation',
      label: 'nav.negotiation',
      icon: icon('M4 5h10v8H8l-4 3zM14 9h6v8l-3-2h-5v-2'),
      // The rooms of one's own organization only; none for most, which the page says.
      show: true,
    },
    {
      to: '/notices',
      label: 'nav.notices',
      icon: icon('M12 3v3M12 18v3M3 12h3M18 12h3M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'),
      // Every organization reads the notices it may see; the secretariat all of them.
      show: true,
    },
    {
      to: '/positions',
      label: 'nav.positions',
      icon: icon('M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12zM12 7a2 2 0 1 0 0 4 2 2 0 0 0 0-4'),
      show: true,
    },
    { to: '/state', label: 'nav.state', icon: icon('M4 20V10M10 20V4M16 20v-7M22 20H2'), show: true },
    {
      to: '/report/daily',
      label: 'nav.dailyReport',
      icon: icon('M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7'),
      show: true,
    },
    {
      to: '/import',
      label: 'nav.import',
      icon: icon('M12 4v11M7 10l5 5 5-5M4 20h16'),
      show: importFormatsFor(can).length > 0,
    },
    {
      to: '/settings',
      label: 'nav.settings',
      icon: icon('M4 6h16M4 12h16M4 18h16M9 4v4M15 10v4M7 16v4'),
      show: can('world:manage'),
    },
  ];
  // The item whose address is the longest start of the path: /report/daily is the daily report's, not /report's.
  const activeItem = items
    .filter((i) => i.show && (path === i.to || path.startsWith(`${i.to}/`)))
    .reduce<string | null>((best, i) => (best === null || i.to.length > best.length ? i.to : best), null);
  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/map" className="brand">
          <BrandMark />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <button
          ref={menuButton}
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="side-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {icon(menuOpen ? 'M6 6l12 12M18 6 6 18' : 'M4 7h16M4 12h16M4 17h16')}
          <span>{t('nav.menu')}</span>
        </button>
      </header>
      <aside className="sidebar" id="side-menu">
        <Link to="/map" className="brand brand-side">
          <BrandMark />
          <span>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {items
              .filter((i) => i.show)
              .map((i) => (
                <li key={i.to}>
                  <Link
                    to={i.to}
                    className={`nav-link${i.to === activeItem ? ' active' : ''}`}
                    aria-current={i.to === activeItem ? 'page' : undefined}
                  >
                    {i.icon}
                    <span>{t(i.label)}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="sidebar-foot">
          <div className={`live-state${connected ? ' on' : ''}`} data-testid="live-state">
            <span className="dot" aria-hidden="true" />
            {connected ? t('nav.live') : t('nav.offline')}
          </div>
          <div className="lang-switch" role="group" aria-label={t('nav.language')}>
            <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
              EN
            </button>
            <button type="button" lang="ar" aria-pressed={lang === 'ar'} onClick={() => setLang('ar')}>
              عربي
            </button>
          </div>
          {me && (
            <div className="user">
              <div className="user-name">{me.username}</div>
              <div className="user-meta">
                {nameOf.roles(me.role)} · {orgName(me.org)}
              </div>
              <div className="user-clearance">{nameOf.clearances(me.clearance)}</div>
              <Link
                to="/account"
                className="btn btn-ghost btn-small"
                aria-current={path === '/account' ? 'page' : undefined}
                data-testid="account-link"
              >
                {t('nav.account')}
              </Link>{' '}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => void signOut().then(() => navigate('/sign-in'))}
              >
                {t('nav.signOut')}
              </button>
            </div>
          )}
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <LiveToasts />
    </div>
  );
}

function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      <svg viewBox="0 0 32 32" width="30" height="30">
        <rect width="32" height="32" rx="8" fill="#e9eef6" />
        <path
          d="M9 17.5l4.5 4.5L23 11"
          fill="none"
          stroke="#1d3557"
          strokeWidth="3.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}

function LiveToasts() {
  const { recent, dismiss } = useLive();
  const [areas, setAreas] = useState<NamedArea[]>([]);
  // The governorates name where a report was placed: loaded before the first notice, so its text does not change under the reader.
  useEffect(() => {
    loadGovernorates()
      .then(setAreas)
      .catch(() => undefined);
  }, []);
  return (
    <div className="toasts" aria-live="polite" data-testid="live-toasts">
      {recent.slice(0, 4).map((e) => (
        <LiveToast key={`${e.type}:${e.id}:${e.at}`} event={e} areas={areas} onClose={() => dismiss(e)} />
      ))}
    </div>
  );
}

/** One notice: what happened, where and when, linking to its incident or report. */
function LiveToast({ event: e, areas, onClose }: { event: LiveEvent; areas: NamedArea[]; onClose(): void }) {
  const i18n = useI18n();
  const world = useWorld();
  // A finding names its incident only by id: read the incident (as this reader) for its act, place and time.
  const incidentId = findingIncident(e);
  // The same cached query as the incident's page: one request for both, and no error shown here.
  const incident = useIncident(incidentId);
  const { say } = useStatements();
  const { text, link } = describeLiveEvent(
    e,
    {
      ...i18n,
      actorName: world.actorName,
      agreementTitle: world.agreementTitle,
      orgName: world.orgName,
      zoneName: world.zoneName,
      say,
    },
    areas,
    incident.data ?? null,
  );
  return (
    <div className={`toast toast-${e.type.replace('.', '-')}`} data-testid="live-toast">
      {link ? (
        <Link to={link} dir="auto">
          {text}
        </Link>
      ) : (
        <span dir="auto">{text}</span>
      )}
      <button type="button" className="toast-close" aria-label={i18n.t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
