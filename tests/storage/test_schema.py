"""The file format: schema.sql equals the migrations, pragmas, no triggers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.paths import db_dir
from facilitator.services.workshop import WorkshopService
from facilitator.storage import schema


def test_schema_sql_matches_migrations() -> None:
    on_disk = (db_dir() / "schema.sql").read_text(encoding="utf-8")
    assert on_disk == schema.schema_sql(), (
        "regenerate: python -m facilitator.storage.schema > db/schema.sql"
    )


def test_every_table_is_documented() -> None:
    readme = (db_dir() / "README.md").read_text(encoding="utf-8")
    tables = [
        name
        for (kind, name) in schema.expected_objects(schema.schema_version())
        if kind == "table" and not name.startswith(("notes_fts_", "_sqlite"))
    ]
    missing = [t for t in tables if f"`{t}`" not in readme]
    assert not missing


def test_new_file_is_a_plain_sqlite_file_with_our_markers(
    svc: WorkshopService, workshop_path: Path
) -> None:
    svc.close()
    conn = sqlite3.connect(workshop_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.schema_version()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        kinds = {r[0] for r in conn.execute("SELECT type FROM sqlite_master")}
        assert kinds <= {"table", "index"}
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == schema.migration_names()
    finally:
        conn.close()


def test_open_connection_pragmas(svc: WorkshopService) -> None:
    conn = svc.file.db.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_foreign_keys_are_enforced(svc: WorkshopService) -> None:
    import pytest

    from facilitator.domain.errors import ValidationError

    with pytest.raises(ValidationError) as err, svc.file.writing() as db:
        db.conn.execute(
            "INSERT INTO agenda_items (uuid, day_id, position, title, created_at, updated_at) "
            "VALUES ('x', 999, 1, 't', 'now', 'now')"
        )
    assert err.value.params["rule"] == "unknown"  # refused, never "file damaged"
    assert svc.items() == []


def test_write_is_visible_to_another_connection_when_call_returns(
    svc: WorkshopService, workshop_path: Path
) -> None:
    note = svc.add_note("scritto", agenda_item_id=None)
    other = sqlite3.connect(f"file:{workshop_path}?mode=ro", uri=True)
    try:
        assert other.execute("SELECT text FROM notes WHERE uuid = ?", (note.uuid,)).fetchone() == (
            "scritto",
        )
    finally:
        other.close()


def test_create_refuses_to_overwrite(svc: WorkshopService, workshop_path: Path) -> None:
    import pytest

    from facilitator.domain.errors import ValidationError

    before = workshop_path.read_bytes()
    with pytest.raises(ValidationError):
        WorkshopService.create(workshop_path, "Altro")
    assert workshop_path.read_bytes() == before
