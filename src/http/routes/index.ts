/** Every resource's routes, registered under /api/v1 by server.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { authRoutes } from './auth.routes.ts';

export const API_ROUTES: FastifyPluginAsyncZod<{ ctx: AppContext }>[] = [
  authRoutes,
];
