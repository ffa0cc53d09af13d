/**
 * The deliveries that reached besieged areas, as a reader may see them: those recorded on an area
 * (POST /besieged-areas/{id}/deliveries), and every convoy request delivered to a destination
 * inside the area (its day in the world's timezone; destinations an approver left out do not
 * count). A convoy request is seen by its organizer, the parties it asked and the secretariat
 * only, so its delivery counts for them alone: the area's days without aid are each reader's.
 */
import { areaContains } from '../../domain/geo.ts';
import { worldDayZone } from '../../domain/time.ts';
import * as besieged from '../../store/besieged.repository.ts';
import type { Sql } from '../../store/sql.ts';
import * as settings from '../../store/settings.repository.ts';

/** By day, then by when recorded. */
export async function areaDeliveries(
  sql: Sql,
  areas: readonly besieged.BesiegedAreaRead[],
  of: string | 'all',
): Promise<besieged.DeliveryRecord[]> {
  const recorded = await besieged.deliveries(sql, of);
  const convoys = await besieged.convoyDeliveries(sql);
  if (convoys.length === 0) return recorded;
  const zone = worldDayZone((await settings.get(sql)).timezone);
  const delivered = areas.flatMap((area) =>
    convoys
      .filter((c) => c.destinations.some((d) => areaContains(area.shape, d.lon, d.lat)))
      .map((c): besieged.DeliveryRecord => ({
        id: `convoy-${c.id}`,
        areaId: area.id,
        on: zone.localDate(c.at),
        description: '',
        source: c.organizer,
        recordedAt: c.recordedAt,
        recordedBy: c.recordedBy,
        convoy: { id: c.id, name: c.name, organizerOrg: c.organizerOrg, beneficiariesReached: c.beneficiariesReached },
      })),
  );
  return [...recorded, ...delivered].sort(
    (a, b) => a.on.localeCompare(b.on) || a.recordedAt - b.recordedAt || a.id.localeCompare(b.id),
  );
}
