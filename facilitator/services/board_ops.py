"""The theme board's operations (see :mod:`facilitator.services.operations`). No Qt.

- :class:`PlaceOnBoard`: cards and themes moved on one board (one drag, however many);
- :class:`GroupOnBoard`: cards dropped on a card: a new theme, placed where it was dropped.

Joining a theme or leaving one is ``Batch([MoveNotes(...), PlaceOnBoard(...)])``: one
undo step puts the cards back in their themes and where they were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from facilitator.services.operations import Changes, CreateTheme, Kind, Operation, updated

if TYPE_CHECKING:
    from facilitator.services.board import BoardService, Positions
    from facilitator.services.workshop import WorkshopService
    from facilitator.storage.board import Point


def _board(svc: WorkshopService) -> BoardService:
    from facilitator.services.board import BoardService

    return BoardService(svc)


def board_changes() -> Changes:
    return updated(Kind.BOARD, 0)


class PlaceOnBoard(Operation):
    """Put cards (note ids) and themes at positions on ``board`` (None: automatic)."""

    def __init__(
        self,
        board: str,
        cards: Mapping[int, Point | None] = {},
        themes: Mapping[int, Point | None] = {},
    ) -> None:
        self.board = board
        self.cards = dict(cards)
        self.themes = dict(themes)
        self.old: tuple[Positions, Positions] | None = None

    def do(self, svc: WorkshopService) -> Changes:
        old = _board(svc).set_positions(self.board, self.cards, self.themes)
        if self.old is None:
            self.old = old
        return board_changes()

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.old is not None
        _board(svc).restore_positions(self.board, *self.old)
        return board_changes()

    def __repr__(self) -> str:
        return f"PlaceOnBoard({self.board!r}, {len(self.cards)} cards, {len(self.themes)} themes)"


class GroupOnBoard(Operation):
    """A new theme of ``note_ids`` whose area sits at ``at`` on ``board``."""

    def __init__(self, board: str, title: str, note_ids: Sequence[int], at: Point) -> None:
        self.board = board
        self.create = CreateTheme(title, note_ids)
        self.at = at
        self.place: PlaceOnBoard | None = None

    @property
    def theme_id(self) -> int | None:
        return self.create.theme_id

    def do(self, svc: WorkshopService) -> Changes:
        changes = self.create.do(svc)
        assert self.create.theme_id is not None
        if self.place is None:
            self.place = PlaceOnBoard(self.board, themes={self.create.theme_id: self.at})
        try:
            return changes | self.place.do(svc)
        except BaseException:
            self.create.undo(svc)
            raise

    def undo(self, svc: WorkshopService) -> Changes:
        assert self.place is not None
        changes = self.place.undo(svc)
        return changes | self.create.undo(svc)
