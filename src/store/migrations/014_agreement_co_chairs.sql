-- The co-chairs an agreement names: the organizations whose approval a ruling on its findings
-- needs (decision 021). Empty: every co-chair organization, as before.
alter table agreements add column co_chairs text[] not null default '{}';
