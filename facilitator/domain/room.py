"""Plain data and rules of the room: phones that joined, questions put to the room,
ideas sent from phones. No Qt, no SQL, no network."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain import validation as v
from facilitator.domain.errors import ValidationError

MAX_IDEA = 1000  # characters in one idea from a phone
MAX_DEVICE_NAME = 60
_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class IdeaStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MERGED = "merged"


@dataclass(frozen=True)
class Device:
    id: int
    uuid: str
    name: str  # "" = anonymous
    language: str
    joined_at: dt.datetime
    removed: bool = False


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    agenda_item_id: int | None


@dataclass(frozen=True)
class Idea:
    id: int
    device_id: int
    text: str
    author: str  # "" = anonymous
    agenda_item_id: int | None
    question_id: int | None
    status: IdeaStatus
    note_id: int | None
    merged_into: int | None
    created_at: dt.datetime
    votes: int = 0


@dataclass(frozen=True)
class WallIdea:
    """An accepted idea as a phone may see it: no author, no device."""

    id: int
    text: str
    votes: int
    mine: bool  # sent from this phone
    voted: bool  # this phone has upvoted it


@dataclass(frozen=True)
class CastOutcome:
    ballot_id: int
    replaced: bool  # the device's earlier ballot in this poll was replaced
    duplicate: bool  # the same submission arrived before: nothing new was stored


def check_key(key: object) -> str:
    """An idempotency key chosen by the phone: 8–64 letters, digits, ``-`` or ``_``."""
    if not isinstance(key, str) or not _KEY.match(key):
        raise ValidationError("key", "each submission needs a key of 8 to 64 letters or digits")
    return key


def clean_idea(text: object) -> str:
    if not isinstance(text, str):
        raise ValidationError("text", "an idea must be text", rule="not_text")
    clean = v.clean_text(text, "text", max_len=MAX_IDEA).strip()
    if not clean:
        raise ValidationError("text", "an idea must not be empty", rule="empty")
    return clean


def clean_device_name(name: object) -> str:
    if name is None:
        return ""
    if not isinstance(name, str):
        raise ValidationError("name", "a name must be text", rule="not_text")
    clean = v.clean_line(name, "name", required=False)
    if len(clean) > MAX_DEVICE_NAME:
        raise ValidationError(
            "name",
            f"a name has at most {MAX_DEVICE_NAME} characters",
            max=MAX_DEVICE_NAME,
            rule="too_long",
        )
    return clean
