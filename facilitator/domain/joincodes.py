"""Join codes: a phone becomes one participant of the list (issue 14, "pick your name,
confirm with a code printed on the badge list"). Plain data and rules; no Qt, no SQL.

A code is short, random and made of characters that cannot be mistaken for one
another when read off a printed badge (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6, U/V). Every
code ever issued in a workshop is different from every other, so an old (replaced)
code is simply a wrong code.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass

ALPHABET = "ACDEFHJKMNPRTWXY3479"
LENGTH = 6


def new_code(taken: Collection[str] = (), choice: Callable[[str], str] = secrets.choice) -> str:
    """A random code not in ``taken``."""
    while True:
        code = "".join(choice(ALPHABET) for _ in range(LENGTH))
        if code not in taken:
            return code


def normalise(value: object) -> str:
    """What a participant typed, as a code: spaces and dashes dropped, upper case
    (an ``O`` read for a zero and the like are simply wrong: the alphabet has neither)."""
    if not isinstance(value, str):
        return ""
    return "".join(ch for ch in value if ch not in " -\t\n").upper()[:32]


@dataclass(frozen=True)
class JoinCode:
    """A participant's current code (what the facilitator's screens and the PDF show)."""

    participant_id: int
    name: str
    organisation: str
    code: str  # "" when none was issued yet
    issued_at: dt.datetime | None
    claimed: bool  # a phone is this participant now
    device_id: int | None  # that phone


@dataclass(frozen=True)
class ListedParticipant:
    """A participant as a phone may see them on the pick-your-name list: what the badge
    shows, and whether someone already joined as them. Never the code, never e-mail."""

    id: int
    name: str
    organisation: str
    taken: bool


@dataclass(frozen=True)
class Badge:
    name: str
    organisation: str
    code: str


@dataclass(frozen=True)
class CodeSheet:
    """What the "Print join codes" PDF prints: every participant with a code, by name."""

    title: str  # the workshop's
    language: str  # the workshop's: it / en
    badges: tuple[Badge, ...]
