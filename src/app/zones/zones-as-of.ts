/**
 * The map on a given day: each zone the reader may see, who held it then, and its status under
 * the agreements the reader may see (a zone covered only by an agreement hidden from the reader
 * looks uncovered to it: the status says nothing the reader could not work out itself).
 */
import type { BBox } from '../../domain/geo.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import type { Instant } from '../../domain/time.ts';
import { standingsAt, type ZoneStatus, zoneStatus } from '../../domain/zone-status.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';

export interface ZoneAsOf {
  zone: zones.ZoneRecord;
  controllers: string[];
  status: ZoneStatus;
}

/** Run as the reader (inside asReader). */
export async function zonesAsOf(sql: Sql, t: Instant, bbox?: BBox): Promise<ZoneAsOf[]> {
  const book = new Rulebook({
    actors: await actors.list(sql),
    agreements: await agreements.list(sql),
    zones: [],
  });
  return (await zones.listRecords(sql, bbox)).map((zone) => {
    const standings = standingsAt(book, zone, t);
    return { zone, controllers: standings.map((s) => s.actor), status: zoneStatus(standings) };
  });
}
