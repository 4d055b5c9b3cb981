-- The audit log: who did what, when and from where (sign-ins, failures, throttling, tokens,
-- roles, archive/restore, imports, exports of personal data, permission refusals). Rows are
-- only ever appended: no statement of the code updates or deletes them.
-- Keep in step with ../sqlite/0009_hardening.sql.

CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT,
    event TEXT NOT NULL,
    target TEXT,
    detail TEXT,
    client TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_event_at ON audit_log(event, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- The outbox's claims are fenced: a worker marks a message sent only while the claim it took
-- is still the message's claim (a lease that ran out and was taken by another node is not).
ALTER TABLE outbox ADD COLUMN claim TEXT;

-- Stored files in pieces of at most 256 KiB, written from a temporary file and read back one
-- piece at a time, so that an upload or a download never holds a whole file in memory. Files
-- stored before keep their bytes in their table's content column (new ones leave it empty).
CREATE TABLE file_chunks (
    file_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (file_id, seq)
);
