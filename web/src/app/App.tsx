/** The app: language, session, the world's names, live events, and the page for the path. */
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { LiveInvalidation } from '../api/live-invalidation.ts';
import { LiveProvider } from '../api/live.tsx';
import { QueryProvider } from '../api/query-client.tsx';
import { SessionProvider, useSession } from '../api/session.tsx';
import { WorldProvider } from '../api/world.tsx';
import { AgreementPage } from '../features/agreement/AgreementPage.tsx';
import { IncidentPage } from '../features/incidents/IncidentPage.tsx';
import { IncidentReviewPage } from '../features/incidents/IncidentReviewPage.tsx';
import { IncidentsPage } from '../features/incidents/IncidentsPage.tsx';
import { InboxPage } from '../features/inbox/InboxPage.tsx';
import { ReviewPage } from '../features/review/ReviewPage.tsx';
import { HotlinePage } from '../features/hotline/HotlinePage.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { ZonePage } from '../features/world/ZonePage.tsx';
import { ChangePage } from '../features/territory/ChangePage.tsx';
import { TerritoryPage } from '../features/territory/TerritoryPage.tsx';
import { SearchPage } from '../features/search/SearchPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';
import { TextIntakePage } from '../features/text-intake/TextIntakePage.tsx';
import { NoticesPage } from '../features/notices/NoticesPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { ConvoyRequestPage } from '../features/convoys/ConvoyRequestPage.tsx';
import { NewConvoyPage } from '../features/convoys/ConvoyForm.tsx';
import { ConvoysPage } from '../features/convoys/ConvoysPage.tsx';
import { PositionsPage } from '../features/positions/PositionsPage.tsx';
import { AccessPlanPage } from '../features/access-plan/AccessPlanPage.tsx';
import { BesiegedAreaPage } from '../features/besieged/BesiegedAreaPage.tsx';
import { BesiegedPage } from '../features/besieged/BesiegedPage.tsx';
import { NewLocalAgreementPage } from '../features/local-agreements/LocalAgreementForm.tsx';
import { LocalAgreementPage } from '../features/local-agreements/LocalAgreementPage.tsx';
import { LocalAgreementsPage } from '../features/local-agreements/LocalAgreementsPage.tsx';
import { RoomPage } from '../features/negotiation/RoomPage.tsx';
import { RoomsPage } from '../features/negotiation/RoomsPage.tsx';
import { mayDeconflict } from '../features/console/may-deconflict.ts';
import { importFormatsFor } from '../../../src/contract/imports.ts';
import { FiledReportPage } from '../features/reports/FiledReportPage.tsx';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { DailyReportPage } from '../features/daily-report/DailyReportPage.tsx';
import { StatePage } from '../features/state/StatePage.tsx';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';
import { Shell } from './Shell.tsx';
import { Loading, NotFound } from './ui.tsx';

