/** The query of the live event stream, and how its answer is described in the OpenAPI document. */
import { z } from 'zod';

export const eventsQuery = z.object({
  last_event_id: z.string().max(100).optional().describe('the same as the Last-Event-ID header'),
});

export const eventStreamOut = z.string().meta({
  description: 'the event stream',
  content: {
    'text/event-stream': {
      schema: {
        type: 'string',
        description: 'data: lines hold a LiveEvent',
        example:
          'id: 9f2c01ab-1\ndata: {"type":"report.created","entity":"report","id":"r1","at":"2016-09-19T18:00:00.000Z","data":{}}\n\n',
      },
    },
  },
});
