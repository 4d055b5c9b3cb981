-- The search stamp (storage/src/search_docs.rs) reads the latest change of each searchable
-- table on every search: an index makes that a lookup instead of a scan.
CREATE INDEX organisations_updated_at ON organisations(updated_at);
CREATE INDEX partnerships_updated_at ON partnerships(updated_at);
CREATE INDEX people_updated_at ON people(updated_at);
CREATE INDEX actions_updated_at ON actions(updated_at);
