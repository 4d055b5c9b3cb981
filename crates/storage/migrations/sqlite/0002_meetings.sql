-- Meetings, minutes, follow-ups and the roadmap (SQLite dialect).
-- Keep in step with ../postgres/0002_meetings.sql.

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES country_groups(id),
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    time_zone TEXT NOT NULL,
    format TEXT NOT NULL,
    place TEXT,
    link TEXT,
    visibility TEXT NOT NULL,
    status TEXT NOT NULL,
    sequence BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    sources TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    archived_at BIGINT,
    CHECK (ends_at > starts_at)
);
CREATE INDEX meetings_group_start ON meetings(group_id, starts_at);

CREATE TABLE agenda_items (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE meeting_participants (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    person_id TEXT REFERENCES people(id),
    organisation_id TEXT REFERENCES organisations(id),
    user_id TEXT REFERENCES users(id),
    name TEXT NOT NULL,
    role_title TEXT,
    presence TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX meeting_participants_meeting ON meeting_participants(meeting_id, position);

CREATE TABLE meeting_attachments (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_by TEXT REFERENCES users(id),
    created_at BIGINT NOT NULL,
    archived_at BIGINT
);

CREATE TABLE minutes (
    meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
    status TEXT NOT NULL,
    current_version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE minutes_versions (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    number BIGINT NOT NULL,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT,
    author_id TEXT REFERENCES users(id),
    author_name TEXT,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, number)
);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    agenda_position BIGINT,
    text_fr TEXT, text_ko TEXT, text_en TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES country_groups(id),
    meeting_id TEXT REFERENCES meetings(id),
    agenda_position BIGINT,
    text_fr TEXT, text_ko TEXT, text_en TEXT,
    owner_organisation TEXT REFERENCES organisations(id),
    owner_text TEXT,
    due TEXT,
    due_first_day TEXT,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX follow_ups_group_status ON follow_ups(group_id, status);

CREATE TABLE follow_up_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    follow_up_id TEXT NOT NULL REFERENCES follow_ups(id),
    meeting_id TEXT REFERENCES meetings(id),
    status TEXT NOT NULL,
    note TEXT,
    author_id TEXT REFERENCES users(id),
    created_at BIGINT NOT NULL
);

CREATE TABLE roadmaps (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES country_groups(id),
    year BIGINT NOT NULL,
    summary_fr TEXT, summary_ko TEXT, summary_en TEXT,
    sources TEXT NOT NULL DEFAULT '{}',
    UNIQUE (group_id, year)
);

CREATE TABLE roadmap_axes (
    id TEXT PRIMARY KEY,
    roadmap_id TEXT NOT NULL REFERENCES roadmaps(id),
    position BIGINT NOT NULL,
    title_fr TEXT, title_ko TEXT, title_en TEXT
);

CREATE TABLE roadmap_actions (
    id TEXT PRIMARY KEY,
    axis_id TEXT NOT NULL REFERENCES roadmap_axes(id),
    position BIGINT NOT NULL,
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    owner_organisation TEXT REFERENCES organisations(id),
    owner_text TEXT,
    period TEXT,
    status TEXT NOT NULL
);

CREATE TABLE roadmap_milestones (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES roadmap_actions(id),
    position BIGINT NOT NULL,
    title_fr TEXT, title_ko TEXT, title_en TEXT,
    period TEXT,
    status TEXT NOT NULL
);

CREATE TABLE roadmap_links (
    action_id TEXT NOT NULL REFERENCES roadmap_actions(id),
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    PRIMARY KEY (action_id, target_type, target_id)
);
