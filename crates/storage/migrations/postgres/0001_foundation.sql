-- Foundation schema (PostgreSQL dialect). Keep in step with ../sqlite/0001_foundation.sql.
-- Timestamps are Unix milliseconds (BIGINT); booleans are never stored (use nullable timestamps).

CREATE TABLE networks (
    id TEXT PRIMARY KEY,
    name_fr TEXT, name_ko TEXT, name_en TEXT
);

CREATE TABLE country_groups (
    id TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id),
    country TEXT NOT NULL,
    name_fr TEXT, name_ko TEXT, name_en TEXT,
    about_fr TEXT, about_ko TEXT, about_en TEXT,
    hashtag TEXT
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    country TEXT NOT NULL,
    level TEXT,
    parent_id TEXT REFERENCES organisations(id),
    name_fr TEXT, name_ko TEXT, name_ko_latn TEXT, name_en TEXT,
    population BIGINT,
    population_year BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    seat_name TEXT,
    website TEXT,
    notes TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT
);
CREATE INDEX organisations_country_level ON organisations(country, level);
CREATE INDEX organisations_parent ON organisations(parent_id);

CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES country_groups(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    role TEXT NOT NULL,
    PRIMARY KEY (group_id, organisation_id)
);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_ko TEXT,
    email TEXT,
    notes TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT
);

CREATE TABLE person_roles (
    person_id TEXT NOT NULL REFERENCES people(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX person_roles_organisation ON person_roles(organisation_id);

CREATE TABLE partnerships (
    id TEXT PRIMARY KEY,
    organisation_a TEXT NOT NULL REFERENCES organisations(id),
    organisation_b TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    signed_date TEXT,
    signed_year BIGINT,
    notes TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT,
    CHECK (organisation_a <> organisation_b)
);
CREATE INDEX partnerships_a ON partnerships(organisation_a);
CREATE INDEX partnerships_b ON partnerships(organisation_b);

CREATE TABLE partnership_themes (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id),
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (partnership_id, position)
);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    partnership_id TEXT REFERENCES partnerships(id),
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    date_text TEXT,
    start_year BIGINT,
    status_note TEXT,
    notes TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT
);

CREATE TABLE action_parties (
    action_id TEXT NOT NULL REFERENCES actions(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (action_id, organisation_id)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    locale TEXT,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    group_id TEXT REFERENCES country_groups(id),
    organisation_id TEXT REFERENCES organisations(id)
);
CREATE INDEX user_roles_user ON user_roles(user_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE login_failures (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures(key, at);
