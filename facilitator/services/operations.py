"""Every change a user makes to a workshop, as an operation object. No Qt, no SQL.

An operation is built with what the user asked for, then run on a service::

    op = AddNote("the text", agenda_item_id=3)
    changes = op.do(svc)      # validates (the service does) and writes; durable on return
    changes = op.undo(svc)    # puts back what do() changed
    changes = op.do(svc)      # redo: the same rows again (same ids), not new ones

The operation records its own old values the first time it runs; the caller (the
window's undo stack, the CLI import, later the room server) keeps nothing but the
object. A refused change raises the service's ``ValidationError`` (or another
``FacilitatorError``) and writes nothing.

Each call returns :class:`Changes`: which kinds of rows, and which ids, were added,
updated or removed. Screens use them to refresh only what was touched (read the row to
know its state now: a note both added and removed in one batch is in both sets).

Operations whose ``undoable`` is False (a poll's state changes: they are events kept in
the file) raise ``TypeError`` from ``undo``; callers do not put them on an undo stack.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from facilitator.domain import model as m
from facilitator.domain.errors import ValidationError

if TYPE_CHECKING:  # imported when first used: the window starts without them
    from facilitator.domain.voting import Ballot, CastMode
    from facilitator.services import importing as imp
    from facilitator.services.organise import (
        Memberships,
        OrganiseService,
        PollSettings,
        PollVersion,
        Receipt,
    )
    from facilitator.services.workshop import WorkshopService


class Kind(enum.Enum):
    """What a change touched. The ids are of that kind's rows, except where noted."""

    WORKSHOP = "workshop"  # id 0: the one workshop row
    DAY = "day"
    AGENDA = "agenda"  # day ids whose agenda (its items, their order, times or fields) changed
    ITEM = "item"  # agenda items
    ORGANISATION = "organisation"
    PARTICIPANT = "participant"
    ATTENDANCE = "attendance"  # day ids
    CATEGORY = "category"
    NOTE = "note"
    THEME = "theme"
    SOLUTION = "solution"
    ACTION = "action"
    POLL = "poll"
    BALLOT = "ballot"  # poll ids whose ballots (and so whose tally) changed
    QUESTION = "question"  # the room's questions (room_questions)
    ROOM = (
        "room"  # id 0: what phones see (ideas, upvotes, reveal); id 1: the phones (room_* tables)
    )
    JOIN_CODE = "join_code"  # participant ids whose join code, or its claim, changed
    BOARD = "board"  # id 0: positions on a theme board (services/board_ops.py)
    ACTOR = "actor"  # rows of the ecosystem map's actors (services/map_ops.py)
    RELATION = "relation"  # the map's relations (their fields or their evidence notes)
    CONFLICT = "conflict"  # id 0: the conflicts kept for review (services/conflicts.py)


_Pairs = frozenset[tuple[Kind, int]]


def _pairs(kind: Kind, ids: Iterable[int | None]) -> _Pairs:
    return frozenset((kind, i) for i in ids if i is not None)


@dataclass(frozen=True)
class Changes:
    """The rows an operation touched, as (kind, id) pairs in three sets."""

    added: _Pairs = frozenset()
    updated: _Pairs = frozenset()
    removed: _Pairs = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.added | other.added, self.updated | other.updated, self.removed | other.removed
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def added_ids(self, kind: Kind) -> frozenset[int]:
        return frozenset(i for k, i in self.added if k is kind)

    def updated_ids(self, kind: Kind) -> frozenset[int]:
        return frozenset(i for k, i in self.updated if k is kind)

    def removed_ids(self, kind: Kind) -> frozenset[int]:
        return frozenset(i for k, i in self.removed if k is kind)

    def ids(self, kind: Kind) -> frozenset[int]:
        """Every id of ``kind`` touched in any way."""
        return self.added_ids(kind) | self.updated_ids(kind) | self.removed_ids(kind)

    def kinds(self) -> frozenset[Kind]:
        return frozenset(k for k, _ in self.added | self.updated | self.removed)

    def touches(self, *kinds: Kind) -> bool:
        mine = self.kinds()
        return any(k in mine for k in kinds)

    def __repr__(self) -> str:
        def fmt(pairs: _Pairs) -> str:
            return ", ".join(
                f"{k.value} {i}" for k, i in sorted(pairs, key=lambda p: (p[0].value, p[1]))
            )

        parts = [
            f"{name}: {fmt(p)}"
            for name, p in (
                ("added", self.added),
                ("updated", self.updated),
                ("removed", self.removed),
            )
            if p
        ]
        return f"Changes({'; '.join(parts)})"


def added(kind: Kind, *ids: int | None) -> Changes:
    return Changes(added=_pairs(kind, ids))


def updated(kind: Kind, *ids: int | None) -> Changes:
    return Changes(updated=_pairs(kind, ids))


def removed(kind: Kind, *ids: int | None) -> Changes:
    return Changes(removed=_pairs(kind, ids))


NO_CHANGES = Changes()


class Operation:
    """Base class. Subclasses implement :meth:`do` and :meth:`undo`."""

    @property
    def undoable(self) -> bool:
        """Whether :meth:`undo` exists (False: an event kept in the file)."""
        return True

    def do(self, svc: WorkshopService) -> Changes:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo(self, svc: WorkshopService) -> Changes:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return type(self).__name__


class Batch(Operation):
    """Several operations as one user action (one undo step): done in order, undone in
    reverse. If one fails, the ones already done are undone before the error goes on."""

    def __init__(self, ops: Sequence[Operation], label: str = "") -> None:
        self.ops = list(ops)
        self.label = label

    @property
    def undoable(self) -> bool:
        return all(op.undoable for op in self.ops)

    def do(self, svc: WorkshopService) -> Changes:
        changes = NO_CHANGES
        done: list[Operation] = []
        try:
            for op in self.ops:
                changes = changes | op.do(svc)
                done.append(op)
        except BaseException:
            for op in reversed(done):
                if op.undoable:
                    op.undo(svc)
            raise
        return changes

    def undo(self, svc: WorkshopService) -> Changes:
        changes = NO_CHANGES
        for op in reversed(self.ops):
            changes = changes | op.undo(svc)
        return changes

    def __repr__(self) -> str:
        return f"Batch({self.ops!r})"


