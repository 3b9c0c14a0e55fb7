"""What another program wrote to the file: for a read-only window that follows it.

``PRAGMA data_version`` changes when another connection commits to the file (never
for this connection's own writes); then the rows whose ``updated_at`` is after
the last time seen are what changed. Rows in, plain tuples out (no Qt, no operations).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# Tables that carry ``created_at``/``updated_at``/``deleted_at`` and an ``id``.
_ROW_TABLES = (
    "workshop",
    "days",
    "agenda_items",
    "organisations",
    "participants",
    "categories",
    "notes",
    "themes",
    "solutions",
    "action_items",
    "polls",
)
_HAS_DELETED = frozenset(_ROW_TABLES) - {"workshop"}


@dataclass(frozen=True)
class Touched:
    table: str
    row_id: int  # for "attendance": the day id
    added: bool  # created at or after the mark
    removed: bool  # soft-deleted
    day_id: int | None = None  # agenda items: their day


def data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def latest_stamp(conn: sqlite3.Connection) -> str:
    """The newest ``updated_at`` in the file ("" for an empty file)."""
    parts = " UNION ALL ".join(
        f"SELECT max(updated_at) AS m FROM {t}" for t in (*_ROW_TABLES, "attendance")
    )
    row = conn.execute(f"SELECT max(m) FROM ({parts})").fetchone()
    return str(row[0] or "")


def touched_since(conn: sqlite3.Connection, stamp: str) -> list[Touched]:
    """Every row written after ``stamp`` (an ISO time as stored)."""
    out: list[Touched] = []
    for table in _ROW_TABLES:
        deleted = "deleted_at IS NOT NULL" if table in _HAS_DELETED else "0"
        day = "day_id" if table == "agenda_items" else "NULL"
        for row_id, created, gone, day_id in conn.execute(
            f"SELECT id, created_at, {deleted}, {day} FROM {table} WHERE updated_at > ?",
            (stamp,),
        ):
            out.append(Touched(table, int(row_id), str(created) > stamp, bool(gone), day_id))
    for (day_id,) in conn.execute(
        "SELECT DISTINCT day_id FROM attendance WHERE updated_at > ?", (stamp,)
    ):
        out.append(Touched("attendance", int(day_id), False, False))
    return out
