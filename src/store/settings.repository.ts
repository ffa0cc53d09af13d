/**
 * World settings: the name, the timezone of day boundaries, the host state (a key each in
 * `settings`), and the days of calm per agreement (`calm_settings`, one row per agreement, shown
 * under row-level security only to readers who may see the agreement).
 */
import type { CalmSpec } from '../domain/model.ts';
import type { Sql } from './database.ts';

export interface WorldSettings {
  name: string;
  timezone: string;
  hostState: string | null;
}

export const DEFAULT_SETTINGS: WorldSettings = { name: '', timezone: 'Z', hostState: null };

/** How the days of calm of one agreement are counted. */
export interface CalmSetting {
  agreement: string;
  thresholdPerDay: number;
  daysRequired: number;
  /** Calendar dates, both included, in the world's timezone (a bundle's); null: the days the state is asked for. */
  period: { from: string; to: string } | null;
  /** The agreement the state of the truce shows when none is asked for (a bundle's `calm`). */
  isDefault: boolean;
}

export async function get(sql: Sql): Promise<WorldSettings> {
  const rows = await sql.query<{ key: string; value: unknown }>(
    `select key, value from settings where key in ('name', 'timezone', 'hostState')`,
  );
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...DEFAULT_SETTINGS, ...stored } as WorldSettings;
}

export async function upsert(sql: Sql, settings: Partial<WorldSettings>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await sql.query(
      `insert into settings (key, value) values ($1, $2::jsonb)
       on conflict (key) do update set value = excluded.value where settings.value is distinct from excluded.value`,
      [key, JSON.stringify(value)],
    );
  }
}

interface CalmRow {
  agreement_id: string;
  threshold_per_day: number;
  days_required: number;
  period_from: string | null;
  period_to: string | null;
  is_default: boolean;
}

const toCalm = (r: CalmRow): CalmSetting => ({
  agreement: r.agreement_id,
  thresholdPerDay: r.threshold_per_day,
  daysRequired: r.days_required,
  period: r.period_from && r.period_to ? { from: r.period_from, to: r.period_to } : null,
  isDefault: r.is_default,
});

/** The calm settings (of the agreements the reader may see), the default first, then by agreement. */
export async function listCalm(sql: Sql): Promise<CalmSetting[]> {
  const rows = await sql.query<CalmRow>(
    `select agreement_id, threshold_per_day, days_required, is_default,
            to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to
     from calm_settings order by is_default desc, agreement_id`,
  );
  return rows.map(toCalm);
}

/** Stores one agreement's calm setting; one marked default takes the default from any other. */
export async function upsertCalm(sql: Sql, s: CalmSetting): Promise<void> {
  if (s.isDefault) await updateCalmDefault(sql, null);
  await sql.query(
    `insert into calm_settings (agreement_id, threshold_per_day, days_required, period_from, period_to, is_default)
     values ($1, $2, $3, $4::date, $5::date, $6)
     on conflict (agreement_id) do update set threshold_per_day = excluded.threshold_per_day,
       days_required = excluded.days_required, period_from = excluded.period_from, period_to = excluded.period_to,
       is_default = excluded.is_default`,
    [s.agreement, s.thresholdPerDay, s.daysRequired, s.period?.from ?? null, s.period?.to ?? null, s.isDefault],
  );
}

/** Makes `agreement` the default (null: none, as after a bundle without `calm`); the settings themselves stay. */
export async function updateCalmDefault(sql: Sql, agreement: string | null): Promise<void> {
  // One at a time: the unique index allows no two defaults, even within a statement.
  await sql.query('update calm_settings set is_default = false where is_default and agreement_id is distinct from $1', [
    agreement,
  ]);
  if (agreement !== null)
    await sql.query('update calm_settings set is_default = true where agreement_id = $1', [agreement]);
}

export async function removeCalm(sql: Sql, agreements: readonly string[]): Promise<void> {
  if (agreements.length === 0) return;
  await sql.query('delete from calm_settings where agreement_id = any($1::text[])', [agreements]);
}

/** Holds off other changes of the settings until this transaction ends. */
export async function lock(sql: Sql): Promise<void> {
  await sql.query('lock table settings, calm_settings in share row exclusive mode');
}

/** A setting with its period as the domain counts it, or null when it has none of its own. */
export const calmSpec = (s: CalmSetting): CalmSpec | null =>
  s.period
    ? {
        agreement: s.agreement,
        from: s.period.from,
        to: s.period.to,
        thresholdPerDay: s.thresholdPerDay,
        daysRequired: s.daysRequired,
      }
    : null;
