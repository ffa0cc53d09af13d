/** Agreements with their in-force periods, parties (acceptances, caveats, withdrawals) and clauses. */
import type { AgreementFilter } from '../contract/lists.ts';
import type { Classification } from '../contract/access.ts';
import type { Agreement, Clause } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { containing, keyset, type Page, type PageRequest, Params, takePage, whereAll } from './query.ts';
import { ms, msOrNull, ts } from './rows.ts';

/** A clause as stored: who may read it (a clause can be for the co-chairs' negotiation room only). */
export interface ClauseRecord extends Clause {
  classification: Classification;
  ownerOrg: string | null;
}

/** An agreement with its classification and owner, as the API shows and changes it. */
export interface AgreementRecord extends Omit<Agreement, 'clauses'> {
  classification: Classification;
  ownerOrg: string | null;
  /** The co-chair organizations whose approval a ruling on its findings needs; empty: every co-chair organization. */
  coChairs: string[];
  clauses: ClauseRecord[];
}

interface AgreementRow {
  id: string;
  title: string;
  title_ar: string | null;
  scope: Agreement['scope'];
  excluded: string[];
  prohibited: Agreement['prohibited'];
  self_defense: boolean;
  classification: Classification;
  owner_org: string | null;
  co_chairs: string[];
  in_force: { from: string; to: string | null }[];
  parties: { actor: string; accepted_at: string; until: string | null; channel: string | null; caveats: string[] }[];
  clauses: (Clause & { classification: Classification; owner_org: string | null })[];
}

const SELECT = `
  select g.id, g.title, g.title_ar, g.scope, g.excluded, g.prohibited, g.self_defense, g.classification, g.owner_org, g.co_chairs,
    coalesce((select jsonb_agg(jsonb_build_object('from', f.valid_from, 'to', f.valid_to) order by f.position)
                from agreement_in_force f where f.agreement_id = g.id), '[]') as in_force,
    coalesce((select jsonb_agg(jsonb_build_object('actor', p.actor_id, 'accepted_at', p.accepted_at, 'until', p.until,
                                                  'channel', p.channel, 'caveats', to_jsonb(p.caveats)) order by p.position)
                from agreement_parties p where p.agreement_id = g.id), '[]') as parties,
    coalesce((select jsonb_agg(jsonb_build_object('code', c.code, 'text', c.text, 'acts', to_jsonb(c.acts),
                                                  'classification', c.classification, 'owner_org', c.owner_org) order by c.position)
                from agreement_clauses c where c.agreement_id = g.id), '[]') as clauses
  from agreements g`;

const toAgreement = (r: AgreementRow): Agreement => ({
  id: r.id,
  title: r.title,
  ...(r.title_ar === null ? {} : { titleAr: r.title_ar }),
  inForce: r.in_force.map((f) => ({ from: ms(f.from), to: msOrNull(f.to) })),
  scope: r.scope,
  parties: r.parties.map((p) => ({
    actor: p.actor,
    acceptedAt: ms(p.accepted_at),
    until: msOrNull(p.until),
    channel: p.channel,
    caveats: p.caveats,
  })),
  excluded: r.excluded,
  prohibited: r.prohibited,
  selfDefense: r.self_defense,
  clauses: r.clauses.map((c) => ({ code: c.code, text: c.text, acts: c.acts })),
});

// The spread goes last (a leading spread followed by properties is slow in V8); its clauses are replaced.
const toRecord = (r: AgreementRow): AgreementRecord =>
  Object.assign(toAgreement(r), {
    classification: r.classification,
    ownerOrg: r.owner_org,
    coChairs: r.co_chairs,
    clauses: r.clauses.map((c) => ({
      code: c.code,
      text: c.text,
      acts: c.acts,
      classification: c.classification,
      ownerOrg: c.owner_org,
    })),
  });

export async function list(sql: Sql): Promise<Agreement[]> {
  return (await sql.query<AgreementRow>(`${SELECT} order by g.id`)).map(toAgreement);
}

export async function get(sql: Sql, id: string): Promise<Agreement | null> {
  const [row] = await sql.query<AgreementRow>(`${SELECT} where g.id = $1`, [id]);
  return row ? toAgreement(row) : null;
}

export async function getRecord(sql: Sql, id: string): Promise<AgreementRecord | null> {
  const [row] = await sql.query<AgreementRow>(`${SELECT} where g.id = $1`, [id]);
  return row ? toRecord(row) : null;
}

/** Locks the agreement's row until the transaction ends (two changes of one agreement take turns); false when there is none. */
export async function lock(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query('select id from agreements where id = $1 for update', [id])).length > 0;
}

