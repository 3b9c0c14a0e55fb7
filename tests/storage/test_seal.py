"""Reopening a file this app closed skips the checks that read the whole file — and
nothing another program did to the file can make an open skip them (storage/seal.py)."""

from __future__ import annotations

import builtins
import dataclasses
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from badfiles import make_workshop

from facilitator.domain import errors
from facilitator.services.check import check_file
from facilitator.services.workshop import WorkshopService
from facilitator.storage import file, seal
from facilitator.storage.file import WorkshopFile

BAD_CELL = "UPDATE notes SET created_at = 'yesterday' WHERE rowid = (SELECT min(rowid) FROM notes)"


@pytest.fixture
def deep_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The files opening ran the full checks on (quick_check and every cell)."""
    seen: list[Path] = []
    real = file.inspect

    def spy(path: Path, fd: int | None = None, *, deep: bool = True) -> file.FileInfo:
        if deep:
            seen.append(Path(path))
        return real(path, fd, deep=deep)

    monkeypatch.setattr(file, "inspect", spy)
    yield seen


def sealed_workshop(tmp_path: Path, notes: int = 30) -> Path:
    """A workshop this app wrote and closed (so sealed), reopened once to show it."""
    path = (tmp_path / "sealed.workshop").resolve()
    make_workshop(path, notes=notes)  # may be a copy of a template: no seal yet
    with WorkshopService.open(path) as svc:
        svc.add_note("una nota in più")
    assert seal.read(path) is not None
    return path


def foreign(path: Path, sql: str, *, keep_open: bool = False) -> subprocess.Popen[str] | None:
    """``sql`` committed by another process (the sqlite3 module of a separate Python).
    ``keep_open``: that process keeps its connection (and so the -wal) open until its
    stdin is closed."""
    code = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(path)!r})\n"
        f"c.execute({sql!r}); c.commit()\n"
        "print('written', flush=True)\n"
        + ("sys.stdin.read()\n" if keep_open else "")
        + "c.close()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "written"
    if keep_open:
        return proc
    proc.communicate(timeout=30)
    assert proc.returncode == 0
    return None


def test_reopening_a_file_this_app_closed_skips_the_whole_file_checks(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    path = sealed_workshop(tmp_path)
    deep_checks.clear()
    with WorkshopService.open(path) as svc:
        assert not svc.read_only
        assert any(n.text == "una nota in più" for n in svc.notes())
        svc.add_note("scritta dopo un'apertura sigillata")
    assert deep_checks == []
    for _ in range(2):  # the session above sealed what it left; reading keeps it
        with WorkshopService.open(path) as svc:
            assert any(n.text == "scritta dopo un'apertura sigillata" for n in svc.notes())
    assert deep_checks == []
    # What the seal vouched for passes the full check.
    report = check_file(path)
    assert report.ok, report.text()


def test_a_file_not_yet_sealed_is_checked_in_full_then_sealed(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    path = make_workshop((tmp_path / "copied.workshop").resolve(), notes=5)
    seal.forget(path)
    with WorkshopService.open(path):
        pass
    assert deep_checks == [path]
    with WorkshopService.open(path):
        pass
    assert deep_checks == [path]  # the second open trusted the first one's seal


@pytest.mark.parametrize("when", ["between sessions", "during the session", "still open"])
def test_a_foreign_process_writing_a_bad_cell_is_caught_at_the_next_open(
    tmp_path: Path, deep_checks: list[Path], when: str
) -> None:
    """Another program rewrites a cell without touching updated_at (here a separate
    sqlite3 process): the next open runs the full checks and refuses the file."""
    path = sealed_workshop(tmp_path)
    stat_before = path.stat()
    holder = None
    if when == "during the session":
        with WorkshopService.open(path) as svc:
            foreign(path, BAD_CELL)
            svc.add_note("la mia nota")  # this session's own writes go on as usual
    elif when == "still open":
        holder = foreign(path, BAD_CELL, keep_open=True)  # its -wal holds the change
    else:
        foreign(path, BAD_CELL)
        # Even with the file's modification time put back as the seal recorded it.
        os.utime(path, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns))
    try:
        deep_checks.clear()
        with pytest.raises(errors.DamagedFile) as info:
            WorkshopFile.open(path)
        assert "created_at" in info.value.message and "yesterday" in info.value.message
        assert deep_checks == [path]
    finally:
        if holder is not None:
            holder.communicate("", timeout=30)


def test_a_seal_whose_times_match_but_bytes_do_not_is_not_trusted(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    """The times are only a first look: a file whose bytes changed (a clock put back,
    a write within the same clock tick) is caught by its SHA-256."""
    path = sealed_workshop(tmp_path)
    foreign(path, BAD_CELL)
    recorded = seal.read(path)
    assert recorded is not None
    st = path.stat()
    forged = dataclasses.replace(
        recorded, size=st.st_size, mtime_ns=st.st_mtime_ns, ctime_ns=st.st_ctime_ns
    )
    seal.write(path, forged)
    assert forged.same_file(path, path.stat())  # the times alone would be fooled
    deep_checks.clear()
    with pytest.raises(errors.DamagedFile, match="yesterday"):
        WorkshopFile.open(path)
    assert deep_checks == [path]


def test_a_damaged_page_in_a_sealed_file_is_caught(tmp_path: Path) -> None:
    """Bytes changed in place by a program that does not go through SQLite, with the
    seal made to match the new times: quick_check runs and refuses the file."""
    path = sealed_workshop(tmp_path, notes=200)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        leaf = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' "
            "ORDER BY pageno LIMIT 1 OFFSET 2"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with path.open("r+b") as f:
        f.seek((leaf - 1) * page_size)
        f.write(random.Random(5).randbytes(page_size))
    recorded = seal.read(path)
    assert recorded is not None
    st = path.stat()
    seal.write(
        path,
        dataclasses.replace(
            recorded, size=st.st_size, mtime_ns=st.st_mtime_ns, ctime_ns=st.st_ctime_ns
        ),
    )
    with pytest.raises(errors.DamagedFile):
        WorkshopFile.open(path)


def test_a_copy_of_a_sealed_file_is_checked_in_full(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    """A seal belongs to a path and an inode: a file received from elsewhere (here an
    exact copy, and a copy with a seal file planted beside it) gains nothing."""
    path = sealed_workshop(tmp_path)
    copy = (tmp_path / "received.workshop").resolve()
    shutil.copyfile(path, copy)
    (tmp_path / "received.workshop.seal").write_text("{}", encoding="utf-8")
    deep_checks.clear()
    with WorkshopService.open(copy):
        pass
    assert deep_checks == [copy]


def test_a_session_that_ends_without_closing_gets_the_full_checks(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    """A killed app (here: a process that writes a note and exits without closing)
    leaves the old seal, which no longer holds: the next open checks it all."""
    path = sealed_workshop(tmp_path)
    code = (
        "import os, sys\n"
        "from facilitator.services.workshop import WorkshopService\n"
        f"svc = WorkshopService.open({str(path)!r})\n"
        "svc.add_note('prima del crollo')\n"
        "os._exit(0)\n"
    )
    env = dict(os.environ)
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)
    deep_checks.clear()
    with WorkshopService.open(path) as svc:
        assert any(n.text == "prima del crollo" for n in svc.notes())
    assert deep_checks == [path]


def test_a_reader_holding_the_file_at_close_means_no_seal(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    """Another program reading the file when the session closes keeps the -wal from
    being emptied: the session is not sealed, and the next open checks it all."""
    path = sealed_workshop(tmp_path)
    old = seal.read(path)
    reader = sqlite3.connect(path)
    try:
        with WorkshopService.open(path) as svc:
            svc.add_note("letta da un altro")
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM notes").fetchone()
        assert seal.read(path) == old  # not renewed: it vouches for the old bytes only
        reader.execute("ROLLBACK")
    finally:
        reader.close()
    deep_checks.clear()
    with WorkshopService.open(path):
        pass
    assert deep_checks == [path]


def test_opening_a_sealed_file_read_only_checks_it_in_full(
    tmp_path: Path, deep_checks: list[Path]
) -> None:
    path = sealed_workshop(tmp_path)
    deep_checks.clear()
    with WorkshopService.open(path, read_only=True) as svc:
        assert svc.read_only
    assert deep_checks == [path]


def test_an_unreadable_seal_store_only_means_full_checks(
    tmp_path: Path, deep_checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(seal.ENV, str(blocker))
    path = make_workshop((tmp_path / "w.workshop").resolve(), notes=3)
    for _ in range(2):
        with WorkshopService.open(path) as svc:
            svc.add_note("ancora")
    assert deep_checks == [path, path]


def test_a_session_that_changes_nothing_leaves_the_file_byte_for_byte(tmp_path: Path) -> None:
    """Opening for writing, reading, and having a change refused writes nothing: not
    even statistics (PRAGMA optimize runs only after a session that wrote)."""
    path = sealed_workshop(tmp_path)
    before = path.read_bytes()
    with WorkshopService.open(path) as svc:
        assert svc.search("collaborazione")
        with pytest.raises(errors.ValidationError):
            svc.add_note("x", agenda_item_id=987654)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_foreign_write_just_after_the_full_checks_is_caught_at_the_next_open(
    tmp_path: Path, deep_checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process writes a bad cell after the full checks passed and before the
    writing connection opens: this session cannot know the bytes it holds, so it is not
    sealed, and the next open checks everything again (and refuses the file)."""
    path = make_workshop((tmp_path / "raced.workshop").resolve(), notes=5)
    seal.forget(path)
    real = file.inspect
    raced: list[bool] = []

    def inspect_then_race(p: Path, fd: int | None = None, *, deep: bool = True) -> object:
        info = real(p, fd, deep=deep)
        if deep and not raced:
            raced.append(True)
            foreign(path, BAD_CELL)
        return info

    monkeypatch.setattr(file, "inspect", inspect_then_race)
    with WorkshopService.open(path) as svc:
        assert not svc.read_only
    assert raced and seal.read(path) is None
    monkeypatch.setattr(file, "inspect", real)
    deep_checks.clear()
    with pytest.raises(errors.DamagedFile, match="yesterday"):
        WorkshopFile.open(path)
    assert deep_checks == [path]


