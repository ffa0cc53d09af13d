/**
 * GET /settings: the world's settings, for any signed-in user: its name, the timezone of its day
 * boundaries, the host state whose consent every convoy needs, and the days of calm per
 * agreement. A calm setting shows only to a reader who may see its agreement (row-level
 * security on `calm_settings`), so that it tells nothing of an agreement hidden from them. The
 * operator at the command line (`truce settings`) reads them all.
 */
import * as settings from '../../store/settings.repository.ts';
import { asReader } from '../../store/reader.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface Settings extends settings.WorldSettings {
  /** Those of the agreements the reader may see, the default first. */
  calm: settings.CalmSetting[];
}

/** `operator`: the command line's operator, who reads every agreement's days of calm. */
export async function getSettings(ctx: AppContext, caller: Caller | 'operator' | null): Promise<Settings> {
  if (caller === 'operator') return readSettings(ctx.db);
  return asReader(ctx.db, readerOf(requireCaller(caller)), readSettings);
}

/** The settings as whoever runs the query may see them. */
export async function readSettings(sql: Sql): Promise<Settings> {
  return { ...(await settings.get(sql)), calm: await settings.listCalm(sql) };
}
