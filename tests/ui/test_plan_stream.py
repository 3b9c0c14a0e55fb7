"""The Plan screens follow the change stream, whoever made the change, and only as far
as it touches what they show."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_helpers import plan_view
from pytestqt.qtbot import QtBot

from facilitator.domain import model as m
from facilitator.services import operations as ops
from facilitator.services.workshop import WorkshopService
from facilitator.ui.plan import PlanView


@pytest.fixture
def view(qtbot: QtBot, svc: WorkshopService, shown_errors: object) -> PlanView:
    svc.add_participant("Giulia Ferraris", "Città di Torino", m.Role.FACILITATOR)
    svc.add_participant("Marco Rossi", "Città di Torino", m.Role.SPEAKER)
    d1, d2, _d3 = (d.id for d in svc.days())
    svc.add_item(d1, "Benvenuto", planned_start=dt.time(9, 0))
    svc.add_item(d2, "Visita", planned_start=dt.time(9, 0))
    return plan_view(qtbot, svc)


def test_an_edit_on_another_day_does_not_reload_this_days_agenda(
    view: PlanView, svc: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = view.agenda
    d1, d2, _d3 = (d.id for d in svc.days())
    assert editor.day_id() == d1
    reloads: list[int] = []
    real = editor.reload
    monkeypatch.setattr(editor, "reload", lambda: (reloads.append(1), real()))
    other = svc.items(d2)[0].id
    assert view.doc.submit(ops.EditItem(other, title="Visita al quartiere")).result(timeout=5)
    assert reloads == []
    mine = svc.items(d1)[0].id
    view.doc.submit(ops.EditItem(mine, title="Benvenuto a tutti")).result(timeout=5)
    assert reloads == [1]
    assert editor.model.item_at(0).title == "Benvenuto a tutti"


def test_an_edited_participant_is_one_row_redrawn(
    view: PlanView, svc: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = view.participants
    reloads: list[int] = []
    monkeypatch.setattr(editor, "reload", lambda: reloads.append(1))
    marco = next(p for p in svc.participants() if p.name == "Marco Rossi")
    edit = ops.EditParticipant(
        marco.id, "Marco Rossi", "Città di Torino", m.Role.PARTICIPANT, "m@x.it"
    )
    view.doc.submit(edit).result(timeout=5)
    assert reloads == []
    row = editor.model.row_of(marco.id)
    assert editor.model.participant_at(row).email == "m@x.it"
    # A new organisation changes the organisation list too: that reloads.
    move = ops.EditParticipant(marco.id, "Marco Rossi", "Regione Piemonte", m.Role.PARTICIPANT, "")
    view.doc.submit(move).result(timeout=5)
    assert reloads == [1]
