"""The new fields of the minutes in the window: the venue's time zone (workshop details)
and the times the Live screen shows in it."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from plan_helpers import plan_view

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from images import emblem_png  # noqa: E402

from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.live.notes_model import NotesModel


def test_time_zone_is_edited_in_the_details_and_undone(qtbot, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    view = plan_view(qtbot, svc)
    details = view.details
    details.zone_edit.setText("Europe/Lisbon")  # typed: the completer pops up offscreen
    details.zone_edit.editingFinished.emit()
    assert svc.workshop().time_zone == "Europe/Lisbon"
    details.zone_edit.setText("Nowhere/Atlantis")
    details.zone_edit.editingFinished.emit()
    assert svc.workshop().time_zone == "Europe/Lisbon"  # refused, with a message
    assert shown_errors and "time zone" in str(shown_errors[-1])
    assert details.zone_edit.text() == "Europe/Lisbon"
    view.undo_stack.undo()
    assert svc.workshop().time_zone != "Europe/Lisbon"


@pytest.mark.parametrize(("zone", "shown"), [("Europe/Rome", "09:10"), ("Asia/Tokyo", "17:10")])
def test_live_note_times_are_the_venues(qtbot, svc: WorkshopService, zone, shown) -> None:  # type: ignore[no-untyped-def]
    svc.update_workshop(time_zone=zone)
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    svc.add_note(
        "Nota", agenda_item_id=item, created_at=dt.datetime(2025, 11, 5, 8, 10, tzinfo=dt.UTC)
    )
    doc = WorkshopDocument(svc)
    model = NotesModel(doc)
    model.set_item(item)
    assert model.data(model.index(0, NotesModel.TIME)) == shown


def test_session_summary_box_in_plan_is_stored_and_undone(qtbot, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    view = plan_view(qtbot, svc)
    agenda = view.agenda
    agenda.table.selectRow(0)
    assert agenda._current is not None and agenda._current.id == item
    agenda.summary_edit.setPlainText("Si parte dai bisogni dei quartieri.")
    agenda.summary_edit.editing_finished.emit()
    assert svc.item(item).summary == "Si parte dai bisogni dei quartieri."
    view.undo_stack.undo()
    assert svc.item(item).summary == ""


def test_minutes_frame_fields_and_images_in_the_details(
    qtbot, svc, shown_errors, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services.minutes import MinutesService
    from facilitator.ui.plan import details as details_module

    view = plan_view(qtbot, svc)
    d = view.details
    d.status_combo.setCurrentIndex(d.status_combo.findData("final"))
    d.status_combo.activated.emit(d.status_combo.currentIndex())
    d.version_edit.setText("1.0")
    d.version_edit.editingFinished.emit()
    d.distribution_edit.setPlainText("Regione Piemonte\nMinistero del Lavoro")
    d.distribution_edit.editing_finished.emit()
    w = svc.workshop()
    assert (w.minutes_status, w.minutes_version) == ("final", "1.0")
    assert w.distribution == "Regione Piemonte\nMinistero del Lavoro"
    bad = tmp_path / "not.png"
    bad.write_bytes(b"not an image")
    monkeypatch.setattr(details_module, "ask_image_file", lambda parent, kind: bad)
    d.choose_image("emblem")
    assert shown_errors and MinutesService(svc).image("emblem") is None
    good = tmp_path / "emblem.jpg"
    good.write_bytes(emblem_png())
    monkeypatch.setattr(details_module, "ask_image_file", lambda parent, kind: good)
    d.choose_image("emblem")
    assert MinutesService(svc).image("emblem") == emblem_png()
    assert "✓" in d.emblem_button.text()
    view.undo_stack.undo()
    assert MinutesService(svc).image("emblem") is None


def test_job_title_and_country_are_edited_with_the_participant(qtbot, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services.minutes import MinutesService

    pid = svc.add_participant("Eleni Papadopoulou", "Ministry of Labour")
    view = plan_view(qtbot, svc)
    editor = view.participants
    editor.select(pid)
    editor.job_title_edit.setText("Head of unit")
    editor.country_edit.setText("Grecia")
    editor.save()
    assert MinutesService(svc).participant_details()[pid] == ("Head of unit", "Grecia")
    view.undo_stack.undo()
    assert MinutesService(svc).participant_details()[pid] == ("", "")


def test_apologies_for_absence_in_attendance(qtbot, svc, shown_errors) -> None:  # type: ignore[no-untyped-def]
    from facilitator.services.minutes import MinutesService

    d1 = svc.days()[0]
    here = svc.add_participant("Anna Presente")
    away = svc.add_participant("Bruno Assente")
    svc.set_present(d1.id, here, True)
    view = plan_view(qtbot, svc)
    att = view.attendance
    att.set_day(d1.id)
    row = next(r for r in range(att.proxy.rowCount()) if "Bruno" in att.proxy.index(r, 0).data())
    att.list.setCurrentIndex(att.proxy.index(row, 0))
    att.toggle_apologies()
    assert MinutesService(svc).apologies(d1.id) == {away}
    assert "(apologies sent)" in att.proxy.index(row, 0).data()
    present_row = 1 - row
    att.list.setCurrentIndex(att.proxy.index(present_row, 0))
    att.toggle_apologies()  # a person present sends no apologies: refused with a message
    assert shown_errors and MinutesService(svc).apologies(d1.id) == {away}
    view.undo_stack.undo()
    assert MinutesService(svc).apologies(d1.id) == set()
