"""Disk full while writing (simulated with PRAGMA max_page_count): a typed error,
nothing half-written, and capture works again once there is room."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.domain.errors import StorageFull
from facilitator.services.check import check_file
from facilitator.services.workshop import WorkshopService


def _fts_consistent(svc: WorkshopService) -> None:
    svc.file.db.conn.execute(
        "INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)"
    )


def _fill_up(svc: WorkshopService) -> None:
    conn = svc.file.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages


def _room_again(svc: WorkshopService) -> None:
    svc.file.db.conn.execute("PRAGMA max_page_count = 1073741823")


def test_disk_full_raises_storage_full_and_writes_nothing(svc: WorkshopService) -> None:
    item = svc.add_item(svc.days()[0].id, "Sessione plenaria")
    for i in range(5):
        svc.add_note(f"nota prima {i}", agenda_item_id=item)
    before = svc.counts()
    _fill_up(svc)
    big = "x" * 200_000 + " sostenibilità"
    with pytest.raises(StorageFull) as info:
        svc.add_note(big, agenda_item_id=item)
    assert "full" in info.value.message
    assert not svc.file.db.conn.in_transaction
    assert svc.counts() == before
    assert svc.search("sostenibilità") == []
    _fts_consistent(svc)

    _room_again(svc)
    note = svc.add_note(big, agenda_item_id=item)
    assert svc.note(note.id).text == big
    assert [h.note.id for h in svc.search("sostenibilita")] == [note.id]
    _fts_consistent(svc)
    assert svc.repo.integrity_check() == ["ok"]


def test_disk_full_on_every_kind_of_write_leaves_file_consistent(svc: WorkshopService) -> None:
    note = svc.add_note("una nota da modificare")
    _fill_up(svc)
    failures = 0
    for attempt in (
        lambda: svc.add_note("x" * 200_000),
        lambda: svc.update_note(note.id, text="y" * 200_000),
        lambda: svc.add_participant("P" * 400, organisation="O" * 400),
    ):
        try:
            attempt()
        except StorageFull:
            failures += 1
    assert failures >= 2
    _room_again(svc)
    assert svc.note(note.id).text in ("una nota da modificare", "y" * 200_000)
    _fts_consistent(svc)
    assert svc.repo.integrity_check() == ["ok"]


def test_file_reopens_clean_after_disk_full(workshop_path: Path) -> None:
    with WorkshopService.create(workshop_path, "Pieno") as svc:
        svc.add_note("prima")
        _fill_up(svc)
        with pytest.raises(StorageFull):
            svc.add_note("z" * 300_000)
    assert check_file(workshop_path).ok
    with WorkshopService.open(workshop_path) as svc:
        assert [n.text for n in svc.notes()] == ["prima"]
        svc.add_note("dopo")
        assert len(svc.notes()) == 2
