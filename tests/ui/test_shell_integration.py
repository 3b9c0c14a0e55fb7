"""The whole window on the demo workshop: every screen plugged in, poll results on the
projector, export and snapshots wired to the File menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from facilitator.services import snapshots
from facilitator.services.organise import OrganiseService
from facilitator.ui.main_window import MainWindow
from facilitator.ui.organise import ActionsView, OrganiseView, PollsView
from facilitator.ui.plan.view import PlanView
from facilitator.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path, monkeypatch) -> Iterator[MainWindow]:  # noqa: ANN001
    shown: list[Exception] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    settings = Settings(tmp_path / "settings.ini")
    settings.set_note_taker("Chiara")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(demo_path)
    yield w
    w.close()
    assert shown == []


def _tabs(w: MainWindow) -> list[QWidget]:
    return [w.tabs.widget(i) for i in range(w.tabs.count())]


def test_every_screen_is_a_tab_built_when_first_shown(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Live", "Plan", "Themes and solutions", "Polls", "Actions", "Map"]
    # Opening the file built only the Live view; each screen is built on first show.
    assert all(type(t) is QWidget for t in _tabs(window)[1:])
    window.tabs.setCurrentIndex(3)
    polls = window.tabs.currentWidget()
    assert isinstance(polls, PollsView) and polls.isVisible()
    assert polls.model.rowCount() == 4
    for kind, cls in (
        ("PlanView", PlanView),
        ("OrganiseView", OrganiseView),
        ("ActionsView", ActionsView),
    ):
        assert isinstance(window.doc_view(kind), cls)
    kinds = [type(t) for t in _tabs(window)]
    assert kinds[:5] == [type(window.live), PlanView, OrganiseView, PollsView, ActionsView]
    assert type(_tabs(window)[5]) is QWidget  # the map: not built until shown
    assert window.tabs.currentWidget() is polls
    window.close_document()
    assert _tabs(window) == [window.live]
    assert window.menu_actions.export_minutes.isEnabled() is False


def test_poll_results_go_to_the_presenter_window(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    org = OrganiseService(window.doc.service)
    poll = org.polls()[0]
    polls.present_requested.emit(poll.id)
    assert window.presenter is not None
    results = window.presenter.results
    assert results.poll is not None and results.poll.id == poll.id
    assert results.isVisible() and window.presenter.mode.value == "results"
    assert not window.presenter.item_label.isVisible()
    assert not window.presenter.timer_label.isVisible()
    window.presenter.close()
    qtbot.waitUntil(lambda: window.presenter is None)


def test_export_minutes_opens_on_the_current_day(window: MainWindow) -> None:
    window.live.next_day()
    dialog = window.export_minutes()
    assert dialog is not None
    assert dialog.isVisible()
    assert window.live.day_id == window.doc.service.days()[1].id
    dialog.close()


def test_a_captured_note_takes_the_first_snapshot(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    path = window.doc.service.path
    assert snapshots.list_snapshots(path) == []
    qtbot.keyClicks(window.live.capture, "prima nota del giorno")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    listed = snapshots.list_snapshots(path)
    assert len(listed) == 1 and listed[0].reason == snapshots.REASON_AUTO
    # the next note within the interval takes none
    qtbot.keyClicks(window.live.capture, "seconda nota")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    assert len(snapshots.list_snapshots(path)) == 1


def test_exported_minutes_take_a_day_end_snapshot(window: MainWindow) -> None:
    window._minutes_exported("/tmp/x.pdf", 3)
    reasons = [s.reason for s in snapshots.list_snapshots(window.doc.service.path)]
    assert reasons == [snapshots.REASON_DAY_END]


def test_closing_the_workshop_closes_the_voting_kiosk(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from organise_helpers import open_poll

    from facilitator.domain.voting import Method

    org = OrganiseService(window.doc.service)
    poll_id = open_poll(org, Method.DOT, dots_per_voter=2)
    polls = window.doc_view("PollsView")
    assert isinstance(polls, PollsView)
    polls.reload()
    polls.select_poll(poll_id)
    kiosk = polls.start_kiosk()
    assert kiosk is not None and kiosk.isVisible()
    window.close_document()
    assert not kiosk.isVisible()
    assert polls.kiosk is None


def test_plan_screens_follow_a_language_switch(window: MainWindow) -> None:
    from facilitator.ui import i18n

    window.tabs.setCurrentIndex(1)
    plan = window.tabs.currentWidget()
    assert isinstance(plan, PlanView) and plan.tabs.tabText(1) == "Agenda"
    try:
        i18n.apply_language("it")
        window.retranslate_all()
        rebuilt = window.tabs.currentWidget()
        assert isinstance(rebuilt, PlanView) and rebuilt is not plan
        assert rebuilt.tabs.tabText(0) != "Workshop and days"
        assert window.tabs.tabText(1) == "Pianificazione"
    finally:
        i18n.apply_language("en")
        window.retranslate_all()


def test_built_screens_take_a_new_language_and_pending_ones_stay_pending(
    window: MainWindow,
) -> None:
    from facilitator.ui import i18n

    themes = window.doc_view("OrganiseView")
    assert isinstance(themes, OrganiseView) and themes.views.tabText(0) == "List"
    try:
        i18n.apply_language("it")
        window.retranslate_all()
        assert themes.views.tabText(0) == "Elenco"
        pending = [v for v in window.doc_views if v.property("pending_view")]
        assert {v.objectName() for v in pending} >= {"PollsView", "ActionsView"}
    finally:
        i18n.apply_language("en")
        window.retranslate_all()
    assert themes.views.tabText(0) == "List"
