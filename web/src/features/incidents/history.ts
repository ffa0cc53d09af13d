/** Reading an incident's audit trail: who changed what, and the changes of status and grade. */
export interface AuditEntryLike {
  seq: number;
  at: string;
  user_id: string | null;
  org: string | null;
  /** Who made the change (null: the system). */
  by?: { display_name: string } | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface FieldChange {
  at: string;
  field: 'status' | 'grade';
  from: string | null;
  to: string | null;
  /** The name of who made the change, or null for the system. */
  by: string | null;
}

const field = (record: unknown, name: string): string | null => {
  if (record === null || typeof record !== 'object') return null;
  const v = (record as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : null;
};

/** The changes of status and grade, oldest first; a creation counts as a change from nothing. */
export function statusChanges(entries: readonly AuditEntryLike[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const e of entries) {
    for (const name of ['status', 'grade'] as const) {
      const from = field(e.before, name);
      const to = field(e.after, name);
      if (from !== to && (to !== null || from !== null))
        out.push({ at: e.at, field: name, from, to, by: e.by?.display_name ?? null });
    }
  }
  return out;
}

/** The names of the fields an entry changed (for an update), in a stable order. */
export function changedFields(entry: AuditEntryLike): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
