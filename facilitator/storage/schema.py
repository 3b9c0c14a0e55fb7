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
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from facilitator import paths
from facilitator.storage import import_sqlite_utils, sqlite_utils_database

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# "FaCi" in ASCII: PRAGMA application_id of every workshop file.
APPLICATION_ID = 0x46614369


class _Migrations:
    """sqlite-utils' ``Migrations``, built on first use: declaring a migration only
    records it, so that opening a file at the current version never imports
    sqlite-utils. Every other attribute (``apply``, ``pending``…) is the real one's."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.declared: list[tuple[str, Callable[[Database], None], bool]] = []
        self._real: Migrations | None = None

    def __call__(
        self, *, name: str | None = None, transactional: bool = True
    ) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def inner(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            self.declared.append((name or fn.__name__, fn, transactional))
            self._real = None
            return fn

        return inner

    def real(self) -> Migrations:
        if self._real is None:
            import_sqlite_utils()
            from sqlite_utils.migrations import Migrations

            real = Migrations(self.name)
            for name, fn, transactional in self.declared:
                real(name=name, transactional=transactional)(fn)
            self._real = real
        return self._real

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.real(), attr)


MIGRATIONS = _Migrations("facilitator")


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


@MIGRATIONS(name="0003_minutes")
def _minutes(db: Database) -> None:
    """Minutes a recipient can file: the venue's time zone, the formal frame of the
    minutes, a summary per session, participants' job title and country, apologies for
    absence, and the organiser's logo and the EU emblem."""
    _run(
        db,
        """
ALTER TABLE workshop ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop ADD COLUMN minutes_status TEXT NOT NULL DEFAULT 'draft'
    CHECK (minutes_status IN ('draft', 'final'));
ALTER TABLE workshop ADD COLUMN minutes_version TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop ADD COLUMN drafted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop ADD COLUMN approval TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop ADD COLUMN distribution TEXT NOT NULL DEFAULT '';
ALTER TABLE workshop ADD COLUMN next_meeting TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN country TEXT NOT NULL DEFAULT '';
ALTER TABLE attendance ADD COLUMN apologies INTEGER NOT NULL DEFAULT 0;
CREATE TABLE workshop_images (
    kind TEXT PRIMARY KEY CHECK (kind IN ('logo', 'emblem')),
    mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    data BLOB NOT NULL,
    updated_at TEXT NOT NULL
)
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


# Tables whose rows get a hybrid-logical-clock column (facilitator/storage/clock.py), and
# the time column its first stamp is derived from.
_CLOCKED_0005 = {
    "workshop": "updated_at",
    "organisations": "updated_at",
    "days": "updated_at",
    "categories": "updated_at",
    "participants": "updated_at",
    "agenda_items": "updated_at",
    "notes": "updated_at",
    "action_items": "updated_at",
    "themes": "updated_at",
    "solutions": "updated_at",
    "polls": "updated_at",
    "ballots": "cast_at",
    "attendance": "updated_at",
}


@MIGRATIONS(name="0005_merge")
def _merge(db: Database) -> None:
    for table, when in _CLOCKED_0005.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN hlc TEXT")
        # Rows written before clocks existed: their last write time, node 00000000.
        db.execute(
            f"UPDATE {table} SET hlc = json_object('', json_array(printf('%013d.%06d.%s', "
            f"CAST(round((julianday({when}) - 2440587.5) * 86400000) AS INTEGER), 0, "
            f"'00000000')))"
        )
    _run(
        db,
        """
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
CREATE INDEX idx_merge_conflicts_row ON merge_conflicts(table_name, row_uuid)
""",
    )


@MIGRATIONS(name="0006_live")
def _live(db: Database) -> None:
    """The running timer lives in the file: an item's pause (since when, and the seconds
    paused before) and the minutes added with +5, beside its start and duration."""
    _run(
        db,
        """
ALTER TABLE agenda_items ADD COLUMN paused_at TEXT;
ALTER TABLE agenda_items ADD COLUMN paused_seconds INTEGER NOT NULL DEFAULT 0
    CHECK (paused_seconds >= 0);
ALTER TABLE agenda_items ADD COLUMN extra_min INTEGER NOT NULL DEFAULT 0
    CHECK (extra_min >= 0)
