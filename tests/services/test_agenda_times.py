"""Agenda times never overlap silently: an import says what it would put at the same time
as something else, the order of a day always follows time, and the Plan editor shows
overlaps and gaps (the "Benvenuto moved to 08:31, listed after 09:00" case)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.domain.agenda import Timing, time_issues
from facilitator.services import importing as imp
from facilitator.services import operations as ops
from facilitator.services.workshop import WorkshopService

DATA = Path(__file__).resolve().parents[1] / "data"


def _starts(svc: WorkshopService, day_id: int) -> list[dt.time]:
    return [i.planned_start for i in svc.items(day_id) if i.planned_start is not None]


def test_an_import_beside_an_existing_item_says_so_and_keeps_time_order(
    svc: WorkshopService,
) -> None:
    day = svc.days()[0].id
    existing = svc.add_item(day, "Saluti delle autorità", planned_start=dt.time(9, 0))
    preview = imp.make_preview(
        svc, imp.read_csv(DATA / "agenda_it_semicolon_utf8.csv"), imp.ImportKind.AGENDA
    )
    said = [w for w in preview.warnings if "overlaps" in w]
    assert said and "Benvenuto" in said[0] and "Saluti delle autorità" in said[0]
    assert "09:00" in said[0] and "30 min" in said[0]
    assert ops.Import(preview).do(svc)
    starts = _starts(svc, day)
    assert starts == sorted(starts)  # the order follows time
    issues = time_issues(svc.items(day))
    assert any(i.timing is Timing.OVERLAP for i in issues.values())

    # Shortening the first 09:00 item to 1 minute must not move "Benvenuto" before it.
    first = svc.items(day)[0]
    assert ops.SetDuration(first.id, 1).do(svc)
    items = svc.items(day)
    starts = _starts(svc, day)
    assert starts == sorted(starts), [(i.title, i.planned_start) for i in items]
    benvenuto = next(i for i in items if i.title.startswith("Benvenuto"))
    assert benvenuto.planned_start is not None and benvenuto.planned_start >= dt.time(9, 0)
    after = next(i for i in items if i.title.startswith("L'ecosistema"))
    assert after.planned_start == dt.time(9, 30)  # still right after Benvenuto
    assert existing in [i.id for i in items]


def test_a_new_item_with_a_start_goes_where_its_time_is(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    a = svc.add_item(day, "Mattina", planned_start=dt.time(9, 0), duration_min=60)
    b = svc.add_item(day, "Pomeriggio", planned_start=dt.time(14, 0), duration_min=60)
    add = ops.AddItem(day, "Pranzo", planned_start=dt.time(13, 0), duration_min=60)
    changes = add.do(svc)
    assert [i.id for i in svc.items(day)] == [a, add.item_id, b]
    assert b in changes.updated_ids(ops.Kind.ITEM)  # it moved down one place
    add.undo(svc)
    assert [i.id for i in svc.items(day)] == [a, b]


def test_time_issues_find_overlaps_and_gaps(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    svc.add_item(day, "Uno", planned_start=dt.time(9, 0), duration_min=60)
    two = svc.add_item(day, "Due", planned_start=dt.time(9, 30), duration_min=30)
    three = svc.add_item(day, "Tre", planned_start=dt.time(10, 15), duration_min=30)
    issues = time_issues(svc.items(day))
    assert issues[two].timing is Timing.OVERLAP and issues[two].minutes == 30
    assert issues[three].timing is Timing.GAP and issues[three].minutes == 15
    assert issues[three].other_title == "Due"  # the last item before it to end