def _organise(svc: WorkshopService) -> OrganiseService:
    from facilitator.services.organise import OrganiseService

    return OrganiseService(svc)


# --- workshop details --------------------------------------------------------------------


class EditWorkshop(Operation):
    """Change the workshop's details (title, organiser, place, language, dates, description)."""

    def __init__(self, **changes: Any) -> None:
        self.changes = changes
        self.old: dict[str, Any] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        before = svc.workshop()
        svc.update_workshop(**self.changes)
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.changes}
        return updated(Kind.WORKSHOP, 0)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.update_workshop(**self.old)
        return updated(Kind.WORKSHOP, 0)


# --- days ----------------------------------------------------------------------------------


class AddDay(Operation):
    def __init__(self, date: dt.date | None = None, title: str = "") -> None:
        self.date = date
        self.title = title
        self.day_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        if self.day_id is None:
            self.day_id = svc.add_day(self.date, self.title)
        else:
            svc.restore_day(self.day_id)
        return added(Kind.DAY, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.day_id is not None
        svc.delete_day(self.day_id)
        return removed(Kind.DAY, self.day_id)


class EditDay(Operation):
    def __init__(self, day_id: int, date: dt.date | None, title: str) -> None:
        self.day_id = day_id
        self.new = (date, title)
        self.old: tuple[dt.date | None, str] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        day = svc.day(self.day_id)
        svc.update_day(self.day_id, *self.new)
        if self.old is None:
            self.old = (day.date, day.title)
        return updated(Kind.DAY, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.update_day(self.day_id, *self.old)
        return updated(Kind.DAY, self.day_id)


class DeleteDay(Operation):
    def __init__(self, day_id: int) -> None:
        self.day_id = day_id

    def do(self, svc: WorkshopService) -> Changes:
        svc.day(self.day_id)
        svc.delete_day(self.day_id)
        return removed(Kind.DAY, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_day(self.day_id)
        return added(Kind.DAY, self.day_id)


# --- agenda items ------------------------------------------------------------------------


class AddItem(Operation):
    """A new agenda item on a day (fields as ``WorkshopService.add_item``)."""

    def __init__(self, day_id: int, title: str, **fields: Any) -> None:
        self.day_id = day_id
        self.title = title
        self.fields = fields
        self.item_id: int | None = None
        self.shifted: list[int] = []  # items placed after it (the order follows time)
        self.before: dict[int, int] = {}
        self.after: dict[int, int] = {}

    def do(self, svc: WorkshopService) -> Changes:
        if self.item_id is None:
            self.before = _positions(svc, {self.day_id})
            self.item_id = svc.add_item(self.day_id, self.title, **self.fields)
            self.shifted = _moved(svc, self.before)
            self.after = _positions(svc, {self.day_id})
        else:
            svc.restore_item(self.item_id)
            if self.shifted:
                svc.set_item_positions(self.after)
        return (
            added(Kind.ITEM, self.item_id)
            | updated(Kind.ITEM, *self.shifted)
            | updated(Kind.AGENDA, self.day_id)
        )

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.item_id is not None
        svc.delete_item(self.item_id)
        if self.shifted:
            svc.set_item_positions(self.before)
        return (
            removed(Kind.ITEM, self.item_id)
            | updated(Kind.ITEM, *self.shifted)
            | updated(Kind.AGENDA, self.day_id)
        )


def _positions(svc: WorkshopService, day_ids: Iterable[int]) -> dict[int, int]:
    return {i.id: i.position for d in day_ids for i in svc.items(d)}


def _moved(svc: WorkshopService, before: dict[int, int]) -> list[int]:
    """The items of ``before`` whose position changed (an item was inserted before them)."""
    out = []
    for item_id, position in before.items():
        item = svc.repo.get_item(item_id)
        if item is not None and item.position != position:
            out.append(item_id)
    return sorted(out)


class EditItem(Operation):
    """Any fields of ``WorkshopService.update_item`` (title, kind, speakers, actual times…)."""

    def __init__(self, item_id: int, **fields: Any) -> None:
        self.item_id = item_id
        self.fields = fields
        self.old: dict[str, Any] | None = None
        self.day_id = 0

    def _changes(self) -> Changes:
        return updated(Kind.ITEM, self.item_id) | updated(Kind.AGENDA, self.day_id)

    def do(self, svc: WorkshopService) -> Changes:
        before = svc.update_item(self.item_id, **dict(self.fields))
        self.day_id = before.day_id
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.fields}
            if "speaker_ids" in self.old:
                self.old["speaker_ids"] = list(self.old["speaker_ids"])
        return self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        old = dict(self.old)
        # Going back in time: clear the end before moving the start (validation order).
        if "actual_end" in old and "actual_start" in old:
            svc.update_item(self.item_id, actual_end=None)
        svc.update_item(self.item_id, **old)
        return self._changes()


class StartItem(EditItem):
    """Record that an item started at ``at`` (and has not ended): a fresh timer."""

    def __init__(self, item_id: int, at: dt.datetime) -> None:
        super().__init__(
            item_id, actual_start=at, actual_end=None, paused_at=None, paused_seconds=0, extra_min=0
        )


class StopItem(EditItem):
    def __init__(self, item_id: int, at: dt.datetime) -> None:
        super().__init__(item_id, actual_end=at)


class _TimerEdit(EditItem):
    """A change to a running item's timer, stored in the item (it survives a restart and
    every window on the file sees it). The new values are worked out on the first do."""

    def __init__(self, item_id: int, at: dt.datetime) -> None:
        super().__init__(item_id)
        self.at = at

    def _fields(self, item: m.AgendaItem) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def do(self, svc: WorkshopService) -> Changes:
        if self.old is None:
            item = svc.item(self.item_id)
            if item.actual_start is None or item.actual_end is not None:
                raise ValidationError("timer", "the item is not running", rule="not_running")
            self.fields = self._fields(item)
        return super().do(svc)


class PauseTimer(_TimerEdit):
    """Pause the running item's timer at ``at``."""

    def _fields(self, item: m.AgendaItem) -> dict[str, Any]:
        if item.paused_at is not None:
            raise ValidationError("timer", "the timer is already paused", rule="paused")
        return {"paused_at": self.at}


class ResumeTimer(_TimerEdit):
    """Resume a paused timer: the pause is added to the item's paused seconds."""

    def _fields(self, item: m.AgendaItem) -> dict[str, Any]:
        if item.paused_at is None:
            raise ValidationError("timer", "the timer is not paused", rule="not_paused")
        pause = max(0, round((self.at - item.paused_at).total_seconds()))
        return {"paused_at": None, "paused_seconds": item.paused_seconds + pause}


class ExtendTimer(_TimerEdit):
    """Give the running item more minutes (+5) without changing its planned duration."""

    def __init__(self, item_id: int, at: dt.datetime, minutes: int = 5) -> None:
        super().__init__(item_id, at)
        self.minutes = minutes

    def _fields(self, item: m.AgendaItem) -> dict[str, Any]:
        if self.minutes <= 0:
            raise ValidationError("minutes", "add at least one minute", rule="positive")
        return {"extra_min": item.extra_min + self.minutes}


class _RoomEvent(Operation):
    """What a phone or the facilitator does in the room: a recorded event (a ballot, an
    idea, a join, a moderation), run like every change, announced on the change stream,
    never on an undo stack. ``result`` holds what the room service returned."""

    result: Any = None

    @property
    def undoable(self) -> bool:
        return False

    def _room(self, svc: WorkshopService) -> Any:
        from facilitator.services.room import RoomService

        return RoomService(svc)

    def undo(self, svc: WorkshopService) -> Changes:
        raise TypeError(f"{type(self).__name__} is an event of the room: it is not undone")


ROOM_CHANGES = updated(Kind.ROOM, 0)
# A phone joined, was renamed or removed: the facilitator's list changes, what the other
# phones see does not (they are not told to reload: 300 joins would be 300 reloads each).
ROOM_DEVICES = updated(Kind.ROOM, 1)


class AskRoom(_RoomEvent):
    """Put a question to the room (shown on the projector, answered from phones), closing
    the one open before; an empty text closes it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.question_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        room = self._room(svc)
        before = room.repo.open_question()
        closed = updated(Kind.QUESTION, before.id if before else None)
        if self.text.strip():
            self.question_id = self.result = room.ask(self.text)
            return added(Kind.QUESTION, self.question_id) | closed
        room.close_question()
        self.question_id = None
        return closed


class JoinRoom(_RoomEvent):
    """A phone joins (or comes back, or changes its name)."""

    def __init__(self, token_hash: str, name: object, language: str) -> None:
        self.token_hash, self.name, self.language = token_hash, name, language

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).join(self.token_hash, self.name, self.language)
        return ROOM_DEVICES


class RemoveDevice(_RoomEvent):
    def __init__(self, device_id: int) -> None:
        self.device_id = device_id

    def do(self, svc: WorkshopService) -> Changes:
        freed = self._room(svc).remove_device(self.device_id)
        # a participant freed: the other phones' lists show the name as free again
        return ROOM_DEVICES | updated(Kind.JOIN_CODE, freed)


class CastFromPhone(_RoomEvent):
    """A phone's ballot in the room's current poll (replacing its earlier one, or its
    participant's; a retried submission, same key, counts once). ``participants``: the
    room's participants' mode, where an anonymous phone is refused."""

    def __init__(
        self, device_id: int, poll_id: int, ballot: Ballot, key: str, participants: bool = False
    ) -> None:
        self.device_id, self.poll_id, self.ballot, self.key = device_id, poll_id, ballot, key
        self.participants = participants

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).cast(
            self.device_id, self.poll_id, self.ballot, self.key, self.participants
        )
        return NO_CHANGES if self.result.duplicate else updated(Kind.BALLOT, self.poll_id)


class SendIdea(_RoomEvent):
    def __init__(self, device_id: int, key: str, text: object, participants: bool = False) -> None:
        self.device_id, self.key, self.text = device_id, key, text
        self.participants = participants

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).submit_idea(
            self.device_id, self.key, self.text, self.participants
        )
        return ROOM_CHANGES


class UpvoteIdea(_RoomEvent):
    def __init__(self, device_id: int, idea_id: int, participants: bool = False) -> None:
        self.device_id, self.idea_id = device_id, idea_id
        self.participants = participants

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).upvote(self.device_id, self.idea_id, self.participants)
        return ROOM_CHANGES if self.result else NO_CHANGES


class ClaimJoinCode(_RoomEvent):
    """A phone picked a name from the participant list and typed that participant's
    code: it is that participant from now on (``result``: a ``Claimed``)."""

    def __init__(self, device_id: int, participant_id: object, code: object) -> None:
        self.device_id, self.participant_id, self.code = device_id, participant_id, code

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).claim(self.device_id, self.participant_id, self.code)
        if self.result.again:
            return NO_CHANGES
        return ROOM_CHANGES | updated(Kind.JOIN_CODE, self.result.participant_id)


class FreeClaim(_RoomEvent):
    """The facilitator frees a phone's claim: the phone is nobody again and the
    participant's code works once more, on another phone (``result``: who it was)."""

    def __init__(self, device_id: int) -> None:
        self.device_id = device_id

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.joincodes import JoinCodeService

        self.result = JoinCodeService(svc).free(self.device_id)
        return ROOM_CHANGES | updated(Kind.JOIN_CODE, self.result)


class IssueJoinCodes(Operation):
    """New join codes for these participants (default: everyone on the list), replacing
    their current ones: a replaced code no longer works and the phone that used it is
    nobody again. ``missing_only``: only for participants without a code. Undone by
    putting the old codes back (refused once a phone has used a new one)."""

    def __init__(self, participant_ids: Sequence[int] | None = None, missing_only: bool = False):
        self.participant_ids = list(participant_ids) if participant_ids is not None else None
        self.missing_only = missing_only
        self.record: Any = None  # services.joincodes.Issued, once done

    def _changes(self) -> Changes:
        ids = set(self.record.new) | set(self.record.replaced)
        room = ROOM_CHANGES if self.record.ended else NO_CHANGES
        return updated(Kind.JOIN_CODE, *sorted(ids)) | room

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.joincodes import JoinCodeService

        codes = JoinCodeService(svc)
        if self.record is None:
            self.record = codes.issue(self.participant_ids, self.missing_only)
        else:
            codes.redo_issue(self.record)
        return self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        from facilitator.services.joincodes import JoinCodeService

        JoinCodeService(svc).undo_issue(self.record)
        return self._changes()


class AcceptIdea(_RoomEvent):
    """A waiting idea becomes a note (category chosen by the facilitator)."""

    def __init__(self, idea_id: int, category_id: int | None = None) -> None:
        self.idea_id, self.category_id = idea_id, category_id

    def do(self, svc: WorkshopService) -> Changes:
        self.result = self._room(svc).accept(self.idea_id, self.category_id)
        return added(Kind.NOTE, self.result) | ROOM_CHANGES


class RejectIdea(_RoomEvent):
    def __init__(self, idea_id: int) -> None:
        self.idea_id = idea_id

    def do(self, svc: WorkshopService) -> Changes:
        self._room(svc).reject(self.idea_id)
        return ROOM_CHANGES


class MergeIdeas(_RoomEvent):
    def __init__(self, duplicate_id: int, into_id: int) -> None:
        self.duplicate_id, self.into_id = duplicate_id, into_id

    def do(self, svc: WorkshopService) -> Changes:
        self._room(svc).merge(self.duplicate_id, self.into_id)
        return ROOM_CHANGES


class RevealResults(_RoomEvent):
    """Show (or hide again) a poll's results to the phones before it closes."""

    def __init__(self, poll_id: int, revealed: bool = True) -> None:
        self.poll_id, self.revealed = poll_id, revealed

    def do(self, svc: WorkshopService) -> Changes:
        self._room(svc).reveal(self.poll_id, self.revealed)
        return updated(Kind.POLL, self.poll_id) | ROOM_CHANGES


class SetDuration(Operation):
    """Change a duration; the following items of the day move, as in a session planner."""

    def __init__(self, item_id: int, minutes: int) -> None:
        self.item_id = item_id
        self.minutes = minutes
        self.old_minutes: int | None = None
        self.day_id = 0
        self.moved: list[int] = []  # the later items whose planned start moves too

    def _changes(self) -> Changes:
        return updated(Kind.ITEM, self.item_id, *self.moved) | updated(Kind.AGENDA, self.day_id)

    def do(self, svc: WorkshopService) -> Changes:
        item = svc.item(self.item_id)
        later = [
            i.id
            for i in svc.items(item.day_id)
            if i.position > item.position and i.planned_start is not None
        ]
        svc.set_duration(self.item_id, self.minutes)
        if self.old_minutes is None:
            self.old_minutes, self.day_id = item.duration_min, item.day_id
            self.moved = later if self.minutes != item.duration_min else []
        return self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old_minutes is not None
        svc.set_duration(self.item_id, self.old_minutes)
        return self._changes()


class DeleteItem(Operation):
    def __init__(self, item_id: int) -> None:
        self.item_id = item_id
        self.day_id = 0

    def do(self, svc: WorkshopService) -> Changes:
        self.day_id = svc.item(self.item_id).day_id
        svc.delete_item(self.item_id)
        return removed(Kind.ITEM, self.item_id) | updated(Kind.AGENDA, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_item(self.item_id)
        return added(Kind.ITEM, self.item_id) | updated(Kind.AGENDA, self.day_id)


class ReorderItems(Operation):
    """Put a day's items in a new order; the day is re-timed (one step to undo)."""

    def __init__(self, day_id: int, item_ids: Sequence[int]) -> None:
        self.day_id = day_id
        self.new = list(item_ids)
        self.old: list[int] | None = None
        self.old_starts: dict[int, dt.time | None] = {}

    def _changes(self) -> Changes:
        return updated(Kind.ITEM, *self.new) | updated(Kind.AGENDA, self.day_id)

    def do(self, svc: WorkshopService) -> Changes:
        starts = {i.id: i.planned_start for i in svc.items(self.day_id)}
        old = svc.reorder_items(self.day_id, self.new)
        if self.old is None:
            self.old, self.old_starts = old, starts
        return self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.set_agenda_layout(self.day_id, self.old, self.old_starts)
        return self._changes()


# --- organisations, participants, attendance ---------------------------------------------


class EditOrganisation(Operation):
    def __init__(self, org_id: int, name: str, kind: m.OrganisationKind) -> None:
        self.org_id = org_id
        self.new = (name, m.OrganisationKind(kind))
        self.old: tuple[str, m.OrganisationKind] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        org = svc.organisation(self.org_id)
        svc.update_organisation(self.org_id, *self.new)
        if self.old is None:
            self.old = (org.name, org.kind)
        return updated(Kind.ORGANISATION, self.org_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.update_organisation(self.org_id, *self.old)
        return updated(Kind.ORGANISATION, self.org_id)


class AddParticipant(Operation):
    """A new participant (fields as ``WorkshopService.add_participant``); a new
    organisation named for them is created with them and goes with them on undo."""

    def __init__(self, name: str, **fields: Any) -> None:
        self.name = name
        self.fields = fields
        self.pid: int | None = None
        self.new_orgs: tuple[int, ...] = ()

    def do(self, svc: WorkshopService) -> Changes:
        if self.pid is None:
            before = {o.id for o in svc.organisations()}
            self.pid = svc.add_participant(self.name, **self.fields)
            self.new_orgs = tuple(sorted({o.id for o in svc.organisations()} - before))
        else:
            svc.set_imported_deleted(False, participants=[self.pid], organisations=self.new_orgs)
        return added(Kind.PARTICIPANT, self.pid) | added(Kind.ORGANISATION, *self.new_orgs)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.pid is not None
        svc.set_imported_deleted(True, participants=[self.pid], organisations=self.new_orgs)
        return removed(Kind.PARTICIPANT, self.pid) | removed(Kind.ORGANISATION, *self.new_orgs)


class EditParticipant(Operation):
    def __init__(self, pid: int, name: str, organisation: str, role: m.Role, email: str) -> None:
        self.pid = pid
        self.new = (name, organisation, role, email)
        self.old: m.Participant | None = None
        self.new_orgs: tuple[int, ...] = ()

    def do(self, svc: WorkshopService) -> Changes:
        before_orgs = {o.id for o in svc.organisations()}
        if self.new_orgs:
            svc.set_imported_deleted(False, organisations=self.new_orgs)
        before = svc.update_participant(self.pid, *self.new)
        if self.old is None:
            self.old = before
            self.new_orgs = tuple(sorted({o.id for o in svc.organisations()} - before_orgs))
        return updated(Kind.PARTICIPANT, self.pid) | added(Kind.ORGANISATION, *self.new_orgs)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.restore_participant_fields(self.old)
        svc.set_imported_deleted(True, organisations=self.new_orgs)
        return updated(Kind.PARTICIPANT, self.pid) | removed(Kind.ORGANISATION, *self.new_orgs)


class DeleteParticipant(Operation):
    def __init__(self, pid: int) -> None:
        self.pid = pid

    def do(self, svc: WorkshopService) -> Changes:
        svc.delete_participant(self.pid)
        return removed(Kind.PARTICIPANT, self.pid)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_participant(self.pid)
        return added(Kind.PARTICIPANT, self.pid)


class SetPresent(Operation):
    """Check a participant in (or out) for a day."""

    def __init__(self, day_id: int, pid: int, present: bool) -> None:
        self.day_id = day_id
        self.pid = pid
        self.present = present
        self.was: bool | None = None  # what was stored (None: nothing yet)
        self._recorded = False

    def do(self, svc: WorkshopService) -> Changes:
        was = svc.attendance_record(self.day_id, self.pid)
        svc.set_present(self.day_id, self.pid, self.present)
        if not self._recorded:
            self.was, self._recorded = was, True
        return updated(Kind.ATTENDANCE, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self._recorded
        svc.restore_attendance(self.day_id, self.pid, self.was)
        return updated(Kind.ATTENDANCE, self.day_id)


class SetApologies(Operation):
    """An absent participant sent (or did not send) apologies for a day (the minutes)."""

    def __init__(self, day_id: int, pid: int, sent: bool) -> None:
        self.day_id, self.pid, self.sent = day_id, pid, sent
        self.was: bool | None = None
        self.record: bool | None = None  # the day's stored check-in (None: no row yet)

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.minutes import MinutesService

        frame = MinutesService(svc)
        if self.was is None:
            self.was = self.pid in frame.apologies(self.day_id)
            self.record = svc.attendance_record(self.day_id, self.pid)
        frame.set_apologies(self.day_id, self.pid, self.sent)
        return updated(Kind.ATTENDANCE, self.day_id)

    def undo(self, svc: WorkshopService) -> Changes:
        from facilitator.services.minutes import MinutesService

        assert self.was is not None
        if self.record is None:  # the apology made the day's row: take it away again
            svc.restore_attendance(self.day_id, self.pid, None)
        else:
            MinutesService(svc).set_apologies(self.day_id, self.pid, self.was)
        return updated(Kind.ATTENDANCE, self.day_id)


class EditParticipantDetails(Operation):
    """A participant's job title and country (printed in the minutes)."""

    def __init__(self, pid: int, job_title: str, country: str) -> None:
        self.pid, self.new = pid, (job_title, country)
        self.old: tuple[str, str] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.minutes import MinutesService

        frame = MinutesService(svc)
        if self.old is None:
            self.old = frame.participant_details().get(self.pid, ("", ""))
        frame.set_participant_details(self.pid, *self.new)
        return updated(Kind.PARTICIPANT, self.pid)

    def undo(self, svc: WorkshopService) -> Changes:
        from facilitator.services.minutes import MinutesService

        assert self.old is not None
        MinutesService(svc).set_participant_details(self.pid, *self.old)
        return updated(Kind.PARTICIPANT, self.pid)


class SetImage(Operation):
    """Store (or remove, with ``None``) the workshop's logo or EU emblem."""

    def __init__(self, kind: str, data: bytes | None) -> None:
        self.kind, self.data = kind, data
        self.old: bytes | None = None
        self._saved = False

    def _set(self, svc: WorkshopService, data: bytes | None) -> Changes:
        from facilitator.services.minutes import MinutesService

        frame = MinutesService(svc)
        if data is None:
            frame.remove_image(self.kind)
        else:
            frame.set_image(self.kind, data)
        return updated(Kind.WORKSHOP, 0)

    def do(self, svc: WorkshopService) -> Changes:
        if not self._saved:
            from facilitator.services.minutes import MinutesService

            self.old, self._saved = MinutesService(svc).image(self.kind), True
        return self._set(svc, self.data)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self._saved
        return self._set(svc, self.old)


# --- categories ------------------------------------------------------------------------


class AddCategory(Operation):
    def __init__(self, name: str, colour: str = "#808080", shortcut: str = "") -> None:
        self.args = (name, colour, shortcut)
        self.cat_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        if self.cat_id is None:
            self.cat_id = svc.add_category(*self.args)
        else:
            svc.restore_category(self.cat_id)
        return added(Kind.CATEGORY, self.cat_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.cat_id is not None
        svc.delete_category(self.cat_id)
        return removed(Kind.CATEGORY, self.cat_id)


class EditCategory(Operation):
    def __init__(self, cat_id: int, name: str, colour: str, shortcut: str) -> None:
        self.cat_id = cat_id
        self.new = (name, colour, shortcut)
        self.old: tuple[str, str, str] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        before = svc.update_category(self.cat_id, *self.new)
        if self.old is None:
            self.old = (before.name, before.colour, before.shortcut)
        return updated(Kind.CATEGORY, self.cat_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.update_category(self.cat_id, *self.old)
        return updated(Kind.CATEGORY, self.cat_id)


class DeleteCategory(Operation):
    def __init__(self, cat_id: int) -> None:
        self.cat_id = cat_id

    def do(self, svc: WorkshopService) -> Changes:
        svc.delete_category(self.cat_id)
        return removed(Kind.CATEGORY, self.cat_id)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_category(self.cat_id)
        return added(Kind.CATEGORY, self.cat_id)


class ReorderCategories(Operation):
    def __init__(self, cat_ids: Sequence[int]) -> None:
        self.new = list(cat_ids)
        self.old: list[int] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        old = svc.reorder_categories(self.new)
        if self.old is None:
            self.old = old
        return updated(Kind.CATEGORY, *self.new)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.reorder_categories(self.old)
        return updated(Kind.CATEGORY, *self.new)


class ApplyTemplate(Operation):
    """Add the categories of a template that are not there yet."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.ids: list[int] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        if self.ids is None:
            self.ids = svc.apply_template(self.template)
        else:
            svc.set_categories_deleted(self.ids, False)
        return added(Kind.CATEGORY, *self.ids)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.ids is not None
        svc.set_categories_deleted(self.ids, True)
        return removed(Kind.CATEGORY, *self.ids)


# --- notes ---------------------------------------------------------------------------------


class AddNote(Operation):
    """A new note (on disk when ``do`` returns). ``note`` is the note as written."""

    def __init__(
        self,
        text: str,
        *,
        category_id: int | None = None,
        agenda_item_id: int | None = None,
        speaker: str = "",
        note_taker: str = "",
        created_at: dt.datetime | None = None,
        day_id: int | None = None,
    ) -> None:
        self.text = text
        self.fields: dict[str, Any] = dict(
            category_id=category_id,
            agenda_item_id=agenda_item_id,
            speaker=speaker,
            note_taker=note_taker,
            created_at=created_at,
            day_id=day_id,
        )
        self.note: m.Note | None = None

    @property
    def note_id(self) -> int | None:
        return self.note.id if self.note is not None else None

    def do(self, svc: WorkshopService) -> Changes:
        if self.note is None:
            self.note = svc.add_note(self.text, **self.fields)
        else:
            svc.restore_note(self.note.id)
        return added(Kind.NOTE, self.note.id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.note is not None
        svc.delete_note(self.note.id)
        return removed(Kind.NOTE, self.note.id)


class EditNote(Operation):
    """Change text, category_id, speaker, agenda_item_id or is_decision of a note; undo
    puts the stored fields back exactly."""

    def __init__(self, note_id: int, **fields: Any) -> None:
        self.note_id = note_id
        self.fields = fields
        self.before: m.Note | None = None

    def do(self, svc: WorkshopService) -> Changes:
        before = svc.update_note(self.note_id, **dict(self.fields))
        if self.before is None:
            self.before = before
        return updated(Kind.NOTE, self.note_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.before is not None
        svc.restore_note_fields(self.before)
        return updated(Kind.NOTE, self.note_id)


class SetDecision(EditNote):
    """Mark a note as a decision (or not)."""

    def __init__(self, note_id: int, is_decision: bool) -> None:
        super().__init__(note_id, is_decision=is_decision)
        self.flag = is_decision


class DeleteNote(Operation):
    def __init__(self, note_id: int) -> None:
        self.note_id = note_id

    def do(self, svc: WorkshopService) -> Changes:
        svc.delete_note(self.note_id)
        return removed(Kind.NOTE, self.note_id)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_note(self.note_id)
        return added(Kind.NOTE, self.note_id)


# --- themes --------------------------------------------------------------------------------


def _membership_changes(theme_ids: Iterable[int | None], note_ids: Iterable[int]) -> Changes:
    return updated(Kind.THEME, *set(theme_ids)) | updated(Kind.NOTE, *note_ids)


class CreateTheme(Operation):
    def __init__(self, title: str, note_ids: Sequence[int]) -> None:
        self.title = title
        self.note_ids = list(note_ids)
        self.theme_id: int | None = None
        self.previous: Memberships = {}

    def _changes(self) -> Changes:
        return _membership_changes(self.previous.values(), self.note_ids)

    def do(self, svc: WorkshopService) -> Changes:
        org = _organise(svc)
        if self.theme_id is None:
            self.theme_id, self.previous = org.create_theme(self.title, self.note_ids)
        else:
            org.redo_create_theme(self.theme_id, self.note_ids)
        return added(Kind.THEME, self.theme_id) | self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.theme_id is not None
        _organise(svc).undo_create_theme(self.theme_id, self.previous)
        return removed(Kind.THEME, self.theme_id) | self._changes()


class MoveNotes(Operation):
    """Move notes into a theme (None: take them out of their theme)."""

    def __init__(self, note_ids: Sequence[int], theme_id: int | None) -> None:
        self.note_ids = list(note_ids)
        self.theme_id = theme_id
        self.previous: Memberships | None = None

    def _changes(self) -> Changes:
        assert self.previous is not None
        return _membership_changes([self.theme_id, *self.previous.values()], self.note_ids)

    def do(self, svc: WorkshopService) -> Changes:
        previous = _organise(svc).move_notes(self.note_ids, self.theme_id)
        if self.previous is None:
            self.previous = previous
        return self._changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.previous is not None
        _organise(svc).set_memberships(self.previous)
        return self._changes()


class RenameTheme(Operation):
    def __init__(self, theme_id: int, title: str) -> None:
        self.theme_id = theme_id
        self.title = title
        self.old: str | None = None

    def do(self, svc: WorkshopService) -> Changes:
        old = _organise(svc).rename_theme(self.theme_id, self.title)
        if self.old is None:
            self.old = old
        return updated(Kind.THEME, self.theme_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        _organise(svc).rename_theme(self.theme_id, self.old)
        return updated(Kind.THEME, self.theme_id)


class Ungroup(Operation):
    """Dissolve a theme: its notes become ungrouped."""

    def __init__(self, theme_id: int) -> None:
        self.theme_id = theme_id
        self.members: Memberships = {}

    def do(self, svc: WorkshopService) -> Changes:
        self.members = _organise(svc).ungroup(self.theme_id)
        return removed(Kind.THEME, self.theme_id) | updated(Kind.NOTE, *self.members)

    def undo(self, svc: WorkshopService) -> Changes:
        _organise(svc).restore_theme(self.theme_id, self.members)
        return added(Kind.THEME, self.theme_id) | updated(Kind.NOTE, *self.members)


# --- solutions -------------------------------------------------------------------------------


class AddSolution(Operation):
    """A new solution: from scratch, or promoted from notes or from a theme."""

    def __init__(
        self,
        title: str,
        description: str = "",
        *,
        note_ids: Sequence[int] = (),
        agenda_item_id: int | None = None,
        theme_id: int | None = None,
    ) -> None:
        self.title = title
        self.description = description
        self.note_ids = list(note_ids)
        self.agenda_item_id = agenda_item_id
        self.theme_id = theme_id
        self.solution_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        org = _organise(svc)
        if self.solution_id is None:
            self.solution_id = org.add_solution(
                self.title,
                self.description,
                note_ids=self.note_ids,
                agenda_item_id=self.agenda_item_id,
                theme_id=self.theme_id,
            )
        else:
            org.restore_solution(self.solution_id)
        return added(Kind.SOLUTION, self.solution_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.solution_id is not None
        _organise(svc).delete_solution(self.solution_id)
        return removed(Kind.SOLUTION, self.solution_id)


class EditSolution(Operation):
    """Change title, description, agenda_item_id or note_ids of a solution."""

    def __init__(self, solution_id: int, **fields: Any) -> None:
        self.solution_id = solution_id
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        before = _organise(svc).update_solution(self.solution_id, **self.fields)
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.fields}
        return updated(Kind.SOLUTION, self.solution_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        _organise(svc).update_solution(self.solution_id, **self.old)
        return updated(Kind.SOLUTION, self.solution_id)


class DeleteSolution(Operation):
    def __init__(self, solution_id: int) -> None:
        self.solution_id = solution_id

    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).delete_solution(self.solution_id)
        return removed(Kind.SOLUTION, self.solution_id)

    def undo(self, svc: WorkshopService) -> Changes:
        _organise(svc).restore_solution(self.solution_id)
        return added(Kind.SOLUTION, self.solution_id)


# --- action items ------------------------------------------------------------------------------


class AddAction(Operation):
    def __init__(
        self,
        text: str,
        *,
        owner_id: int | None = None,
        due_date: dt.date | None = None,
        status: m.ActionStatus = m.ActionStatus.OPEN,
        note_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> None:
        self.text = text
        self.fields: dict[str, Any] = dict(
            owner_id=owner_id,
            due_date=due_date,
            status=status,
            note_id=note_id,
            agenda_item_id=agenda_item_id,
        )
        self.action_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        if self.action_id is None:
            self.action_id = svc.add_action(self.text, **self.fields)
        else:
            svc.restore_action(self.action_id)
        return added(Kind.ACTION, self.action_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.action_id is not None
        svc.delete_action(self.action_id)
        return removed(Kind.ACTION, self.action_id)


class EditAction(Operation):
    def __init__(
        self,
        action_id: int,
        text: str,
        owner_id: int | None,
        due_date: dt.date | None,
        status: m.ActionStatus,
    ) -> None:
        self.action_id = action_id
        self.new = (text, owner_id, due_date, status)
        self.old: tuple[str, int | None, dt.date | None, m.ActionStatus] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        before = svc.update_action(self.action_id, *self.new)
        if self.old is None:
            self.old = (before.text, before.owner_id, before.due_date, before.status)
        return updated(Kind.ACTION, self.action_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        svc.update_action(self.action_id, *self.old)
        return updated(Kind.ACTION, self.action_id)


class DeleteAction(Operation):
    def __init__(self, action_id: int) -> None:
        self.action_id = action_id

    def do(self, svc: WorkshopService) -> Changes:
        svc.delete_action(self.action_id)
        return removed(Kind.ACTION, self.action_id)

    def undo(self, svc: WorkshopService) -> Changes:
        svc.restore_action(self.action_id)
        return added(Kind.ACTION, self.action_id)


# --- polls and ballots ----------------------------------------------------------------------


class CreatePoll(Operation):
    def __init__(self, settings: PollSettings) -> None:
        self.settings = settings
        self.poll_id: int | None = None

    def do(self, svc: WorkshopService) -> Changes:
        org = _organise(svc)
        if self.poll_id is None:
            self.poll_id = org.create_poll(self.settings)
        else:
            org.restore_poll(self.poll_id)
        return added(Kind.POLL, self.poll_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.poll_id is not None
        _organise(svc).delete_poll(self.poll_id)
        return removed(Kind.POLL, self.poll_id)


class EditPoll(Operation):
    """Change a draft poll's settings (undo and redo put back the very rows)."""

    def __init__(self, poll_id: int, settings: PollSettings) -> None:
        self.poll_id = poll_id
        self.settings = settings
        self.before: PollVersion | None = None
        self.after: PollVersion | None = None

    def do(self, svc: WorkshopService) -> Changes:
        org = _organise(svc)
        if self.after is None:
            before = org.poll_version(self.poll_id)
            org.update_poll(self.poll_id, self.settings)
            self.before, self.after = before, org.poll_version(self.poll_id)
        else:
            org.set_poll_version(self.poll_id, self.after)
        return updated(Kind.POLL, self.poll_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.before is not None
        _organise(svc).set_poll_version(self.poll_id, self.before)
        return updated(Kind.POLL, self.poll_id)


class DeletePoll(Operation):
    def __init__(self, poll_id: int) -> None:
        self.poll_id = poll_id

    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).delete_poll(self.poll_id)
        return removed(Kind.POLL, self.poll_id)

    def undo(self, svc: WorkshopService) -> Changes:
        _organise(svc).restore_poll(self.poll_id)
        return added(Kind.POLL, self.poll_id)


class _PollEvent(Operation):
    """A poll's state change: an event kept in the file, not undone."""

    @property
    def undoable(self) -> bool:
        return False

    def __init__(self, poll_id: int, at: dt.datetime | None = None) -> None:
        self.poll_id = poll_id
        self.at = at

    def undo(self, svc: WorkshopService) -> Changes:
        raise TypeError(f"{type(self).__name__} is an event in the file: it is not undone")


class OpenPoll(_PollEvent):
    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).open_poll(self.poll_id, self.at)
        return updated(Kind.POLL, self.poll_id)


class ClosePoll(_PollEvent):
    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).close_poll(self.poll_id, self.at)
        return updated(Kind.POLL, self.poll_id)


class ReopenPoll(_PollEvent):
    def __init__(self, poll_id: int, reason: str, at: dt.datetime | None = None) -> None:
        super().__init__(poll_id, at)
        self.reason = reason

    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).reopen_poll(self.poll_id, self.reason, self.at)
        return updated(Kind.POLL, self.poll_id)


class CastBallot(Operation):
    """Cast a ballot (a paper tally, a named voter's or a kiosk's). Undo withdraws it
    while the poll is open."""

    def __init__(
        self, poll_id: int, ballot: Ballot, mode: CastMode, voter_id: int | None = None
    ) -> None:
        self.poll_id = poll_id
        self.ballot = ballot
        self.mode = mode
        self.voter_id = voter_id
        self.receipt: Receipt | None = None

    def do(self, svc: WorkshopService) -> Changes:
        org = _organise(svc)
        if self.receipt is None:
            self.receipt = org.cast_ballot(self.poll_id, self.ballot, self.mode, self.voter_id)
        else:
            org.restore_ballot(self.receipt)
        return updated(Kind.BALLOT, self.poll_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.receipt is not None
        _organise(svc).withdraw_ballot(self.receipt)
        return updated(Kind.BALLOT, self.poll_id)


class WithdrawBallot(Operation):
    def __init__(self, receipt: Receipt) -> None:
        self.receipt = receipt

    def do(self, svc: WorkshopService) -> Changes:
        _organise(svc).withdraw_ballot(self.receipt)
        return updated(Kind.BALLOT, self.receipt.poll_id)

    def undo(self, svc: WorkshopService) -> Changes:
        _organise(svc).restore_ballot(self.receipt)
        return updated(Kind.BALLOT, self.receipt.poll_id)


# --- imports ---------------------------------------------------------------------------------


class Import(Operation):
    """Import the valid rows of a CSV preview (all or nothing); undo removes them all."""

    def __init__(self, preview: imp.ImportPreview) -> None:
        self.preview = preview
        self.result: imp.ImportResult | None = None
        self.item_days: set[int] = set()  # days whose agenda the import filled
        self.shifted: list[int] = []  # items placed after imported ones (by time)
        self.before: dict[int, int] = {}
        self.after: dict[int, int] = {}

    def _set(self, svc: WorkshopService, deleted: bool) -> None:
        assert self.result is not None
        r = self.result
        if r.kind.value == "participants":
            svc.set_imported_deleted(deleted, participants=r.ids, organisations=r.organisation_ids)
        else:
            svc.set_imported_deleted(deleted, items=r.ids, days=r.day_ids)

    def _changes(self, how: Any) -> Changes:
        r = self.result
        assert r is not None
        if r.kind.value == "participants":
            return how(Kind.PARTICIPANT, *r.ids) | how(Kind.ORGANISATION, *r.organisation_ids)
        return (
            how(Kind.ITEM, *r.ids)
            | updated(Kind.ITEM, *self.shifted)
            | how(Kind.DAY, *r.day_ids)
            | updated(Kind.AGENDA, *self.item_days)
        )

    def do(self, svc: WorkshopService) -> Changes:
        if self.result is None:
            from facilitator.services.importing import apply_import

            self.before = _positions(svc, [d.id for d in svc.days()])
            self.result = apply_import(svc, self.preview)
            if self.result.kind.value == "agenda":
                self.item_days = {svc.item(i).day_id for i in self.result.ids}
                self.shifted = _moved(svc, self.before)
                self.after = _positions(svc, self.item_days)
        else:
            self._set(svc, False)
            if self.shifted:
                svc.set_item_positions(self.after)
        return self._changes(added)

    def undo(self, svc: WorkshopService) -> Changes:
        self._set(svc, True)
        if self.shifted:
            svc.set_item_positions({i: self.before[i] for i in self.shifted})
        return self._changes(removed)


# --- linked copies (issue 15 A): events from another laptop, not undone here -------------


class _LinkedEvent(Operation):
    """A change that arrived from (or was acknowledged by) another laptop: kept, not
    undone from this window's undo stack."""

    @property
    def undoable(self) -> bool:
        return False

    def undo(self, svc: WorkshopService) -> Changes:
        raise TypeError(f"{type(self).__name__} came from another laptop: it is not undone")


class ApplyTakerNotes(_LinkedEvent):
    """On the hub: a note-taker's batch of notes (adds, edits, deletes), in order, in one
    transaction; idempotent by each note's UUID. ``applied`` holds the answer."""

    def __init__(self, client: Any, entries: Any) -> None:
        self.client = client
        self.entries = entries
        self.applied: Any = None

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.linked import LinkedService

        self.applied = a = LinkedService(svc).apply(self.client, self.entries)
        return (
            added(Kind.NOTE, *a.added)
            | updated(Kind.NOTE, *a.updated)
            | removed(Kind.NOTE, *a.removed)
            | (added(Kind.CONFLICT, 0) if a.conflicts else NO_CHANGES)
        )


class ApplyHubFeed(_LinkedEvent):
    """On a linked copy: the hub's mirror (agenda, categories, participants) and the notes
    of every note-taker, as the hub has them."""

    def __init__(self, feed: dict[str, Any]) -> None:
        self.feed = feed

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.linked import LinkedService

        done = LinkedService(svc).apply_feed(self.feed)
        mirror = done["mirror"]
        changes = added(Kind.NOTE, *done["added"]) | updated(Kind.NOTE, *done["updated"])
        changes |= updated(Kind.DAY, *mirror["days"]) | updated(
            Kind.CATEGORY, *mirror["categories"]
        )
        changes |= updated(Kind.PARTICIPANT, *mirror["participants"])
        changes |= updated(Kind.ORGANISATION, *mirror["organisations"])
        if mirror["agenda_items"]:
            changes |= updated(Kind.ITEM, *mirror["agenda_items"])
            changes |= updated(Kind.AGENDA, *(d.id for d in svc.days()))
        if mirror.get("workshop"):
            changes |= updated(Kind.WORKSHOP, 0)
        return changes


class AcknowledgeNotes(_LinkedEvent):
    """On a linked copy: the hub committed these notes (they leave the outbox)."""

    def __init__(self, sent: list[dict[str, Any]], acks: list[dict[str, Any]]) -> None:
        self.sent = sent
        self.acks = acks

    def do(self, svc: WorkshopService) -> Changes:
        from facilitator.services.linked import LinkedService

        return updated(Kind.NOTE, *LinkedService(svc).acknowledge(self.sent, self.acks))
