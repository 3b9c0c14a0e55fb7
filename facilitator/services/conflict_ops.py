"""Resolving a conflict kept for review, as operations (the review screen's changes;
``ui/conflicts.py``). No Qt, no SQL.

- :class:`ResolveConflict`: two versions of a note (from a merge or from two
  note-takers' laptops): keep this version (the note as it is now), keep the other,
  keep both (the other becomes a second note, with the same agenda item, category,
  speaker and note-taker) or a combined text. The note's change and the conflict's
  "resolved" mark are written in one transaction; undo puts both back.
- :class:`ResolvePollConflict`: a poll closed on one laptop and open on the other: keep
  it closed or open. Like every change of a poll's state it is an event kept in the
  file (the poll's history), not undone.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from facilitator.domain.errors import ValidationError
from facilitator.domain.timeutil import utcnow
from facilitator.services.conflicts import DELETE, POLL, ConflictsService, Review
from facilitator.services.operations import (
    NO_CHANGES,
    AddNote,
    Changes,
    ClosePoll,
    DeleteNote,
    EditNote,
    Kind,
    Operation,
    ReopenPoll,
    updated,
)

if TYPE_CHECKING:
    import datetime as dt

    from facilitator.services.workshop import WorkshopService


class Resolution(enum.StrEnum):
    KEEP_THIS = "keep_this"  # the note as it is now
    KEEP_OTHER = "keep_other"  # the other version (for a delete: the note is deleted)
    KEEP_BOTH = "keep_both"  # the other version becomes a second note beside it
    COMBINE = "combine"  # a text the user wrote from both


def _open(svc: WorkshopService, origin: str, key: str) -> Review:
    review = ConflictsService(svc).get(origin, key)
    if review.resolved:
        raise ValidationError("conflict", "this conflict is already resolved", rule="resolved")
    return review


class ResolveConflict(Operation):
    """Resolve two versions of a note (see the module's docstring)."""

    def __init__(self, origin: str, key: str, resolution: Resolution, text: str = "") -> None:
        self.origin = origin
        self.key = key
        self.resolution = Resolution(resolution)
        self.text = text
        self.at: dt.datetime | None = None
        self.steps: list[Operation] | None = None
        self.note_id: int | None = None

    def _plan(self, svc: WorkshopService) -> list[Operation]:
        review = _open(svc, self.origin, self.key)
        if review.what == POLL:
            raise ValidationError("conflict", "a poll's conflict is resolved by its state")
        note = review.note
        if note is None:  # not in this file (any more): it can only be set aside
            if self.resolution is Resolution.KEEP_THIS:
                return []
            raise ValidationError("conflict", "the note is no longer in this workshop")
        self.note_id = note.id
        gone = note.deleted_at is not None
        match self.resolution:
            case Resolution.KEEP_THIS:
                return []
            case Resolution.KEEP_OTHER if review.what == DELETE:
                return [] if gone else [DeleteNote(note.id)]
            case Resolution.KEEP_OTHER:
                if gone:
                    raise ValidationError(
                        "conflict",
                        "the note was deleted since: keep both to bring the other version "
                        "back as a note",
                        rule="deleted",
                    )
                if review.other_text == note.text:
                    return []
                return [EditNote(note.id, text=review.other_text)]
            case Resolution.KEEP_BOTH:
                if review.what == DELETE:
                    raise ValidationError(
                        "conflict", "a deleted version cannot be kept as a second note"
                    )
                return [
                    AddNote(
                        review.other_text,
                        category_id=note.category_id,
                        agenda_item_id=note.agenda_item_id,
                        speaker=note.speaker_name,
                        note_taker=note.note_taker,
                        created_at=note.created_at,
                        day_id=note.day_id,
                    )
                ]
            case Resolution.COMBINE:
                if not self.text.strip():
                    raise ValidationError(
                        "text", "the combined text must not be empty", rule="empty"
                    )
                if gone:
                    raise ValidationError(
                        "conflict", "the note was deleted since: keep both instead", rule="deleted"
                    )
                return [EditNote(note.id, text=self.text)]
        raise ValueError(self.resolution)  # pragma: no cover - every resolution is above

    def do(self, svc: WorkshopService) -> Changes:
        first = self.steps is None
        steps = self._plan(svc) if self.steps is None else self.steps
        at = self.at or utcnow()
        changes = NO_CHANGES
        with svc.file.writing():  # the note's change and the mark: together or not at all
            for op in steps:
                changes |= op.do(svc)
            ConflictsService(svc).set_resolved(self.origin, self.key, at)
        if first:
            self.steps, self.at = steps, at
        return changes | updated(Kind.CONFLICT, 0) | updated(Kind.NOTE, self.note_id)

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.steps is not None
        changes = NO_CHANGES
        with svc.file.writing():
            ConflictsService(svc).set_resolved(self.origin, self.key, None)
            for op in reversed(self.steps):
                changes |= op.undo(svc)
        return changes | updated(Kind.CONFLICT, 0) | updated(Kind.NOTE, self.note_id)

    @property
    def added_note_id(self) -> int | None:
        """The second note that "keep both" made."""
        for op in self.steps or ():
            if isinstance(op, AddNote):
                return op.note_id
        return None


class ResolvePollConflict(Operation):
    """Keep a poll closed or open after it was closed on one laptop and open on the
    other. A change of its state is recorded in the poll's history (``reason`` for a
    reopening) and, like every poll state change, not undone."""

    @property
    def undoable(self) -> bool:
        return False

    def __init__(self, origin: str, key: str, state: str, reason: str = "") -> None:
        if state not in ("open", "closed"):
            raise ValueError(f"a poll is kept open or closed, not {state!r}")
        self.origin = origin
        self.key = key
        self.state = state
        self.reason = reason or "conflict between two laptops resolved: kept open"

    def do(self, svc: WorkshopService) -> Changes:
        review = _open(svc, self.origin, self.key)
        poll_id = review.row.row_id
        if review.what != POLL or poll_id is None:
            raise ValidationError("conflict", "this conflict is not a poll's, or the poll is gone")
        with svc.file.writing():
            if self.state == "open" and review.poll_state == "closed":
                ReopenPoll(poll_id, self.reason).do(svc)
            elif self.state == "closed" and review.poll_state == "open":
                ClosePoll(poll_id).do(svc)
            ConflictsService(svc).set_resolved(self.origin, self.key, utcnow())
        return updated(Kind.POLL, poll_id) | updated(Kind.CONFLICT, 0)

    def undo(self, svc: WorkshopService) -> Changes:
        raise TypeError("a poll's state change is an event in the file: it is not undone")
