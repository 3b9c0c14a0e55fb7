-- Facilitator workshop file, schema version 11.

-- Generated from facilitator/storage/schema.py; a test keeps it equal.

CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE TABLE action_items (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    owner_id INTEGER REFERENCES participants(id),
    due_date TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    note_id INTEGER REFERENCES notes(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    organisation_id INTEGER REFERENCES organisations(id),
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'other',
    role TEXT NOT NULL DEFAULT '',
    contributions TEXT NOT NULL DEFAULT '',
    x REAL,
    y REAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE agenda_item_speakers (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agenda_item_id, participant_id)
);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    day_id INTEGER NOT NULL REFERENCES days(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'presentation',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    duration_min INTEGER NOT NULL DEFAULT 30 CHECK (duration_min >= 0),
    actual_start TEXT,
    actual_end TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, summary TEXT NOT NULL DEFAULT '', hlc TEXT, paused_at TEXT, paused_seconds INTEGER NOT NULL DEFAULT 0
    CHECK (paused_seconds >= 0), extra_min INTEGER NOT NULL DEFAULT 0
    CHECK (extra_min >= 0));

CREATE TABLE attendance (
    day_id INTEGER NOT NULL REFERENCES days(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    present INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL, apologies INTEGER NOT NULL DEFAULT 0, hlc TEXT,
    PRIMARY KEY (day_id, participant_id)
);

CREATE TABLE ballot_entries (
    ballot_id INTEGER NOT NULL REFERENCES ballots(id),
    option_id INTEGER NOT NULL REFERENCES poll_options(id),
    criterion INTEGER NOT NULL DEFAULT 0,
    value INTEGER NOT NULL,
    PRIMARY KEY (ballot_id, option_id, criterion)
);

CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    mode TEXT NOT NULL CHECK (mode IN ('tally', 'voter', 'kiosk')),
    voter_id INTEGER REFERENCES participants(id),
    voters INTEGER NOT NULL DEFAULT 1 CHECK (voters >= 1),
    cast_at TEXT NOT NULL,
    deleted_at TEXT
, origin TEXT NOT NULL DEFAULT 'laptop'
    CHECK (origin IN ('laptop', 'room')), device_id INTEGER REFERENCES room_devices(id), idempotency_key TEXT, hlc TEXT);

CREATE TABLE board_cards (
    board TEXT NOT NULL,
    note_id INTEGER NOT NULL REFERENCES notes(id),
    x REAL NOT NULL,
    y REAL NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (board, note_id)
) WITHOUT ROWID;

CREATE TABLE board_themes (
    board TEXT NOT NULL,
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    x REAL NOT NULL,
    y REAL NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (board, theme_id)
) WITHOUT ROWID;

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL DEFAULT '#808080',
    shortcut TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT, meaning TEXT NOT NULL DEFAULT ''
    CHECK (meaning IN ('', 'decision', 'action')));

CREATE TABLE days (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    date TEXT,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT);

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    category_id INTEGER,
    speaker_name TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE linked_clients (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    removed_at TEXT
);

CREATE TABLE linked_conflicts (
    id INTEGER PRIMARY KEY,
    note_id INTEGER NOT NULL REFERENCES notes(id),
    kind TEXT NOT NULL CHECK (kind IN ('edit', 'delete', 'edit_deleted')),
    kept_text TEXT NOT NULL,
    other_text TEXT NOT NULL,
    kept_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    resolved_at TEXT
);

CREATE TABLE linked_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hub_url TEXT NOT NULL,
    token TEXT NOT NULL,
    client_uuid TEXT NOT NULL,
    name TEXT NOT NULL,
    cursor TEXT NOT NULL DEFAULT '',
    joined_at TEXT NOT NULL
);

CREATE TABLE linked_notes (
    note_uuid TEXT PRIMARY KEY,
    synced_state TEXT NOT NULL,
    hub_text TEXT NOT NULL,
    local_updated_at TEXT,
    acked_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE merge_conflicts (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    table_name TEXT NOT NULL,
    row_uuid TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT,
    other_value TEXT,
    kept_hlc TEXT NOT NULL,
    other_hlc TEXT NOT NULL,
    needs_review INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL,
    resolved_at TEXT
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    category_id INTEGER REFERENCES categories(id),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    speaker_id INTEGER REFERENCES participants(id),
    speaker_name TEXT NOT NULL DEFAULT '',
    note_taker TEXT NOT NULL DEFAULT '',
    is_decision INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT, day_id INTEGER REFERENCES days(id));

CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, speaker_name,
    content='notes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT);

CREATE TABLE participants (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations(id),
    role TEXT NOT NULL DEFAULT 'participant',
    email TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, job_title TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', hlc TEXT);

CREATE TABLE poll_criteria (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    scale_min INTEGER NOT NULL DEFAULT 1,
    scale_max INTEGER NOT NULL DEFAULT 5,
    weight REAL NOT NULL DEFAULT 1.0
);

CREATE TABLE poll_events (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    event TEXT NOT NULL CHECK (event IN ('opened', 'closed', 'reopened')),
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);

CREATE TABLE poll_options (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    solution_id INTEGER REFERENCES solutions(id)
);

CREATE TABLE poll_voters (
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    PRIMARY KEY (poll_id, participant_id)
) WITHOUT ROWID;

CREATE TABLE polls (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('dot', 'score', 'ranked', 'approval')),
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    anonymous INTEGER NOT NULL DEFAULT 1,
    hide_results INTEGER NOT NULL DEFAULT 1,
    dots_per_voter INTEGER NOT NULL DEFAULT 5,
    max_per_option INTEGER,
    require_complete INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, revealed_at TEXT, hlc TEXT);

CREATE TABLE relation_notes (
    relation_id INTEGER NOT NULL REFERENCES relations(id),
    note_id INTEGER NOT NULL REFERENCES notes(id),
    PRIMARY KEY (relation_id, note_id)
) WITHOUT ROWID;

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES actors(id),
    target_id INTEGER NOT NULL REFERENCES actors(id),
    type TEXT NOT NULL CHECK (type IN ('funding', 'partnership', 'co_design',
        'service_delivery', 'referral', 'knowledge_exchange', 'governance')),
    directed INTEGER NOT NULL DEFAULT 0 CHECK (directed IN (0, 1)),
    strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),
    period TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK (source_id <> target_id)
);