// The map pages carry MapLibre: loaded only when one is opened.
const MapPage = lazy(() => import('../features/map/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const ConsolePage = lazy(() => import('../features/console/ConsolePage.tsx').then((m) => ({ default: m.ConsolePage })));
const ReportPage = lazy(() => import('../features/report/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const ZoneDrawPage = lazy(() =>
  import('../features/world/ZoneDrawPage.tsx').then((m) => ({ default: m.ZoneDrawPage })),
);

export function App() {
  return (
    <I18nProvider>
      <QueryProvider>
        <SessionProvider>
          <Gate />
        </SessionProvider>
      </QueryProvider>
    </I18nProvider>
  );
}

function Gate() {
  const { me, loading } = useSession();
  const { path } = useLocation();
  useEffect(() => {
    if (loading) return;
    if (!me && path !== '/sign-in')
      navigate(`/sign-in${path !== '/' ? `?next=${encodeURIComponent(path + location.search)}` : ''}`, {
        replace: true,
      });
    if (me && (path === '/sign-in' || path === '/')) {
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/map', { replace: true });
    }
  }, [me, loading, path]);
  if (loading) return <Loading />;
  if (!me) return <SignInPage />;
  return (
    // Signing out clears the query cache of everything this session read (session.tsx).
    <WorldProvider>
      <LiveProvider enabled>
        <LiveInvalidation />
        <Shell>
          <Suspense fallback={<Loading />}>
            <Page path={path} />
          </Suspense>
        </Shell>
      </LiveProvider>
    </WorldProvider>
  );
}

function Page({ path }: { path: string }): ReactNode {
  const { t } = useI18n();
  const { can } = useSession();
  if (path === '/map') return <MapPage />;
  if (path === '/incidents') return <IncidentsPage />;
  const incident = matchPath('/incidents/:id', path);
  if (incident) return <IncidentPage id={incident.id!} />;
  const review = matchPath('/incidents/:id/review', path);
  if (review) return <IncidentReviewPage id={review.id!} />;
  if (path === '/report' && can('report:file')) return <ReportPage />;
  if (path === '/intake' && can('report:file')) return <TextIntakePage />;
  if (path === '/inbox' && can('incident:manage')) return <InboxPage />;
  if (path === '/review') return <ReviewPage />;
  if (path === '/hotline') return <HotlinePage />;
  if (path === '/search') return <SearchPage />;
  if (path === '/admin' && can('accounts:manage')) return <AdminPage />;
  if (path === '/audit' && can('audit:read')) return <AuditPage />;
  if (path === '/account') return <AccountPage />;
  const report = matchPath('/reports/:id', path);
  if (report) return <FiledReportPage id={report.id!} />;
  if (path === '/agreements') return <AgreementPage id={null} />;
  const agreement = matchPath('/agreements/:id', path);
  if (agreement) return <AgreementPage id={agreement.id!} />;
  if (path === '/state') return <StatePage />;
  if (path === '/report/daily') return <DailyReportPage />;
  if (path === '/settings') return <SettingsPage />;
  if (path === '/import' && importFormatsFor(can).length > 0) return <ImportPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/convoys') return <ConvoysPage />;
  if (path === '/convoys/new' && can('convoy:organize')) return <NewConvoyPage />;
  const convoy = matchPath('/convoys/:id', path);
  if (convoy && convoy.id !== 'new') return <ConvoyRequestPage id={convoy.id!} />;
  if (path === '/access-plan') return <AccessPlanPage />;
  if (path === '/besieged') return <BesiegedPage />;
  const area = matchPath('/besieged/:id', path);
  if (area) return <BesiegedAreaPage id={area.id!} />;
  if (path === '/negotiation') return <RoomsPage />;
  const room = matchPath('/negotiation/:id', path);
  if (room) return <RoomPage id={room.id!} />;
  if (path === '/local-agreements') return <LocalAgreementsPage />;
  if (path === '/local-agreements/new' && can('local_agreement:manage')) return <NewLocalAgreementPage />;
  const localAgreement = matchPath('/local-agreements/:id', path);
  if (localAgreement && localAgreement.id !== 'new') return <LocalAgreementPage id={localAgreement.id!} />;
  if (path === '/console' && mayDeconflict(can)) return <ConsolePage />;
  if (path === '/notices') return <NoticesPage />;
  if (path === '/positions') return <PositionsPage />;
  if (path === '/zones/new' && can('world:manage')) return <ZoneDrawPage id={null} />;
  const redraw = matchPath('/zones/:id/edit', path);
  if (redraw && can('world:manage')) return <ZoneDrawPage id={redraw.id!} />;
  const zone = matchPath('/zones/:id', path);
  if (zone && path !== '/zones/new') return <ZonePage id={zone.id!} />;
  if (path === '/territory') return <TerritoryPage />;
  const change = matchPath('/territory/:zone/:at', path);
  if (change && /^-?\d+$/.test(change.at!)) return <ChangePage zoneId={change.zone!} at={Number(change.at)} />;
  if (path === '/sign-in' || path === '/') return <Loading />;
  return (
    <NotFound
      title={t('notFound.page.title')}
      text={t('notFound.page')}
      back={{ to: '/map', label: t('notFound.page.back') }}
    />
  );
}
