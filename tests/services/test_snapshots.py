"""Automatic snapshots: online backup next to the file, keep the last K, restore into a
new file only, and the every-N-minutes policy driven by a clock."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from badfiles import EVIL_TRIGGER, fingerprint

from facilitator.domain import errors
from facilitator.services import snapshots as snap
from facilitator.services.workshop import WorkshopService

T0 = dt.datetime(2025, 11, 5, 9, 0, tzinfo=dt.UTC)


def minutes(n: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=n)


def test_snapshot_folder_is_next_to_the_file(svc: WorkshopService) -> None:
    assert snap.snapshot_dir(svc.path) == svc.path.parent / "test.snapshots"


def test_take_snapshot_copies_the_open_workshop(svc: WorkshopService) -> None:
    svc.add_note("prima nota")
    svc.add_note("seconda nota")
    path = snap.take_snapshot(svc, snap.REASON_DAY_END, now=minutes(0))
    assert path.parent == snap.snapshot_dir(svc.path)
    svc.add_note("dopo lo snapshot")  # the workshop stays open and writable
    [s] = snap.list_snapshots(svc.path)
    assert s.path == path
    assert s.taken_at == T0
    assert s.reason == snap.REASON_DAY_END
    assert s.notes == 2
    assert s.usable
    with WorkshopService.open(path, read_only=True) as copy:
        assert [n.text for n in copy.notes()] == ["prima nota", "seconda nota"]
    # Snapshots are plain rollback-journal files: nothing lingers next to them.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_only_the_last_k_are_kept(svc: WorkshopService) -> None:
    for i in range(6):
        svc.add_note(f"nota {i}")
        snap.take_snapshot(svc, snap.REASON_AUTO, keep=3, now=minutes(10 * i))
    listed = snap.list_snapshots(svc.path)
    assert [s.taken_at for s in listed] == [minutes(50), minutes(40), minutes(30)]
    assert [s.notes for s in listed] == [6, 5, 4]
    assert len(list(snap.snapshot_dir(svc.path).iterdir())) == 3


def test_same_instant_twice_keeps_both(svc: WorkshopService) -> None:
    a = snap.take_snapshot(svc, now=T0)
    b = snap.take_snapshot(svc, now=T0)
    assert a != b
    assert len(snap.list_snapshots(svc.path)) == 2


def test_prune_ignores_files_that_are_not_snapshots(svc: WorkshopService) -> None:
    folder = snap.snapshot_dir(svc.path)
    folder.mkdir()
    mine = folder / "appunti personali.txt"
    mine.write_text("non toccare")
    for i in range(3):
        snap.take_snapshot(svc, keep=1, now=minutes(i))
    assert mine.read_text() == "non toccare"
    assert len(snap.list_snapshots(svc.path)) == 1


def test_restore_into_new_file(svc: WorkshopService, tmp_path: Path) -> None:
    svc.add_note("da ritrovare")
    [s] = [snap.Snapshot(snap.take_snapshot(svc, now=T0), T0, snap.REASON_AUTO)]
    svc.delete_note(svc.notes()[0].id)
    target = tmp_path / "ripristinato.workshop"
    before = fingerprint(s.path)
    assert snap.restore_snapshot(s, target) == target
    assert fingerprint(s.path) == before
    with WorkshopService.open(target) as restored:
        assert [n.text for n in restored.notes()] == ["da ritrovare"]
        restored.add_note("il file ripristinato è un workshop normale")
    assert svc.notes() == []  # the open workshop was not touched


def test_restore_never_overwrites(svc: WorkshopService, tmp_path: Path) -> None:
    svc.add_note("x")
    s = snap.take_snapshot(svc, now=T0)
    other = snap.take_snapshot(svc, now=minutes(1))
    for target in (svc.path, other):
        before = fingerprint(target)
        with pytest.raises(errors.ValidationError):
            snap.restore_snapshot(s, target)
        assert fingerprint(target) == before
    with pytest.raises(errors.FileMissing):
        snap.restore_snapshot(s, tmp_path / "no such folder" / "x.workshop")


def test_damaged_or_untrusted_snapshots_are_listed_but_not_restorable(
    svc: WorkshopService, tmp_path: Path
) -> None:
    import sqlite3

    good = snap.take_snapshot(svc, now=T0)
    folder = snap.snapshot_dir(svc.path)
    garbage = folder / "test.20251105-091000-000000.auto.workshop"
    garbage.write_bytes(b"not a database" * 50)
    evil = folder / "test.20251105-092000-000000.auto.workshop"
    evil.write_bytes(good.read_bytes())
    conn = sqlite3.connect(evil)
    conn.execute(EVIL_TRIGGER)
    conn.commit()
    conn.close()
    listed = snap.list_snapshots(svc.path)
    assert [s.path for s in listed] == [evil, garbage, good]
    assert [s.usable for s in listed] == [False, False, True]
    assert "trigger evil" in listed[0].problem
    with pytest.raises(errors.UntrustedContent):
        snap.restore_snapshot(listed[0], tmp_path / "evil-restored.workshop")
    assert not (tmp_path / "evil-restored.workshop").exists()


def test_no_snapshots_yet(svc: WorkshopService) -> None:
    assert snap.list_snapshots(svc.path) == []


def test_unknown_reason_and_bad_keep_are_refused(svc: WorkshopService) -> None:
    with pytest.raises(errors.ValidationError):
        snap.take_snapshot(svc, "because")
    with pytest.raises(errors.ValidationError):
        snap.take_snapshot(svc, keep=0)


# --- policy ---------------------------------------------------------------------------


def test_policy_takes_first_snapshot_then_every_n_minutes(svc: WorkshopService) -> None:
    policy = snap.SnapshotPolicy.every(10, keep=5)
    taken = []
    for minute in (0, 3, 9.9, 10, 15, 19.99, 20, 45):
        svc.add_note(f"nota al minuto {minute}")
        if policy.note_captured(svc, now=minutes(minute)) is not None:
            taken.append(minute)
    assert taken == [0, 10, 20, 45]
    listed = snap.list_snapshots(svc.path)
    assert [s.reason for s in listed] == [snap.REASON_AUTO] * 4
    assert [s.notes for s in listed] == [8, 7, 4, 1]  # notes at minutes 45, 20, 10, 0


def test_policy_zero_minutes_is_off(svc: WorkshopService) -> None:
    policy = snap.SnapshotPolicy.every(0)
    assert not policy.enabled
    assert policy.note_captured(svc, now=T0) is None
    assert snap.list_snapshots(svc.path) == []
    with pytest.raises(errors.ValidationError):
        snap.SnapshotPolicy.every(-5)


def test_policy_failure_never_stops_capture(svc: WorkshopService) -> None:
    policy = snap.SnapshotPolicy.every(10)
    folder = snap.snapshot_dir(svc.path)
    folder.write_text("a file where the folder should be")
    svc.add_note("catturata comunque")
    assert policy.note_captured(svc, now=T0) is None
    assert policy.last_error
    assert policy.last_taken is None
    folder.unlink()
    assert policy.note_captured(svc, now=minutes(1)) is not None  # tried again
    assert policy.last_error == ""


def test_policy_storage_full_is_remembered(
    svc: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(target: Path | str) -> Path:
        raise errors.StorageFull(target, "the disk is full: database or disk is full")

    monkeypatch.setattr(svc.file, "backup_to", full)
    policy = snap.SnapshotPolicy.every(5)
    assert policy.note_captured(svc, now=T0) is None
    assert "full" in policy.last_error


def test_snapshot_of_read_only_workshop(workshop_path: Path) -> None:
    with WorkshopService.create(workshop_path, "Sola lettura") as svc:
        svc.add_note("sola lettura")
    os.chmod(workshop_path, 0o444)
    try:
        with WorkshopService.open(workshop_path) as ro:
            assert ro.read_only
            path = snap.take_snapshot(ro, now=T0)
        [s] = snap.list_snapshots(workshop_path)
        assert (s.path, s.notes) == (path, 1)
    finally:
        os.chmod(workshop_path, 0o644)
