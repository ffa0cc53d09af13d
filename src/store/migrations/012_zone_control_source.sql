-- A control entry says who reported it (an outlet, a person, a document) and how sure the analyst
-- who entered it is (contract/enums.ts CONTROL_CONFIDENCES). Neither is read by the rules; both
-- are null for entries loaded from a scenario bundle or entered before.
alter table zone_control add column source text;
alter table zone_control add column confidence text check (confidence in ('high', 'moderate', 'low'));
