/** World settings: the name, the timezone of day boundaries, the host state, the calm count. */
import type { CalmSpec } from '../domain/model.ts';
import type { Sql } from './database.ts';

export interface WorldSettings {
  name: string;
  timezone: string;
  hostState: string | null;
  calm: CalmSpec | null;
}

export const DEFAULT_SETTINGS: WorldSettings = { name: '', timezone: 'Z', hostState: null, calm: null };

export async function get(sql: Sql): Promise<WorldSettings> {
  const rows = await sql.query<{ key: string; value: unknown }>('select key, value from settings');
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
