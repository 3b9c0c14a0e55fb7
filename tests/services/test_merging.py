"""Merging another laptop's copy of a workshop: each rule on real files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from facilitator.domain import hlc
from facilitator.domain.errors import FacilitatorError, ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import merging, snapshots
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from tests.services.merge_helpers import copy, make_base, side, texts_available


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    base = make_base(tmp_path / "base.workshop")
    return copy(base, tmp_path / "a.workshop"), copy(base, tmp_path / "b.workshop")


def merge(into: Path, src: Path, **kw: bool) -> merging.MergePreview:
    with WorkshopService.open(into) as svc:
        return merging.merge(svc, src, **kw)


def note_by_text(svc: WorkshopService, text: str) -> int:
    return next(n.id for n in svc.notes() if n.text == text)


def test_every_write_advances_the_rows_clock(tmp_path: Path) -> None:
    path = make_base(tmp_path / "w.workshop")
    with WorkshopService.open(path) as svc:
        nid = note_by_text(svc, "base note 1")
        before = hlc.load(
            svc.file.db.conn.execute("SELECT hlc FROM notes WHERE id = ?", (nid,)).fetchone()[0]
        )
        svc.update_note(nid, text="edited")
        after = hlc.load(
            svc.file.db.conn.execute("SELECT hlc FROM notes WHERE id = ?", (nid,)).fetchone()[0]
        )
        assert after["text"][0] > before[""][0]
        assert after["text"][1:] == before[""]  # the history keeps the version it replaced
        assert "category_id" not in after  # only the changed field is stamped
        svc.delete_note(nid)
        deleted = hlc.load(
            svc.file.db.conn.execute("SELECT hlc FROM notes WHERE id = ?", (nid,)).fetchone()[0]
        )
        assert deleted["deleted_at"][0] > after["text"][0]


def test_a_change_on_one_side_is_taken(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        cat = svc.categories()[0]
        svc.update_category(cat.id, "Renamed", cat.colour, cat.shortcut)
        svc.update_note(note_by_text(svc, "base note 1"), text="edited on A")
    result = merge(b, a)
    assert result.counts()["categories"] == (0, 1, 0)
    assert result.counts()["notes"] == (0, 1, 0)
    with WorkshopService.open(b) as svc:
        assert svc.categories()[0].name == "Renamed"
        assert {n.text for n in svc.notes()} == {"edited on A", "base note 2"}
        assert [h.note.text for h in svc.search("edited")] == ["edited on A"]
        assert svc.search("base note 1") == []
    # and back: A has nothing to take from B
    assert merge(a, b).plan.is_empty()


def test_same_field_on_both_sides_takes_the_later_clock_and_is_recorded(
    pair: tuple[Path, Path],
) -> None:
    a, b = pair
    with WorkshopService.open(b) as svc:
        cat = svc.categories()[0]
        svc.update_category(cat.id, cat.name, "#111111", cat.shortcut)
    with WorkshopService.open(a) as svc:  # later
        cat = svc.categories()[0]
        svc.update_category(cat.id, cat.name, "#222222", cat.shortcut)
    result = merge(b, a)
    assert result.counts()["categories"] == (0, 1, 1)
    with WorkshopService.open(b) as svc:
        assert svc.categories()[0].colour == "#222222"
    (conflict,) = result.conflicts()
    assert (conflict.field, conflict.kept, conflict.other) == ("colour", "#222222", "#111111")
    assert not conflict.needs_review


def test_a_later_change_wins_even_when_that_laptops_clock_is_behind(
    pair: tuple[Path, Path],
) -> None:
    """A laptop whose clock is an hour behind edits after seeing the other's edit."""
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.update_note(note_by_text(svc, "base note 1"), text="first, on A")
    merge(b, a)
    with WorkshopService.open(b) as svc:
        assert svc.file.clock is not None
        svc.file.clock.clock._wall = lambda: 0  # the wall clock says 1970
        svc.update_note(note_by_text(svc, "first, on A"), text="second, on B")
    merge(a, b)
    with WorkshopService.open(a) as svc:
        assert "second, on B" in {n.text for n in svc.notes()}


