/**
 * Whether a record named by its audit entity and id is there for whoever runs the query: run
 * as the reader, row-level security answers whether the reader may see it.
 */
import type { Sql } from './sql.ts';

/** The audit trail's entity names of records with a table of their own. */
export const RECORD_TABLES: Readonly<Record<string, string>> = {
  report: 'reports',
  incident: 'incidents',
  agreement: 'agreements',
  zone: 'zones',
  protected_site: 'protected_sites',
  operation: 'operations',
  convoy: 'convoys',
  actor: 'actors',
  notification: 'notifications',
  besieged_area: 'besieged_areas',
  population_estimate: 'population_estimates',
  local_agreement: 'local_agreements',
  convoy_request: 'convoy_requests',
  position: 'positions',
};

/** True or false for a known kind of record; null when the entity has no table to look in. */
export async function recordVisible(sql: Sql, entity: string, id: string): Promise<boolean | null> {
  const table = Object.hasOwn(RECORD_TABLES, entity) ? RECORD_TABLES[entity] : undefined;
  if (table === undefined) return null;
  return (await sql.query(`select 1 from ${table} where id = $1`, [id])).length > 0;
}

/**
 * The same question in SQL, for the record an audit entry (`alias`: a row of audit_log) is about:
 * true or false for a known kind of record, null for an entity with no table to look in. A scalar
 * subquery, not `exists`: PostgreSQL may answer an `exists` by hashing the whole table first, where
 * this looks the one id up by its primary key.
 */
export function recordVisibleSql(alias: string): string {
  const known = Object.entries(RECORD_TABLES).map(
    ([entity, table]) =>
      `when '${entity}' then coalesce((select true from ${table} x where x.id = ${alias}.entity_id), false)`,
  );
  return `case ${alias}.entity ${known.join(' ')} else null end`;
}
