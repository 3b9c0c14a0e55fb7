"""Issue 11, attack 9: long file names. A 250-character name failed to create with a
misleading "cannot be read" and left a 0-byte file; a 240-character old-format file
failed its pre-migration backup with a raw OSError; snapshots of such a file always
failed. Side files now get hash-shortened names; a name that cannot work is refused
with a message that says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from facilitator.domain import errors
from facilitator.services import snapshots
from facilitator.services.workshop import WorkshopService
from facilitator.storage import schema


def test_attack_250_character_name_is_refused_clearly_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("a" * 241 + ".workshop")  # 250 characters
    with pytest.raises(errors.ValidationError) as info:
        WorkshopService.create(path, "Nome lungo")
    assert "too long" in info.value.message
    assert list(tmp_path.iterdir()) == []


def test_longest_accepted_name_works_with_snapshots(tmp_path: Path) -> None:
    path = tmp_path / ("b" * 238 + ".workshop")  # 247 bytes: room for "-journal"
    with WorkshopService.create(path, "Nome lungo") as svc:
        svc.add_note("una nota")
        taken = snapshots.take_snapshot(svc, "manual")
        assert len(taken.name.encode()) <= 255
    listed = snapshots.list_snapshots(path)
    assert [s.path for s in listed] == [taken]
    assert listed[0].notes == 1


def _old_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    db = Database(conn)
    schema.MIGRATIONS.apply(db, stop_before="0002_organise")
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_attack_240_character_old_format_file_upgrades_with_its_backup(tmp_path: Path) -> None:
    path = tmp_path / ("c" * 231 + ".workshop")  # 240 characters
    _old_file(path)
    with WorkshopService.open(path) as svc:
        assert svc.file.backup_path is not None
        backup = svc.file.backup_path
        assert backup.exists() and len(backup.name.encode()) <= 255
        svc.add_note("dopo l'aggiornamento")
        assert snapshots.take_snapshot(svc, "manual").exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_existing_file_with_no_room_for_its_wal_is_refused_with_the_reason(
    tmp_path: Path,
) -> None:
    path = tmp_path / ("d" * 243 + ".workshop")  # 252: fits, but "-wal" does not
    with WorkshopService.create(tmp_path / "short.workshop", "Corto"):
        pass
    (tmp_path / "short.workshop").rename(path)
    before = path.read_bytes()
    with pytest.raises(errors.WorkshopFileError) as info:
        WorkshopService.open(path)
    assert "too long" in info.value.message
    assert path.read_bytes() == before
