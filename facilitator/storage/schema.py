"""The workshop file format: migrations built with sqlite-utils' ``Migrations``.

Rules for whoever adds a migration:
- append a new function at the end, never edit one that has shipped;
- create only tables and indexes (no triggers, no views: files carrying them are
  refused as untrusted), and regenerate ``db/schema.sql`` (``python -m
  facilitator.storage.schema > db/schema.sql``) and document the table in ``db/README.md``.

Full-text search (``notes_fts``) is kept up to date by the storage code, not by
triggers: files are opened with ``trusted_schema=OFF``, under which SQLite refuses
triggers that write to virtual tables, and a file with no triggers is one that
cannot run code its user did not write.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# "FaCi" in ASCII: PRAGMA application_id of every workshop file.
APPLICATION_ID = 0x46614369

MIGRATIONS = Migrations("facilitator")


def _run(db: Database, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_core")
def _core(db: Database) -> None:
    _run(
        db,
        """
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
);
CREATE TABLE days (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    date TEXT,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'other',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
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
);
CREATE INDEX idx_participants_organisation ON participants(organisation_id);
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
);
CREATE INDEX idx_agenda_items_day ON agenda_items(day_id, position);
CREATE TABLE agenda_item_speakers (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agenda_item_id, participant_id)
);
CREATE TABLE attendance (
    day_id INTEGER NOT NULL REFERENCES days(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    present INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (day_id, participant_id)
);
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
);
CREATE INDEX idx_notes_item ON notes(agenda_item_id, created_at);
CREATE INDEX idx_notes_category ON notes(category_id);
CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, speaker_name,
    content='notes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    category_id INTEGER,
    speaker_name TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
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
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
""",
    )


@MIGRATIONS(name="0002_organise")
def _organise(db: Database) -> None:
    _run(
        db,
        """
