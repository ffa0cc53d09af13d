-- Text intake (docs/text-intake.md): an article, a situation report or an email pasted or
-- uploaded, kept as it came (its text, and its SHA-256 to recognise it when it comes again) under
-- the classification its sender chose, with the reports Truce drafted from it. A draft is
-- confirmed (it became the report `report_id`: the report's link to its source) or dropped by a
-- person. A draft is seen by who may see its text, whatever the draft says.
create table source_texts (
  id text primary key,
  sha256 text not null,
  owner_org text not null references organizations (id),
  classification text not null check (classification in ('public', 'task_force', 'co_chairs', 'org')),
  filename text,
  media_type text not null,
  content text not null,
  language text not null check (language in ('en', 'ar')),
  text_date date not null,
  received_at timestamptz not null,
  created_by text
);
-- Not unique: a text hidden from a sender must not stop it being stored again as theirs.
create index source_texts_sha256 on source_texts (sha256);

create table text_drafts (
  id text primary key,
  source_text_id text not null references source_texts (id),
  position integer not null,
  draft jsonb not null,
  state text not null default 'proposed' check (state in ('proposed', 'confirmed', 'dropped')),
  report_id text references reports (id),
  decided_at timestamptz,
  decided_by text
);
create index text_drafts_source on text_drafts (source_text_id, position);
create index text_drafts_report on text_drafts (report_id) where report_id is not null;

alter table source_texts enable row level security;
create policy visible on source_texts to truce_reader
  using (truce_visible(classification, owner_org)) with check (true);
alter table text_drafts enable row level security;
create policy visible on text_drafts to truce_reader
  using (exists (select 1 from source_texts s where s.id = source_text_id)) with check (true);
grant select on source_texts to truce_reader;
-- update: a draft is locked (select ... for update) as the reader before it is decided.
grant select, update on text_drafts to truce_reader;

-- A source text's audit entries: shown with the text.
alter function truce_record_visible(text, text) rename to truce_record_visible_before_034;
create function truce_record_visible(entity text, record_id text) returns boolean language sql stable as $f$
  select case entity
    when 'source_text' then exists (select 1 from source_texts s where s.id = record_id)
    else truce_record_visible_before_034(entity, record_id)
  end
$f$;