""",
    )


@MIGRATIONS(name="0007_linked")
def _linked(db: Database) -> None:
    """Note-takers' laptops linked to the facilitator's room (issue 15 A). On the hub:
    the note-taker clients that joined, and the conflicts kept for review. On a linked
    copy: the hub it mirrors, and per note the version the hub has acknowledged (the
    outbox is every note whose state differs from it)."""
    _run(
        db,
        """
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
CREATE INDEX idx_linked_conflicts_note ON linked_conflicts(note_id);
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
) WITHOUT ROWID
""",
    )


@MIGRATIONS(name="0008_board")
def _board(db: Database) -> None:
    # Where cards and themes sit on a theme board. A board is named by its scope:
    # 'workshop', 'day:<day uuid>' or 'item:<agenda item uuid>'. A note or theme with no
    # row is laid out automatically; these are layout, not content: an undone first
    # placement removes its row.
    _run(
        db,
        """
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
) WITHOUT ROWID
""",
    )


@MIGRATIONS(name="0009_map")
def _map(db: Database) -> None:
    """The ecosystem map (issue 16): actors (an organisation of the workshop, or an actor
    that did not attend), relations between two actors, and the notes that are their
    evidence."""
    _run(
        db,
        """
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
CREATE UNIQUE INDEX idx_actors_organisation ON actors(organisation_id)
    WHERE organisation_id IS NOT NULL AND deleted_at IS NULL;
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
CREATE INDEX idx_relations_source ON relations(source_id);
CREATE INDEX idx_relations_target ON relations(target_id);
CREATE TABLE relation_notes (
    relation_id INTEGER NOT NULL REFERENCES relations(id),
    note_id INTEGER NOT NULL REFERENCES notes(id),
    PRIMARY KEY (relation_id, note_id)
) WITHOUT ROWID;
CREATE INDEX idx_relation_notes_note ON relation_notes(note_id)
""",
    )


@MIGRATIONS(name="0010_capture")
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


@MIGRATIONS(name="0011_joincodes")
def _joincodes(db: Database) -> None:
    """Join codes (issue 14): a participant's code printed on the badge list, and the
    phones that claimed one. ``revoked_at``: replaced by a newer code (the row stays, so
    no code is ever issued twice); ``deleted_at``: an undone issue. A claim ends when the
    facilitator frees it or the code is replaced; a phone is only ever one participant."""
    _run(
        db,
        """
CREATE TABLE room_join_codes (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    code TEXT NOT NULL UNIQUE,
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    deleted_at TEXT
);
CREATE UNIQUE INDEX idx_room_join_codes_live ON room_join_codes(participant_id)
    WHERE revoked_at IS NULL AND deleted_at IS NULL;
CREATE TABLE room_claims (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL REFERENCES room_join_codes(id),
    participant_id INTEGER NOT NULL REFERENCES participants(id),
    device_id INTEGER NOT NULL REFERENCES room_devices(id),
    claimed_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE UNIQUE INDEX idx_room_claims_code ON room_claims(code_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX idx_room_claims_device ON room_claims(device_id) WHERE ended_at IS NULL;
CREATE INDEX idx_room_claims_participant ON room_claims(participant_id)
""",
    )


def schema_version() -> int:
    """The number of migrations this version of Facilitator knows."""
    return len(MIGRATIONS.declared)


def migration_names() -> list[str]:
    return [name for name, _fn, _transactional in MIGRATIONS.declared]


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
    """``{(type, name): sql}`` of every schema object of a file at ``version``.

    For the current version, from ``db/schema.sql`` (what the migrations build: a test
    keeps it so, and its first line must name this version), which takes a few ms
    where running the migrations takes some 15 ms and sqlite-utils."""
    if version == schema_version():
        found = _objects_of_schema_sql()
        if found is not None:
            return found
    return migrated_objects(version)


def migrated_objects(version: int) -> dict[tuple[str, str], str | None]:
    """The schema objects the migrations up to ``version`` build in an empty file."""
    db = sqlite_utils_database(sqlite3.connect(":memory:"))
    try:
        names = migration_names()
        MIGRATIONS.apply(db, stop_before=names[version:] or None)
        return _objects(db.conn)
    finally:
        db.close()


def _objects_of_schema_sql() -> dict[tuple[str, str], str | None] | None:
    try:
        text = (paths.db_dir() / "schema.sql").read_text(encoding="utf-8")
    except OSError:
        return None
    if not text.startswith(_SCHEMA_SQL_FIRST_LINE.format(schema_version()) + "\n"):
        return None  # not regenerated since the last migration: trust the migrations
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(text)
        return _objects(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


_SCHEMA_SQL_FIRST_LINE = "-- Facilitator workshop file, schema version {}."


def actual_objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    return _objects(conn)


# SQLite's own bookkeeping, skipped by type *and* exact name (and, for the statistics
# tables ANALYZE / PRAGMA optimize create, the exact SQL SQLite writes for them). Any
# other object, whatever its name, must be one the migrations create, with the same SQL.
_INTERNAL = {
    ("table", "sqlite_sequence"): "CREATE TABLE sqlite_sequence(name,seq)",
    ("table", "sqlite_stat1"): "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
    ("table", "sqlite_stat4"): "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
}


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str | None]:
    """Every object of the schema except SQLite's own bookkeeping tables.

    Automatic indexes (``sqlite_autoindex_<table>_<n>``, no SQL) are kept: the
    migrations create the same ones, so they are compared like everything else. The
    SQL is compared without trailing white space (``db/schema.sql`` holds it so)."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    return {
        (t, n): s.rstrip() if isinstance(s, str) else s
        for t, n, s in rows
        if _INTERNAL.get((t, n), "\0") != s
    }


def schema_sql() -> str:
    """The SQL of the current schema, as ``db/schema.sql`` holds it."""
    objects = migrated_objects(schema_version())
    order = {"table": 0, "index": 1}
    lines = [_SCHEMA_SQL_FIRST_LINE.format(schema_version())]
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
