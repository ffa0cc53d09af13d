/** GET /besieged-areas/{id}: the area with every status, besieger, population estimate (every version) and delivery (convoys' included). */
import * as besieged from '../../store/besieged.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { areaDeliveries } from './area-deliveries.ts';

export interface BesiegedAreaDetail {
  area: besieged.BesiegedAreaRead;
  estimates: besieged.EstimateRecord[];
  deliveries: besieged.DeliveryRecord[];
}

export async function getBesiegedArea(ctx: AppContext, caller: Caller | null, id: string): Promise<BesiegedAreaDetail> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => {
    const area = await besieged.get(sql, id);
    if (!area) throw notFound('besieged area', id);
    return { area, estimates: await besieged.estimates(sql, id), deliveries: await areaDeliveries(sql, [area], id) };
  });
}
