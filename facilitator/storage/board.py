"""SQL of the theme boards: where cards (notes) and themes sit (migration 0008_board).

A board is named by its scope (see :mod:`facilitator.domain.board`). Positions are
layout: a card or theme with no row is laid out automatically, and setting a position
to ``None`` removes the row. Every write runs inside :meth:`WorkshopFile.writing`:
durable when it returns, all-or-nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.storage.rows import Rows

Point = tuple[float, float]
_TABLES = {"note": ("board_cards", "note_id"), "theme": ("board_themes", "theme_id")}
_CHUNK = 500


class BoardRepository(Rows):
    def positions(self, board: str, what: str) -> dict[int, Point]:
        """Every stored position of ``what`` ('note' or 'theme') on ``board``."""
        table, column = _TABLES[what]
        rows = self.conn.execute(f"SELECT {column}, x, y FROM {table} WHERE board = ?", (board,))
        return {r[0]: (r[1], r[2]) for r in rows}

    def positions_of(self, board: str, what: str, ids: Iterable[int]) -> dict[int, Point | None]:
        """The stored position of each of ``ids`` (None: none stored)."""
        table, column = _TABLES[what]
        wanted = list(dict.fromkeys(ids))
        out: dict[int, Point | None] = dict.fromkeys(wanted)
        for start in range(0, len(wanted), _CHUNK):
            chunk: Sequence[object] = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {column}, x, y FROM {table} WHERE board = ? AND {column} IN ({marks})",
                [board, *chunk],
            ):
                out[row[0]] = (row[1], row[2])
        return out

    def set_positions(self, board: str, what: str, positions: Mapping[int, Point | None]) -> None:
        table, column = _TABLES[what]
        now = to_iso(utcnow())
        with self.wf.writing():
            for item_id, point in positions.items():
                if point is None:
                    self.conn.execute(
                        f"DELETE FROM {table} WHERE board = ? AND {column} = ?", (board, item_id)
                    )
                else:
                    self.conn.execute(
                        f"INSERT INTO {table} (board, {column}, x, y, updated_at) "
                        f"VALUES (?,?,?,?,?) ON CONFLICT(board, {column}) DO UPDATE SET "
                        "x = excluded.x, y = excluded.y, updated_at = excluded.updated_at",
                        (board, item_id, point[0], point[1], now),
                    )
