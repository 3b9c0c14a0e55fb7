"""Every bad file of issue 2/6 gets its typed error and is never modified."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from badfiles import BAD_FILES, BAD_IDS, EVIL_TRIGGER, BadFile, fingerprint, make_workshop

from facilitator.domain import errors
from facilitator.services.check import check_file, recover_file
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import WorkshopFile, inspect


@pytest.mark.parametrize("bad", BAD_FILES, ids=BAD_IDS)
def test_open_refuses_bad_file_and_leaves_it_untouched(tmp_path: Path, bad: BadFile) -> None:
    path = bad.build(tmp_path)
    before = fingerprint(path)
    with pytest.raises(bad.error) as info:
        WorkshopFile.open(path)
    assert bad.reason in info.value.message
    with pytest.raises(bad.error):
        WorkshopService.open(path, read_only=True)
    assert fingerprint(path) == before


@pytest.mark.parametrize("bad", BAD_FILES, ids=BAD_IDS)
def test_check_reports_bad_file_and_leaves_it_untouched(tmp_path: Path, bad: BadFile) -> None:
    path = bad.build(tmp_path)
    before = fingerprint(path)
    report = check_file(path)
    assert not report.ok
    assert isinstance(report.problem, bad.error)
    assert bad.reason in report.text()
    assert "NOT USABLE" in report.text()
    assert fingerprint(path) == before
    # No -wal/-shm appear next to a file a check looked at.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [path.name] if path.exists() else []
    )


def test_good_file_checks_fine(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "good.workshop", notes=12)
    before = fingerprint(path)
    report = check_file(path)
    assert report.ok, report.text()
    text = report.text()
    assert "Integrity check: ok" in text
    assert "12 notes" in text
    assert "Schema version:" in text
    assert fingerprint(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["good.workshop"]


def test_read_only_file_opens_read_only_and_refuses_writes(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "ro.workshop", notes=3)
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444
    before = fingerprint(path)
    try:
        with WorkshopService.open(path) as svc:
            assert svc.read_only
            assert len(svc.notes()) == 3
            assert svc.search("collaborazione")
            with pytest.raises(errors.ReadOnlyFile):
                svc.add_note("not allowed")
            with pytest.raises(errors.ReadOnlyFile):
                svc.update_workshop(title="Nuovo titolo")
        report = check_file(path)
        assert report.ok, report.text()
        assert "read-only" in report.text()
        assert fingerprint(path) == before
    finally:
        os.chmod(path, 0o644)


def test_locked_file_second_writer_gets_file_locked(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "locked.workshop", notes=2)
    with WorkshopService.open(path) as first:
        first.add_note("scritta dalla prima finestra")
        before = fingerprint(path)
        with pytest.raises(errors.FileLocked):
            WorkshopFile.open(path)
        assert fingerprint(path) == before
        report = check_file(path)
        assert report.ok, report.text()
        assert "3 notes" in report.text()
        with WorkshopService.open(path, read_only=True) as second:
            assert second.read_only
            assert len(second.notes()) == 3
        assert fingerprint(path) == before
        first.add_note("the first window still writes")
    with WorkshopService.open(path) as again:
        assert len(again.notes()) == 4


@pytest.mark.parametrize("kind", ["trigger", "view", "extra-table"])
def test_untrusted_objects_are_listed_by_check(tmp_path: Path, kind: str) -> None:
    bad = next(b for b in BAD_FILES if b.name == kind)
    path = bad.build(tmp_path)
    with pytest.raises(errors.UntrustedContent) as info:
        inspect(path)
    assert info.value.params["objects"] == [bad.reason]


def test_trigger_never_fires_even_through_recovery(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "evil.workshop", notes=5)
    conn = sqlite3.connect(path)
    conn.execute(EVIL_TRIGGER)
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(errors.UntrustedContent):
        WorkshopService.open(path)
    assert not check_file(path).ok
    summary = recover_file(path, tmp_path / "clean.workshop")
    assert "5 notes recovered" in summary
    assert fingerprint(path) == before
    with WorkshopService.open(tmp_path / "clean.workshop") as svc:  # refused if it had a trigger
        note = svc.add_note("scritta nel file recuperato")
        assert svc.note(note.id).text == "scritta nel file recuperato"
        assert svc.repo.get_meta("pwned") is None
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM meta WHERE key = 'pwned'").fetchone()[0] == 0
    finally:
        raw.close()


def test_recovery_of_truncated_file_copies_readable_notes_exactly(tmp_path: Path) -> None:
    good = make_workshop(tmp_path / "good.workshop", notes=400)
    with WorkshopService.open(good, read_only=True) as svc:
        originals = {n.uuid: n for n in svc.notes()}
    data = good.read_bytes()
    # Cut half-way through the pages that follow the schema's root pages (where the
    # notes are), so that the cut stays among the notes however many tables there are.
    raw = sqlite3.connect(good)
    try:
        last_root = raw.execute(
            "SELECT max(rootpage) FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'"
        ).fetchone()[0]
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    finally:
        raw.close()
    pages = len(data) // page_size
    cut = tmp_path / "cut.workshop"
    cut.write_bytes(data[: page_size * (last_root + (pages - last_root) // 2)])
    before = fingerprint(cut)
    summary = recover_file(cut, tmp_path / "rescued.workshop")
    assert fingerprint(cut) == before
    assert "damaged: ids" in summary, summary
    with WorkshopService.open(tmp_path / "rescued.workshop") as svc:
        rescued = svc.notes()
        assert 0 < len(rescued) < 400
        for n in rescued:
            assert n == originals[n.uuid]
        word = rescued[0].text.split()[0]
        assert svc.search(word)
        assert svc.repo.integrity_check() == ["ok"]


def test_recovery_of_corrupted_pages_skips_only_damaged_rows(tmp_path: Path) -> None:
    bad = next(b for b in BAD_FILES if b.name == "corrupted")
    path = bad.build(tmp_path)
    before = fingerprint(path)
    recover_file(path, tmp_path / "rescued.workshop")
    assert fingerprint(path) == before
    with WorkshopService.open(tmp_path / "rescued.workshop") as svc:
        notes = svc.notes()
        assert 150 <= len(notes) < 200  # two damaged leaf pages hold a few notes each
        assert all(n.text.startswith("Nota ") for n in notes)
        assert svc.workshop().title == "Incontro-studio Torino"


def test_recovery_never_overwrites(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "w.workshop", notes=1)
    other = make_workshop(tmp_path / "other.workshop", notes=1)
    before = fingerprint(other)
    with pytest.raises(errors.ValidationError):
        recover_file(path, other)
    with pytest.raises(errors.ValidationError):
        recover_file(path, path)
    assert fingerprint(other) == before


def test_recovery_of_non_database_says_nothing_to_recover(tmp_path: Path) -> None:
    bad = next(b for b in BAD_FILES if b.name == "random-bytes")
    path = bad.build(tmp_path)
    with pytest.raises(errors.NotAWorkshopFile):
        recover_file(path, tmp_path / "new.workshop")
    assert not (tmp_path / "new.workshop").exists()


def _overwrite_pages(path: Path, query: str) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        pages = [r[0] for r in conn.execute(query)]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * page_size
        data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    return pages


def _originals(path: Path) -> dict[str, object]:
    with WorkshopService.open(path, read_only=True) as svc:
        return {n.uuid: n for n in svc.notes()}


def test_recovery_reads_pages_directly_when_table_of_contents_is_lost(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "toc.workshop", notes=200)
    originals = _originals(path)
    pages = _overwrite_pages(
        path, "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema' AND pageno > 1"
    )
    assert pages  # the schema spans several pages
    before = fingerprint(path)
    assert not check_file(path).ok
    summary = recover_file(path, tmp_path / "rescued.workshop")
    assert "table of contents is damaged" in summary
    assert fingerprint(path) == before
    with WorkshopService.open(tmp_path / "rescued.workshop") as svc:
        rescued = svc.notes()
        assert len(rescued) == 200
        assert all(n == originals[n.uuid] for n in rescued)
        assert svc.workshop().title == "Incontro-studio Torino"
        assert svc.items()[0].title == "Visita al progetto"
        assert len(svc.search("collaborazione", limit=1000)) == 200


def test_recovery_rescues_rows_behind_a_damaged_interior_page(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "interior.workshop", notes=400)
    with WorkshopService.open(path) as svc:  # one soft-deleted note must stay deleted
        svc.delete_note(svc.notes()[7].id)
    originals = _originals(path)
    _overwrite_pages(
        path, "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'internal'"
    )
    summary = recover_file(path, tmp_path / "rescued.workshop")
    assert "read directly from damaged pages" in summary
    with WorkshopService.open(tmp_path / "rescued.workshop") as svc:
        rescued = svc.notes()
        assert len(rescued) == 399
        assert all(n == originals[n.uuid] for n in rescued)
        assert svc.counts().deleted_notes == 1
        assert svc.repo.integrity_check() == ["ok"]


def test_older_format_checks_fine_without_migrating(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from facilitator.storage import schema

    path = tmp_path / "old.workshop"
    conn = sqlite3.connect(path)
    schema.MIGRATIONS.apply(Database(conn), stop_before=schema.migration_names()[1:])
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO notes (uuid, text, speaker_name, note_taker, created_at, updated_at) "
        "VALUES ('0b0c59a6-9a4e-4d1e-8a53-2f0a3c1f6e11', 'vecchia nota', '', '', "
        "'2025-11-05T09:00:00.000000Z', '2025-11-05T09:00:00.000000Z')"
    )
    # ... and its search entry, as Facilitator writes it (check compares the two).
    conn.execute("INSERT INTO notes_fts (rowid, text, speaker_name) VALUES (1, 'vecchia nota', '')")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    report = check_file(path)
    assert report.ok, report.text()
    assert "Schema version: 1 (older" in report.text()
    assert "older format" in report.text()
    assert "1 notes" in report.text()
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop"]  # no backup made
    recover_file(path, tmp_path / "new.workshop")
    with WorkshopService.open(tmp_path / "new.workshop") as svc:
        assert [n.text for n in svc.notes()] == ["vecchia nota"]
        assert svc.repo.schema_version() == schema.schema_version()


def test_page_scan_follows_overflow_pages_of_long_notes(tmp_path: Path) -> None:
    path = tmp_path / "long.workshop"
    with WorkshopService.create(path, "Note lunghe") as svc:
        for i in range(30):
            svc.add_note(f"nota lunga {i} àèìòù € 👩🏽‍🔬 " * (300 + 97 * i))
        svc.add_note("-12 e 3.5: numeri", speaker="Zoë")
    originals = _originals(path)
    pages = _overwrite_pages(
        path, "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'internal'"
    )
    assert pages
    summary = recover_file(path, tmp_path / "rescued.workshop")
    assert "read directly from damaged pages" in summary
    with WorkshopService.open(tmp_path / "rescued.workshop") as svc:
        rescued = svc.notes()
        assert len(rescued) == 31
        assert all(n == originals[n.uuid] for n in rescued)
        assert max(len(n.text) for n in rescued) > 50_000
