/**
 * Operation notices, their stored conflicts and a target owner's alerts in responses; a notice's
 * change in requests. A conflict names only a target the reader may see; an alert names the
 * reader's own target and the window, nothing of the operation.
 */
import { z } from 'zod';
import type { NoticeChange } from '../../app/notices/change-notice.ts';
import { alertView, conflictView, deconflictionDayView } from '../../app/notices/notice-views.ts';
import { TARGET_KINDS } from '../../contract/notices.ts';
import { parseInstant } from '../../domain/time.ts';
import type { Geometry } from '../../domain/geo.ts';
import { openIntervalSchema, pointSchema, polygonSchema } from '../../scenario/bundle.schema.ts';
import { dateQuery, geometryOut, instantOut, intervalOut, pageQuery, whereOut } from '../schemas.ts';

export const noticePatch = z
  .object({
    area: z
      .discriminatedUnion('type', [pointSchema, polygonSchema])
      .describe('A Point (with a radius) or a Polygon')
      .optional(),
    radius_m: z.number().min(0, 'must be 0 or more').max(100_000, 'must be at most 100000').optional(),
    window: openIntervalSchema.optional(),
  })
  .strict()
  .refine(
    (b) => b.area !== undefined || b.radius_m !== undefined || b.window !== undefined,
    'must change the area, the radius or the window',
  );

const instant = (text: string): number => parseInstant(text)!;
export const toNoticeChange = (b: z.infer<typeof noticePatch>): NoticeChange => ({
  ...(b.area ? { area: b.area as Geometry } : {}),
  ...(b.radius_m !== undefined ? { radiusM: b.radius_m } : {}),
  ...(b.window
    ? { window: { from: instant(b.window.from), to: b.window.to === null ? null : instant(b.window.to) } }
    : {}),
});

export const noticesQuery = pageQuery.extend({
  box: z
    .enum(['mine'])
    .optional()
    .describe('mine: declared by your organization; left out: every notice you may see (the secretariat: all)'),
});

export const targetOut = z
  .object({
    kind: z.enum(TARGET_KINDS),
    id: z.string(),
    name: z.string().nullable().describe('A notification’s or a position’s name; null for a protected site'),
    subkind: z
      .string()
      .nullable()
      .describe('A site’s kind (hospital...), a position’s (troops...); null for a movement'),
    owner: z.string().describe('A protected site: its actor; a notification or a position: its organization'),
    valid: intervalOut,
    where: whereOut,
    where_end: whereOut.nullable().describe('A movement: where its route ends'),
  })
  .meta({ id: 'DeconflictionTarget' });

export const conflictOut = z
  .object({
    id: z.string(),
    target: targetOut,
    clearance_m: z.number().int().describe('Metres between the operation’s reach and the target (0: they touch)'),
    notified: z
      .boolean()
      .describe('Whether the declaring party was told of the target; false: it was never notified of it'),
    computed_at: instantOut,
  })
  .meta({ id: 'NoticeConflict' });

export const storedConflictsOut = z
  .array(conflictOut)
  .describe('The notice’s stored conflicts with the targets you may see (nothing, not even a count, of the others)');

export const alertOut = z
  .object({
    id: z.string(),
    target: targetOut,
    clearance_m: z.number().int(),
    window: intervalOut.describe('When the operation is planned'),
    computed_at: instantOut,
    closed: z.boolean(),
  })
  .meta({
    id: 'DeconflictionAlert',
    description: 'An operation is planned near a site, movement or position of yours: not who, what or where',
  });

export const conflictJson = conflictView;
export const alertJson = alertView;

export const dayQuery = z.object({
  day: dateQuery.describe('A calendar day in the world’s timezone (YYYY-MM-DD); today by default'),
});

const dayTargetOut = targetOut
  .extend({
    geometry: geometryOut,
    buffer_m: z.number().describe('Metres around it that an operation must keep clear'),
  })
  .meta({ id: 'DeconflictionDayTarget' });

export const deconflictionDayOut = z
  .object({
    day: z.string().describe('The day shown (YYYY-MM-DD)'),
    from: instantOut.describe('Its first instant in the world’s timezone'),
    to: instantOut.describe('The next day’s first instant'),
    server_now: instantOut.describe('The database’s clock when read'),
    sites: z.array(dayTargetOut).describe('Protected sites and notified sites valid that day, those you may see'),
    movements: z.array(dayTargetOut).describe('Notified movements (routes) whose window touches the day'),
    positions: z.array(dayTargetOut).describe('The parties’ positions held that day that you may see'),
    operations: z
      .array(
        z.object({
          id: z.string(),
          actor: z.string(),
          kind: z.string(),
          area: geometryOut,
          radius_m: z.number(),
          window: intervalOut,
          declared_by: z
            .string()
            .nullable()
            .describe('The organization that declared it (a notice); null: a scenario’s'),
          where: whereOut,
        }),
      )
      .describe('Operations planned that day that you may see (not withdrawn before it)'),
    conflicts: z
      .array(
        conflictOut.extend({
          operation: z
            .string()
            .nullable()
            .describe(
              'The operation (one of `operations`); null: its classification hides it from you (the secretariat)',
            ),
          declared_by: z.string(),
          window: intervalOut,
        }),
      )
      .describe('The open conflicts of the notices planned that day, with the targets you may see, nearest first'),
    alerts: z
      .array(alertOut)
      .describe(
        'Your organization’s places an operation planned that day comes near, when the conflicts do not show it',
      ),
  })
  .meta({ id: 'DeconflictionDay' });

export const deconflictionDayJson = deconflictionDayView;
