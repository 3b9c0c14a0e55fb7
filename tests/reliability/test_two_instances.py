"""Two Facilitators on one file: the second gets FileLocked, may open read-only, and
nothing is corrupted — also when the first is another process that writes meanwhile."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from crashkit import ROOT, prepare

from facilitator.domain.errors import FileLocked, ReadOnlyFile
from facilitator.services.check import check_file
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import WorkshopFile


def test_second_instance_in_another_process(tmp_path: Path) -> None:
    path = tmp_path / "shared.workshop"
    prepare(path)
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "reliability" / "crashkit.py"), str(path), "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert child.stdout is not None
        seen = [child.stdout.readline() for _ in range(3)]
        assert all(line.startswith("committed ") for line in seen)
        with pytest.raises(FileLocked) as info:
            WorkshopService.open(path)
        assert "already open" in info.value.message
        with WorkshopService.open(path, read_only=True) as reader:
            first = len(reader.notes())
            assert first >= 3
            with pytest.raises(ReadOnlyFile):
                reader.add_note("the second window cannot write")
            # The writer goes on; the reader sees its new notes (WAL).
            read = len(seen)
            while read < first + 3:
                assert child.stdout.readline().startswith("committed ")
                read += 1
            assert len(reader.notes()) >= first + 3
        assert check_file(path).ok
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate()
    with WorkshopService.open(path) as svc:  # the lock died with the process
        assert svc.repo.integrity_check() == ["ok"]
        svc.add_note("after the other window is gone")


def test_second_writer_in_same_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.workshop"
    prepare(path)
    with WorkshopService.open(path) as first:
        first.add_note("uno")
        with pytest.raises(FileLocked):
            WorkshopFile.open(path)
        with pytest.raises(FileLocked):  # a refused open leaves the lock with its owner
            WorkshopFile.open(path)
        first.add_note("due")
    with WorkshopService.open(path) as svc:
        assert [n.text for n in svc.notes()] == ["uno", "due"]
        assert svc.repo.integrity_check() == ["ok"]


def test_another_program_holding_a_write_lock_gives_storage_busy(tmp_path: Path) -> None:
    import sqlite3

    from facilitator.domain.errors import StorageBusy

    path = tmp_path / "busy.workshop"
    prepare(path)
    with WorkshopService.open(path) as svc:
        svc.add_note("prima")
        svc.file.db.conn.execute("PRAGMA busy_timeout = 50")  # the default waits 5 s
        other = sqlite3.connect(path, isolation_level=None)  # e.g. a SQLite browser
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StorageBusy) as info:
                svc.add_note("mentre un altro programma scrive")
            assert "nothing was written" in info.value.message
            assert not svc.file.db.conn.in_transaction
            other.execute("ROLLBACK")
        finally:
            other.close()
        svc.add_note("dopo")
        assert [n.text for n in svc.notes()] == ["prima", "dopo"]
        assert svc.repo.integrity_check() == ["ok"]