def test_note_text_changed_on_both_sides_keeps_both_for_review(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.update_note(note_by_text(svc, "base note 1"), text="A's version")
    with WorkshopService.open(b) as svc:
        svc.update_note(note_by_text(svc, "base note 1"), text="B's version")
    result = merge(b, a)
    assert result.counts()["notes"] == (0, 0, 1)
    with WorkshopService.open(b) as svc:
        review = merging.review_list(svc)
        assert {"A's version", "B's version"} <= {n.text for n in svc.notes()} | {
            review[0]["other_value"]
        }
    assert len(review) == 1 and review[0]["field"] == "text"
    assert {review[0]["kept_value"], review[0]["other_value"]} == {"A's version", "B's version"}
    # merging again records nothing twice
    again = merge(b, a)
    assert again.plan.is_empty()
    with WorkshopService.open(b) as svc:
        assert len(merging.review_list(svc)) == 1


def test_an_edit_beats_a_delete(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.delete_note(note_by_text(svc, "base note 1"))
    with WorkshopService.open(b) as svc:
        svc.update_note(note_by_text(svc, "base note 1"), text="kept by an edit")
    merge(a, b)
    with WorkshopService.open(a) as svc:
        assert "kept by an edit" in {n.text for n in svc.notes()}
        assert svc.search("kept")  # back in the full-text index
    merge(b, a)
    with WorkshopService.open(b) as svc:
        assert "kept by an edit" in {n.text for n in svc.notes()}


def test_soft_deletes_travel(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.delete_note(note_by_text(svc, "base note 1"))
        svc.delete_category(svc.categories()[0].id)
    result = merge(b, a)
    assert result.counts()["notes"] == (0, 1, 0)
    with WorkshopService.open(b) as svc:
        assert {n.text for n in svc.notes()} == {"base note 2"}
        assert svc.search("base note 1") == []
        assert svc.counts().deleted_notes == 1
        assert len(svc.categories()) == 8


def test_rows_created_apart_match_by_natural_key_and_references_follow(
    pair: tuple[Path, Path],
) -> None:
    a, b = pair
    for path, who in ((a, "A"), (b, "B")):
        with WorkshopService.open(path) as svc:
            day = svc.add_day(dt.date(2026, 3, 4), f"added on {who}")
            item = svc.add_item(day, "Wrap-up", planned_start=dt.time(16, 0))
            cat = svc.add_category("Risks", "#aa0000")
            person = svc.add_participant(
                f"Anna {who}", "Regione Piemonte", email="anna@example.org"
            )
            svc.add_note(
                f"note on {who}", agenda_item_id=item, category_id=cat, speaker=f"Anna {who}"
            )
            del person
    result = merge(b, a)
    labels = {t for t, _ in result.pairs}
    assert {"days", "agenda items", "categories", "organisations", "participants"} <= labels
    with WorkshopService.open(b) as svc:
        assert len(svc.days()) == 3
        risks = [c for c in svc.categories() if c.name == "Risks"]
        assert len(risks) == 1
        wrap = [i for i in svc.items() if i.title == "Wrap-up"]
        assert len(wrap) == 1
        notes = {n.text: n for n in svc.notes()}
        assert notes["note on A"].category_id == risks[0].id
        assert notes["note on A"].agenda_item_id == wrap[0].id
        assert len(svc.participants()) == 1
        assert len([o for o in svc.organisations() if o.name == "Regione Piemonte"]) == 1


def test_another_workshop_is_refused_unless_imported_as_new(tmp_path: Path) -> None:
    a = make_base(tmp_path / "a.workshop")
    other = make_base(tmp_path / "other.workshop")
    before = a.read_bytes()
    with pytest.raises(ValidationError, match="another workshop"):
        merge(a, other)
    assert a.read_bytes() == before
    result = merge(a, other, as_new=True)
    assert result.pairs == []
    with WorkshopService.open(a) as svc:
        assert len(svc.days()) == 4
        assert len(svc.notes()) == 4
        uuids = [n.uuid for n in svc.notes()]
    assert len(set(uuids)) == 4
    assert not set(uuids) & {n for n in side(other).rows["notes"]}
    assert merge(a, other, as_new=True).plan.is_empty()  # twice = once


def test_ballots_of_one_poll_from_two_laptops_add_up_and_a_closed_open_poll_is_recorded(
    tmp_path: Path,
) -> None:
    base = make_base(tmp_path / "base.workshop")
    with WorkshopService.open(base) as svc:
        org = OrganiseService(svc)
        poll = org.create_poll(PollSettings("Best?", Method.DOT, (("X", None), ("Y", None))))
        org.open_poll(poll)
    a, b = copy(base, tmp_path / "a.workshop"), copy(base, tmp_path / "b.workshop")
    for path, dots in ((a, 3), (b, 2)):
        with WorkshopService.open(path) as svc:
            org = OrganiseService(svc)
            option = org.poll(poll).options[0].id
            org.cast_ballot(poll, Ballot({(option, 0): dots}), CastMode.KIOSK)
    with WorkshopService.open(a) as svc:
        OrganiseService(svc).close_poll(poll)
    result = merge(b, a)
    assert result.counts()["ballots"][0] == 1
    with WorkshopService.open(b) as svc:
        org = OrganiseService(svc)
        ballots = org.repo.list_ballots(poll)
        assert sorted(sum(x.ballot.values.values()) for x in ballots) == [2, 3]
        review = merging.review_list(svc)
    assert [(r["table_name"], r["field"]) for r in review] == [("polls", "state")]
    assert {review[0]["kept_value"], review[0]["other_value"]} == {"open", "closed"}


def test_into_gets_a_snapshot_before_the_merge(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.add_note("new on A")
    result = merge(b, a)
    assert result.snapshot is not None and result.snapshot.exists()
    (snap,) = snapshots.list_snapshots(b)
    assert snap.reason == snapshots.REASON_MERGE and snap.notes == 2
    with WorkshopService.open(b) as svc:
        assert svc.counts().notes == 3


def test_dry_run_preview_writes_nothing(pair: tuple[Path, Path]) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.add_note("new on A")
    before = b.read_bytes()
    with WorkshopService.open(b, read_only=True) as svc:
        result = merging.preview(svc, a)
    assert result.counts() == {"notes": (1, 0, 0)}
    assert b.read_bytes() == before
    assert not snapshots.snapshot_dir(b).exists()


# --- hostile and damaged FROM files -------------------------------------------------------


def _dangling(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET category_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()


def _bad_clock(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET hlc = '[1, 2' WHERE id = 1")
    conn.commit()
    conn.close()


def _bad_value(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(
        "UPDATE agenda_items SET duration_min = -5, "
        """hlc = '{"":["9999999999999.000000.abcdef01"]}' WHERE id = 1"""
    )
    conn.commit()
    conn.close()


def _control_char(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE notes SET text = 'bell' || char(7) WHERE id = 1")
    conn.commit()
    conn.close()


def _trigger(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM notes; END")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 42")
    conn.commit()
    conn.close()


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)


@pytest.mark.parametrize(
    "spoil",
    [
        _dangling,
        _bad_clock,
        _bad_value,
        _control_char,
        _trigger,
        _newer,
        _foreign,
        _truncate,
        _random,
    ],
    ids=lambda f: f.__name__,
)
def test_a_damaged_or_hostile_from_file_is_refused_and_into_is_untouched(
    pair: tuple[Path, Path], spoil: object
) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.add_note("new on A")
    spoil(a)  # type: ignore[operator]
    with WorkshopService.open(b):
        pass  # a file in use is in WAL mode (opening it the first time switches it)
    before = b.read_bytes()
    with pytest.raises(FacilitatorError) as info:
        merging.merge_files(b, a)
    assert str(a) in info.value.message or "a.workshop" in info.value.message
    assert b.read_bytes() == before


def test_review_list_decodes_both_versions(pair: tuple[Path, Path]) -> None:
    a, b = pair
    for path, text in ((a, "uno\nà capo"), (b, "due €")):
        with WorkshopService.open(path) as svc:
            svc.update_note(note_by_text(svc, "base note 2"), text=text)
    merge(a, b)
    assert {"uno\nà capo", "due €"} <= set().union(*texts_available(a).values())
    raw = sqlite3.connect(a).execute("SELECT other_value FROM merge_conflicts").fetchone()[0]
    assert json.loads(raw) in {"uno\nà capo", "due €"}


def test_the_demo_merges_whole_into_a_copy_and_as_a_second_workshop(tmp_path: Path) -> None:
    """Every merged table at once (themes, solutions, polls, ballots, attendance...)."""
    from facilitator.services.demo import write_demo

    demo = tmp_path / "demo.workshop"
    with write_demo(demo):
        pass
    other = copy(demo, tmp_path / "other.workshop")
    with WorkshopService.open(other) as svc:
        svc.add_note("after the copy")
        svc.delete_note(svc.notes()[0].id)
    result = merge(demo, other)
    assert result.counts()["notes"] == (1, 1, 0)
    assert merge(demo, other).plan.is_empty()
    target = make_base(tmp_path / "target.workshop")
    imported = merge(target, demo, as_new=True)
    with WorkshopService.open(demo, read_only=True) as svc:
        want = svc.counts()
    with WorkshopService.open(target) as svc:
        got = svc.counts()
        org = OrganiseService(svc)
        ballots = sum(len(org.repo.list_ballots(p.id)) for p in org.polls())
    assert got.notes == want.notes + 2 and got.agenda_items == want.agenda_items + 2
    assert ballots == imported.counts()["ballots"][0] > 0
    assert merge(target, demo, as_new=True).plan.is_empty()


def test_clock_stamps_keep_their_order(tmp_path: Path) -> None:
    clock = hlc.HybridClock(node="00000001", wall=lambda: 5)
    stamps = [clock.tick() for _ in range(3)]
    clock._counter = hlc.MAX_COUNTER
    stamps.append(clock.tick())
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert all(len(s) == len(hlc.ZERO) for s in stamps)
    with pytest.raises(ValueError):
        hlc.load('{"": ["99999999999999.000000.abcdef01"]}')  # 14 digits would sort wrong


def _as_version_2(path: Path) -> None:
    """What a Facilitator from before the merge feature wrote (the format before
    0005_merge)."""
    from facilitator.storage import schema

    names = schema.migration_names()
    before = names.index("0005_merge")
    # What the migrations after 0005 add, taken away again (a file from before 0005 has
    # none of it); a new migration must say here how it is taken away.
    later = {
        "0006_live": [
            "ALTER TABLE agenda_items DROP COLUMN paused_at",
            "ALTER TABLE agenda_items DROP COLUMN paused_seconds",
            "ALTER TABLE agenda_items DROP COLUMN extra_min",
        ],
        "0007_linked": [
            f"DROP TABLE {t}"
            for t in ("linked_notes", "linked_link", "linked_conflicts", "linked_clients")
        ],
        "0008_board": ["DROP TABLE board_cards", "DROP TABLE board_themes"],
        "0009_map": ["DROP TABLE relation_notes", "DROP TABLE relations", "DROP TABLE actors"],
        "0010_capture": [
            "ALTER TABLE notes DROP COLUMN day_id",
            "ALTER TABLE categories DROP COLUMN meaning",
        ],
        "0011_joincodes": ["DROP TABLE room_claims", "DROP TABLE room_join_codes"],
    }
    assert set(names[before + 1 :]) <= set(later), "say how to undo the new migration"
    conn = sqlite3.connect(path)
    for name in reversed(names[before + 1 :]):
        for statement in later[name]:
            conn.execute(statement)
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", (name,))
    for table in schema._CLOCKED_0005:
        conn.execute(f"ALTER TABLE {table} DROP COLUMN hlc")
    conn.execute("DROP TABLE merge_conflicts")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_merge'")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.commit()
    conn.close()


def test_a_from_file_in_an_older_format_is_merged_and_left_as_it_was(
    pair: tuple[Path, Path],
) -> None:
    a, b = pair
    with WorkshopService.open(a) as svc:
        svc.update_note(note_by_text(svc, "base note 1"), text="edited on an old laptop")
        svc.add_note("new on an old laptop")
    _as_version_2(a)
    before = a.read_bytes()
    listing = sorted(p.name for p in a.parent.iterdir())
    merge(b, a)
    assert a.read_bytes() == before  # not upgraded, not touched
    # no backup of FROM was made next to it (only INTO's snapshot folder is new)
    assert set(p.name for p in a.parent.iterdir()) - set(listing) == {"b.snapshots"}
    with WorkshopService.open(b) as svc:
        texts = {n.text for n in svc.notes()}
    assert {"edited on an old laptop", "new on an old laptop"} <= texts
