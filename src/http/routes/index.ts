/** Every resource's routes, registered under /api/v1 by server.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { accessPlanRoutes } from './access-plan.routes.ts';
import { accountRoutes } from './account.routes.ts';
import { actorsRoutes } from './actors.routes.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { besiegedRoutes } from './besieged.routes.ts';
import { convoyRequestsRoutes } from './convoy-requests.routes.ts';
import { dailyReportRoutes } from './daily-report.routes.ts';
import { eventsRoutes } from './events.routes.ts';
import { findingsRoutes } from './findings.routes.ts';
import { hotlineRoutes } from './hotline.routes.ts';
import { importsRoutes } from './imports.routes.ts';
import { localAgreementsRoutes } from './local-agreements.routes.ts';
import { mapRoutes } from './map.routes.ts';
import { negotiationRoutes } from './negotiation.routes.ts';
import { noticesRoutes } from './notices.routes.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { organizationsRoutes } from './organizations.routes.ts';
import { plansRoutes } from './plans.routes.ts';
import { incidentReviewRoutes } from './incident-review.routes.ts';
import { intakeRoutes } from './intake.routes.ts';
import { positionsRoutes } from './positions.routes.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { rulingsRoutes } from './rulings.routes.ts';
import { searchRoutes } from './search.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { zonesRoutes } from './zones.routes.ts';
// Last: its schemas import the incidents', and the OpenAPI components come in the order they are first imported.
import { ogcRoutes } from './ogc.routes.ts';

export const API_ROUTES: FastifyPluginAsyncZod<{ ctx: AppContext }>[] = [
  authRoutes,
  accountRoutes,
  organizationsRoutes,
  reportsRoutes,
  intakeRoutes,
  incidentsRoutes,
  importsRoutes,
  incidentReviewRoutes,
  rulingsRoutes,
  auditRoutes,
  eventsRoutes,
  mapRoutes,
  actorsRoutes,
  agreementsRoutes,
  zonesRoutes,
  plansRoutes,
  notificationsRoutes,
  positionsRoutes,
  noticesRoutes,
  findingsRoutes,
  usersRoutes,
  searchRoutes,
  settingsRoutes,
  hotlineRoutes,
  besiegedRoutes,
  localAgreementsRoutes,
  convoyRequestsRoutes,
  accessPlanRoutes,
  ogcRoutes,
  webhooksRoutes,
  dailyReportRoutes,
  negotiationRoutes,
];
