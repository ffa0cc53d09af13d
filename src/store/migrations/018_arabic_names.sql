-- An Arabic name beside the English one, for people reading the web app in Arabic: an actor's and
-- an organization's name, an agreement's title, a zone's name. Optional (null: none yet; the web
-- app shows the English one). Read by no rule and by no finding; the rows' row-level security
-- covers them as it covers the English names.
alter table actors add column name_ar text;
alter table organizations add column name_ar text;
alter table agreements add column title_ar text;
alter table zones add column name_ar text;
