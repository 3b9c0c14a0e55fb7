"""Issue 11, attack 5: leftovers pile up. A SIGKILL during a snapshot (or during the
copy kept before an upgrade) left a full-size ``*.partial`` (and its ``-journal``) that
pruning and listing never saw; on a full disk every failed snapshot left a
``-journal``. They are cleaned at the next snapshot and at open, and never listed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from badfiles import make_workshop
from crashkit import ROOT

from facilitator.domain.errors import StorageFull
from facilitator.services import snapshots
from facilitator.services.workshop import WorkshopService

SNAPSHOTTING = textwrap.dedent(
    """
    import sys
    from facilitator.services.snapshots import take_snapshot
    from facilitator.services.workshop import WorkshopService
    svc = WorkshopService.open(sys.argv[1])
    print("open", flush=True)
    for _ in range(10_000):
        take_snapshot(svc, "auto", keep=3)
    """
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial" in p.name or "journal" in p.name)


def _kill_mid_copy(path: Path) -> bool:
    folder = snapshots.snapshot_dir(path)
    child = subprocess.Popen(
        [sys.executable, "-c", SNAPSHOTTING, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().startswith("open")
        for _ in range(2_000_000):  # bounded
            if folder.is_dir() and any(
                p.name.endswith(".partial") and p.stat().st_size > 100_000 for p in folder.iterdir()
            ):
                break
            if child.poll() is not None:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    return any(n.endswith(".partial") for n in _leftovers(folder))


def test_attack_kill_during_snapshot_leaves_nothing_for_long(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "big.workshop", notes=3000)
    folder = snapshots.snapshot_dir(path)
    kills = sum(_kill_mid_copy(path) for _ in range(3))
    assert kills, "no kill landed during a copy: the attack did not happen"
    listed = snapshots.list_snapshots(path)
    assert all(s.path.name.endswith(".workshop") for s in listed)
    assert all(s.usable for s in listed)
    # Opening for writing clears the half-built copies (only names Facilitator gives).
    stranger = folder / "notes-of-someone.txt"
    stranger.write_text("keep me", encoding="utf-8")
    with WorkshopService.open(path) as svc:
        assert _leftovers(folder) == []
        assert stranger.exists()
        # ... and so does the next snapshot, for leftovers made while the file is open.
        (folder / "big.20260101-000000-000000.auto.workshop.partial").write_bytes(b"x" * 10)
        (folder / "big.20260101-000000-000000.auto.workshop.partial-journal").write_bytes(b"x")
        snapshots.take_snapshot(svc, "manual", keep=3)
        assert _leftovers(folder) == []
    assert len(snapshots.list_snapshots(path)) <= 3


def test_attack_kill_during_upgrade_backup_is_cleaned_at_open(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "w.workshop", notes=3)
    half = tmp_path / "w.v1-20260101-000000.backup.workshop.partial"
    half.write_bytes(b"\0" * 50_000)
    Path(str(half) + "-journal").write_bytes(b"\0" * 100)
    other = tmp_path / "other.workshop.partial"  # not a name this file's backups get
    other.write_bytes(b"x")
    with WorkshopService.open(path):
        pass
    assert not half.exists() and not Path(str(half) + "-journal").exists()
    assert other.exists()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system (a 3 MB tmpfs): needs root and mount."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)])
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_attack_full_disk_snapshots_leave_no_journal(small_disk: Path) -> None:
    path = small_disk / "w.workshop"
    with WorkshopService.create(path, "Disco pieno") as svc:
        item = svc.add_item(svc.days()[0].id, "Sessione")
        st = os.statvfs(small_disk)
        free = st.f_bavail * st.f_frsize
        # Fill the disk, leaving room for the notes but not for a copy of the file.
        (small_disk / "filler").write_bytes(b"\0" * max(0, free - 160_000))
        failures = 0
        for i in range(20):
            with contextlib.suppress(StorageFull):  # a full disk: the note is refused
                svc.add_note(f"nota {i} " + "parola " * 200, agenda_item_id=item)
            try:
                snapshots.take_snapshot(svc, "auto", keep=3)
            except (StorageFull, OSError):  # the snapshot does not fit
                failures += 1
        assert failures, "the disk never filled: the attack did not happen"
        assert _leftovers(snapshots.snapshot_dir(path)) == []
        assert [p.name for p in small_disk.iterdir() if "partial" in p.name] == []


UPGRADING = textwrap.dedent(
    """
    import sys
    from facilitator.services.workshop import WorkshopService
    WorkshopService.open(sys.argv[1]).close()
    """
)


def _old_format_file(path: Path, notes: int) -> None:
    import sqlite3

    from sqlite_utils import Database

    from facilitator.storage import schema

    conn = sqlite3.connect(path)
    schema.MIGRATIONS.apply(Database(conn), stop_before="0002_organise")
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    stamp = "2025-11-05T09:00:00.000000Z"
    rows = [
        (f"00000000-0000-4000-8000-{i:012d}", f"nota {i} " + "collaborazione " * 150, stamp, stamp)
        for i in range(notes)
    ]
    conn.executemany(
        "INSERT INTO notes (uuid, text, speaker_name, note_taker, created_at, updated_at) "
        "VALUES (?, ?, '', '', ?, ?)",
        rows,
    )
    conn.execute("INSERT INTO notes_fts (rowid, text, speaker_name) SELECT id, text, '' FROM notes")
    conn.commit()
    conn.close()


def test_attack_kill_during_the_copy_before_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    _old_format_file(path, 4000)
    original = path.read_bytes()
    landed = False
    for _ in range(3):  # bounded attempts
        child = subprocess.Popen(
            [sys.executable, "-c", UPGRADING, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        try:
            for _ in range(2_000_000):  # bounded
                if any(
                    p.name.endswith(".partial") and p.stat().st_size > 100_000
                    for p in tmp_path.iterdir()
                ):
                    break
                if child.poll() is not None:
                    break
            child.send_signal(signal.SIGKILL)
        finally:
            if child.poll() is None:
                child.kill()
            child.communicate()
        if child.returncode == -signal.SIGKILL and _leftovers(tmp_path):
            landed = True
            break
        # The upgrade finished first: start again from the old file.
        for p in tmp_path.iterdir():
            p.unlink()
        path.write_bytes(original)
    assert landed, "no kill landed during the copy: the attack did not happen"
    from facilitator.storage.file import inspect

    assert inspect(path).schema_version == 1  # not upgraded: the copy comes first
    with WorkshopService.open(path) as svc:
        assert len(svc.notes()) == 4000
        assert svc.file.backup_path is not None and svc.file.backup_path.exists()
    assert _leftovers(tmp_path) == []
    backups = [p for p in tmp_path.iterdir() if ".backup" in p.name]
    assert backups == [svc.file.backup_path]
