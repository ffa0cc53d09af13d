-- Days of calm are counted per agreement: each agreement's threshold of violations a day and the
-- calm days in a row that make reduced violence, with (from a bundle) the dates counted. A row
-- shows only to a reader who may see its agreement. One row at most is the default: the agreement
-- the state of the truce shows when none is asked for (a bundle's `calm`). The single calm setting
-- stored before (settings key `calm`) becomes its agreement's row.

create table calm_settings (
  agreement_id text primary key references agreements (id) on delete cascade,
  threshold_per_day integer not null check (threshold_per_day >= 0),
  days_required integer not null check (days_required >= 1),
  -- Calendar dates, both included, in the world's timezone; none: the days the state is asked for.
  period_from date,
  period_to date,
  is_default boolean not null default false,
  check ((period_from is null) = (period_to is null)),
  check (period_from is null or period_from <= period_to)
);
create unique index calm_settings_one_default on calm_settings (is_default) where is_default;

alter table calm_settings enable row level security;
create policy visible on calm_settings to truce_reader
  using (exists (select 1 from agreements g where g.id = agreement_id)) with check (true);
grant select, insert, update, delete on calm_settings to truce_reader;

insert into calm_settings (agreement_id, threshold_per_day, days_required, period_from, period_to, is_default)
select s.value ->> 'agreement', (s.value ->> 'thresholdPerDay')::integer, (s.value ->> 'daysRequired')::integer,
       (s.value ->> 'from')::date, (s.value ->> 'to')::date, true
from settings s
where s.key = 'calm' and jsonb_typeof(s.value) = 'object'
  and exists (select 1 from agreements g where g.id = s.value ->> 'agreement');
delete from settings where key = 'calm';
