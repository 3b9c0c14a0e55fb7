"""Action items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.timeutil import (
    date_from_iso,
    from_iso,
)
from facilitator.storage.rows import Rows, date_text, new_uuid, now_text, set_deleted


class ActionRows(Rows):
    """Action items."""

    # --- action items -------------------------------------------------------------------

    _ACTION_SQL = (
        "SELECT a.id, a.uuid, a.text, a.owner_id, coalesce(p.name, ''), a.due_date, a.status, "
        "a.note_id, a.agenda_item_id, a.created_at FROM action_items a "
        "LEFT JOIN participants p ON p.id = a.owner_id "
    )

    @staticmethod
    def _action(r: Sequence[Any]) -> m.ActionItem:
        return m.ActionItem(
            id=r[0],
            uuid=r[1],
            text=r[2],
            owner_id=r[3],
            owner_name=r[4],
            due_date=date_from_iso(r[5]),
            status=m.ActionStatus(r[6]),
            note_id=r[7],
            agenda_item_id=r[8],
            created_at=from_iso(r[9]),  # type: ignore[arg-type]
        )

    def list_actions(self) -> list[m.ActionItem]:
        rows = self.conn.execute(
            self._ACTION_SQL
            + "WHERE a.deleted_at IS NULL ORDER BY a.due_date IS NULL, a.due_date, a.id"
        ).fetchall()
        return [self._action(r) for r in rows]

    def get_action(self, action_id: int) -> m.ActionItem | None:
        row = self._one(self._ACTION_SQL + "WHERE a.id = ?", (action_id,))
        return self._action(row) if row else None

    def add_action(
        self,
        text: str,
        owner_id: int | None,
        due_date: dt.date | None,
        status: m.ActionStatus,
        note_id: int | None,
        agenda_item_id: int | None,
    ) -> int:
        now = now_text()
        cur = self._write(
            "INSERT INTO action_items (uuid, text, owner_id, due_date, status, note_id, agenda_item_id, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                new_uuid(),
                text,
                owner_id,
                date_text(due_date),
                status.value,
                note_id,
                agenda_item_id,
                now,
                now,
            ),
        )
        return int(cur.lastrowid or 0)

    def update_action(
        self,
        action_id: int,
        text: str,
        owner_id: int | None,
        due_date: dt.date | None,
        status: m.ActionStatus,
    ) -> None:
        self._write(
            "UPDATE action_items SET text = ?, owner_id = ?, due_date = ?, status = ?, updated_at = ? "
            "WHERE id = ?",
            (text, owner_id, date_text(due_date), status.value, now_text(), action_id),
        )

    def set_action_deleted(self, action_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "action_items", action_id, deleted)