CREATE TABLE themes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE TABLE theme_notes (
    note_id INTEGER PRIMARY KEY REFERENCES notes(id),
    theme_id INTEGER NOT NULL REFERENCES themes(id),
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_theme_notes_theme ON theme_notes(theme_id);
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
);
CREATE TABLE solution_notes (
    solution_id INTEGER NOT NULL REFERENCES solutions(id),
    note_id INTEGER NOT NULL REFERENCES notes(id),
    PRIMARY KEY (solution_id, note_id)
);
CREATE INDEX idx_solution_notes_note ON solution_notes(note_id);
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
);
CREATE TABLE poll_options (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    solution_id INTEGER REFERENCES solutions(id)
);
CREATE INDEX idx_poll_options_poll ON poll_options(poll_id, position);
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
CREATE INDEX idx_poll_criteria_poll ON poll_criteria(poll_id, position);
CREATE TABLE poll_events (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    event TEXT NOT NULL CHECK (event IN ('opened', 'closed', 'reopened')),
    reason TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE INDEX idx_poll_events_poll ON poll_events(poll_id, at);
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    mode TEXT NOT NULL CHECK (mode IN ('tally', 'voter', 'kiosk')),
    voter_id INTEGER REFERENCES participants(id),
    voters INTEGER NOT NULL DEFAULT 1 CHECK (voters >= 1),
    cast_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX idx_ballots_poll ON ballots(poll_id);
CREATE TABLE ballot_entries (
    ballot_id INTEGER NOT NULL REFERENCES ballots(id),
    option_id INTEGER NOT NULL REFERENCES poll_options(id),
    criterion INTEGER NOT NULL DEFAULT 0,
    value INTEGER NOT NULL,
    PRIMARY KEY (ballot_id, option_id, criterion)
);
CREATE TABLE poll_voters (
    poll_id INTEGER NOT NULL REFERENCES polls(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    PRIMARY KEY (poll_id, participant_id)
) WITHOUT ROWID
""",
    )


@MIGRATIONS(name="0004_room")
def _room(db: Database) -> None:
    """Phones in the room (issue 14): devices, ideas and their votes, and where a ballot
    came from (its device and its idempotency key)."""
    _run(
        db,
        """
CREATE TABLE room_devices (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    joined_at TEXT NOT NULL,
    removed_at TEXT
);
CREATE TABLE room_questions (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_items(id),
    opened_at TEXT NOT NULL,
    closed_at TEXT
);
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
CREATE UNIQUE INDEX idx_room_ideas_key ON room_ideas(device_id, idempotency_key);
CREATE INDEX idx_room_ideas_status ON room_ideas(status, created_at);
CREATE TABLE room_idea_votes (
    idea_id INTEGER NOT NULL REFERENCES room_ideas(id),
    device_id INTEGER NOT NULL REFERENCES room_devices(id),
    PRIMARY KEY (idea_id, device_id)
) WITHOUT ROWID;
ALTER TABLE ballots ADD COLUMN origin TEXT NOT NULL DEFAULT 'laptop'
    CHECK (origin IN ('laptop', 'room'));
ALTER TABLE ballots ADD COLUMN device_id INTEGER REFERENCES room_devices(id);
ALTER TABLE ballots ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX idx_ballots_room_key ON ballots(device_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX idx_ballots_room_device ON ballots(poll_id, device_id)
    WHERE device_id IS NOT NULL AND deleted_at IS NULL;
ALTER TABLE polls ADD COLUMN revealed_at TEXT
""",
    )


@MIGRATIONS(name="0007_capture")
def _capture(db: Database) -> None:
    """The capture box (issue 12). ``notes.day_id``: the day of a note taken outside
    the agenda (before any item exists, or on a day without items); notes of an item
    keep it NULL (their item's day is theirs); notes already outside the agenda get the
    day of their (UTC) date, else the first day. ``categories.meaning``: a note in a
    "decision" category is a decision, one in an "action" category can become an action
    item; the templates' Decision/Action categories get theirs, and their notes are
    decisions."""
    _run(
        db,
        """
ALTER TABLE notes ADD COLUMN day_id INTEGER REFERENCES days(id);
UPDATE notes SET day_id = coalesce(
    (SELECT d.id FROM days d WHERE d.deleted_at IS NULL AND d.date = substr(notes.created_at, 1, 10)
     ORDER BY d.position LIMIT 1),
    (SELECT d.id FROM days d WHERE d.deleted_at IS NULL ORDER BY d.position LIMIT 1))
WHERE agenda_item_id IS NULL;
ALTER TABLE categories ADD COLUMN meaning TEXT NOT NULL DEFAULT ''
    CHECK (meaning IN ('', 'decision', 'action'));
UPDATE categories SET meaning = 'decision'
    WHERE lower(name) IN ('decisione', 'decisioni', 'decision', 'decisions');
UPDATE categories SET meaning = 'action'
    WHERE lower(name) IN ('azione', 'azioni', 'action', 'actions');
UPDATE notes SET is_decision = 1
    WHERE category_id IN (SELECT id FROM categories WHERE meaning = 'decision')
""",
    )


def schema_version() -> int:
    """The number of migrations this version of Facilitator knows."""
    return len(MIGRATIONS._migrations)


def migration_names() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]


def apply_migrations(db: Database) -> int:
    """Bring ``db`` to the current schema. Returns the number of migrations applied."""
    pending = len(MIGRATIONS.pending(db))
    # One transaction: the tables and the version that names them land together, so a
    # crash mid-way leaves the file as it was, never half-migrated (and then refused).
    with db.atomic():
        MIGRATIONS.apply(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {schema_version()}")
    return pending


@cache
def expected_objects(version: int) -> dict[tuple[str, str], str | None]:
    """``{(type, name): sql}`` of every schema object of a file at ``version``."""
    db = Database(sqlite3.connect(":memory:"), execute_plugins=False)
    names = migration_names()
    MIGRATIONS.apply(db, stop_before=names[version:] or None)
    return _objects(db.conn)


def actual_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    return _objects(conn)


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {(t, n): s for t, n, s in rows if not n.startswith("sqlite_")}


def schema_sql() -> str:
    """The SQL of the current schema, as ``db/schema.sql`` holds it."""
    objects = expected_objects(schema_version())
    order = {"table": 0, "index": 1}
    lines = [f"-- Facilitator workshop file, schema version {schema_version()}."]
    lines.append("-- Generated from facilitator/storage/schema.py; a test keeps it equal.")
    for (_kind, name), sql in sorted(
        objects.items(), key=lambda kv: (order.get(kv[0][0], 2), kv[0][1])
    ):
        if sql is None:
            continue
        if name.startswith("notes_fts_"):
            continue  # FTS5 shadow tables, created by the virtual table
        lines.append(sql.strip() + ";")
    return "\n\n".join(lines) + "\n"


if __name__ == "__main__":
    print(schema_sql(), end="")
