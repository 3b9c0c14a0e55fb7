"""Agenda times: where consecutive items overlap or leave a gap, so that nothing
overlaps silently (the Plan editor shows these, an import lists them). Pure rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain.model import AgendaItem


class Timing(StrEnum):
    OVERLAP = "overlap"  # starts before the item before it ends
    GAP = "gap"  # starts some minutes after the item before it ends


@dataclass(frozen=True)
class TimeIssue:
    item_id: int
    timing: Timing
    minutes: int
    other_id: int  # the item before it
    other_title: str


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def minutes_between(end: dt.time, start: dt.time) -> int:
    """Minutes from ``end`` to ``start`` (negative: ``start`` is earlier)."""
    return _minutes(start) - _minutes(end)


def overlap_minutes(a_start: dt.time, a_minutes: int, b_start: dt.time, b_minutes: int) -> int:
    """How many minutes two time slots share (0 if none)."""
    a0, b0 = _minutes(a_start), _minutes(b_start)
    return max(0, min(a0 + a_minutes, b0 + b_minutes) - max(a0, b0))


def time_issues(items: Sequence[AgendaItem]) -> dict[int, TimeIssue]:
    """For each item (in the day's order) that overlaps the item before it, or leaves a
    gap after it: the issue, by item id. Items without a planned start are skipped."""
    out: dict[int, TimeIssue] = {}
    previous: AgendaItem | None = None
    for item in items:
        if item.planned_start is None:
            continue
        if previous is not None and previous.planned_end is not None:
            delta = minutes_between(previous.planned_end, item.planned_start)
            if delta < 0:
                out[item.id] = TimeIssue(
                    item.id, Timing.OVERLAP, -delta, previous.id, previous.title
                )
            elif delta > 0:
                out[item.id] = TimeIssue(item.id, Timing.GAP, delta, previous.id, previous.title)
        if previous is None or (
            previous.planned_end is not None
            and item.planned_end is not None
            and minutes_between(previous.planned_end, item.planned_end) >= 0
        ):
            previous = item
    return out


def position_for(items: Sequence[AgendaItem], start: dt.time) -> int | None:
    """Where an item starting at ``start`` goes so that the order follows time: the
    position of the first item that starts later (None: at the end)."""
    for item in items:
        if item.planned_start is not None and _minutes(item.planned_start) > _minutes(start):
            return item.position
    return None
