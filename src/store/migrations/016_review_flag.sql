-- The review queue (GET /incidents?verdict=needs_review, oldest first) and its count. Read from
-- the findings, "an incident with a finding whose verdict in force is needs_review" walks every
-- incident in time order and asks its findings: seconds at a million incidents, when six in ten
-- wait. The verdict summary (migrations 005, 007, 009) now keeps whether one of an incident's
-- findings waits for review, and a partial index holds those incidents in time order.
--
-- The flag counts every finding; a reader who may not see all of them (the summary does not
-- hold for them: an agreement or a zone hidden) is answered from the findings they see, as the
-- map's rank is (store/incident.repository.ts). An incident without the flag has no finding to
-- review, whoever reads it.

alter table incidents add column needs_review boolean not null default false;

create or replace function truce_refresh_verdict_summary(ids text[]) returns void language sql
  security definer set search_path from current as $f$
  update incidents i set worst_rank = s.worst_rank, verdict_agreements = s.agreements, verdict_zones = s.zones,
    needs_review = s.needs_review
  from (
    select c.id, coalesce(min(truce_verdict_rank(coalesce(f.ruled_verdict, f.verdict))), 5)::smallint as worst_rank,
      coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements,
      coalesce((select array_agg(distinct z collate "C") from findings f2, unnest(f2.rests_on_zones) as z
                 where f2.kind = 'incident' and f2.subject_id = c.id), '{}') as zones,
      coalesce(bool_or(coalesce(f.ruled_verdict, f.verdict) = 'needs_review'), false) as needs_review
    from unnest(ids) as c(id) left join findings f on f.kind = 'incident' and f.subject_id = c.id
    group by c.id
  ) s
  where i.id = s.id
    and (i.worst_rank, i.verdict_agreements, i.verdict_zones, i.needs_review)
      is distinct from (s.worst_rank, s.agreements, s.zones, s.needs_review)
$f$;

update incidents i set needs_review = true
  where exists (select 1 from findings f where f.kind = 'incident' and f.subject_id = i.id
                  and coalesce(f.ruled_verdict, f.verdict) = 'needs_review');

-- In time order, with what the reader's row-level security and the common filters read.
create index incidents_needs_review on incidents (occurred_at, id)
  include (lon, lat, act, classification, owner_org, verdict_agreements, verdict_zones) where needs_review;
-- And by place: a governorate's queue is read by the ranges of its box (store/query.ts,
-- pointInBox: comparisons of numbers, which row-level security lets an index serve).
create index incidents_needs_review_place on incidents (lon, lat)
  include (occurred_at, id, act, classification, owner_org, verdict_agreements, verdict_zones) where needs_review;
