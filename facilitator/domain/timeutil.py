"""Times: stored as UTC ISO-8601 strings, shown in local time."""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def to_iso(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime: store aware UTC times only")
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def from_iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def date_from_iso(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def time_from_text(text: str | None) -> dt.time | None:
    if not text:
        return None
    return dt.time.fromisoformat(text)


def time_to_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def add_minutes(value: dt.time, minutes: int) -> dt.time:
    start = dt.datetime.combine(dt.date(2000, 1, 1), value)
    return (start + dt.timedelta(minutes=minutes)).time()
