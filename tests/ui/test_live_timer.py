"""The timebox countdown as a pure class: a fake clock, no sleeps."""

from __future__ import annotations

import datetime as dt

from facilitator.ui.live.timer import Countdown, TimerState, format_seconds

T0 = dt.datetime(2025, 11, 5, 9, 30, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_states_follow_the_remaining_fraction() -> None:
    c = Countdown(600)
    assert c.state(T0) is TimerState.IDLE
    c.start(T0)
    assert c.state(at(0)) is TimerState.NORMAL
    assert c.state(at(479)) is TimerState.NORMAL  # 121 s left > 20%
    assert c.state(at(480)) is TimerState.WARNING  # exactly 20% left
    assert c.state(at(569)) is TimerState.WARNING
    assert c.state(at(570)) is TimerState.URGENT  # 5% left
    assert c.state(at(600)) is TimerState.URGENT  # zero left: still the timebox
    assert c.state(at(601)) is TimerState.OVERTIME
    assert c.text(at(0)) == "10:00"
    assert c.text(at(599.5)) == "00:01"
    assert c.text(at(725)) == "+02:05"


def test_pause_resume_and_extend() -> None:
    c = Countdown(600)
    c.start(T0)
    c.pause(at(100))
    assert c.paused
    assert c.remaining(at(400)) == 500  # time stands still while paused
    c.resume(at(400))
    assert c.remaining(at(500)) == 400
    c.extend(300)
    assert c.remaining(at(500)) == 700
    assert c.state(at(500)) is TimerState.NORMAL
    c.toggle_pause(at(600))
    c.toggle_pause(at(660))
    assert not c.paused
    assert c.elapsed(at(700)) == 700 - 300 - 60


def test_stop_goes_back_to_idle() -> None:
    c = Countdown(60)
    c.start(T0)
    c.stop()
    assert c.state(at(1000)) is TimerState.IDLE
    assert c.remaining(at(1000)) == 60


def test_format_seconds() -> None:
    assert format_seconds(0) == "00:00"
    assert format_seconds(59.2) == "01:00"
    assert format_seconds(3725) == "1:02:05"
    assert format_seconds(-61) == "+01:01"
