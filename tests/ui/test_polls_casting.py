"""The polls screen: lifecycle and the three casting modes, driven like a user."""

from __future__ import annotations

import pytest
from organise_helpers import Errors, open_poll, people, shown_errors  # noqa: F401
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Method, PollState
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise import PollsView, kiosk, polls_view
from facilitator.ui.organise.ballot import BallotEditor
from facilitator.ui.organise.dialogs import PollDialog


@pytest.fixture
def org(svc: WorkshopService) -> OrganiseService:
    return OrganiseService(svc)


def make_view(qtbot: QtBot, svc: WorkshopService, poll_id: int | None = None) -> PollsView:
    v = PollsView(svc, QUndoStack())
    qtbot.addWidget(v)
    v.resize(1000, 800)
    v.show()
    qtbot.waitExposed(v)
    if poll_id is not None:
        v.select_poll(poll_id)
    return v


def type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_create_open_close_and_reopen_with_reason(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService, monkeypatch: pytest.MonkeyPatch
) -> None:
    v = make_view(qtbot, svc)
    assert v.heading.text() == "No poll selected"
    settings = PollSettings("Which?", Method.APPROVAL, (("A", None), ("B", None)))
    monkeypatch.setattr(PollDialog, "ask", classmethod(lambda cls, *a, **k: settings))
    v.btn_new.click()
    (poll,) = org.polls()
    assert v.current_poll() is not None and v.heading.text() == "Which?"
    assert v.btn_open.isVisible() and not v.cast_tabs.isVisible()
    v.btn_open.click()
    assert org.poll(poll.id).state is PollState.OPEN and v.cast_tabs.isVisible()
    v.btn_close.click()
    assert org.poll(poll.id).state is PollState.CLOSED
    assert "closed" in v.cast_hint.text()
    monkeypatch.setattr(polls_view, "ask_text", lambda *a, **k: "Late arrival")
    v.btn_reopen.click()
    assert org.poll(poll.id).state is PollState.OPEN
    assert "Late arrival" in v.info.text()
    assert [e.event for e in org.events(poll.id)] == ["opened", "closed", "reopened"]


