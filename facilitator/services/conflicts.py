"""Conflicts to review (issue 15): the note texts changed on two laptops and the polls
closed on one side and open on the other, from merging files and from note-takers'
laptops linked to the room, as one list. No Qt, no SQL.

Each :class:`Review` says what the note (or poll) holds now and what the other version
was, who sent it and when, and where it belongs (agenda item, category, speaker). The
resolutions are operations (``services/conflict_ops.py``); this module reads, and marks
a conflict resolved or not for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.domain import hlc
from facilitator.domain import model as m
from facilitator.domain.errors import NotFound
from facilitator.domain.timeutil import from_iso
from facilitator.services.workshop import WorkshopService
from facilitator.storage.conflicts import LINKED, MERGE, ConflictRow, ConflictsRepository

__all__ = ["LINKED", "MERGE", "ConflictsService", "Review"]

# What resolving can do with each kind of conflict.
TEXT = "text"  # two texts of one note: keep this, keep the other, keep both, combine
DELETE = "delete"  # one side deleted the note, the other kept (or edited) it
POLL = "poll"  # a poll closed on one side and open on the other


@dataclass(frozen=True)
class Review:
    """One conflict as the review screen shows it."""

    origin: str  # MERGE or LINKED
    key: str
    what: str  # TEXT, DELETE or POLL
    row: ConflictRow
    note: m.Note | None  # the note now (None for a poll, or a note no longer here)
    this_text: str  # the note's text now (a poll: its state now)
    other_text: str  # the other version (a poll: the other side's state)
    other_by: str  # the note-taker who sent the kept change (linked), else ""
    other_from: str  # the file merged in (merge), else ""
    this_when: dt.datetime | None
    other_when: dt.datetime | None
    item: str  # "HH:MM title" of the note's agenda item, or ""
    day: dt.date | None
    category: str
    speaker: str
    poll_title: str = ""
    poll_state: str = ""  # the poll's state now: "open" or "closed"
    ballots: int = 0  # a poll's ballots now
    recorded_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None

    @property
    def ref(self) -> tuple[str, str]:
        return (self.origin, self.key)

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


def stamp_time(stamp: str) -> dt.datetime | None:
    """The wall-clock moment in a clock stamp (None if it holds none)."""
    try:
        ms = hlc.parse(stamp)[0]
    except (ValueError, AttributeError):
        return None
    if ms <= 0:
        return None
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)


def _iso(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return from_iso(value)
    except ValueError:
        return None


class ConflictsService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = ConflictsRepository(svc.file)

    def count(self) -> int:
        """Conflicts not yet resolved."""
        return self.repo.unresolved()

    def items(self, include_resolved: bool = False) -> list[Review]:
        return [self._review(r) for r in self.repo.rows(include_resolved)]

    def get(self, origin: str, key: str) -> Review:
        row = self.repo.row(origin, key)
        if row is None:
            raise NotFound(f"no conflict {origin} {key}")
        return self._review(row)

    def set_resolved(self, origin: str, key: str, at: dt.datetime | None) -> None:
        self.repo.set_resolved(origin, key, at.isoformat() if at is not None else None)

    # --- reading one --------------------------------------------------------------------

    def _review(self, row: ConflictRow) -> Review:
        resolved = _iso(row.resolved_at)
        recorded = _iso(row.recorded_at)
        if row.table == "polls":
            return self._poll(row, recorded, resolved)
        note = self._note(row.row_id)
        this_text = note.text if note is not None else str(row.kept or "")
        what = TEXT
        if row.origin == LINKED and row.kind in ("delete", "edit_deleted"):
            what = DELETE
        item, day, category, speaker = self._where(note)
        if row.origin == MERGE:
            this_when = note.updated_at if note is not None else stamp_time(row.kept_stamp)
            other_when = stamp_time(row.other_stamp)
        else:
            this_when = note.updated_at if note is not None else recorded
            other_when = recorded
        return Review(
            origin=row.origin,
            key=row.key,
            what=what,
            row=row,
            note=note,
            this_text=this_text,
            other_text=str(row.other if row.other is not None else ""),
            other_by=row.by,
            other_from=row.source,
            this_when=this_when,
            other_when=other_when,
            item=item,
            day=day,
            category=category,
            speaker=speaker,
            recorded_at=recorded,
            resolved_at=resolved,
        )

    def _poll(
        self, row: ConflictRow, recorded: dt.datetime | None, resolved: dt.datetime | None
    ) -> Review:
        from facilitator.services.organise import OrganiseService

        title, state, ballots = "", str(row.kept or ""), 0
        if row.row_id is not None:
            org = OrganiseService(self.svc)
            try:
                poll = org.poll(row.row_id)
            except NotFound:
                poll = None
            if poll is not None:
                title, state = poll.title, poll.state.value
                ballots = org.ballot_count(row.row_id)
        this = state
        other = "open" if state == "closed" else "closed"
        return Review(
            origin=row.origin,
            key=row.key,
            what=POLL,
            row=row,
            note=None,
            this_text=this,
            other_text=other,
            other_by="",
            other_from=row.source,
            this_when=stamp_time(row.kept_stamp),
            other_when=stamp_time(row.other_stamp),
            item="",
            day=None,
            category="",
            speaker="",
            poll_title=title,
            poll_state=state,
            ballots=ballots,
            recorded_at=recorded,
            resolved_at=resolved,
        )

    def _note(self, note_id: int | None) -> m.Note | None:
        if note_id is None:
            return None
        try:
            return self.svc.note(note_id)
        except NotFound:
            return None

    def _where(self, note: m.Note | None) -> tuple[str, dt.date | None, str, str]:
        if note is None:
            return "", None, "", ""
        item, day = "", None
        if note.agenda_item_id is not None:
            try:
                it = self.svc.item(note.agenda_item_id)
            except NotFound:
                it = None
            if it is not None:
                start = it.planned_start.strftime("%H:%M") + " " if it.planned_start else ""
                item = start + it.title
                day = self._day(it.day_id)
        elif note.day_id is not None:
            day = self._day(note.day_id)
        category = ""
        if note.category_id is not None:
            try:
                category = self.svc.category(note.category_id).name
            except Exception:  # noqa: BLE001 - a category another program removed
                category = ""
        return item, day, category, note.speaker_name

    def _day(self, day_id: int) -> dt.date | None:
        try:
            return self.svc.day(day_id).date
        except NotFound:
            return None
