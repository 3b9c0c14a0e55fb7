"""What every aggregate's rows share: the connection, one-row reads, writes inside
:meth:`WorkshopFile.writing` (committed and synced when they return; nested blocks are
savepoints), new UUIDs and soft deletes.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid as uuidlib
from collections.abc import Sequence
from typing import Any

from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.storage.file import WorkshopFile

# Tables whose rows are soft-deleted with a deleted_at (and an updated_at) column.
_SOFT_DELETABLE = frozenset(
    {
        "days",
        "organisations",
        "participants",
        "agenda_items",
        "categories",
        "action_items",
        "themes",
        "solutions",
        "polls",
    }
)


def set_deleted(wf: WorkshopFile, table: str, row_id: int, deleted: bool) -> bool:
    """Soft-delete (or restore) one row: ``deleted_at`` and ``updated_at`` get the same
    time. Returns whether the row changed (False: no such row, or already in that state).
    (Notes and ballots have their own: full-text index, no updated_at.)"""
    if table not in _SOFT_DELETABLE:
        raise ValueError(f"{table} has no soft delete")
    now = now_text()
    state = "IS NULL" if deleted else "IS NOT NULL"
    with wf.writing():
        cur = wf.db.conn.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at {state}",
            (now if deleted else None, now, row_id),
        )
    return cur.rowcount > 0


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def now_text() -> str:
    """Now, as stored (UTC, ISO 8601)."""
    return to_iso(utcnow())


def date_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class Rows:
    """The base of every table's rows over one open file: the core's aggregates
    (:class:`~facilitator.storage.repository.Repository` is made of them) and the later
    features' repositories (organise, room, linked, merge conflicts, board, map,
    minutes)."""

    def __init__(self, wf: WorkshopFile) -> None:
        self.wf = wf

    @property
    def conn(self) -> sqlite3.Connection:
        return self.wf.db.conn

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params).fetchone()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return self.conn.execute(sql, params).fetchall()

    def _write(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        with self.wf.writing():
            return self.conn.execute(sql, params)
