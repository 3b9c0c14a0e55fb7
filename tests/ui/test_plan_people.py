"""Participants and organisations editor, and attendance check-in."""

from __future__ import annotations

import pytest
from plan_helpers import plan_view
from PySide6.QtCore import Qt

from facilitator.domain import model as m
from facilitator.services.workshop import WorkshopService
from facilitator.ui.plan import PlanView


@pytest.fixture
def view(qtbot, svc: WorkshopService, shown_errors) -> PlanView:  # type: ignore[no-untyped-def]
    svc.add_participant("Giulia Ferraris", "Città di Torino", m.Role.FACILITATOR, "g@example.org")
    svc.add_participant("Marco Rossi", "Città di Torino", m.Role.SPEAKER)
    svc.add_participant("Eleni Papadopoulou", "Ministry of Labour (EL)")
    return plan_view(qtbot, svc)


def test_models_pass_the_model_tester(qtmodeltester, view: PlanView) -> None:
    assert view.participants.model.rowCount() == 3
    qtmodeltester.check(view.participants.model)
    qtmodeltester.check(view.participants.proxy)
    qtmodeltester.check(view.participants.org_model)
    qtmodeltester.check(view.attendance.model)


def test_filter_box(qtbot, view: PlanView) -> None:
    editor = view.participants
    qtbot.keyClicks(editor.filter_edit, "torino")
    assert editor.proxy.rowCount() == 2
    editor.filter_edit.clear()
    qtbot.keyClicks(editor.filter_edit, "speaker")
    assert editor.proxy.rowCount() == 1
    assert editor.proxy.index(0, 0).data() == "Marco Rossi"


def test_add_participant_with_the_form_and_undo(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.participants
    editor.new_button.click()
    qtbot.keyClicks(editor.name_edit, "Anna Verdi")
    editor.org_combo.setCurrentText("Comune di Bari")
    editor.role_combo.setCurrentIndex(editor.role_combo.findData("note_taker"))
    qtbot.keyClicks(editor.email_edit, "anna@example.org")
    qtbot.keyClick(editor.email_edit, Qt.Key.Key_Return)
    anna = next(p for p in svc.participants() if p.name == "Anna Verdi")
    assert (anna.organisation_name, anna.role, anna.email) == (
        "Comune di Bari",
        m.Role.NOTE_TAKER,
        "anna@example.org",
    )
    assert editor.model.rowCount() == 4
    assert editor.selected() is not None and editor.selected().id == anna.id
    assert "Comune di Bari" in [o.name for o in svc.organisations()]
    assert editor.org_model.rowCount() == 3
    view.undo_stack.undo()
    assert editor.model.rowCount() == 3
    assert "Anna Verdi" not in [p.name for p in svc.participants()]


def test_accented_name_typed_with_key_events(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    editor = view.participants
    editor.new_button.click()
    qtbot.keyClicks(editor.name_edit, "Niccol")
    QApplication.sendEvent(
        editor.name_edit,
        QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "ò"),
    )
    qtbot.keyClicks(editor.name_edit, " Bert")
    QApplication.sendEvent(
        editor.name_edit,
        QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "è"),
    )
    editor.save_button.click()
    assert "Niccolò Bertè" in [p.name for p in svc.participants()]


def test_edit_and_delete_participant(qtbot, view: PlanView, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    editor = view.participants
    marco = next(p for p in svc.participants() if p.name == "Marco Rossi")
    editor.select(marco.id)
    assert editor.name_edit.text() == "Marco Rossi"
    editor.email_edit.clear()
    qtbot.keyClicks(editor.email_edit, "not an e-mail")
    editor.save_button.click()
    assert len(shown_errors) == 1  # refused, with a message; nothing changed
    assert svc.participant(marco.id).email == ""
    editor.email_edit.clear()
    qtbot.keyClicks(editor.email_edit, "marco@example.org")
    editor.save_button.click()
    assert svc.participant(marco.id).email == "marco@example.org"
    editor.delete_button.click()
    assert "Marco Rossi" not in [p.name for p in svc.participants()]
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert svc.participant(marco.id).email == ""
    assert "Marco Rossi" in [p.name for p in svc.participants()]


def test_organisation_kind(view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    editor = view.participants
    editor.org_table.selectRow(0)
    editor.org_table.setCurrentIndex(editor.org_proxy.index(0, 0))
    org = editor.selected_organisation()
    assert org is not None
    editor.org_kind_combo.setCurrentIndex(editor.org_kind_combo.findData("public_authority"))
    editor.save_organisation()
    kinds = {o.name: o.kind for o in svc.organisations()}
    assert kinds[org.name] is m.OrganisationKind.PUBLIC_AUTHORITY
    assert editor.org_proxy.index(0, 1).data() == "Public authority"
    view.undo_stack.undo()
    assert {o.name: o.kind for o in svc.organisations()}[org.name] is m.OrganisationKind.OTHER


def test_attendance_check_in_count_and_undo(qtbot, view: PlanView, svc) -> None:  # type: ignore[no-untyped-def]
    att = view.attendance
    view.tabs.setCurrentWidget(att)
    day1, day2 = svc.days()[0].id, svc.days()[1].id
    assert att.count_label.text() == "Present 0 of 3"
    model = att.model
    assert model.setData(
        model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert svc.present(day1) == {model.index(0, 0).data(Qt.ItemDataRole.UserRole)}
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    assert att.count_label.text() == "Present 1 of 3"
    # keyboard: select the second person and press Space
    att.list.setFocus()
    att.list.setCurrentIndex(att.proxy.index(1, 0))
    qtbot.keyClick(att.list, Qt.Key.Key_Space)
    assert att.count_label.text() == "Present 2 of 3"
    att.set_day(day2)
    assert att.count_label.text() == "Present 0 of 3"
    assert svc.present(day2) == set()
    att.set_day(day1)
    view.undo_stack.undo()
    assert att.count_label.text() == "Present 1 of 3"
    assert len(svc.present(day1)) == 1
