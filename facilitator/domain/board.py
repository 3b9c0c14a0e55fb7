"""Theme boards: which board a filter shows, and what a position may be. No Qt, no SQL.

A board is named by its scope: the whole workshop, one day or one agenda item, so the
same notes can sit differently on the board of a day and on the board of one item
(category and "not yet grouped" filters only hide cards: they keep the board).
"""

from __future__ import annotations

import math

from facilitator.domain.errors import ValidationError

WORKSHOP_BOARD = "workshop"
#: far beyond any board anyone builds; keeps junk (inf, 1e300) out of the file
LIMIT = 1_000_000.0


def board_key(day_uuid: str | None = None, item_uuid: str | None = None) -> str:
    """The board a filter shows: an agenda item's, else a day's, else the workshop's."""
    if item_uuid:
        return f"item:{item_uuid}"
    if day_uuid:
        return f"day:{day_uuid}"
    return WORKSHOP_BOARD


def check_board(board: str) -> str:
    kind, _, rest = board.partition(":")
    if board == WORKSHOP_BOARD or (kind in ("day", "item") and rest):
        return board
    raise ValidationError("board", f"unknown board {board!r}")


def check_point(x: float, y: float) -> tuple[float, float]:
    for value in (x, y):
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise ValidationError("position", f"not a position: {value!r}")
        if abs(value) > LIMIT:
            raise ValidationError("position", f"position {value} is off the board")
    return float(x), float(y)


def default_theme_title(language: str, number: int) -> str:
    """The title of a theme started by dropping a card on a card (renamed later)."""
    return f"{'Tema' if language == 'it' else 'Theme'} {number}"
