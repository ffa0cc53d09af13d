-- A digest of each finding's substance (what a re-judgement compares: verdict, violators, reasons, rule,
-- obligation, zones, statements, explanation, facts, rules version), written with the finding. A re-judgement
-- reads the digests of the findings it judges again, not the findings (whose statements and explanation are
-- most of their bytes), and reads in full only those whose digest differs or is missing (findings written
-- before this migration): store/finding.repository.ts, replace.
alter table findings add column digest text;

-- A finding's substance changed by any other statement (a later migration, a hand-made fix) without a new
-- digest loses its digest, so that the next re-judgement compares it in full rather than trusting the old one.
create function truce_finding_digest_stale() returns trigger language plpgsql as $f$
begin
  new.digest := null;
  return new;
end $f$;

create trigger finding_digest_stale before update on findings for each row
  when (new.digest is not distinct from old.digest
    and (new.agreement_id, new.at, new.verdict, new.violators, new.reasons, new.rule, new.obligation, new.rests_on_zones,
         new.statements, new.explanation, new.facts, new.rules_version)
      is distinct from (old.agreement_id, old.at, old.verdict, old.violators, old.reasons, old.rule, old.obligation,
         old.rests_on_zones, old.statements, old.explanation, old.facts, old.rules_version))
  execute function truce_finding_digest_stale();
