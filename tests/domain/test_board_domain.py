"""Which board a filter shows, what a position may be, the default theme title."""

from __future__ import annotations

import math

import pytest

from facilitator.domain import board as b
from facilitator.domain.errors import ValidationError


def test_the_board_of_a_filter_is_the_items_else_the_days_else_the_workshops() -> None:
    assert b.board_key() == b.WORKSHOP_BOARD == "workshop"
    assert b.board_key(day_uuid="d1") == "day:d1"
    assert b.board_key(day_uuid="d1", item_uuid="i9") == "item:i9"
    for key in ("workshop", "day:d1", "item:i9"):
        assert b.check_board(key) == key
    for bad in ("", "day:", "items:x", "Workshop", "note:3"):
        with pytest.raises(ValidationError):
            b.check_board(bad)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 2e6, -1e7, "3"])
def test_a_position_is_a_finite_number_on_the_board(value: object) -> None:
    with pytest.raises(ValidationError):
        b.check_point(value, 0.0)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        b.check_point(0.0, value)  # type: ignore[arg-type]
    assert b.check_point(-12, 1e6) == (-12.0, 1e6)


def test_a_theme_started_by_a_drop_is_named_in_the_workshops_language() -> None:
    assert b.default_theme_title("it", 3) == "Tema 3"
    assert b.default_theme_title("en", 3) == "Theme 3"
