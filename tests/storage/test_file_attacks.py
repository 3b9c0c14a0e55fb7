"""Issue 11: the attacks on the workshop file that got through, each performed again on a
real file. Every test here failed before its fix."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from badfiles import fingerprint, make_workshop

from facilitator.domain import errors
from facilitator.services.check import check_file
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import WorkshopFile

SQLITE_EVIL = (
    "CREATE TRIGGER sqlite_evil AFTER INSERT ON notes BEGIN "
    "UPDATE notes SET text = 'PWNED ' || text; UPDATE workshop SET title = 'hijacked'; END"
)


def _smuggle(path: Path, kind: str, name: str, table: str, sql: str) -> None:
    """Write a schema row straight into sqlite_master, as an attacker would."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) "
            "VALUES (?, ?, ?, 0, ?)",
            (kind, name, table, sql),
        )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    finally:
        conn.close()


def test_attack_sqlite_named_trigger_is_refused(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "evil.workshop", notes=3)
    _smuggle(path, "trigger", "sqlite_evil", "notes", SQLITE_EVIL)
    # The attack works on a plain connection: the trigger is real.
    probe = tmp_path / "probe.workshop"
    probe.write_bytes(path.read_bytes())
    conn = sqlite3.connect(probe)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone() == (
        1,
    )
    conn.close()
    before = fingerprint(path)

    report = check_file(path)
    assert not report.ok
    assert isinstance(report.problem, errors.UntrustedContent)
    assert "trigger sqlite_evil" in report.text()
    with pytest.raises(errors.UntrustedContent):
        WorkshopFile.open(path)
    with pytest.raises(errors.UntrustedContent):
        WorkshopService.open(path, read_only=True)
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    ("kind", "name", "table", "sql"),
    [
        ("view", "sqlite_view", "notes", "CREATE VIEW sqlite_view AS SELECT text FROM notes"),
        ("table", "sqlite_stash", "sqlite_stash", "CREATE TABLE sqlite_stash (x)"),
        ("index", "sqlite_autoindex_x", "notes", "CREATE INDEX sqlite_autoindex_x ON notes(text)"),
        ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1 (tbl, idx, stat, x)"),
    ],
)
def test_attack_sqlite_named_objects_are_refused(
    tmp_path: Path, kind: str, name: str, table: str, sql: str
) -> None:
    path = make_workshop(tmp_path / "evil.workshop", notes=3)
    _smuggle(path, kind, name, table, sql)
    with pytest.raises(errors.WorkshopFileError):
        WorkshopFile.open(path)
    assert not check_file(path).ok


def test_statistics_tables_sqlite_makes_itself_are_accepted(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "analysed.workshop", notes=3)
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    assert check_file(path).ok
    with WorkshopService.open(path) as svc:
        svc.add_note("dopo ANALYZE")
        assert [n.text for n in svc.notes()][-1] == "dopo ANALYZE"


# --- attack 10: network shares ---------------------------------------------------------


