"""The new fields of the minutes in the window: the venue's time zone (workshop details)
and the times the Live screen shows in it."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_helpers import plan_view

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
