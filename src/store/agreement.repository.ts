/** Agreements with their in-force periods, parties (acceptances, caveats, withdrawals) and clauses. */
import type { Agreement } from '../domain/model.ts';
import type { Sql } from './database.ts';
import { ms, msOrNull, ts } from './rows.ts';

interface AgreementRow {
  id: string;
  title: string;
  scope: Agreement['scope'];
  excluded: string[];
  prohibited: Agreement['prohibited'];
  self_defense: boolean;
  in_force: { from: string; to: string | null }[];
  parties: { actor: string; accepted_at: string; until: string | null; channel: string | null; caveats: string[] }[];
  clauses: Agreement['clauses'];
}

const SELECT = `
  select g.id, g.title, g.scope, g.excluded, g.prohibited, g.self_defense,
    coalesce((select jsonb_agg(jsonb_build_object('from', f.valid_from, 'to', f.valid_to) order by f.position)
                from agreement_in_force f where f.agreement_id = g.id), '[]') as in_force,
    coalesce((select jsonb_agg(jsonb_build_object('actor', p.actor_id, 'accepted_at', p.accepted_at, 'until', p.until,
                                                  'channel', p.channel, 'caveats', to_jsonb(p.caveats)) order by p.position)
                from agreement_parties p where p.agreement_id = g.id), '[]') as parties,
    coalesce((select jsonb_agg(jsonb_build_object('code', c.code, 'text', c.text, 'acts', to_jsonb(c.acts)) order by c.position)
                from agreement_clauses c where c.agreement_id = g.id), '[]') as clauses
  from agreements g`;

const toAgreement = (r: AgreementRow): Agreement => ({
  id: r.id,
  title: r.title,
  inForce: r.in_force.map((f) => ({ from: ms(f.from), to: msOrNull(f.to) })),
  scope: r.scope,
  parties: r.parties.map((p) => ({
    actor: p.actor, acceptedAt: ms(p.accepted_at), until: msOrNull(p.until), channel: p.channel, caveats: p.caveats,
  })),
  excluded: r.excluded,
  prohibited: r.prohibited,
  selfDefense: r.self_defense,
  clauses: r.clauses,
});

export async function listAgreements(sql: Sql): Promise<Agreement[]> {
  return (await sql.query<AgreementRow>(`${SELECT} order by g.id`)).map(toAgreement);
}

export async function getAgreement(sql: Sql, id: string): Promise<Agreement | null> {
  const [row] = await sql.query<AgreementRow>(`${SELECT} where g.id = $1`, [id]);
  return row ? toAgreement(row) : null;
}

/** Writes an agreement whole: its row, and its periods, parties and clauses replaced. */
export async function saveAgreement(sql: Sql, g: Agreement): Promise<void> {
  await sql.query(
    `insert into agreements (id, title, scope, excluded, prohibited, self_defense) values ($1, $2, $3::jsonb, $4, $5, $6)
     on conflict (id) do update set title = excluded.title, scope = excluded.scope, excluded = excluded.excluded,
       prohibited = excluded.prohibited, self_defense = excluded.self_defense`,
    [g.id, g.title, g.scope === null ? null : JSON.stringify(g.scope), g.excluded, g.prohibited, g.selfDefense],
  );
  for (const table of ['agreement_in_force', 'agreement_parties', 'agreement_clauses']) {
    await sql.query(`delete from ${table} where agreement_id = $1`, [g.id]);
  }
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
    [g.id, JSON.stringify(g.parties.map((p, position) => ({ ...p, position, accepted_at: ts(p.acceptedAt), until: ts(p.until) })))],
  );
  await sql.query(
    `insert into agreement_clauses (agreement_id, position, code, text, acts)
     select $1, c.position, c.code, c.text, array(select jsonb_array_elements_text(c.acts))
       from jsonb_to_recordset($2::jsonb) as c(position integer, code text, text text, acts jsonb)`,
    [g.id, JSON.stringify(g.clauses.map((c, position) => ({ ...c, position })))],
  );
}