export async function listPage(sql: Sql, filter: AgreementFilter, page: PageRequest): Promise<Page<AgreementRecord>> {
  const params = new Params();
  const conditions: string[] = [];
  if (filter.q) {
    const q = params.add(containing(filter.q));
    conditions.push(`(g.id ilike ${q} or g.title ilike ${q} or g.title_ar ilike ${q})`);
  }
  if (filter.party) {
    conditions.push(
      `exists (select 1 from agreement_parties p where p.agreement_id = g.id and p.actor_id = ${params.add(filter.party)})`,
    );
  }
  const { condition, tail } = keyset(params, ['g.id'], false, page);
  if (condition) conditions.push(condition);
  const rows = await sql.query<AgreementRow>(`${SELECT} ${whereAll(conditions)} ${tail}`, params.values);
  return takePage(rows.map(toRecord), page, (g) => [g.id]);
}

/**
 * Writes an agreement whole: its row, and its periods, parties and clauses replaced. A record
 * brings its classification and owner; a plain agreement (a scenario bundle) keeps the stored
 * ones, and each of its clauses keeps the classification of the stored clause with the same
 * code and text, so reloading a bundle never opens a clause to more readers.
 */
export async function upsert(sql: Sql, g: Agreement | AgreementRecord): Promise<void> {
  const meta = 'classification' in g ? g : null;
  await sql.query(
    `insert into agreements (id, title, scope, excluded, prohibited, self_defense, classification, owner_org, co_chairs, title_ar)
     values ($1, $2, $3::jsonb, $4, $5, $6, coalesce($7::text, 'public'), $8, coalesce($9::text[], '{}'), $10)
     on conflict (id) do update set title = excluded.title, title_ar = excluded.title_ar, scope = excluded.scope,
       excluded = excluded.excluded,
       prohibited = excluded.prohibited, self_defense = excluded.self_defense,
       classification = coalesce($7::text, agreements.classification), owner_org = coalesce($8::text, agreements.owner_org),
       co_chairs = coalesce($9::text[], agreements.co_chairs)`,
    [
      g.id,
      g.title,
      g.scope === null ? null : JSON.stringify(g.scope),
      g.excluded,
      g.prohibited,
      g.selfDefense,
      meta?.classification ?? null,
      meta?.ownerOrg ?? null,
      meta?.coChairs ?? null,
      g.titleAr ?? null,
    ],
  );
  for (const table of ['agreement_in_force', 'agreement_parties']) {
    await sql.query(`delete from ${table} where agreement_id = $1`, [g.id]);
  }
  const previous = await sql.query<{
    code: string;
    text: string;
    classification: Classification;
    owner_org: string | null;
  }>('delete from agreement_clauses where agreement_id = $1 returning code, text, classification, owner_org', [g.id]);
  await sql.query(
    `insert into agreement_in_force (agreement_id, position, valid_from, valid_to)
     select $1, f.position, f.valid_from, f.valid_to
       from jsonb_to_recordset($2::jsonb) as f(position integer, valid_from timestamptz, valid_to timestamptz)`,
    [g.id, JSON.stringify(g.inForce.map((f, position) => ({ position, valid_from: ts(f.from), valid_to: ts(f.to) })))],
  );
  await sql.query(
    `insert into agreement_parties (agreement_id, position, actor_id, accepted_at, until, channel, caveats)
     select $1, p.position, p.actor, p.accepted_at, p.until, p.channel, array(select jsonb_array_elements_text(p.caveats))
       from jsonb_to_recordset($2::jsonb)
         as p(position integer, actor text, accepted_at timestamptz, until timestamptz, channel text, caveats jsonb)`,
    [
      g.id,
      JSON.stringify(
        g.parties.map((p, position) => ({ ...p, position, accepted_at: ts(p.acceptedAt), until: ts(p.until) })),
      ),
    ],
  );
  const clauses = (g.clauses as (Clause | ClauseRecord)[]).map((c, position) => {
    const kept =
      'classification' in c
        ? { classification: c.classification, owner_org: c.ownerOrg }
        : (previous.find((p) => p.code === c.code && p.text === c.text) ?? {
            classification: 'public',
            owner_org: null,
          });
    return {
      code: c.code,
      text: c.text,
      acts: c.acts,
      position,
      classification: kept.classification,
      owner_org: kept.owner_org,
    };
  });
  await sql.query(
    `insert into agreement_clauses (agreement_id, position, code, text, acts, classification, owner_org)
     select $1, c.position, c.code, c.text, array(select jsonb_array_elements_text(c.acts)), c.classification, c.owner_org
       from jsonb_to_recordset($2::jsonb)
         as c(position integer, code text, text text, acts jsonb, classification text, owner_org text)`,
    [g.id, JSON.stringify(clauses)],
  );
}

/** The title of every agreement the reader may see, by id. */
export async function titles(sql: Sql): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; title: string }>('select id, title from agreements');
  return new Map(rows.map((r) => [r.id, r.title]));
}
