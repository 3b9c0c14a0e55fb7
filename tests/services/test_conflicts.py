"""Conflicts to review and their resolutions, on real files without the window: a real
merge's note and poll conflicts, a hub's linked conflicts; what is refused writes
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.services import merging
from facilitator.services import operations as ops
from facilitator.services.conflict_ops import Resolution, ResolveConflict, ResolvePollConflict
from facilitator.services.conflicts import ConflictsService
from facilitator.services.workshop import WorkshopService
from facilitator.storage.conflicts import LINKED, MERGE
from facilitator.storage.linked import LinkedRepository
from tests.services.filedump import dump
from tests.services.merge_helpers import copy, make_base


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """B after merging A: the first note's text changed on both laptops."""
    base = make_base(tmp_path / "base.workshop")
    a, b = copy(base, tmp_path / "a.workshop"), copy(base, tmp_path / "b.workshop")
    for path, text in ((a, "testo di A"), (b, "testo di B")):
        with WorkshopService.open(path) as svc:
            first = next(n for n in svc.notes() if n.text == "base note 1")
            svc.update_note(first.id, text=text, speaker="Anna Rossi")
    merging.merge_files(b, a)
    return b


def test_a_merge_conflict_is_listed_with_both_versions_and_where_the_note_is(
    merged: Path,
) -> None:
    with WorkshopService.open(merged) as svc:
        conflicts = ConflictsService(svc)
        assert conflicts.count() == 1
        (r,) = conflicts.items()
        assert (r.origin, r.what) == (MERGE, "text")
        assert (r.this_text, r.other_text) == ("testo di B", "testo di A")
        assert r.other_from == "a.workshop" and r.other_when is not None
        assert r.item == "09:00 Item 1" and r.speaker == "Anna Rossi"
        assert r.day is not None and str(r.day) == "2026-03-02"


def test_resolving_twice_is_refused_and_writes_nothing(merged: Path) -> None:
    with WorkshopService.open(merged) as svc:
        (r,) = ConflictsService(svc).items()
        ResolveConflict(r.origin, r.key, Resolution.KEEP_THIS).do(svc)
        assert ConflictsService(svc).count() == 0
        assert ConflictsService(svc).items(include_resolved=True)[0].resolved
    before = dump(merged)
    with WorkshopService.open(merged) as svc:
        with pytest.raises(ValidationError):
            ResolveConflict(r.origin, r.key, Resolution.KEEP_OTHER).do(svc)
        with pytest.raises(ValidationError):
            ResolveConflict(r.origin, r.key, Resolution.COMBINE, "   ").do(svc)
    assert dump(merged) == before


def test_keep_both_adds_a_second_note_and_undo_redo_keep_its_id(merged: Path) -> None:
    with WorkshopService.open(merged) as svc:
        (r,) = ConflictsService(svc).items()
        op = ResolveConflict(r.origin, r.key, Resolution.KEEP_BOTH)
        op.do(svc)
        added = op.added_note_id
        assert added is not None
        second, first = svc.note(added), svc.note(r.note.id)  # type: ignore[union-attr]
        assert second.text == "testo di A"
        assert (second.agenda_item_id, second.category_id, second.speaker_name) == (
            first.agenda_item_id,
            first.category_id,
            first.speaker_name,
        )
        op.undo(svc)
        assert svc.note(added).deleted_at is not None and ConflictsService(svc).count() == 1
        op.do(svc)
        assert svc.note(added).deleted_at is None and op.added_note_id == added


def test_a_note_deleted_since_cannot_take_the_other_text_but_can_keep_both(
    merged: Path,
) -> None:
    with WorkshopService.open(merged) as svc:
        (r,) = ConflictsService(svc).items()
        assert r.note is not None
        ops.DeleteNote(r.note.id).do(svc)
        with pytest.raises(ValidationError):
            ResolveConflict(r.origin, r.key, Resolution.KEEP_OTHER).do(svc)
        op = ResolveConflict(r.origin, r.key, Resolution.KEEP_BOTH)
        op.do(svc)
        assert op.added_note_id is not None
        assert svc.note(op.added_note_id).text == "testo di A"


def test_a_delete_the_hub_did_not_apply_is_decided_keep_or_delete(tmp_path: Path) -> None:
    path = make_base(tmp_path / "hub.workshop")
    with WorkshopService.open(path) as svc:
        note = svc.notes()[0]
        LinkedRepository(svc.file).add_conflict(note.id, "delete", note.text, note.text, "Marta")
        (r,) = ConflictsService(svc).items()
        assert (r.origin, r.what, r.other_by) == (LINKED, "delete", "Marta")
        with pytest.raises(ValidationError):
            ResolveConflict(r.origin, r.key, Resolution.KEEP_BOTH).do(svc)
        op = ResolveConflict(r.origin, r.key, Resolution.KEEP_OTHER)  # delete it after all
        op.do(svc)
        assert svc.note(note.id).deleted_at is not None
        op.undo(svc)
        assert svc.note(note.id).deleted_at is None and ConflictsService(svc).count() == 1


def test_a_poll_conflict_is_only_resolved_as_a_poll(tmp_path: Path) -> None:
    path = make_base(tmp_path / "hub.workshop")
    with WorkshopService.open(path) as svc:
        note = svc.notes()[0]
        LinkedRepository(svc.file).add_conflict(note.id, "edit", note.text, "altro", "Marta")
        (r,) = ConflictsService(svc).items()
        with pytest.raises(ValidationError):
            ResolvePollConflict(r.origin, r.key, "open").do(svc)
        with pytest.raises(ValueError):
            ResolvePollConflict(r.origin, r.key, "draft")


def test_a_conflict_decided_on_one_laptop_is_decided_on_the_other_once_merged(
    merged: Path, tmp_path: Path
) -> None:
    other = copy(merged, tmp_path / "c.workshop")  # the same conflict, undecided there
    with WorkshopService.open(merged) as svc:
        (r,) = ConflictsService(svc).items()
        ResolveConflict(r.origin, r.key, Resolution.KEEP_OTHER).do(svc)
    with WorkshopService.open(other) as svc:
        assert ConflictsService(svc).count() == 1
    assert not merging.merge_files(other, merged).plan.is_empty()
    with WorkshopService.open(other) as svc:
        assert ConflictsService(svc).count() == 0
        assert r.note is not None and svc.note(r.note.id).text == "testo di A"
    assert merging.merge_files(other, merged).plan.is_empty()  # once is enough
    merging.merge_files(merged, other)  # and back: still decided
    with WorkshopService.open(merged) as svc:
        assert ConflictsService(svc).count() == 0
