"""A file written before migration 0002 opens, is migrated, and keeps a backup copy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.storage import schema
from facilitator.storage.file import inspect


def old_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    db = Database(conn)
    schema.MIGRATIONS.apply(db, stop_before="0002_organise")
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_file_with_only_0001_is_migrated_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    old_file(path)
    original = schema.actual_objects(sqlite3.connect(path))
    info = inspect(path)
    assert info.schema_version == 1 and info.needs_migration
    with WorkshopService.open(path) as svc:
        assert svc.file.backup_path is not None
        assert svc.file.backup_path.parent == path.parent
        backup = sqlite3.connect(svc.file.backup_path)
        try:  # the backup is the file as it was: format 1, no organise tables
            assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
            assert schema.actual_objects(backup) == original
            assert ("table", "themes") not in original
        finally:
            backup.close()
        assert svc.repo.schema_version() == schema.schema_version() >= 2
        org = OrganiseService(svc)
        assert org.themes() == [] and org.polls() == []
        assert org.counts() == {"themes": 0, "solutions": 0, "polls": 0, "ballots": 0}
    assert inspect(path).needs_migration is False


def test_schema_sql_documents_the_organise_tables() -> None:
    sql = (Path(__file__).resolve().parents[2] / "db" / "schema.sql").read_text()
    assert sql == schema.schema_sql()
    for table in ("themes", "solutions", "polls", "poll_options", "ballots", "ballot_entries"):
        assert f"CREATE TABLE {table} (" in sql
