"""Operations submitted from another thread while the window is open (as the room server
will): they run on the GUI thread that owns the file, every screen hears of them, and
the local undo stack holds only the user's own changes."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from facilitator.domain import model as m
from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import LOCAL, DocumentClosed, WorkshopDocument
from facilitator.ui.main_window import MainWindow
from facilitator.ui.organise import ActionsView, PollsView
from facilitator.ui.organise.labels import status_label
from facilitator.ui.organise.models import ActionsModel
from facilitator.ui.settings import Settings


class Probe(ops.AddNote):
    """An AddNote that records which thread did the writing."""

    threads: list[str] = []

    def do(self, svc: WorkshopService) -> Changes:
        Probe.threads.append(threading.current_thread().name)
        return super().do(svc)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: None)
    path = tmp_path / "w.workshop"
    build_workshop(path)
    with WorkshopService.open(path) as svc:
        org = OrganiseService(svc)
        poll = org.create_poll(
            PollSettings("Priorità", Method.DOT, (("Uno", None), ("Due", None)), hide_results=False)
        )
        org.open_poll(poll)
    w = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    yield w
    w.close()


def _in_worker(jobs: list[ops.Operation], doc: WorkshopDocument) -> tuple[threading.Thread, list]:
    """Submit ``jobs`` one by one from a worker thread, waiting for each result there."""
    results: list[object] = []

    def work() -> None:
        for op in jobs:
            future: Future[Changes] = doc.submit(op)
            try:
                results.append(future.result(timeout=20))
            except Exception as exc:  # the error comes back to the submitter
                results.append(exc)

    thread = threading.Thread(target=work, name="room-server")
    thread.start()
    return thread, results


def test_worker_thread_operations_update_the_screens_and_not_the_undo_stack(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    live = window.live
    item = live.current_item_id()
    assert item is not None
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    window.tabs.setCurrentWidget(polls)
    poll = polls.org.polls()[0]
    polls.select_poll(poll.id)
    options = [o.id for o in poll.options]
    assert polls.chart.result is not None and polls.chart.result.ballots == 0

    # The user's own note first: the one thing Ctrl+Z may undo.
    rows_before = live.notes_model.rowCount()
    assert doc.run(ops.AddNote("nota mia", agenda_item_id=item))
    assert doc.undo_stack.count() == 1
    seen: list[Changes] = []
    doc.changed.connect(seen.append)

    Probe.threads.clear()
    jobs: list[ops.Operation] = [
        Probe("dal telefono 1", agenda_item_id=item),
        ops.CastBallot(poll.id, Ballot.dots({options[0]: 3, options[1]: 2}), CastMode.KIOSK),
        Probe("dal telefono 2", agenda_item_id=item),
        ops.AddNote("   "),  # refused: the error goes back to the worker
        ops.CastBallot(poll.id, Ballot.dots({options[1]: 5}), CastMode.KIOSK),
    ]
    thread, results = _in_worker(jobs, doc)
    qtbot.waitUntil(lambda: len(results) == len(jobs), timeout=20_000)
    thread.join(timeout=5)

    # Written on the GUI thread, never on the worker's.
    assert Probe.threads == [threading.main_thread().name] * 2
    assert isinstance(results[3], ValidationError)
    assert isinstance(results[0], Changes) and results[0].ids(Kind.NOTE)
    assert len(seen) == 4  # one announcement per operation that happened

    # The screens follow: Live shows both notes, the poll's chart counts both ballots.
    assert live.notes_model.rowCount() == rows_before + 3
    texts = {live.notes_model.note(r).text for r in range(live.notes_model.rowCount())}  # type: ignore[union-attr]
    assert {"dal telefono 1", "dal telefono 2", "nota mia"} <= texts
    qtbot.waitUntil(lambda: polls.chart.result is not None and polls.chart.result.ballots == 2)

    # Remote changes are not on the local stack: Ctrl+Z undoes the user's own note only.
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    texts = {live.notes_model.note(r).text for r in range(live.notes_model.rowCount())}  # type: ignore[union-attr]
    assert "nota mia" not in texts
    assert {"dal telefono 1", "dal telefono 2"} <= texts
    assert OrganiseService(doc.service).ballot_count(poll.id) == 2
    assert not doc.undo_stack.canUndo()


def test_a_submitted_local_operation_is_undoable_and_a_closed_workshop_refuses(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    item = window.live.current_item_id()
    done = doc.submit(ops.AddNote("dal mio telefono", agenda_item_id=item), origin=LOCAL)
    assert done.result(timeout=5).added_ids(Kind.NOTE)  # on the owning thread: at once
    assert doc.undo_stack.count() == 1

    window.close_document()
    thread, results = _in_worker([ops.AddNote("troppo tardi")], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert isinstance(results[0], DocumentClosed)


def test_a_ballot_redraws_the_poll_and_the_projector_but_not_the_themes_tree(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.doc
    assert doc is not None
    themes = window.doc_view("OrganiseView")
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView) and themes is not None
    window.tabs.setCurrentWidget(themes)
    qtbot.waitExposed(themes)
    reloads: list[str] = []
    monkeypatch.setattr(themes, "reload", lambda: reloads.append("themes"))
    monkeypatch.setattr(polls.model, "reload", lambda: reloads.append("poll list"))
    poll = polls.org.polls()[0]
    window.present_poll(poll.id)
    assert window.presenter is not None
    shown = window.presenter.results
    assert window.presenter.mode.value == "results"
    assert shown.result is not None and shown.result.ballots == 0

    option = poll.options[0].id
    thread, results = _in_worker(
        [ops.CastBallot(poll.id, Ballot.dots({option: 2}), CastMode.KIOSK)], doc
    )
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert isinstance(results[0], Changes)
    assert shown.result.ballots == 1  # the projector follows the room
    assert reloads == []  # neither the Themes tree nor the list of polls was rebuilt

    assert doc.run(ops.CreateTheme("Reti", doc.service.note_ids()[:1]))
    assert reloads == ["themes"]  # a theme is what the Themes screen shows


def test_a_burst_of_ballots_ends_with_the_projector_showing_them_all(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a burst the projector tallies again at most every 0.2 s, but the last ballot
    of the burst is always shown (the deferred tally runs)."""
    doc = window.doc
    assert doc is not None
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    poll = polls.org.polls()[0]
    window.present_poll(poll.id)
    assert window.presenter is not None
    shown = window.presenter.results
    option = poll.options[0].id
    jobs = [ops.CastBallot(poll.id, Ballot.dots({option: 1}), CastMode.KIOSK) for _ in range(25)]
    thread, results = _in_worker(jobs, doc)
    qtbot.waitUntil(lambda: len(results) == 25, timeout=20_000)
    thread.join(timeout=5)
    assert all(isinstance(r, Changes) for r in results)
    qtbot.waitUntil(lambda: shown.result is not None and shown.result.ballots == 25, timeout=5000)


