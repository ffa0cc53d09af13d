-- A schedule of the daily report may hold an area drawn (docs/daily-report.md): its ring as the
-- report's address writes it, an encoded polyline at five decimals (src/domain/drawn-area.ts),
-- checked by the use case as a zone's area is. Null: no area drawn (the governorate, or all).
alter table report_schedules add column polygon text;
