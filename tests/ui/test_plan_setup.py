"""Categories editor (templates, colour, shortcut, order) and workshop details/days."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_helpers import plan_view
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.services.workshop import WorkshopService
from facilitator.ui.plan import PlanView, categories


@pytest.fixture
def view(qtbot, svc: WorkshopService, shown_errors) -> PlanView:  # type: ignore[no-untyped-def]
    return plan_view(qtbot, svc)


def _names(svc: WorkshopService) -> list[str]:
    return [c.name for c in svc.categories()]


def test_categories_model(qtmodeltester, view: PlanView) -> None:
    model = view.categories.model
    assert model.rowCount() == 9
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) == "Ctrl+1"
    qtmodeltester.check(model)


def test_apply_template_and_undo(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.categories
    editor.template_combo.setCurrentIndex(editor.template_combo.findData("retrospective"))
    editor.template_button.click()
    assert "Cosa è andato bene" in _names(svc)
    assert editor.model.rowCount() == 13
    view.undo_stack.undo()
    assert len(_names(svc)) == 9
    view.undo_stack.redo()
    assert len(_names(svc)) == 13


def test_rename_shortcut_clash_and_colour(view: PlanView, svc, shown_errors, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    editor = view.categories
    model = editor.model
    assert model.setData(model.index(0, 0), "Collaborazioni tra attori")
    assert _names(svc)[0] == "Collaborazioni tra attori"
    model.setData(model.index(0, 2), "s")  # already used by "Sfide"
    assert len(shown_errors) == 1 and "shortcut" in str(shown_errors[0])
    assert svc.categories()[0].shortcut == "c"
    editor.select(svc.categories()[0].id)
    monkeypatch.setattr(categories, "ask_colour", lambda parent, current: "#123456")
    editor.colour_button.click()
    assert svc.categories()[0].colour == "#123456"
    view.undo_stack.undo()
    view.undo_stack.undo()
    first = svc.categories()[0]
    assert (first.name, first.colour) == ("Collaborazioni", "#1f77b4")


def test_add_reorder_delete_categories(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.categories
    view.tabs.setCurrentWidget(editor)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    editor.add_button.click()
    assert _names(svc)[-1] == "New category"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    editor.select(svc.categories()[0].id)
    editor.table.setFocus()
    qtbot.keyClick(
        editor.table,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _names(svc)[:2] == ["Ruoli e contributi", "Collaborazioni"]
    editor.delete_button.click()
    assert "Collaborazioni" not in _names(svc)
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert _names(svc)[:2] == ["Collaborazioni", "Ruoli e contributi"]


def test_workshop_details_and_days(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    details = view.details
    view.tabs.setCurrentWidget(details)
    details.place_edit.selectAll()
    qtbot.keyClicks(details.place_edit, "Torino, Lingotto")
    qtbot.keyClick(details.place_edit, Qt.Key.Key_Return)
    assert svc.workshop().place == "Torino, Lingotto"
    details.title_edit.clear()
    details.title_edit.editingFinished.emit()
    assert svc.workshop().title == "Incontro-studio Torino"  # empty title refused
    assert details.title_edit.text() == "Incontro-studio Torino"
    assert details.days_list.count() == 3
    details.add_day_button.click()
    assert [d.date for d in svc.days()][-1] == dt.date(2025, 11, 8)
    assert details.days_list.count() == 4
    assert view.agenda.day_combo.count() == 4  # the agenda hears about the new day
    details.days_list.setCurrentRow(0)
    qtbot.keyClicks(details.day_title_edit, "Arrivals")
    qtbot.keyClick(details.day_title_edit, Qt.Key.Key_Return)
    assert svc.days()[0].title == "Arrivals"
    assert "Arrivals" in view.agenda.day_combo.itemText(0)
    for _ in range(3):
        view.undo_stack.undo()
    assert svc.workshop().place == "Torino"
    assert len(svc.days()) == 3 and svc.days()[0].title == ""


def test_reload_is_callable(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    svc.add_participant("Outside Change")
    view.reload()
    assert view.participants.model.rowCount() == 1


def test_plan_strings_have_italian_translations() -> None:
    """Checked on the compiled .qm without installing it (installing a translator sends
    LanguageChange to every widget of every other test still alive)."""
    from PySide6.QtCore import QTranslator

    from facilitator.paths import resource

    tr = QTranslator()
    assert tr.load(str(resource("translations", "facilitator_it.qm")))
    assert tr.translate("PlanView", "Agenda") == "Programma"
    assert tr.translate("AttendanceView", "Present %1 of %2") == "Presenti %1 su %2"
    assert tr.translate("plan", "Site visit") == "Visita"
    assert (
        tr.translate("plan", "“%1” is not a time (like 09:30)")
        == "«%1» non è un orario (come 09:30)"
    )
    assert tr.translate("ImportDialog", "Rejected (%1)") == "Scartate (%1)"
    assert tr.translate("AgendaModel", "Start") == "Inizio"
