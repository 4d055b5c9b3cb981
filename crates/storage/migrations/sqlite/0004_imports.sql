-- Files waiting for the confirmation of an import (the preview step). Same in both dialects but
-- for the bytes' type. Keep in step with ../postgres/0004_imports.sql.

CREATE TABLE pending_imports (
    id TEXT PRIMARY KEY,
    collection TEXT NOT NULL,
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content BLOB NOT NULL,
    created_by TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