def test_tally_entry_of_paper_dots(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = open_poll(org, Method.DOT, dots_per_voter=3, max_per_option=2, hide_results=False)
    v = make_view(qtbot, svc, pid)
    editor = v.tally_editor
    assert editor is not None and editor.tally
    assert v.cast_tabs.isTabEnabled(0)
    a, b, c = (o.id for o in org.poll(pid).options)
    assert editor.voters_spin is not None
    type_into(qtbot, editor.voters_spin, "4")
    type_into(qtbot, editor.spins[(a, 0)], "9")  # 4 voters x cap 2 = 8
    assert not v.btn_tally.isEnabled()
    assert editor.status.text() == "Too many dots on one option: 9, at most 8."
    type_into(qtbot, editor.spins[(a, 0)], "8")
    type_into(qtbot, editor.spins[(b, 0)], "3")
    assert v.btn_tally.isEnabled()
    v.btn_tally.click()
    result = org.result(pid)
    assert result.ballots == 4
    assert [(r.option_id, r.score) for r in result.rows] == [(a, 8), (b, 3), (c, 0)]
    assert v.chart.rows()[0][:3] == ("1", "Alpha", "8")
    v.undo_stack.undo()
    assert org.ballot_count(pid) == 0


def test_tally_is_not_offered_for_ranked_polls(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = open_poll(org, Method.RANKED)
    v = make_view(qtbot, svc, pid)
    assert not v.cast_tabs.isTabEnabled(0)
    assert v.cast_tabs.currentIndex() == 1


def test_per_voter_limits_enforced_as_you_type(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    anna, ben = people(svc, "Anna", "Ben")
    pid = open_poll(org, Method.DOT, dots_per_voter=5, max_per_option=3, anonymous=False)
    v = make_view(qtbot, svc, pid)
    v.cast_tabs.setCurrentIndex(1)
    editor = v.voter_editor
    assert editor is not None
    a, b, _c = (o.id for o in org.poll(pid).options)
    assert editor.status.text() == "The ballot is empty."
    type_into(qtbot, editor.spins[(a, 0)], "4")  # past the 3 an option may get: clamped
    assert editor.spins[(a, 0)].value() == 3
    assert editor.status.text() == "At most 3 here: the number was set to 3."
    assert v.btn_voter.isEnabled()  # 3 dots: a valid ballot
    type_into(qtbot, editor.spins[(a, 0)], "3")
    type_into(qtbot, editor.spins[(b, 0)], "3")
    assert editor.status.text() == "Too many dots: 6 placed, at most 5."
    assert not v.btn_voter.isEnabled()
    type_into(qtbot, editor.spins[(b, 0)], "2")
    assert editor.status.text() == "Ready. Dots left: 0"
    assert v.voter_combo.currentText() == "Anna"
    v.btn_voter.click()
    (ballot,) = org.ballots(pid)
    assert ballot.voter_name == "Anna"
    assert [v.voter_combo.itemText(i) for i in range(v.voter_combo.count())] == ["Ben"]
    assert "Anna" in v.voted_label.text()
    assert v.voter_editor is not None and v.voter_editor.ballot().total() == 0  # fresh
    v.undo_stack.undo()
    assert org.ballots(pid) == [] and org.voted(pid) == set()


def test_per_voter_ranked_duplicate_ranks_are_flagged(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    people(svc, "Anna")
    pid = open_poll(org, Method.RANKED)
    v = make_view(qtbot, svc, pid)
    editor = v.voter_editor
    assert editor is not None
    a, b, c = (o.id for o in org.poll(pid).options)
    type_into(qtbot, editor.spins[(a, 0)], "1")
    type_into(qtbot, editor.spins[(b, 0)], "1")
    assert editor.status.text() == "Two options share rank 1: each rank once."
    type_into(qtbot, editor.spins[(b, 0)], "2")
    assert editor.status.text() == "Rank every option: 2 of 3 ranked."
    type_into(qtbot, editor.spins[(c, 0)], "3")
    assert editor.is_valid()
    v.btn_voter.click()
    assert org.result(pid).row(a).score == 3


def test_score_editor_rejects_nothing_outside_the_scale(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = open_poll(org, Method.SCORE, labels=("A", "B"))
    editor = BallotEditor(org.poll(pid))
    qtbot.addWidget(editor)
    spin = editor.spins[(org.poll(pid).options[0].id, 0)]
    assert (spin.minimum(), spin.maximum()) == (0, 5)  # 0 shows "–" (not scored)
    assert spin.text() == "–"
    editor.set_values({k: 4 for k in editor.spins})
    assert editor.is_valid() and editor.ballot().total() == 4 * 6


def test_kiosk_one_voter_at_a_time(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = open_poll(org, Method.APPROVAL)
    v = make_view(qtbot, svc, pid)
    v.cast_tabs.setCurrentIndex(2)
    k = v.start_kiosk()
    assert k is not None
    qtbot.addWidget(k)
    qtbot.waitExposed(k)
    assert k.isFullScreen()
    a, b, _c = (o.id for o in org.poll(pid).options)
    assert not k.cast_button.isEnabled()
    assert k.editor is not None
    k.editor.checks[a].click()
    k.editor.checks[b].click()
    assert k.cast_button.isEnabled()
    qtbot.mouseClick(k.cast_button, Qt.MouseButton.LeftButton)
    assert org.ballot_count(pid) == 1
    # the thank-you page: the ballot is gone from the screen
    assert k.pages.currentWidget() is k.thanks_page
    assert k.editor is None and k.ballot_scroll.widget() is None
    visible = [w.text() for w in k.findChildren(QLabel) if w.isVisible()]
    assert not any("Alpha" in t for t in visible)
    qtbot.mouseClick(k.next_button, Qt.MouseButton.LeftButton)
    assert k.pages.currentWidget() is k.ballot_page
    assert k.editor is not None
    assert not any(box.isChecked() for box in k.editor.checks.values())  # empty again
    k.editor.checks[a].click()
    k.cast()
    assert org.ballot_count(pid) == 2
    assert k.cast_count == 2
    # leaving needs the facilitator's confirmation
    answers = iter([False, True])
    monkeypatch.setattr(kiosk, "confirm_leave", lambda parent: next(answers))
    qtbot.keyClick(k, Qt.Key.Key_Escape)
    assert k.isVisible()
    with qtbot.waitSignal(k.left):
        k.close()
    assert not k.isVisible()
    assert v.kiosk is None
    assert org.result(pid).row(a).score == 2


def test_kiosk_refuses_after_the_poll_closed(
    qtbot: QtBot,
    svc: WorkshopService,
    org: OrganiseService,
    shown_errors: Errors,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pid = open_poll(org, Method.APPROVAL)
    v = make_view(qtbot, svc, pid)
    k = v.start_kiosk()
    assert k is not None
    qtbot.addWidget(k)
    org.close_poll(pid)
    assert k.editor is not None
    k.editor.checks[org.poll(pid).options[0].id].click()
    k.cast()
    assert org.ballot_count(pid) == 0
    assert k.pages.currentWidget() is k.ballot_page
    assert "closed" in str(shown_errors.shown[0])
    monkeypatch.setattr(kiosk, "confirm_leave", lambda parent: True)
    k.close()


def test_no_kiosk_for_a_draft_poll(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = org.create_poll(PollSettings("Q", Method.DOT, (("A", None), ("B", None))))
    v = make_view(qtbot, svc, pid)
    assert v.start_kiosk() is None
    assert not v.cast_tabs.isVisible()
