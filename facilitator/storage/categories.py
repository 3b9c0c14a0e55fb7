"""Note categories."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.domain import model as m
from facilitator.storage.rows import Rows, new_uuid, now_text, set_deleted


class CategoryRows(Rows):
    """Categories, their order and meaning."""

    # --- categories ---------------------------------------------------------------------

    def category_exists(self, cat_id: int) -> bool:
        row = self._one("SELECT 1 FROM categories WHERE id = ? AND deleted_at IS NULL", (cat_id,))
        return row is not None

    def category_meaning(self, cat_id: int) -> str:
        """What a note in the category is ("decision", "action" or ""); one row read."""
        row = self._one("SELECT meaning FROM categories WHERE id = ?", (cat_id,))
        return str(row[0]) if row else ""

    def list_categories(self, include_deleted: bool = False) -> list[m.Category]:
        where = "" if include_deleted else "WHERE deleted_at IS NULL "
        rows = self.conn.execute(
            "SELECT id, uuid, name, colour, shortcut, position, meaning FROM categories "
            + where
            + "ORDER BY position, id"
        ).fetchall()
        return [m.Category(*r) for r in rows]

    def add_category(
        self,
        name: str,
        colour: str,
        shortcut: str,
        position: int | None = None,
        meaning: str = "",
    ) -> int:
        now = now_text()
        with self.wf.writing():
            if position is None:
                position = self._one("SELECT coalesce(max(position), 0) + 1 FROM categories")[0]
            cur = self.conn.execute(
                "INSERT INTO categories (uuid, name, colour, shortcut, position, created_at, "
                "updated_at, meaning) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_uuid(), name, colour, shortcut, position, now, now, meaning),
            )
            return int(cur.lastrowid or 0)

    def update_category(self, cat_id: int, name: str, colour: str, shortcut: str) -> None:
        self._write(
            "UPDATE categories SET name = ?, colour = ?, shortcut = ?, updated_at = ? WHERE id = ?",
            (name, colour, shortcut, now_text(), cat_id),
        )

    def set_category_order(self, cat_ids: Sequence[int]) -> None:
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE categories SET position = ?, updated_at = ? WHERE id = ?",
                [(i + 1, now_text(), cid) for i, cid in enumerate(cat_ids)],
            )

    def set_category_deleted(self, cat_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "categories", cat_id, deleted)
