/**
 * The map on a given day: each zone the reader may see, who held it then, and its status under
 * the agreements the reader may see (a zone covered only by an agreement hidden from the reader
 * looks uncovered to it: the status says nothing the reader could not work out itself).
 */
import type { BBox } from '../../domain/geo.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import type { Instant } from '../../domain/time.ts';
import { standingsAt, type ZoneStatus, zoneStatus } from '../../domain/zone-status.ts';
import { listActors } from '../../store/actor.repository.ts';
import { listAgreements } from '../../store/agreement.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { listZoneRecords, type ZoneRecord } from '../../store/zone.repository.ts';

export interface ZoneAsOf {
  zone: ZoneRecord;
  controllers: string[];
  status: ZoneStatus;
}

/** Run as the reader (inside asReader). */
export async function zonesAsOf(sql: Sql, t: Instant, bbox?: BBox): Promise<ZoneAsOf[]> {
  const book = new Rulebook({ actors: await listActors(sql), agreements: await listAgreements(sql), zones: [] });
  return (await listZoneRecords(sql, bbox)).map((zone) => {
    const standings = standingsAt(book, zone, t);
    return { zone, controllers: standings.map((s) => s.actor), status: zoneStatus(standings) };
  });
}
