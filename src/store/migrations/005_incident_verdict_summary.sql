-- The map reads 100,000 incidents in one request: each incident carries the summary of its
-- current findings, so that the map never reads the findings table row by row.
--
--   worst_rank          the most serious verdict among ALL its findings: 1 violation,
--                       2 needs review, 3 permitted, 4 any other, 5 no finding;
--   verdict_agreements  the agreements those findings judge under (sorted, distinct).
--
-- A reader may not see every agreement, and a finding under a hidden agreement must not colour
-- the map. So worst_rank is used only when verdict_agreements is contained in the agreements
-- the reader can see (row-level security decides which); otherwise the map falls back to the
-- findings the reader may see. The summary is kept by triggers on findings, whoever writes them.

create function truce_verdict_rank(verdict text) returns smallint language sql immutable as $f$
  select (case when verdict is null then null when verdict = 'violation' then 1 when verdict = 'needs_review' then 2
               when verdict = 'permitted' then 3 else 4 end)::smallint
$f$;

alter table incidents
  add column worst_rank smallint not null default 5,
  add column verdict_agreements text[] not null default '{}';

-- Recomputes the summary of these incidents from their findings; writes only what changed (an
-- importer that fills the summary as it inserts pays nothing more). It runs as its owner, who
-- sees every finding, whoever wrote them; its search path is the one it was created with.
-- Two transactions writing findings of one incident must not both compute from a snapshot
-- without the other's: writers lock the incidents first (replaceFindings does), so the second
-- waits, and this function's statement then sees what the first committed.
create function truce_refresh_verdict_summary(ids text[]) returns void language sql
  security definer set search_path from current as $f$
  update incidents i set worst_rank = s.worst_rank, verdict_agreements = s.agreements
  from (
    select c.id, coalesce(min(truce_verdict_rank(f.verdict)), 5)::smallint as worst_rank,
      coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements
    from unnest(ids) as c(id) left join findings f on f.kind = 'incident' and f.subject_id = c.id
    group by c.id
  ) s
  where i.id = s.id and (i.worst_rank, i.verdict_agreements) is distinct from (s.worst_rank, s.agreements)
$f$;

create function truce_findings_inserted() returns trigger language plpgsql as $f$
begin
  perform truce_refresh_verdict_summary(array(select distinct subject_id from new_rows where kind = 'incident'));
  return null;
end $f$;

create function truce_findings_updated() returns trigger language plpgsql as $f$
begin
  perform truce_refresh_verdict_summary(array(
    select subject_id from new_rows where kind = 'incident' union select subject_id from old_rows where kind = 'incident'));
  return null;
end $f$;

create function truce_findings_deleted() returns trigger language plpgsql as $f$
begin
  perform truce_refresh_verdict_summary(array(select distinct subject_id from old_rows where kind = 'incident'));
  return null;
end $f$;

create trigger verdict_summary_insert after insert on findings
  referencing new table as new_rows for each statement execute function truce_findings_inserted();
create trigger verdict_summary_update after update on findings
  referencing new table as new_rows old table as old_rows for each statement execute function truce_findings_updated();
create trigger verdict_summary_delete after delete on findings
  referencing old table as old_rows for each statement execute function truce_findings_deleted();

select truce_refresh_verdict_summary(array(select distinct subject_id from findings where kind = 'incident'));

-- One index for time order, keyset pages and the map: the map's columns ride along, so a count
-- or a grid over every incident is an index-only scan. It replaces the two time indexes.
drop index incidents_occurred_at;
drop index incidents_occurred_at_id;
create index incidents_occurred_at_id on incidents (occurred_at, id)
  include (lon, lat, act, classification, owner_org, worst_rank, verdict_agreements);
