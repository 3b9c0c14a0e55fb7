"""Merge properties, with hypothesis, on real files: two or three laptops start from one
file and diverge (adds, edits, deletes, undos, renamed and added categories, notes moved
between items); merging is idempotent, order-independent, loses no note text, and its
preview counts what it does."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain import hlc
from facilitator.domain.voting import Ballot, CastMode, Method, PollState
from facilitator.services import merging
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from tests.services.merge_helpers import canonical, copy, make_base, side, texts_available

WORDS = st.text(alphabet="abc xyz", min_size=1, max_size=6).filter(lambda t: t.strip())
OPS = st.one_of(
    st.tuples(st.just("add"), WORDS),
    st.tuples(st.just("edit"), st.integers(0, 5), WORDS),
    st.tuples(st.just("delete"), st.integers(0, 5)),
    st.tuples(st.just("undo_delete"), st.integers(0, 5)),
    st.tuples(st.just("rename_category"), st.integers(0, 2), st.sampled_from(["Risks", "Ideas"])),
    st.tuples(st.just("add_category"), st.sampled_from(["Risks", "Ideas", "Doubts"])),
    st.tuples(st.just("move"), st.integers(0, 5)),
    st.tuples(st.just("reorder_items")),
    st.tuples(st.just("vote"), st.integers(1, 3)),
    st.tuples(st.just("close_poll")),
    st.tuples(st.just("reopen_poll")),
)
HISTORY = st.lists(OPS, max_size=6)


def base_file(path: Path) -> Path:
    """The common file: two days, three items, two notes, an open dot-vote poll."""
    make_base(path)
    with WorkshopService.open(path) as svc:
        svc.add_item(svc.days()[0].id, "Second item", planned_start=dt.time(11, 0))
        org = OrganiseService(svc)
        poll = org.create_poll(PollSettings("Best?", Method.DOT, (("X", None), ("Y", None))))
        org.open_poll(poll)
    return path


def run(path: Path, ops: list[tuple[Any, ...]], who: str) -> None:
    with WorkshopService.open(path) as svc:
        org = OrganiseService(svc)
        poll = org.polls()[0]
        items = [i.id for i in svc.items()]
        for op in ops:
            every = sorted(n.id for n in svc.notes())
            deleted = [
                r[0]
                for r in svc.file.db.conn.execute(
                    "SELECT id FROM notes WHERE deleted_at IS NOT NULL"
                )
            ]
            cats = svc.categories()
            kind = op[0]
            if kind == "add":
                svc.add_note(f"{who}:{op[1]}", agenda_item_id=items[0])
            elif kind == "edit" and every:
                svc.update_note(every[op[1] % len(every)], text=f"{who}:{op[2]}")
            elif kind == "delete" and every:
                svc.delete_note(every[op[1] % len(every)])
            elif kind == "undo_delete" and deleted:
                svc.restore_note(deleted[op[1] % len(deleted)])
            elif kind == "rename_category":
                cat = cats[op[1] % len(cats)]
                if op[2] not in {c.name for c in cats}:
                    svc.update_category(cat.id, op[2], cat.colour, cat.shortcut)
            elif kind == "add_category" and op[1] not in {c.name for c in cats}:
                svc.add_category(op[1])
            elif kind == "move" and every:
                note = svc.note(every[op[1] % len(every)])
                target = items[1] if note.agenda_item_id == items[0] else items[0]
                svc.update_note(note.id, agenda_item_id=target)
            elif kind == "reorder_items":
                day = svc.days()[0].id
                svc.reorder_items(day, [i.id for i in reversed(svc.items(day))])
            elif kind == "vote" and org.poll(poll.id).state is PollState.OPEN:
                option = org.poll(poll.id).options[0].id
                org.cast_ballot(poll.id, Ballot({(option, 0): op[1]}), CastMode.KIOSK)
            elif kind == "close_poll" and org.poll(poll.id).state is PollState.OPEN:
                org.close_poll(poll.id)
            elif kind == "reopen_poll" and org.poll(poll.id).state is PollState.CLOSED:
                org.reopen_poll(poll.id, f"reopened by {who}")


def merge(into: Path, src: Path) -> merging.MergePreview:
    with WorkshopService.open(into) as svc:
        return merging.merge(svc, src, snapshot=False)


def effect(before: Path, after: Path, src: Path) -> dict[str, tuple[int, int, int]]:
    """What a merge did, read from the files: new, changed rows and new conflicts per table."""
    old, new, theirs = side(before), side(after), side(src)
    out = {}
    for table, rows in new.rows.items():
        was = old.rows.get(table, {})
        added = len(set(rows) - set(was))
        changed = sum(1 for k, r in rows.items() if k in was and r.values != was[k].values)
        conflicts = sum(
            1
            for uid, c in new.conflicts.items()
            if c["table_name"] == table and uid not in old.conflicts and uid not in theirs.conflicts
        )
        if added or changed or conflicts:
            out[table] = (added, changed, conflicts)
    return out


def final_texts(path: Path) -> dict[str, str | None]:
    """note uuid -> text, or None if deleted."""
    return {
        k: (None if r.values["deleted_at"] is not None else r.values["text"])
        for k, r in side(path).rows["notes"].items()
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(a_ops=HISTORY, b_ops=HISTORY, c_ops=HISTORY)
def test_merge_is_idempotent_order_independent_and_loses_no_note(
    a_ops: list[tuple[Any, ...]], b_ops: list[tuple[Any, ...]], c_ops: list[tuple[Any, ...]]
) -> None:
    check_merges(a_ops, b_ops, c_ops)


@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(a_ops=HISTORY, b_ops=HISTORY, c_ops=HISTORY)
def test_merge_properties_long_run(
    a_ops: list[tuple[Any, ...]], b_ops: list[tuple[Any, ...]], c_ops: list[tuple[Any, ...]]
) -> None:
    check_merges(a_ops, b_ops, c_ops)


def check_merges(
    a_ops: list[tuple[Any, ...]], b_ops: list[tuple[Any, ...]], c_ops: list[tuple[Any, ...]]
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="merge-prop-"))
    try:
        base = base_file(folder / "base.workshop")
        sides = {}
        for who, ops in (("A", a_ops), ("B", b_ops), ("C", c_ops)):
            sides[who] = copy(base, folder / f"{who}.workshop")
            run(sides[who], ops, who)
        a, b, c = sides["A"], sides["B"], sides["C"]

        # B, then A into it, then C   versus   B, then C, then A
        x1, x2 = copy(b, folder / "x1.workshop"), copy(b, folder / "x2.workshop")
        snap = copy(x1, folder / "x1-before.workshop")
        with WorkshopService.open(x1, read_only=True) as svc:
            preview = merging.preview(svc, a)
        done = merge(x1, a)
        assert done.counts() == preview.counts()
        assert effect(snap, x1, a) == preview.counts()  # the preview counts what it does
        merge(x1, c)
        merge(x2, c)
        merge(x2, a)
        assert canonical(x1) == canonical(x2)
        assert texts_available(x1) == texts_available(x2)

        # merging again changes nothing
        once = canonical(x1)
        assert merge(x1, a).plan.is_empty()
        assert merge(x1, c).plan.is_empty()
        assert canonical(x1) == once

        # no note text is lost: every side's last text is there, unless the note was
        # deliberately deleted on a side that had seen that text
        merged = final_texts(x1)
        available = texts_available(x1)
        for path in (a, b, c):
            for uid, text in final_texts(path).items():
                assert uid in merged
                if text is None:
                    continue
                if merged[uid] is None:
                    assert any(final_texts(p).get(uid) is None for p in (a, b, c))
                elif text not in available[uid]:
                    # replaced on purpose: another side edited it after seeing it
                    mine = hlc.history(side(path).rows["notes"][uid].clocks, "text")[0]
                    assert any(
                        mine in hlc.history(side(q).rows["notes"][uid].clocks, "text")[1:]
                        for q in (a, b, c)
                        if uid in side(q).rows["notes"]
                    ), (uid, text, available[uid])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
