-- Each incident keeps its verdicts per agreement (the ruling where one is in force), as the
-- incidents list and the exports show them, beside the summary of migrations 005, 007 and 016 and
-- by the same triggers. A reader who may see every agreement and every zone of the summary sees
-- every finding of the incident, so these verdicts are theirs (`SUMMARY_HOLDS` in
-- store/incident.repository.ts); any other reader's are read from the findings under row-level
-- security, as before. An export read each row's findings as the reader: 0.02 ms a row under the
-- findings' policy, two thirds of the database's time for a page.
alter table incidents add column verdicts jsonb not null default '[]';

create or replace function truce_refresh_verdict_summary(ids text[]) returns void language sql
  security definer set search_path from current as $f$
  update incidents i set worst_rank = s.worst_rank, verdict_agreements = s.agreements, verdict_zones = s.zones,
    needs_review = s.needs_review, verdicts = s.verdicts
  from (
    select c.id, coalesce(min(truce_verdict_rank(coalesce(f.ruled_verdict, f.verdict))), 5)::smallint as worst_rank,
      coalesce(array_agg(distinct f.agreement_id collate "C") filter (where f.agreement_id is not null), '{}') as agreements,
      coalesce((select array_agg(distinct z collate "C") from findings f2, unnest(f2.rests_on_zones) as z
                 where f2.kind = 'incident' and f2.subject_id = c.id), '{}') as zones,
      coalesce(bool_or(coalesce(f.ruled_verdict, f.verdict) = 'needs_review'), false) as needs_review,
      coalesce(jsonb_agg(jsonb_build_object('agreement', f.agreement_id, 'verdict', coalesce(f.ruled_verdict, f.verdict))
                 order by f.agreement_id collate "C" nulls first) filter (where f.subject_id is not null), '[]'::jsonb) as verdicts
    from unnest(ids) as c(id) left join findings f on f.kind = 'incident' and f.subject_id = c.id
    group by c.id
  ) s
  where i.id = s.id
    and (i.worst_rank, i.verdict_agreements, i.verdict_zones, i.needs_review, i.verdicts)
      is distinct from (s.worst_rank, s.agreements, s.zones, s.needs_review, s.verdicts)
$f$;

update incidents i set verdicts = s.verdicts
  from (select f.subject_id as id,
          jsonb_agg(jsonb_build_object('agreement', f.agreement_id, 'verdict', coalesce(f.ruled_verdict, f.verdict))
            order by f.agreement_id collate "C" nulls first) as verdicts
        from findings f where f.kind = 'incident' group by f.subject_id) s
  where i.id = s.id;
