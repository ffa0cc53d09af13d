-- Rulings: a person's judgement of an incident's finding that the rules leave for review (or that
-- a co-chair contests), in force once every co-chair organization has approved it
-- (docs/decisions/021-rulings.md). A ruling is kept beside the automatic finding, never over it:
-- the finding's `verdict` and `violators` stay the rules'; `ruled_verdict` and `ruled_violators`
-- hold the ruling in force, and every count reads coalesce(ruled_verdict, verdict).

create table rulings (
  id text primary key,
  finding_key text not null,            -- no foreign key: the finding may be withdrawn by a change of facts
  incident_id text not null references incidents (id),
  agreement_id text references agreements (id),
  verdict text not null check (verdict in ('violation', 'permitted', 'not_covered')),
  violators text[] not null default '{}',
  reasoning text not null check (length(reasoning) between 1 and 20000),
  relied_on text[] not null default '{}', -- the reports (accounts) relied on
  -- The automatic finding it was proposed against: a change of facts that changes it flags the ruling.
  automatic_verdict text not null,
  automatic_violators text[] not null,
  -- The zones the finding rested on: a reader who may not see one may not see the ruling either.
  rests_on_zones text[] not null default '{}',
  required_orgs text[] not null,         -- the co-chair organizations whose approval it needs
  status text not null check (status in ('pending', 'in_force', 'withdrawn', 'superseded')),
  needs_another_look boolean not null default false,
  proposed_by text references users (id),
  proposed_org text not null references organizations (id),
  proposed_at timestamptz not null,
  in_force_at timestamptz,
  closed_at timestamptz,
  -- A ruling is derived from its incident: it carries the incident's classification.
  classification text not null check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  owner_org text references organizations (id)
);
create index rulings_finding on rulings (finding_key);
create index rulings_incident on rulings (incident_id);
create index rulings_open on rulings (proposed_at, id) where status = 'pending';
-- One pending and one in force at most per finding.
create unique index rulings_one_pending on rulings (finding_key) where status = 'pending';
create unique index rulings_one_in_force on rulings (finding_key) where status = 'in_force';

create table ruling_approvals (
  ruling_id text not null references rulings (id),
  org_id text not null references organizations (id),
  user_id text references users (id),
  at timestamptz not null,
  primary key (ruling_id, org_id)
);

alter table rulings enable row level security;
-- A ruling shows with its finding: its incident, its agreement and every zone it rested on visible.
create policy visible on rulings to truce_reader using (
  truce_visible(classification, owner_org) and exists (select 1 from incidents i where i.id = incident_id)
  and (agreement_id is null or exists (select 1 from agreements g where g.id = agreement_id))
  and truce_all_visible(array(select 'zone:' || z from unnest(rests_on_zones) as z))) with check (true);
alter table ruling_approvals enable row level security;
create policy visible on ruling_approvals to truce_reader using (exists (select 1 from rulings r where r.id = ruling_id))
  with check (true);
grant select, update on rulings, ruling_approvals to truce_reader;

alter table findings
  add column ruled_verdict text check (ruled_verdict in ('violation', 'permitted', 'not_covered')),
  add column ruled_violators text[],
  add column ruling_id text;
alter table finding_history
  add column ruled_verdict text,
  add column ruled_violators text[],
  add column ruling_id text;
create index findings_effective_verdict on findings ((coalesce(ruled_verdict, verdict)));

-- The map's summary counts the ruling in force.
create or replace function truce_refresh_verdict_summary(ids text[]) returns void language sql
  security definer set search_path from current as $f$
  update incidents i set worst_rank = s.worst_rank, verdict_agreements = s.agreements, verdict_zones = s.zones
  from (
    select c.id, coalesce(min(truce_verdict_rank(coalesce(f.ruled_verdict, f.verdict))), 5)::smallint as worst_rank,
      coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements,
      coalesce((select array_agg(distinct z collate "C") from findings f2, unnest(f2.rests_on_zones) as z
                 where f2.kind = 'incident' and f2.subject_id = c.id), '{}') as zones
    from unnest(ids) as c(id) left join findings f on f.kind = 'incident' and f.subject_id = c.id
    group by c.id
  ) s
  where i.id = s.id and (i.worst_rank, i.verdict_agreements, i.verdict_zones) is distinct from (s.worst_rank, s.agreements, s.zones)
$f$;
