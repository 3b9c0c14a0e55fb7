"""The demo workshop's content, read from ``resources/demo/torino.json`` (data, not code).

``services/demo.py`` writes the workshop from it, ``services/demo_organise.py`` its
themes, solutions and polls; neither imports the other's data.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from facilitator.paths import resource

DEMO_FILE = ("demo", "torino.json")


@functools.cache
def load() -> dict[str, Any]:
    """The parsed demo file (read once; treat it as read-only)."""
    with resource(*DEMO_FILE).open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def text(value: dict[str, str], lang: str) -> str:
    """The ``lang`` ("it" or "en") version of a bilingual ``{"it": ..., "en": ...}`` text."""
    return value[lang]


def venue_time(day: int, hhmm: str, plus_minutes: int = 0) -> dt.datetime:
    """A local time at the venue on the demo's ``day`` (from 1), in UTC."""
    w = load()["workshop"]
    start = dt.date.fromisoformat(w["start_date"])
    local = dt.datetime.combine(start + dt.timedelta(days=day - 1), dt.time.fromisoformat(hhmm))
    local += dt.timedelta(minutes=plus_minutes) - dt.timedelta(hours=w["utc_offset_hours"])
    return local.replace(tzinfo=dt.UTC)
