"""The timebox countdown as a pure class: every method takes "now", so tests need no sleeps.

The Qt side (a QTimer ticking once a second) only asks :meth:`Countdown.remaining` and
:meth:`Countdown.state` for the current time and paints the answer.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.domain.model import AgendaItem

WARNING_FRACTION = 0.20
URGENT_FRACTION = 0.05


class TimerState(StrEnum):
    IDLE = "idle"  # not started
    NORMAL = "normal"
    WARNING = "warning"  # 20% of the timebox left
    URGENT = "urgent"  # 5% left
    OVERTIME = "overtime"  # past the timebox, counting up


# The only hard-coded colours of the UI besides category chips: the traffic light of time.
STATE_COLOURS: dict[TimerState, str] = {
    TimerState.IDLE: "",
    TimerState.NORMAL: "#2e7d32",
    TimerState.WARNING: "#ef8f00",
    TimerState.URGENT: "#d32f2f",
    TimerState.OVERTIME: "#b71c1c",
}


class Countdown:
    """A timebox of ``duration`` seconds that can be started, paused, resumed and extended."""

    def __init__(self, duration_s: float = 0.0) -> None:
        self.duration_s = float(duration_s)
        self._started_at: dt.datetime | None = None
        self._paused_at: dt.datetime | None = None
        self._paused_total = 0.0

    @classmethod
    def of_item(cls, item: AgendaItem) -> Countdown:
        """The timer of an item as the file has it: its start, its planned duration plus
        the minutes added, its pauses. Idle when the item is not running."""
        c = cls((item.duration_min + item.extra_min) * 60)
        if item.actual_start is not None and item.actual_end is None:
            c._started_at = item.actual_start
            c._paused_total = float(item.paused_seconds)
            c._paused_at = item.paused_at
        return c

    # --- control -------------------------------------------------------------------
    def start(self, now: dt.datetime, duration_s: float | None = None) -> None:
        if duration_s is not None:
            self.duration_s = float(duration_s)
        self._started_at = now
        self._paused_at = None
        self._paused_total = 0.0

    def stop(self) -> None:
        self._started_at = None
        self._paused_at = None
        self._paused_total = 0.0

    def pause(self, now: dt.datetime) -> None:
        if self.running and self._paused_at is None:
            self._paused_at = now

    def resume(self, now: dt.datetime) -> None:
        if self._paused_at is not None:
            self._paused_total += max(0.0, (now - self._paused_at).total_seconds())
            self._paused_at = None

    def toggle_pause(self, now: dt.datetime) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def extend(self, seconds: float) -> None:
        self.duration_s = max(0.0, self.duration_s + seconds)

    # --- reading -------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def elapsed(self, now: dt.datetime) -> float:
        if self._started_at is None:
            return 0.0
        until = self._paused_at or now
        return max(0.0, (until - self._started_at).total_seconds() - self._paused_total)

    def remaining(self, now: dt.datetime) -> float:
        """Seconds left; negative when in overtime. The whole timebox when not started."""
        return self.duration_s - self.elapsed(now)

    def state(self, now: dt.datetime) -> TimerState:
        if self._started_at is None:
            return TimerState.IDLE
        left = self.remaining(now)
        if left < 0:
            return TimerState.OVERTIME
        if self.duration_s <= 0:
            return TimerState.OVERTIME
        fraction = left / self.duration_s
        if fraction <= URGENT_FRACTION:
            return TimerState.URGENT
        if fraction <= WARNING_FRACTION:
            return TimerState.WARNING
        return TimerState.NORMAL

    def text(self, now: dt.datetime) -> str:
        return format_seconds(self.remaining(now))


def format_seconds(seconds: float) -> str:
    """``12:05`` for time left, ``+03:10`` for overtime, ``1:02:03`` past an hour."""
    overtime = seconds < 0
    total = int(abs(seconds)) if overtime else int(-(-seconds // 1))  # ceil while counting down
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return ("+" if overtime else "") + body
