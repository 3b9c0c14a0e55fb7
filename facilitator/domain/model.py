"""Plain data of a workshop: enums and dataclasses. No Qt, no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Language(StrEnum):
    ITALIAN = "it"
    ENGLISH = "en"


class ItemKind(StrEnum):
    PRESENTATION = "presentation"
    SITE_VISIT = "site_visit"
    DISCUSSION = "discussion"
    GROUP_WORK = "group_work"
    PLENARY = "plenary"
    BREAK = "break"


class OrganisationKind(StrEnum):
    PUBLIC_AUTHORITY = "public_authority"
    MANAGING_AUTHORITY = "managing_authority"
    COMPETENCE_CENTRE = "competence_centre"
    THIRD_SECTOR = "third_sector"
    PRIVATE = "private"
    UNIVERSITY = "university"
    CITIZENS = "citizens"
    OTHER = "other"


class Role(StrEnum):
    FACILITATOR = "facilitator"
    NOTE_TAKER = "note_taker"
    SPEAKER = "speaker"
    PARTICIPANT = "participant"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Workshop:
    uuid: str
    title: str
    organiser: str
    place: str
    language: Language
    start_date: dt.date | None
    end_date: dt.date | None
    description: str = ""
    time_zone: str = ""  # IANA name of the venue's zone; "" = unknown (the machine's)
    # the formal frame of the minutes
    minutes_status: str = "draft"  # draft or final
    minutes_version: str = ""
    drafted_by: str = ""  # "" = the note-takers of the notes
    approval: str = ""  # who approves the minutes, and how
    distribution: str = ""  # one recipient per line
    next_meeting: str = ""


@dataclass(frozen=True)
class Day:
    id: int
    uuid: str
    number: int  # 1-based position in the workshop
    date: dt.date | None
    title: str


@dataclass(frozen=True)
class Organisation:
    id: int
    uuid: str
    name: str
    kind: OrganisationKind


@dataclass(frozen=True)
class Participant:
    id: int
    uuid: str
    name: str
    organisation_id: int | None
    organisation_name: str
    role: Role
    email: str


@dataclass(frozen=True)
class AgendaItem:
    id: int
    uuid: str
    day_id: int
    position: int
    kind: ItemKind
    title: str
    description: str
    location: str
    planned_start: dt.time | None  # wall-clock time at the venue
    duration_min: int
    actual_start: dt.datetime | None  # UTC
    actual_end: dt.datetime | None  # UTC
    speaker_ids: tuple[int, ...] = ()
    speaker_names: tuple[str, ...] = ()
    summary: str = ""  # the session summary, printed first in the minutes
    # The running timer (stored, so it survives a restart and every window agrees):
    paused_at: dt.datetime | None = None  # UTC, while paused
    paused_seconds: int = 0  # paused before, in total
    extra_min: int = 0  # added with +5 while it ran

    @property
    def planned_end(self) -> dt.time | None:
        if self.planned_start is None:
            return None
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.planned_start)
        return (start + dt.timedelta(minutes=self.duration_min)).time()


@dataclass(frozen=True)
class Category:
    id: int
    uuid: str
    name: str
    colour: str  # "#rrggbb"
    shortcut: str  # one letter, may be empty
    position: int
    # What a note in this category is: "decision" (the note is a decision), "action"
    # (the note can become an action item) or "" (just a note).
    meaning: str = ""


@dataclass(frozen=True)
class Note:
    id: int
    uuid: str
    text: str
    category_id: int | None
    agenda_item_id: int | None
    speaker_id: int | None
    speaker_name: str
    note_taker: str
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None = None
    is_decision: bool = False
    day_id: int | None = None  # a note outside the agenda (no item): its day


@dataclass(frozen=True)
class ActionItem:
    id: int
    uuid: str
    text: str
    owner_id: int | None
    owner_name: str
    due_date: dt.date | None
    status: ActionStatus
    note_id: int | None
    agenda_item_id: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Attendance:
    day_id: int
    participant_id: int
    present: bool


# Around each match in a search snippet: control characters no stored text can hold
# (see validation.BAD_CHARS), so a note's own brackets are never taken for a match.
MATCH_START = "\x02"
MATCH_END = "\x03"


@dataclass(frozen=True)
class SearchHit:
    note: Note
    snippet: str  # the matches between MATCH_START and MATCH_END
    day_id: int | None
    agenda_item_title: str


@dataclass
class Counts:
    days: int = 0
    agenda_items: int = 0
    organisations: int = 0
    participants: int = 0
    categories: int = 0
    notes: int = 0
    deleted_notes: int = 0
    action_items: int = 0
    extra: dict[str, int] = field(default_factory=dict)
