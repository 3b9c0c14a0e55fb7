"""The organise screens speak Italian, and a language switch never reads a closed file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from organise_helpers import open_poll
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Ballot, Method
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.i18n import apply_language
from facilitator.ui.organise import ActionsView, OrganiseView, PollsView
from facilitator.ui.organise.ballot import BallotEditor


@pytest.fixture
def italian(qapp: object) -> Iterator[None]:
    assert apply_language("it") == "it"
    yield
    apply_language("en")


def test_polls_screen_in_italian(qtbot: QtBot, svc: WorkshopService, italian: None) -> None:
    org = OrganiseService(svc)
    pid = open_poll(org, Method.DOT, dots_per_voter=2)
    v = PollsView(svc, QUndoStack())
    qtbot.addWidget(v)
    v.show()
    v.select_poll(pid)
    assert v.btn_close.text() == "Chiudi la votazione"
    assert v.cast_tabs.tabText(2) == "Chiosco riservato"
    editor = BallotEditor(org.poll(pid))
    qtbot.addWidget(editor)
    first, second = (o.id for o in org.poll(pid).options[:2])
    editor.set_values({(first, 0): 2, (second, 0): 1})
    assert editor.status.text() == "Troppi punti: 3 assegnati, al massimo 2."
    org.cast_ballot(pid, Ballot.dots({org.poll(pid).options[0].id: 2}))
    org.close_poll(pid)
    v.reload()
    assert v.chart.ballots_text() == "Schede: 1"


def test_switching_language_with_screens_alive_switches_their_labels(
    qtbot: QtBot, svc: WorkshopService
) -> None:
    views = [
        OrganiseView(svc, QUndoStack()),
        PollsView(svc, QUndoStack()),
        ActionsView(svc, QUndoStack()),
    ]
    for v in views:
        qtbot.addWidget(v)
        v.show()
    try:
        apply_language("it")
        qtbot.waitUntil(lambda: views[2].btn_new.text() == "Nuova azione…")
        assert views[1].btn_new.text() == "Nuova votazione…"
        assert (
            views[0]
            .notes_model.data(views[0].notes_model.index(0, 0))
            .startswith("Note non raggruppate")
        )
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: views[2].btn_new.text() == "New action…")


def test_language_switch_after_the_file_closed_reads_nothing(
    qtbot: QtBot, svc: WorkshopService
) -> None:
    views = [
        OrganiseView(svc, QUndoStack()),
        PollsView(svc, QUndoStack()),
        ActionsView(svc, QUndoStack()),
    ]
    for v in views:
        qtbot.addWidget(v)
        v.show()
        v.hide()
    svc.close()
    try:
        apply_language("it")  # must not raise "Cannot operate on a closed database"
        qtbot.waitUntil(lambda: views[2].btn_new.text() == "Nuova azione…")
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: views[2].btn_new.text() == "New action…")
