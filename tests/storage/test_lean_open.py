"""Opening a file at the current version needs neither sqlite-utils nor the migrations
(storage/__init__.py, file.Db); the schema a file is held to is the same either way."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from badfiles import make_workshop

from facilitator import paths
from facilitator.domain import errors
from facilitator.storage import schema
from facilitator.storage.file import Db, WorkshopFile


def test_expected_schema_from_schema_sql_is_what_the_migrations_build() -> None:
    version = schema.schema_version()
    schema.expected_objects.cache_clear()
    assert schema.expected_objects(version) == schema.migrated_objects(version)


def test_a_stale_schema_sql_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A schema.sql not regenerated after a migration (its first line names another
    version) is ignored: the migrations say what a file must hold."""
    text = (paths.db_dir() / "schema.sql").read_text(encoding="utf-8")
    version = schema.schema_version()
    stale = text.replace(f"schema version {version}.", f"schema version {version - 1}.", 1)
    stale = stale.replace("CREATE TABLE workshop (", "CREATE TABLE workshop (\n    evil TEXT,", 1)
    (tmp_path / "schema.sql").write_text(stale, encoding="utf-8")
    monkeypatch.setattr(paths, "db_dir", lambda: tmp_path)
    schema.expected_objects.cache_clear()
    try:
        assert schema.expected_objects(version) == schema.migrated_objects(version)
    finally:
        schema.expected_objects.cache_clear()


def test_a_window_session_on_a_current_file_never_imports_sqlite_utils(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "current.workshop", notes=3)
    code = (
        "import sys\n"
        "from facilitator.services.workshop import WorkshopService\n"
        f"with WorkshopService.open({str(path)!r}) as svc:\n"
        "    svc.add_note('senza sqlite-utils')\n"
        "    assert any(n.text == 'senza sqlite-utils' for n in svc.notes())\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    conn = sqlite3.connect(path)
    try:
        texts = [r[0] for r in conn.execute("SELECT text FROM notes")]
    finally:
        conn.close()
    assert "senza sqlite-utils" in texts


def test_db_atomic_commits_rolls_back_and_nests(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "t.db")
    db = Db(conn)
    db.execute("CREATE TABLE t (x INTEGER)")
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), db.atomic():  # a nested block: a savepoint
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError
        db.execute("INSERT INTO t VALUES (3)")
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (4)")
        raise RuntimeError
    db.execute("INSERT INTO t VALUES (5)")  # outside a transaction: committed at once
    assert not conn.in_transaction
    other = sqlite3.connect(tmp_path / "t.db")
    try:
        assert [r[0] for r in other.execute("SELECT x FROM t ORDER BY x")] == [1, 3, 5]
    finally:
        other.close()
        db.close()


def test_after_a_refused_write_the_next_write_is_on_disk(tmp_path: Path) -> None:
    """A write SQLite refuses (a NOT NULL or foreign key) is rolled back, and the check
    of the search index that follows it leaves no transaction open: the next write is
    committed when it returns, not held in a transaction nobody commits."""
    path = make_workshop(tmp_path / "w.workshop", notes=1)
    wf = WorkshopFile.open(path)
    try:
        with pytest.raises(errors.ValidationError), wf.writing() as db:
            db.execute("INSERT INTO notes (text) VALUES ('x')")  # NOT NULL columns missing
        assert not wf.db.conn.in_transaction
        with wf.writing() as db:
            db.execute("UPDATE workshop SET title = 'Dopo il rifiuto'")
        other = sqlite3.connect(path)
        try:
            assert other.execute("SELECT title FROM workshop").fetchone()[0] == "Dopo il rifiuto"
        finally:
            other.close()
    finally:
        wf.close()
