"""Many ballots at once (a room of phones voting): the projector's results follow them
without re-counting every ballot once per ballot, and end with every ballot counted."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from window_helpers import open_window

from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import operations as ops
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.ui.main_window import MainWindow

BALLOTS = 60


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    path = tmp_path / "burst.workshop"
    with WorkshopService.create(path, "Tante schede") as svc:
        org = OrganiseService(svc)
        labels = (("Sportello unico", None), ("Tavolo permanente", None))
        poll = org.create_poll(PollSettings("Dove?", Method.DOT, labels, dots_per_voter=3))
        org.open_poll(poll)
    w = open_window(qtbot, tmp_path, path)
    yield w
    w.close()


def test_a_burst_of_ballots_is_counted_in_a_few_refreshes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    control = window._projector()
    poll = OrganiseService(window.doc.service).polls()[0]
    window.present_poll(poll.id)
    presenter = control.window
    assert presenter is not None
    shown: list[int] = []
    set_results = presenter.set_results

    def counting(p, result, visible):  # noqa: ANN001, ANN202
        shown.append(result.ballots if result is not None else -1)
        return set_results(p, result, visible)

    monkeypatch.setattr(presenter, "set_results", counting)
    first, second = (o.id for o in poll.options)
    done: list[object] = []

    def phones() -> None:  # the room's thread: each ballot an operation on the window's
        try:
            for n in range(BALLOTS):
                ballot = Ballot.dots({first: 1 + n % 2, second: 1})
                window.doc.submit(ops.CastBallot(poll.id, ballot, CastMode.KIOSK)).result(10)
            done.append(True)
        except Exception as exc:  # the test looks at it
            done.append(exc)

    thread = threading.Thread(target=phones, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    thread.join(timeout=5)
    assert done == [True]
    # Within a second of the last ballot, the projector counts every one of them...
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] == BALLOTS, timeout=1000)
    assert presenter.results.result is not None and presenter.results.result.ballots == BALLOTS
    # ...having re-counted far fewer times than there were ballots (each re-count reads
    # every ballot: one per ballot grows with the square of the room).
    assert len(shown) < BALLOTS / 3, shown
    # The first ballot showed at once, not after a delay.
    assert shown[0] == 1


def test_phones_joining_do_not_make_every_phone_reload(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A join changes the facilitator's list of phones, not what the other phones see:
    300 phones joining must not tell 300 phones 300 times to reload (each reload a read
    on the window's thread), nor re-count the projector's results. A question put to
    the room does tell them."""
    from facilitator.ui.live.room_window import RoomSettings

    control = window._projector()
    assert control.open_room(RoomSettings(host="127.0.0.1"))
    server = control.server
    poll = OrganiseService(window.doc.service).polls()[0]
    window.present_poll(poll.id)
    told: list[bool] = []
    monkeypatch.setattr(server, "notify_changed", lambda results=True: told.append(results))
    presenter = control.window
    recounts: list[object] = []
    set_results = presenter.set_results
    monkeypatch.setattr(
        presenter, "set_results", lambda *a: (recounts.append(a), set_results(*a))[1]
    )
    done: list[object] = []

    def phones() -> None:
        try:
            for n in range(30):
                window.doc.submit(ops.JoinRoom(f"{n:064x}", "", "it")).result(10)
            done.append(True)
        except Exception as exc:  # the test looks at it
            done.append(exc)

    thread = threading.Thread(target=phones, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    thread.join(timeout=5)
    assert done == [True]
    panel = control.room_panel()
    qtbot.waitUntil(lambda: panel.devices.count() == 30, timeout=5000)  # the list follows
    assert told == [] and recounts == []
    window.doc.submit(ops.AskRoom("Quali sfide avete incontrato?")).result(10)
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    control.close_room()