@pytest.mark.parametrize("read_first", [False, True], ids=["unread page", "page in the cache"])
def test_bytes_changed_behind_sqlite_during_a_session_are_caught_at_the_next_open(
    tmp_path: Path, deep_checks: list[Path], read_first: bool
) -> None:
    """A program rewrites bytes of the file directly (a day's date made impossible, in
    place) while the app has it open and writes to it: the session's seal would name
    those bytes, so they are checked again at close, no seal is written, and the next
    open refuses the file — also when the session had read that page before (the
    connection's page cache still holds the good bytes: the checks at close must read
    the disk, not the cache)."""
    path = sealed_workshop(tmp_path)
    old = seal.read(path)
    with WorkshopService.open(path) as svc:
        if read_first:  # every row, as the window's screens read them all the time
            conn = svc.file.db.conn
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            for table in tables:
                conn.execute(f'SELECT * FROM "{table}"').fetchall()
        svc.add_note("scritta mentre un altro programma cambia il file")
        data = bytearray(path.read_bytes())
        at = data.find(b"2025-11-05")
        assert at > 0
        with path.open("r+b") as f:  # not through SQLite: no lock, no -wal
            f.seek(at)
            f.write(b"2025-11-35")
    assert seal.read(path) == old  # not renewed: the bytes failed the checks
    deep_checks.clear()
    with pytest.raises(errors.DamagedFile, match="2025-11-35"):
        WorkshopFile.open(path)
    assert deep_checks == [path]


