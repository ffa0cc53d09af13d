/** Live events as Server-Sent Events: new reports, changed incidents and findings, alerts (http/event-stream.ts). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { EventStreams, HEARTBEAT_MS } from '../event-stream.ts';
import { errorResponses } from '../schemas.ts';
import { eventsQuery, eventStreamOut } from './events.schemas.ts';

export const eventsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const streams = new EventStreams(ctx);
  app.addHook('preClose', async () => streams.endAll());
  app.addHook('onClose', async () => streams.close());

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary:
          'Live events (Server-Sent Events): new reports, changed findings and alerts you may see; new entries of the audit trail you may read',
        description:
          'A `text/event-stream`. Each event has an `id:` (send it back as `Last-Event-ID` to get what you missed) ' +
          'and a JSON `data:` line: `{ type, entity, id, at, data }`, where data is the record as you may see it ' +
          '(an alert adds `reasons`; `audit.appended`, entries of the audit trail sealed, has none: read GET /audit again; ' +
          '`hotline.updated` and `hotline.escalated` carry a hotline thread, sent only to its parties and the secretariat). ' +
          `A comment line comes every ${HEARTBEAT_MS / 1000} s.`,
        querystring: eventsQuery,
        response: {
          200: eventStreamOut,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => streams.open(request, reply, request.query.last_event_id),
  );
};
