"""Issue 11 (minor): an agenda item ends by midnight, and booleans are not minutes.

A 23:30 item of 120 minutes used to make the next item start at 01:30 "the same
day"; now the change is refused with a message that says when it would end."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.services.workshop import WorkshopService


def _times(svc: WorkshopService, day_id: int) -> list[tuple[str, dt.time | None, int]]:
    return [(i.title, i.planned_start, i.duration_min) for i in svc.items(day_id)]


def test_item_past_midnight_is_refused_and_nothing_changes(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    svc.add_item(day, "Cena", planned_start=dt.time(21, 0), duration_min=150)
    before = _times(svc, day)
    with pytest.raises(ValidationError) as info:
        svc.add_item(day, "Festa", planned_start=dt.time(23, 30), duration_min=120)
    assert info.value.params["rule"] == "past_midnight"
    assert "01:30 the next day" in info.value.message
    assert _times(svc, day) == before


def test_after_a_full_day_the_next_item_gets_no_time_rather_than_the_early_hours(
    svc: WorkshopService,
) -> None:
    day = svc.days()[0].id
    svc.add_item(day, "Maratona", planned_start=dt.time(22, 0), duration_min=120)
    later = svc.add_item(day, "Dopo")
    assert svc.item(later).planned_start is None


def test_longer_duration_that_pushes_the_next_item_past_midnight_is_refused(
    svc: WorkshopService,
) -> None:
    day = svc.days()[0].id
    first = svc.add_item(day, "Sera", planned_start=dt.time(22, 0), duration_min=60)
    svc.add_item(day, "Notte", duration_min=60)  # 23:00-24:00
    before = _times(svc, day)
    with pytest.raises(ValidationError) as info:
        svc.set_duration(first, 90)
    assert "“Notte” would end at 00:30 the next day" in info.value.message
    assert _times(svc, day) == before
    with pytest.raises(ValidationError):
        svc.update_item(first, planned_start=dt.time(23, 30))
    with pytest.raises(ValidationError):
        svc.update_item(first, duration_min=200)
    assert _times(svc, day) == before


def test_reorder_that_would_run_past_midnight_is_refused(svc: WorkshopService) -> None:
    day = svc.days()[0].id
    a = svc.add_item(day, "A", planned_start=dt.time(20, 0), duration_min=60)
    b = svc.add_item(day, "B", planned_start=dt.time(23, 0), duration_min=60)  # gap 2 h
    c = svc.add_item(day, "C", planned_start=dt.time(19, 0), duration_min=90)
    assert [i.id for i in svc.items(day)] == [c, a, b]  # the order follows time
    before = _times(svc, day)
    with pytest.raises(ValidationError):
        svc.reorder_items(day, [a, b, c])  # from 19:00 with the gaps kept: C ends 00:30
    assert _times(svc, day) == before


@pytest.mark.parametrize("value", [True, False, 1.5, "30"])
def test_booleans_and_other_non_integers_are_not_minutes(
    svc: WorkshopService, value: object
) -> None:
    day = svc.days()[0].id
    with pytest.raises(ValidationError):
        svc.add_item(day, "Pausa", duration_min=value)  # type: ignore[arg-type]
    item = svc.add_item(day, "Pausa", duration_min=15)
    with pytest.raises(ValidationError):
        svc.update_item(item, duration_min=value)
    with pytest.raises(ValidationError):
        svc.set_duration(item, value)  # type: ignore[arg-type]
    assert svc.item(item).duration_min == 15
