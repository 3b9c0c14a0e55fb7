"""Use cases of the theme board: read and store where cards and themes sit. No Qt, no SQL.

``set_positions`` validates everything first (the board's name, each note and theme,
finite coordinates) and returns the positions it replaced, so an operation can undo it.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.domain import board as b
from facilitator.domain.errors import ValidationError
from facilitator.services.workshop import WorkshopService
from facilitator.storage.board import BoardRepository, Point

Positions = dict[int, Point | None]


class BoardService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = BoardRepository(svc.file)

    def card_positions(self, board: str) -> dict[int, Point]:
        return self.repo.positions(board, "note")

    def theme_positions(self, board: str) -> dict[int, Point]:
        return self.repo.positions(board, "theme")

    def _check(
        self, board: str, cards: Mapping[int, Point | None], themes: Mapping[int, Point | None]
    ) -> tuple[Positions, Positions]:
        b.check_board(board)
        if cards:
            found = self.svc.notes_by_ids(list(cards))
            for n in cards:
                if n not in found or found[n].deleted_at is not None:
                    raise ValidationError("notes", f"unknown note {n}")
        if themes:
            from facilitator.storage.organise import OrganiseRepository

            repo = OrganiseRepository(self.svc.file)
            for t in themes:
                if repo.get_theme(t) is None:
                    raise ValidationError("themes", f"unknown theme {t}")
        clean_cards = {n: None if p is None else b.check_point(*p) for n, p in cards.items()}
        clean_themes = {t: None if p is None else b.check_point(*p) for t, p in themes.items()}
        return clean_cards, clean_themes

    def set_positions(
        self,
        board: str,
        cards: Mapping[int, Point | None] = {},
        themes: Mapping[int, Point | None] = {},
    ) -> tuple[Positions, Positions]:
        """Place cards and themes (None: back to the automatic layout). Returns the
        previous (cards, themes) positions."""
        cards, themes = self._check(board, cards, themes)
        old_cards = self.repo.positions_of(board, "note", cards)
        old_themes = self.repo.positions_of(board, "theme", themes)
        with self.svc.file.writing():
            self.repo.set_positions(board, "note", cards)
            self.repo.set_positions(board, "theme", themes)
        return old_cards, old_themes

    def restore_positions(
        self, board: str, cards: Mapping[int, Point | None], themes: Mapping[int, Point | None]
    ) -> None:
        """Put back what :meth:`set_positions` returned (no checks: an undo)."""
        with self.svc.file.writing():
            self.repo.set_positions(board, "note", cards)
            self.repo.set_positions(board, "theme", themes)