CREATE TABLE room_claims (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL REFERENCES room_join_codes(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    device_id INTEGER NOT NULL REFERENCES room_devices(id),
    claimed_at TEXT NOT NULL,
    ended_at TEXT
);

CREATE TABLE room_devices (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    joined_at TEXT NOT NULL,
    removed_at TEXT
);

CREATE TABLE room_idea_votes (
    idea_id INTEGER NOT NULL REFERENCES room_ideas(id),
    device_id INTEGER NOT NULL REFERENCES room_devices(id),
    PRIMARY KEY (idea_id, device_id)
) WITHOUT ROWID;

CREATE TABLE room_ideas (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    device_id INTEGER NOT NULL REFERENCES room_devices(id),
    idempotency_key TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    question_id INTEGER REFERENCES room_questions(id),
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'rejected', 'merged')),
    note_id INTEGER REFERENCES notes(id),
    merged_into INTEGER REFERENCES room_ideas(id),
    created_at TEXT NOT NULL,
    decided_at TEXT
);

CREATE TABLE room_join_codes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    code TEXT NOT NULL UNIQUE,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    deleted_at TEXT
);

CREATE TABLE room_questions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT
);

CREATE TABLE solution_notes (
    solution_id INTEGER NOT NULL REFERENCES solutions(id),
    note_id INTEGER NOT NULL REFERENCES notes(id),
    PRIMARY KEY (solution_id, note_id)
);

CREATE TABLE solutions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    theme_id INTEGER REFERENCES themes(id),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT);

CREATE TABLE theme_notes (
    note_id INTEGER PRIMARY KEY REFERENCES notes(id),
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    updated_at TEXT NOT NULL
);

CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
, hlc TEXT);

CREATE TABLE workshop (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    uuid TEXT NOT NULL,
    title TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en')),
    start_date TEXT,
    end_date TEXT,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
, time_zone TEXT NOT NULL DEFAULT '', minutes_status TEXT NOT NULL DEFAULT 'draft'
    CHECK (minutes_status IN ('draft', 'final')), minutes_version TEXT NOT NULL DEFAULT '', drafted_by TEXT NOT NULL DEFAULT '', approval TEXT NOT NULL DEFAULT '', distribution TEXT NOT NULL DEFAULT '', next_meeting TEXT NOT NULL DEFAULT '', hlc TEXT);

CREATE TABLE workshop_images (
    kind TEXT PRIMARY KEY CHECK (kind IN ('logo', 'emblem')),
    mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    data BLOB NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE UNIQUE INDEX idx_actors_organisation ON actors(organisation_id)
    WHERE organisation_id IS NOT NULL AND deleted_at IS NULL;

CREATE INDEX idx_agenda_items_day ON agenda_items(day_id, position);

CREATE INDEX idx_ballots_poll ON ballots(poll_id);

CREATE UNIQUE INDEX idx_ballots_room_device ON ballots(poll_id, device_id)
    WHERE device_id IS NOT NULL AND deleted_at IS NULL;

CREATE UNIQUE INDEX idx_ballots_room_key ON ballots(device_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE INDEX idx_linked_conflicts_note ON linked_conflicts(note_id);

CREATE INDEX idx_merge_conflicts_row ON merge_conflicts(table_name, row_uuid);

CREATE INDEX idx_notes_category ON notes(category_id);

CREATE INDEX idx_notes_item ON notes(agenda_item_id, created_at);

CREATE INDEX idx_participants_organisation ON participants(organisation_id);

CREATE INDEX idx_poll_criteria_poll ON poll_criteria(poll_id, position);

CREATE INDEX idx_poll_events_poll ON poll_events(poll_id, at);

CREATE INDEX idx_poll_options_poll ON poll_options(poll_id, position);

CREATE INDEX idx_relation_notes_note ON relation_notes(note_id);

CREATE INDEX idx_relations_source ON relations(source_id);

CREATE INDEX idx_relations_target ON relations(target_id);

CREATE UNIQUE INDEX idx_room_claims_code ON room_claims(code_id) WHERE ended_at IS NULL;

CREATE UNIQUE INDEX idx_room_claims_device ON room_claims(device_id) WHERE ended_at IS NULL;

CREATE INDEX idx_room_claims_participant ON room_claims(participant_id);

CREATE UNIQUE INDEX idx_room_ideas_key ON room_ideas(device_id, idempotency_key);

CREATE INDEX idx_room_ideas_status ON room_ideas(status, created_at);

CREATE UNIQUE INDEX idx_room_join_codes_live ON room_join_codes(participant_id)
    WHERE revoked_at IS NULL AND deleted_at IS NULL;

CREATE INDEX idx_solution_notes_note ON solution_notes(note_id);

CREATE INDEX idx_theme_notes_theme ON theme_notes(theme_id);
