-- The negotiation room (issue 13; docs/negotiation.md): the draft of an agreement, clause by clause,
-- each edit a new version; the positions of the member organizations on each clause, every one
-- kept; and proposals to publish a set of clause versions as the agreement in force, approved by
-- every co-chair organization the agreement names.
--
-- A room is seen ONLY by its member organizations (the co-chairs when it was opened, and those a
-- member co-chair invited), whatever anyone's clearance: not a classification but a list, as
-- positions in migration 022; and only with the agreement it drafts. What hangs from a room (its
-- members, clauses, versions, positions, proposals, approvals) is seen with it only.
create table negotiation_rooms (
  id text primary key,
  title text not null check (length(title) between 1 and 200),
  agreement_id text not null references agreements (id),
  created_org text not null references organizations (id),
  created_by text,
  created_at timestamptz not null default now(),
  -- A counter of the draft's revisions: each clause added or edited is the next revision.
  revision integer not null default 0
);
create index negotiation_rooms_agreement on negotiation_rooms (agreement_id);

create table negotiation_room_members (
  room_id text not null references negotiation_rooms (id),
  org_id text not null references organizations (id),
  added_at timestamptz not null default now(),
  added_by text,
  primary key (room_id, org_id)
);
create index negotiation_room_members_org on negotiation_room_members (org_id);

create table negotiation_clauses (
  id text primary key,
  room_id text not null references negotiation_rooms (id),
  position integer not null,
  created_at timestamptz not null default now(),
  unique (room_id, position)
);

-- Every version of a clause, kept: its number and title, its text, and what it becomes when
-- published (an obligation code of the agreement model and the acts it prohibits).
create table negotiation_clause_versions (
  clause_id text not null references negotiation_clauses (id),
  version integer not null check (version >= 1),
  -- The room's revision this version made: the whole draft at revision r is, for each clause, its
  -- newest version made at r or before.
  revision integer not null,
  number text not null check (length(number) between 1 and 20),
  title text not null check (length(title) <= 200),
  body text not null check (length(body) <= 20000),
  code text check (code in ('T1', 'T2', 'T2a', 'T3', 'T4', 'T5', 'M1')),
  acts text[] not null default '{}',
  author_org text not null references organizations (id),
  author text,
  at timestamptz not null default now(),
  primary key (clause_id, version)
);

-- Positions, every one kept: the newest of an organization on a clause is its position.
create table negotiation_positions (
  id bigint generated always as identity primary key,
  clause_id text not null references negotiation_clauses (id),
  org_id text not null references organizations (id),
  stance text not null check (stance in ('agreed', 'open', 'sticking_point')),
  comment text not null default '' check (length(comment) <= 5000),
  proposed_wording text check (length(proposed_wording) <= 20000),
  -- The clause's version the position was taken on.
  clause_version integer not null,
  taken_by text,
  at timestamptz not null default now()
);
create index negotiation_positions_clause on negotiation_positions (clause_id, org_id, id);

-- A proposal to publish exactly these clause versions (`[{"clause": id, "version": n}]`) as the
-- agreement in force, with its periods in force and prohibited acts when it changes them. Voided
-- when an included clause changes; published once every co-chair the agreement names approved.
create table negotiation_publications (
  id text primary key,
  room_id text not null references negotiation_rooms (id),
  versions jsonb not null,
  in_force jsonb,
  prohibited text[],
  -- The co-chair organizations whose approval it needs, fixed when it is proposed.
  required_orgs text[] not null,
  state text not null check (state in ('proposed', 'voided', 'published')),
  proposed_org text not null references organizations (id),
  proposed_by text,
  proposed_at timestamptz not null default now(),
  voided_at timestamptz,
  voided_by_clause text,
  published_at timestamptz,
  published_by text
);
create index negotiation_publications_room on negotiation_publications (room_id, proposed_at);

create table negotiation_approvals (
  publication_id text not null references negotiation_publications (id),
  org_id text not null references organizations (id),
  approved_by text,
  approved_at timestamptz not null default now(),
  voided_at timestamptz,
  primary key (publication_id, org_id)
);

-- By the owner, as the system: the members' policy would otherwise read the rooms' and back.
create function truce_room_member(room text) returns boolean
  language sql stable security definer set search_path from current as $f$
  select exists (select 1 from negotiation_room_members m
                 where m.room_id = room and m.org_id = nullif(current_setting('truce.org', true), ''))
$f$;

alter table negotiation_rooms enable row level security;
create policy visible on negotiation_rooms to truce_reader using (
  truce_room_member(id) and exists (select 1 from agreements g where g.id = agreement_id)) with check (true);
alter table negotiation_room_members enable row level security;
create policy visible on negotiation_room_members to truce_reader
  using (exists (select 1 from negotiation_rooms r where r.id = room_id)) with check (true);
alter table negotiation_clauses enable row level security;
create policy visible on negotiation_clauses to truce_reader
  using (exists (select 1 from negotiation_rooms r where r.id = room_id)) with check (true);
alter table negotiation_clause_versions enable row level security;
create policy visible on negotiation_clause_versions to truce_reader
  using (exists (select 1 from negotiation_clauses c where c.id = clause_id)) with check (true);
alter table negotiation_positions enable row level security;
create policy visible on negotiation_positions to truce_reader
  using (exists (select 1 from negotiation_clauses c where c.id = clause_id)) with check (true);
alter table negotiation_publications enable row level security;
create policy visible on negotiation_publications to truce_reader
  using (exists (select 1 from negotiation_rooms r where r.id = room_id)) with check (true);
alter table negotiation_approvals enable row level security;
create policy visible on negotiation_approvals to truce_reader
  using (exists (select 1 from negotiation_publications p where p.id = publication_id)) with check (true);
grant select on negotiation_rooms, negotiation_room_members, negotiation_clauses, negotiation_clause_versions,
  negotiation_positions, negotiation_publications, negotiation_approvals to truce_reader;

-- A room's audit entries mention it (`negotiation_room:<id>`): only its members see them.
alter function truce_record_visible(text, text) rename to truce_record_visible_before_033;
create function truce_record_visible(entity text, record_id text) returns boolean language sql stable as $f$
  select case entity
    when 'negotiation_room' then exists (select 1 from negotiation_rooms r where r.id = record_id)
    else truce_record_visible_before_033(entity, record_id)
  end
$f$;