def test_attack_network_share_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On an NFS/SMB mount locks cannot be trusted (two laptops would both write): the
    file opens read-only and says to copy it locally. The mount table is the one
    /proc/mounts would show for a share mounted on the test folder."""
    from facilitator.storage import file

    path = make_workshop(tmp_path / "share.workshop", notes=2)
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/vda / ext4 rw,relatime 0 0\n"
        f"server:/export {tmp_path} nfs4 rw,relatime,vers=4.2 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(file, "_MOUNTS", mounts)
    assert file.network_file_system(path) == "nfs4"
    assert "network share" in check_file(path).text()
    with WorkshopService.open(path) as svc:
        assert svc.read_only
        assert svc.file.read_only_reason == "network"
        assert "copy it to this computer" in svc.file.read_only_text
        assert len(svc.notes()) == 2
        with pytest.raises(errors.ReadOnlyFile):
            svc.add_note("two laptops")
    # A CIFS share, and a file system that is not one (a prefix is not a mount point).
    mounts.write_text(f"//nas/share {tmp_path} cifs rw 0 0\n", encoding="utf-8")
    assert file.network_file_system(path) == "cifs"
    mounts.write_text(f"//nas/share {tmp_path}x cifs rw 0 0\n", encoding="utf-8")
    assert file.network_file_system(path) == ""


def test_attack_lock_refused_by_the_file_system_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NFS answers an exclusive flock on a read-only descriptor with EBADF (and some
    file systems answer ENOLCK): before, the guard was silently dropped and the file
    opened for writing. Now it opens read-only, saying why. The descriptor the lock is
    taken on is read-write, as NFS needs."""
    import errno
    import fcntl
    import os

    from facilitator.storage import file

    path = make_workshop(tmp_path / "nolock.workshop", notes=2)
    seen: list[int] = []
    real_flock = fcntl.flock

    def flock(fd: int, op: int) -> None:
        if op & fcntl.LOCK_EX:
            seen.append(fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE)
            raise OSError(errno.EBADF, "Bad file descriptor")
        real_flock(fd, op)

    monkeypatch.setattr(file.fcntl, "flock", flock)
    with WorkshopService.open(path) as svc:
        assert svc.read_only
        assert svc.file.read_only_reason == "no-lock"
        assert len(svc.notes()) == 2
    assert os.O_RDWR in seen  # the lock was asked for on a read-write descriptor


# --- attack 7: a tampered full-text index ------------------------------------------------


