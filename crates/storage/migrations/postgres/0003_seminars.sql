-- The seminar series, consultations, line-ups, registrations and the e-mail outbox (PostgreSQL).
-- Keep in step with ../sqlite/0003_seminars.sql.

CREATE TABLE seminar_series (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES country_groups(id),
    year BIGINT NOT NULL,
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    UNIQUE (group_id, year)
);

CREATE TABLE seminars (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES seminar_series(id),
    position BIGINT NOT NULL,
    theme_fr TEXT, theme_ko TEXT, theme_en TEXT,
    planned_period TEXT,
    starts_at BIGINT,
    ends_at BIGINT,
    time_zone TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    format TEXT NOT NULL,
    link TEXT,
    capacity BIGINT,
    audience TEXT NOT NULL,
    status TEXT NOT NULL,
    sequence BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX seminars_series ON seminars(series_id, position);

CREATE TABLE presentations (
    id TEXT PRIMARY KEY,
    seminar_id TEXT NOT NULL REFERENCES seminars(id),
    position BIGINT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id),
    speaker TEXT,
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    duration_minutes BIGINT NOT NULL
);
CREATE INDEX presentations_seminar ON presentations(seminar_id, position);

CREATE TABLE facilitators (
    seminar_id TEXT NOT NULL REFERENCES seminars(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    locked BIGINT NOT NULL DEFAULT 0,
    chosen_at BIGINT NOT NULL,
    PRIMARY KEY (seminar_id, organisation_id)
);

CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES seminar_series(id),
    status TEXT NOT NULL,
    demo TEXT,
    opened_at BIGINT NOT NULL,
    closes_at BIGINT,
    closed_at BIGINT
);

CREATE TABLE consultation_links (
    token_hash TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT
);

CREATE TABLE consultation_answers (
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    willing TEXT NOT NULL,
    availability TEXT,
    comments TEXT,
    answered_by TEXT,
    answered_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (consultation_id, organisation_id)
);

CREATE TABLE consultation_ranks (
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    seminar_id TEXT NOT NULL REFERENCES seminars(id),
    rank BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, organisation_id, seminar_id)
);

-- Every answer as it was sent, so that nothing typed is ever lost when an answer is changed.
CREATE TABLE consultation_answer_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    content TEXT NOT NULL,
    answered_by TEXT,
    answered_at BIGINT NOT NULL
);

CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    seminar_id TEXT NOT NULL REFERENCES seminars(id),
    user_id TEXT REFERENCES users(id),
    organisation_id TEXT REFERENCES organisations(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    locale TEXT NOT NULL,
    status TEXT NOT NULL,
    attended_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (seminar_id, email)
);
CREATE INDEX registrations_seminar ON registrations(seminar_id, status, created_at);

-- E-mails to send, written in the same transaction as the change that causes them.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    attachment_name TEXT,
    attachment_type TEXT,
    attachment TEXT,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    locked_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
