-- What is derived from a record carries that record's clearance (docs/confidentiality.md): a
-- finding, a finding's history and cause, a report's link, an audit entry. A reader who may not
-- see a source may not see what it decided, named or caused.

-- Is this record there for whoever runs the query? Row-level security answers, so under
-- truce_reader it is whether the reader may see it. Actors are not classified. A kind of record
-- this function does not know is never shown.
create function truce_record_visible(entity text, record_id text) returns boolean language sql stable as $f$
  select case entity
    when 'report' then exists (select 1 from reports r where r.id = record_id)
    when 'incident' then exists (select 1 from incidents i where i.id = record_id)
    when 'agreement' then exists (select 1 from agreements g where g.id = record_id)
    when 'zone' then exists (select 1 from zones z where z.id = record_id)
    when 'protected_site' then exists (select 1 from protected_sites s where s.id = record_id)
    when 'operation' then exists (select 1 from operations o where o.id = record_id)
    when 'convoy' then exists (select 1 from convoys c where c.id = record_id)
    when 'actor' then true
    else false
  end
$f$;

-- Every `entity:id` of the list is visible (an empty list is).
create function truce_all_visible(refs text[]) returns boolean language sql stable as $f$
  select coalesce(bool_and(truce_record_visible(split_part(ref, ':', 1), substr(ref, strpos(ref, ':') + 1))), true)
  from unnest(refs) as ref
$f$;

-- A finding's obligation code, if the reader may see a clause of its agreement with that code.
create function truce_visible_obligation(finding_agreement text, obligation_code text) returns text language sql stable as $f$
  select case when obligation_code is not null and exists (
    select 1 from agreement_clauses c where c.agreement_id = finding_agreement and c.code = obligation_code) then obligation_code end
$f$;

-- Findings: the statements that explain them (rendered in the reader's language), and the zones
-- whose control decided them (rules 10 to 14 ask who held the place).
alter table findings
  add column statements jsonb not null default '[]',
  add column rests_on_zones text[] not null default '{}';
alter table finding_history
  add column statements jsonb not null default '[]',
  add column rests_on_zones text[] not null default '{}',
  -- The cause as a statement, and the record it names (withheld from who may not see that record).
  add column cause_statement jsonb,
  add column cause_entity text,
  add column cause_id text;

-- Findings judged before this migration name no zones: those decided by who held the place rest,
-- until they are judged again, on every zone whose box holds the incident (more than they read,
-- never less). Causes written as text name their record at the start: "zone z-1: create by ...".
update findings f set rests_on_zones = array(
    select z.id from zones z join incidents i on i.id = f.subject_id
     where i.lon between z.min_lon and z.max_lon and i.lat between z.min_lat and z.max_lat order by z.id)
  where f.kind = 'incident' and f.rule >= 10;
update finding_history f set rests_on_zones = array(
    select z.id from zones z join incidents i on i.id = f.subject_id
     where i.lon between z.min_lon and z.max_lon and i.lat between z.min_lat and z.max_lat order by z.id)
  where f.kind = 'incident' and f.rule >= 10;
update finding_history set cause_entity = split_part(cause, ' ', 1), cause_id = rtrim(split_part(cause, ' ', 2), ':')
  where split_part(cause, ' ', 1) in ('zone', 'agreement', 'actor', 'incident') and split_part(cause, ' ', 2) not in ('created', 'changed', '');

drop policy visible on findings;
create policy visible on findings to truce_reader using (
  (agreement_id is null or exists (select 1 from agreements g where g.id = agreement_id))
  and case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
                else exists (select 1 from zones z where z.id = subject_id) end
  and (rests_on_zones = '{}' or rests_on_zones <@ (select coalesce(array_agg(z.id), '{}') from zones z))) with check (true);

drop policy visible on finding_history;
create policy visible on finding_history to truce_reader using (
  (agreement_id is null or exists (select 1 from agreements g where g.id = agreement_id))
  and case kind when 'incident' then exists (select 1 from incidents i where i.id = subject_id)
                else exists (select 1 from zones z where z.id = subject_id) end
  and (rests_on_zones = '{}' or rests_on_zones <@ (select coalesce(array_agg(z.id), '{}') from zones z))) with check (true);

-- The map's summary of each incident's findings (migration 005) names the zones its findings
-- rest on too: it holds for a reader who may see all of them and every agreement it names.
alter table incidents add column verdict_zones text[] not null default '{}';

create or replace function truce_refresh_verdict_summary(ids text[]) returns void language sql
  security definer set search_path from current as $f$
  update incidents i set worst_rank = s.worst_rank, verdict_agreements = s.agreements, verdict_zones = s.zones
  from (
    select c.id, coalesce(min(truce_verdict_rank(f.verdict)), 5)::smallint as worst_rank,
      coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements,
      coalesce((select array_agg(distinct z collate "C") from findings f2, unnest(f2.rests_on_zones) as z
                 where f2.kind = 'incident' and f2.subject_id = c.id), '{}') as zones
    from unnest(ids) as c(id) left join findings f on f.kind = 'incident' and f.subject_id = c.id
    group by c.id
  ) s
  where i.id = s.id and (i.worst_rank, i.verdict_agreements, i.verdict_zones) is distinct from (s.worst_rank, s.agreements, s.zones)
$f$;

select truce_refresh_verdict_summary(array(select distinct subject_id from findings where kind = 'incident' and rests_on_zones <> '{}'));

drop index incidents_occurred_at_id;
create index incidents_occurred_at_id on incidents (occurred_at, id)
  include (lon, lat, act, classification, owner_org, worst_rank, verdict_agreements, verdict_zones);

-- A report names its incident: who may not see the incident may not see the report either
-- (else linking it elsewhere would be refused, and the refusal would tell), except its own
-- organization, which always sees its reports (the link then reads as none).
drop policy visible on reports;
create policy visible on reports to truce_reader using (
  truce_visible(classification, owner_org)
  and (incident_id is null or coalesce(owner_org = nullif(current_setting('truce.org', true), ''), false)
       or exists (select 1 from incidents i where i.id = incident_id))) with check (true);

-- An audit entry names records besides its own (a report's incident, an incident's report, a
-- clause's agreement): `mentions` lists them as `entity:id`, and the entry is shown only to who
-- may see each. It is an index of what the entry's content names, not part of the content: the
-- entry's hash does not cover it.
alter table audit_log add column mentions text[] not null default '{}';
update audit_log set mentions = array_remove(array[
    case when entity = 'agreement_clause' then 'agreement:' || split_part(entity_id, '#', 1) end,
    case when coalesce(after ->> 'incident_id', before ->> 'incident_id') is not null
         then 'incident:' || coalesce(after ->> 'incident_id', before ->> 'incident_id') end,
    case when coalesce(after ->> 'report_id', before ->> 'report_id') is not null
         then 'report:' || coalesce(after ->> 'report_id', before ->> 'report_id') end], null)
  where entity = 'agreement_clause' or after ? 'incident_id' or before ? 'incident_id' or after ? 'report_id' or before ? 'report_id';

drop policy visible on audit_log;
create policy visible on audit_log for select to truce_reader using (truce_visible(classification, owner_org) and truce_all_visible(mentions));