def test_the_kiosk_says_so_when_its_poll_is_closed_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    window.tabs.setCurrentWidget(polls)
    poll = polls.org.polls()[0]
    polls.select_poll(poll.id)
    kiosk = polls.start_kiosk()
    assert kiosk is not None
    qtbot.waitExposed(kiosk)
    thread, results = _in_worker([ops.ClosePoll(poll.id)], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    qtbot.waitUntil(lambda: kiosk.pages.currentWidget() is kiosk.thanks_page)
    assert kiosk.editor is None and kiosk.ballot_scroll.widget() is None
    assert not kiosk.next_button.isVisible()
    # In the workshop's language (this one is Italian), whatever the window's.
    assert kiosk.thanks_label.text() == "La votazione è chiusa: non si possono più esprimere voti."
    assert doc.undo_stack.count() == 0  # an event, and a remote one
    kiosk.close()  # the facilitator leaves: no question asked
    assert not kiosk.isVisible()


def test_the_projector_shows_the_current_item_as_edited_elsewhere(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    window.toggle_presenter()
    assert window.presenter is not None
    item = window.live.current_item_id()
    assert item is not None
    thread, results = _in_worker([ops.EditItem(item, title="Benvenuto in sala")], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    labels = [w.text() for w in window.presenter.findChildren(QLabel)]
    assert "Benvenuto in sala" in labels


def test_a_remote_ballot_keeps_the_paper_tally_being_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    window.tabs.setCurrentWidget(polls)
    poll = polls.org.polls()[0]
    polls.select_poll(poll.id)
    tally = polls.tally_editor
    assert tally is not None
    first = poll.options[0].id
    tally.spins[(first, 0)].setValue(4)  # typed, not yet added
    thread, results = _in_worker(
        [ops.CastBallot(poll.id, Ballot.dots({poll.options[1].id: 1}), CastMode.KIOSK)], doc
    )
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert polls.chart.result is not None and polls.chart.result.ballots == 1
    assert polls.tally_editor is tally and tally.spins[(first, 0)].value() == 4


def test_an_action_edited_elsewhere_is_one_row_redrawn(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = window.doc
    assert doc is not None
    first = ops.AddAction("Prenotare la sala")
    second = ops.AddAction("Inviare il verbale")
    assert doc.run(first) and doc.run(second)
    actions = window.doc_view("ActionsView")
    assert isinstance(actions, ActionsView)
    window.tabs.setCurrentWidget(actions)
    qtbot.waitExposed(actions)
    reloads: list[int] = []
    monkeypatch.setattr(actions.model, "reload", lambda: reloads.append(1))
    assert second.action_id is not None
    edit = ops.EditAction(
        second.action_id, "Inviare il verbale a tutti", None, None, m.ActionStatus.DONE
    )
    thread, results = _in_worker([edit], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert reloads == []
    row = actions.model.row_of(second.action_id)
    assert actions.model.action(row).text == "Inviare il verbale a tutti"
    assert actions.model.data(actions.model.index(row, ActionsModel.STATUS)) == status_label(
        m.ActionStatus.DONE
    )
    doc.submit(ops.DeleteAction(first.action_id)).result(timeout=5)  # type: ignore[arg-type]
    assert reloads == [1]


def test_an_item_started_and_stopped_elsewhere_runs_the_live_timer(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.doc
    assert doc is not None
    live = window.live
    item = live.current_item_id()
    assert item is not None and live.running_item_id is None
    at = live.clock()
    thread, results = _in_worker([ops.StartItem(item, at)], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert live.running_item_id == item and live.countdown.running
    assert live.start_button.text() == live.tr("Stop")
    thread, results = _in_worker([ops.StopItem(item, at)], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    assert live.running_item_id is None and not live.countdown.running
    assert doc.undo_stack.count() == 0


def test_open_search_results_follow_notes_taken_elsewhere(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.doc
    assert doc is not None
    dialog = window.show_search()
    assert dialog is not None
    qtbot.keyClicks(dialog.query, "zanzariera")
    dialog.run_search()
    assert dialog.model.rowCount() == 0
    item = window.live.current_item_id()
    thread, results = _in_worker([ops.AddNote("serve una zanzariera", agenda_item_id=item)], doc)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    thread.join(timeout=5)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5_000)
