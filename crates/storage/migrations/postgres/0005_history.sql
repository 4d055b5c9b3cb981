-- The history of changes to the register: who changed which field of which record, when, and
-- the old value. Keep in step with ../sqlite/0005_history.sql.

CREATE TABLE changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_by TEXT,
    changed_at BIGINT NOT NULL
);
CREATE INDEX changes_record ON changes(record_type, record_id, id);