@pytest.mark.parametrize("sealed", [True, False], ids=["reopened", "first open"])
def test_hashing_uses_the_one_descriptor_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool
) -> None:
    """Issue 11's rule holds: the file's SHA-256 (at open, on a thread during the full
    checks, and at close) is read through the process's one descriptor of the file,
    never through another one whose closing would drop SQLite's locks."""
    path = sealed_workshop(tmp_path)
    if not sealed:
        seal.forget(path)
    opened: list[str] = []
    real_open = os.open

    def counting_open(p: object, *args: object, **kwargs: object) -> int:
        if str(p) == str(path):
            opened.append(str(p))
        return real_open(p, *args, **kwargs)  # type: ignore[arg-type]

    real_builtin_open = builtins.open

    def counting_builtin_open(p: object, *args: object, **kwargs: object) -> object:
        if str(p) == str(path):
            opened.append("open() " + str(p))
        return real_builtin_open(p, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_builtin_open)
    with WorkshopService.open(path) as svc:
        svc.add_note("una nota: la chiusura rifà i controlli e l'impronta")
    assert opened == [str(path)]
    assert seal.read(path) is not None


def test_a_write_while_the_first_open_checks_the_file_means_no_seal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deep_checks: list[Path]
) -> None:
    """The SHA-256 of a first open is taken while the full checks read the file. A
    program writing the bytes in between (after the checks read a page, before or after
    the hash reads it) must not leave a seal naming unchecked bytes: a session that
    only reads is not sealed, and the next open checks everything and refuses the
    damage."""
    path = sealed_workshop(tmp_path)
    seal.forget(path)
    at = path.read_bytes().find(b"2025-11-05")
    assert at > 0
    real_inspect = file.inspect

    def inspect_then_written(p: Path, fd: int) -> object:
        info = real_inspect(p, fd)  # the checks passed on the good bytes...
        os.pwrite(fd, b"2025-11-35", at)  # ...then another program changes them
        return info

    monkeypatch.setattr(file, "inspect", inspect_then_written)
    fd = os.open(path, os.O_RDWR)
    try:  # whatever the hash read, it is not taken as the bytes that passed
        assert file._inspect_and_digest(path, fd)[1] == ""
        os.pwrite(fd, b"2025-11-05", at)  # the good bytes back, for the session below
    finally:
        os.close(fd)
    with WorkshopService.open(path):  # reads only: would be sealed with the open's hash
        pass
    monkeypatch.setattr(file, "inspect", real_inspect)
    deep_checks.clear()
    with pytest.raises(errors.DamagedFile, match="2025-11-35"):
        WorkshopFile.open(path)
    assert deep_checks == [path]
