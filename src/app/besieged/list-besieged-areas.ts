/**
 * GET /besieged-areas?on=: the dashboard. Each area the caller may see, as of a day: its status
 * then, its besiegers, its population as last estimated (with the estimate before it, and the
 * trend), its last delivery (recorded on the area, or a convoy request's: area-deliveries.ts) and
 * the days without aid; and the overall count of every besieged location. An area recorded from a
 * later day is left out. The day is, by default, the latest any figure the caller may see speaks
 * of (the records are of a past year as often as of this one), else today. Areas are few (dozens):
 * they are read whole and reckoned here with the rules of domain/siege.ts.
 */
import {
  type BesiegedStatus,
  daysWithoutDelivery,
  lastDeliveryOn,
  type PopulationAsOf,
  populationOn,
  statusOn,
  statusSince,
} from '../../domain/siege.ts';
import * as besieged from '../../store/besieged.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import { areaDeliveries } from './area-deliveries.ts';
import type { AppContext } from '../context.ts';

export interface AreaAsOf {
  area: besieged.BesiegedAreaRead;
  status: { status: BesiegedStatus; since: string; source: string | null } | null;
  population: PopulationAsOf<besieged.EstimateRecord>;
  lastDelivery: besieged.DeliveryRecord | null;
  daysWithoutDelivery: number | null;
}

export interface BesiegedDashboard {
  on: string;
  areas: AreaAsOf[];
  overall: PopulationAsOf<besieged.EstimateRecord>;
}

export async function listBesiegedAreas(
  ctx: AppContext,
  caller: Caller | null,
  on: string | undefined,
): Promise<BesiegedDashboard> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => {
    const today = new Date(ctx.now()).toISOString().slice(0, 10);
    const latest = await besieged.latestDay(sql);
    const day = on ?? (latest !== null && latest < today ? latest : today);
    const areas = await besieged.list(sql);
    const estimates = await besieged.estimates(sql, 'all');
    const deliveries = await areaDeliveries(sql, areas, 'all');
    const rows = areas.map((area): AreaAsOf => {
      const status = statusOn(area.statuses, day);
      const since = statusSince(area.statuses, day);
      const delivered = deliveries.filter((d) => d.areaId === area.id);
      const last = lastDeliveryOn(delivered, day);
      return {
        area,
        status:
          status === null || since === null
            ? null
            : { status, since, source: area.statuses.find((s) => s.since === since)?.source ?? null },
        population: populationOn(
          estimates.filter((e) => e.areaId === area.id),
          day,
        ),
        lastDelivery: last === null ? null : delivered.filter((d) => d.on === last).at(-1)!,
        daysWithoutDelivery: daysWithoutDelivery(status, last, day),
      };
    });
    return {
      on: day,
      // An area whose first status is later than the day was not yet besieged or hard to reach then.
      areas: rows.filter((r) => r.status !== null),
      overall: populationOn(
        estimates.filter((e) => e.areaId === null),
        day,
      ),
    };
  });
}