def _tamper_index(path: Path, how: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if how == "structure":  # the record every write of the index reads first
        conn.execute("UPDATE notes_fts_data SET block = X'0102' WHERE id = 10")
    else:  # a leaf page of the index: some searches break
        conn.execute(
            "UPDATE notes_fts_data SET block = substr(block, 1, 7) "
            "WHERE id = (SELECT max(id) FROM notes_fts_data)"
        )
    conn.close()


@pytest.mark.parametrize("how", ["structure", "leaf"])
def test_attack_tampered_search_index_is_caught_by_check(tmp_path: Path, how: str) -> None:
    path = make_workshop(tmp_path / "fts.workshop", notes=40)
    _tamper_index(path, how)
    before = fingerprint(path)
    report = check_file(path)
    assert not report.ok
    assert "search index" in report.text()
    assert "--recover" in report.text()
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fts.workshop"]


@pytest.mark.parametrize("how", ["structure", "leaf"])
def test_attack_tampered_search_index_never_gives_a_raw_error(tmp_path: Path, how: str) -> None:
    """Opening refuses a damaged index (or, if the damage only shows later, every
    failure is a typed DamagedFile naming the repair); nothing is half-written."""
    path = make_workshop(tmp_path / "fts.workshop", notes=40)
    _tamper_index(path, how)
    try:
        svc = WorkshopService.open(path)
    except errors.DamagedFile as exc:
        assert "search index" in exc.message
        return
    with svc:
        before = len(svc.notes())
        for attempt in (
            lambda: svc.add_note("una nota nuova"),
            lambda: svc.search("collaborazione"),
            lambda: svc.search("Nota"),
        ):
            try:
                attempt()
            except errors.DamagedFile as exc:
                assert "--recover" in exc.message
        assert len(svc.notes()) in (before, before + 1)


@pytest.mark.parametrize("how", ["structure", "leaf"])
def test_attack_tampered_search_index_is_rebuilt_by_recover(tmp_path: Path, how: str) -> None:
    from facilitator.services.check import recover_file

    path = make_workshop(tmp_path / "fts.workshop", notes=40)
    _tamper_index(path, how)
    target = tmp_path / "rebuilt.workshop"
    text = recover_file(path, target)
    assert "40 notes recovered" in text
    assert check_file(target).ok
    with WorkshopService.open(target) as svc:
        assert len(svc.search("collaborazione")) == 40
        svc.add_note("dopo il recupero")


# --- attack 6: values another program wrote ---------------------------------------------


def _write_raw(path: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql, args)
    conn.close()


BAD_VALUES = {
    "invalid-utf8-note": (
        "UPDATE notes SET text = CAST(X'4E6F7461FFFE20726F747461' AS TEXT) WHERE id = 2",
        "notes row 2, text: text that is not valid UTF-8",
    ),
    "impossible-date": (
        "UPDATE workshop SET start_date = '2026-02-30'",
        "workshop row 1, start_date: '2026-02-30' is not a date",
    ),
    "bad-timestamp": (
        "UPDATE notes SET created_at = 'yesterday' WHERE id = 3",
        "notes row 3, created_at: 'yesterday' is not a date and time",
    ),
    "word-for-a-number": (
        "UPDATE agenda_items SET duration_min = 'lots'",
        "agenda_items row 1, duration_min: not a whole number",
    ),
    "fraction-for-a-position": (
        "UPDATE categories SET position = 1.5 WHERE id = 1",
        "categories row 1, position: not a whole number",
    ),
    "unknown-kind": (
        "UPDATE agenda_items SET kind = 'banquet'",
        "agenda_items row 1, kind: 'banquet' is not one of",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_attack_values_another_program_wrote_are_named_not_raised(
    tmp_path: Path, case: str
) -> None:
    from facilitator import cli

    sql, named = BAD_VALUES[case]
    path = make_workshop(tmp_path / "values.workshop", notes=5)
    _write_raw(path, sql)
    before = fingerprint(path)
    report = check_file(path)
    assert not report.ok
    assert named in report.text()
    assert "--recover" in report.text()
    with pytest.raises(errors.DamagedFile) as info:
        WorkshopService.open(path)
    assert named in info.value.message
    with pytest.raises(errors.DamagedFile):
        WorkshopService.open(path, read_only=True)
    out = tmp_path / "m.md"
    assert cli.main(["export", str(path), "--format", "md", "-o", str(out)]) == 1
    assert fingerprint(path) == before
    # The rescue leaves the unreadable row out and the new file opens.
    from facilitator.services.check import recover_file

    recover_file(path, tmp_path / "rescued.workshop")
    assert check_file(tmp_path / "rescued.workshop").ok


# --- minor: a symlink ----------------------------------------------------------------------


def test_attack_check_through_a_symlink_sees_the_open_files_latest_notes(tmp_path: Path) -> None:
    """``check`` looked for the -wal beside the link, missed it, read the main file as
    immutable and reported stale counts while the file was open."""
    real = make_workshop(tmp_path / "real.workshop", notes=3)
    links = tmp_path / "elsewhere"
    links.mkdir()
    link = links / "link.workshop"
    link.symlink_to(real)
    with WorkshopService.open(link) as svc:
        assert svc.path == real  # resolved once
        for i in range(4):
            svc.add_note(f"nel wal {i}")
        report = check_file(link)
        assert report.ok
        assert report.examination is not None and report.examination.counts is not None
        assert report.examination.counts.notes == 7
        with WorkshopService.look(link) as reader:
            assert len(reader.notes()) == 7
    assert sorted(p.name for p in links.iterdir()) == ["link.workshop"]


def test_sound_search_indexes_pass_the_check(tmp_path: Path) -> None:
    """Deleted and edited notes (Facilitator's own index) and an index rebuilt by hand
    with 'rebuild' (db/README.md) are both sound."""
    path = tmp_path / "edited.workshop"
    with WorkshopService.create(path, "Indice") as svc:
        a = svc.add_note("uno due")
        b = svc.add_note("tre quattro")
        svc.add_note("cinque")
        svc.delete_note(a.id)
        svc.update_note(b.id, text="sei sette")
        with pytest.raises(errors.ValidationError):  # a refused change stays a refusal
            svc.add_note("nota", category_id=999_999)
    report = check_file(path)
    assert report.ok, report.text()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()
    assert check_file(path).ok
    with WorkshopService.open(path) as svc:
        assert [h.note.text for h in svc.search("sette")] == ["sei sette"]
