/** Every resource's routes, registered under /api/v1 by server.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { actorsRoutes } from './actors.routes.ts';
import { agreementsRoutes } from './agreements.routes.ts';
import { auditRoutes } from './audit.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { eventsRoutes } from './events.routes.ts';
import { findingsRoutes } from './findings.routes.ts';
import { hotlineRoutes } from './hotline.routes.ts';
import { mapRoutes } from './map.routes.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { organizationsRoutes } from './organizations.routes.ts';
import { plansRoutes } from './plans.routes.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { rulingsRoutes } from './rulings.routes.ts';
import { searchRoutes } from './search.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { webhooksRoutes } from './webhooks.routes.ts';
import { zonesRoutes } from './zones.routes.ts';

export const API_ROUTES: FastifyPluginAsyncZod<{ ctx: AppContext }>[] = [
  authRoutes,
  organizationsRoutes,
  reportsRoutes,
  incidentsRoutes,
  rulingsRoutes,
  auditRoutes,
  eventsRoutes,
  mapRoutes,
  actorsRoutes,
  agreementsRoutes,
  zonesRoutes,
  plansRoutes,
  notificationsRoutes,
  findingsRoutes,
  usersRoutes,
  searchRoutes,
  settingsRoutes,
  hotlineRoutes,
  webhooksRoutes,
];
