"""Validation rules shared by services and importers. Raise ValidationError."""

from __future__ import annotations

import datetime as dt
import re

from facilitator.domain.errors import ValidationError

MAX_TEXT = 1_000_000  # characters in one note
MAX_LINE = 500  # characters in a title or a name
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Control characters other than tab/newline, and lone surrogates, cannot be stored as
# text faithfully (SQLite needs valid UTF-8): they are refused before anything is written.
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean_text(value: str, field: str, *, required: bool = True, max_len: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} must be text", rule="not_text")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = BAD_CHARS.search(text)
    if bad:
        raise ValidationError(
            field,
            f"{field} contains a character that cannot be stored (U+{ord(bad.group()):04X})",
            char=f"U+{ord(bad.group()):04X}",
            rule="bad_char",
        )
    if required and not text.strip():
        raise ValidationError(field, f"{field} must not be empty", rule="empty")
    if len(text) > max_len:
        raise ValidationError(
            field,
            f"{field} is too long ({len(text)} characters, at most {max_len})",
            max=max_len,
            rule="too_long",
        )
    return text


def clean_line(value: str, field: str, *, required: bool = True) -> str:
    text = clean_text(value, field, required=required, max_len=MAX_LINE)
    return " ".join(text.split())


def check_colour(value: str) -> str:
    if not _COLOUR.match(value or ""):
        raise ValidationError(
            "colour", f"colour must look like #rrggbb, not {value!r}", rule="colour", value=value
        )
    return value.lower()


def check_shortcut(value: str) -> str:
    value = (value or "").strip().lower()
    if value and (len(value) != 1 or not value.isalpha()):
        raise ValidationError(
            "shortcut", f"a shortcut is one letter, not {value!r}", rule="shortcut", value=value
        )
    return value


def check_email(value: str) -> str:
    value = (value or "").strip()
    if value and not _EMAIL.match(value):
        raise ValidationError(
            "email", f"{value!r} is not an e-mail address", rule="email", value=value
        )
    return value


def check_duration(minutes: int) -> int:
    # bool is an int in Python: True would pass as one minute. Booleans are not minutes.
    if (
        isinstance(minutes, bool)
        or not isinstance(minutes, int)
        or minutes < 0
        or minutes > 24 * 60
    ):
        raise ValidationError(
            "duration", f"duration must be 0 to 1440 minutes, not {minutes!r}", rule="duration"
        )
    return minutes


def check_ends_by_midnight(start: dt.time | None, minutes: int, title: str = "") -> None:
    """An agenda item ends on its own day: one that would run past midnight is refused
    (its end would otherwise read as an early hour of the same day)."""
    if start is None:
        return
    end = start.hour * 60 + start.minute + minutes
    if end > 24 * 60:
        over = end - 24 * 60
        at = f"{over // 60:02d}:{over % 60:02d}"
        name = f"“{title}” " if title else "the item "
        raise ValidationError(
            "duration",
            f"{name}would end at {at} the next day: an item must end by midnight; "
            "shorten it, start it earlier or put it on the next day",
            rule="past_midnight",
            value=at,
        )


def check_dates(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValidationError(
            "end_date", f"the end date {end} is before the start date {start}", rule="dates"
        )


def check_times(start: dt.datetime | None, end: dt.datetime | None) -> None:
    if start and end and end < start:
        raise ValidationError("actual_end", "the end time is before the start time", rule="times")


def check_zone(value: str) -> str:
    """An IANA time zone name ("Europe/Rome"), as the venue's zone of a workshop."""
    from facilitator.domain.timeutil import valid_zone

    if not isinstance(value, str) or not valid_zone(value.strip()):
        raise ValidationError(
            "time_zone",
            f"{value!r} is not a time zone name (write it as Europe/Rome, Europe/Lisbon…)",
            rule="bad_zone",
        )
    return value.strip()


def check_choice(value: str, field: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValidationError(
            field, f"{field} must be one of {', '.join(choices)}, not {value!r}", rule="choice"
        )
    return value
