"""The agenda editor: add, reorder by keys and by drag, durations move later items, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_helpers import plan_view
from PySide6.QtCore import QModelIndex, Qt

from facilitator.domain import model as m
from facilitator.services.workshop import WorkshopService
from facilitator.ui.plan import PlanView
from facilitator.ui.plan.models import AgendaModel


@pytest.fixture
def view(qtbot, svc: WorkshopService, shown_errors) -> PlanView:  # type: ignore[no-untyped-def]
    day = svc.days()[0].id
    anna = svc.add_participant("Anna Verdi", "Comune di Bari", m.Role.SPEAKER)
    svc.add_item(day, "Welcome", kind=m.ItemKind.PLENARY, planned_start=dt.time(9), duration_min=30)
    svc.add_item(day, "Talk", duration_min=45, speaker_ids=[anna])
    svc.add_item(day, "Coffee", kind=m.ItemKind.BREAK, duration_min=15)
    svc.add_item(day, "Debate", kind=m.ItemKind.DISCUSSION, duration_min=60)
    v = plan_view(qtbot, svc, show=False)
    v.tabs.setCurrentWidget(v.agenda)
    v.show()
    return v


def _titles(svc: WorkshopService) -> list[str]:
    return [i.title for i in svc.items(svc.days()[0].id)]


def _starts(svc: WorkshopService) -> list[str]:
    return [i.planned_start.strftime("%H:%M") for i in svc.items(svc.days()[0].id)]


def test_model_passes_the_model_tester(qtmodeltester, view: PlanView) -> None:
    assert view.agenda.model.rowCount() == 4
    qtmodeltester.check(view.agenda.model)


def test_table_shows_times_kinds_and_speakers_with_organisation(view: PlanView) -> None:
    model = view.agenda.model
    row = [model.index(1, c).data() for c in range(model.columnCount())]
    assert row[:5] == ["09:30", "10:15", 45, "Presentation", "Talk"]
    assert row[6] == "Anna Verdi (Comune di Bari)"


def test_add_item_follows_the_last_and_undo_removes_it(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    view.agenda.add_button.click()
    assert _titles(svc)[-1] == "New item"
    assert _starts(svc)[-1] == "11:30"
    assert view.agenda.model.rowCount() == 5
    assert view.agenda.title_edit.hasFocus() or view.agenda.title_edit.text() == "New item"
    view.undo_stack.undo()
    assert _titles(svc) == ["Welcome", "Talk", "Coffee", "Debate"]
    assert view.agenda.model.rowCount() == 4
    view.undo_stack.redo()
    assert view.agenda.model.rowCount() == 5


def test_reorder_with_ctrl_shift_down_and_up(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.agenda
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    editor.select(svc.items(svc.days()[0].id)[0].id)
    editor.table.setFocus()
    qtbot.keyClick(
        editor.table,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _titles(svc) == ["Talk", "Welcome", "Coffee", "Debate"]
    assert _starts(svc) == ["09:00", "09:45", "10:15", "10:30"]
    assert editor.model.item_at(editor.table.currentIndex().row()).title == "Welcome"
    qtbot.keyClick(
        editor.table,
        Qt.Key.Key_Up,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _titles(svc) == ["Welcome", "Talk", "Coffee", "Debate"]
    view.undo_stack.undo()
    assert _titles(svc) == ["Talk", "Welcome", "Coffee", "Debate"]
    view.undo_stack.undo()
    assert _titles(svc) == ["Welcome", "Talk", "Coffee", "Debate"]
    assert _starts(svc) == ["09:00", "09:30", "10:15", "10:30"]


def test_drop_moves_an_item(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    model = view.agenda.model
    data = model.mimeData([model.index(3, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert _titles(svc) == ["Debate", "Welcome", "Talk", "Coffee"]
    assert _starts(svc) == ["09:00", "10:00", "10:30", "11:15"]
    view.undo_stack.undo()
    assert _titles(svc) == ["Welcome", "Talk", "Coffee", "Debate"]


def test_duration_change_moves_later_items_and_undoes(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.agenda
    editor.select(svc.items(svc.days()[0].id)[1].id)  # Talk, 45 min
    spin = editor.duration_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin.lineEdit(), "60")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert _starts(svc) == ["09:00", "09:30", "10:30", "10:45"]
    assert editor.model.index(3, AgendaModel.START).data() == "10:45"
    view.undo_stack.undo()
    assert _starts(svc) == ["09:00", "09:30", "10:15", "10:30"]
    # inline edit in the table does the same
    model = editor.model
    assert model.setData(model.index(0, AgendaModel.DURATION), 40)
    assert _starts(svc) == ["09:00", "09:40", "10:25", "10:40"]


def test_form_edits_title_kind_location_and_speakers(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.agenda
    debate = svc.items(svc.days()[0].id)[3]
    editor.select(debate.id)
    editor.title_edit.selectAll()
    qtbot.keyClicks(editor.title_edit, "Site visit to the lab")
    qtbot.keyClick(editor.title_edit, Qt.Key.Key_Return)
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("site_visit"))
    editor.kind_combo.activated.emit(editor.kind_combo.currentIndex())
    editor.location_edit.setFocus()
    qtbot.keyClicks(editor.location_edit, "Via Roma 1")
    qtbot.keyClick(editor.location_edit, Qt.Key.Key_Return)
    editor.speakers_list.item(0).setCheckState(Qt.CheckState.Checked)
    item = svc.item(debate.id)
    assert item.title == "Site visit to the lab"
    assert item.kind is m.ItemKind.SITE_VISIT
    assert item.location == "Via Roma 1"
    assert item.speaker_names == ("Anna Verdi",)
    assert view.undo_stack.count() == 4
    for _ in range(4):
        view.undo_stack.undo()
    item = svc.item(debate.id)
    assert (item.title, item.kind, item.location, item.speaker_ids) == (
        "Debate",
        m.ItemKind.DISCUSSION,
        "",
        (),
    )


def test_delete_item_and_empty_title_is_refused(qtbot, view: PlanView, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    editor = view.agenda
    editor.select(svc.items(svc.days()[0].id)[2].id)
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert _titles(svc) == ["Welcome", "Talk", "Debate"]
    editor.title_edit.clear()
    editor.title_edit.editingFinished.emit()
    assert len(shown_errors) == 1
    assert "title" in str(shown_errors[0])
    view.undo_stack.undo()
    assert _titles(svc) == ["Welcome", "Talk", "Coffee", "Debate"]


def test_other_day(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    day2 = svc.days()[1].id
    view.agenda.set_day(day2)
    assert view.agenda.model.rowCount() == 0
    assert not view.agenda.form.isEnabled()
    view.agenda.add_button.click()
    assert [i.planned_start for i in svc.items(day2)] == [dt.time(9, 0)]


def test_overlaps_and_gaps_are_shown_not_silent(
    qtbot,  # type: ignore[no-untyped-def]
    svc: WorkshopService,
    shown_errors,  # type: ignore[no-untyped-def]
) -> None:
    day = svc.days()[0].id
    svc.add_item(day, "Saluti", planned_start=dt.time(9), duration_min=30)
    svc.add_item(day, "Benvenuto", planned_start=dt.time(9), duration_min=30)
    svc.add_item(day, "Tavoli", planned_start=dt.time(10), duration_min=60)
    v = plan_view(qtbot, svc, show=False)
    v.tabs.setCurrentWidget(v.agenda)
    v.show()
    model = v.agenda.model
    start = [model.index(r, AgendaModel.START) for r in range(3)]
    assert start[0].data() == "09:00"
    assert "⚠" in start[1].data()
    assert start[1].data(Qt.ItemDataRole.ToolTipRole) == "Overlaps “Saluti” by 30 min"
    assert start[2].data(Qt.ItemDataRole.ToolTipRole) == "30 min free after “Benvenuto”"
    assert start[1].data(Qt.ItemDataRole.BackgroundRole) is not None
    summary = v.agenda.summary.text()
    assert "“Benvenuto” overlaps “Saluti” by 30 min" in summary


def test_a_long_title_shows_from_its_first_word(qtbot, svc: WorkshopService, shown_errors) -> None:  # type: ignore[no-untyped-def]
    """Selecting an item whose title is longer than the field: the field shows its
    beginning (it showed only the last words, as if the title were cut at the front)."""
    day = svc.days()[0].id
    long = "Benvenuto e obiettivi dell'incontro-studio sulla co-progettazione territoriale"
    item = svc.add_item(day, long, location="Torino, sede comunale – Sala delle Colonne")
    view = plan_view(qtbot, svc, show=False)
    view.tabs.setCurrentWidget(view.agenda)
    view.show()
    editor = view.agenda
    editor.title_edit.setFixedWidth(120)
    editor.select(item)
    assert editor.title_edit.text() == long
    assert editor.title_edit.cursorPosition() == 0
    assert editor.location_edit.cursorPosition() == 0
