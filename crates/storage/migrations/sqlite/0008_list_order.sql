-- The organisation and partnership lists read one page in the order they show it: indexes on
-- the filter columns followed by the sort key, so that a page is an index walk of LIMIT rows
-- instead of a sort of every matching row (bench/register.sh, 100,000 organisations). They
-- hold the records that lists show (not archived), so that counting a filtered list reads the
-- index alone. The expressions are those of the ORDER BY clauses in storage/src/directory.rs,
-- word for word.
-- Keep in step with ../postgres/0008_list_order.sql.

DROP INDEX organisations_country_level;
CREATE INDEX organisations_list ON organisations(country, COALESCE(name_fr, name_en, name_ko), id) WHERE archived_at IS NULL;
CREATE INDEX organisations_list_level ON organisations(country, level, COALESCE(name_fr, name_en, name_ko), id) WHERE archived_at IS NULL;
CREATE INDEX partnerships_list ON partnerships(COALESCE(signed_year, 9999), id) WHERE archived_at IS NULL;
CREATE INDEX partnerships_status_list ON partnerships(status, COALESCE(signed_year, 9999), id) WHERE archived_at IS NULL;
