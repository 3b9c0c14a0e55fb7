"""A comparable dump of a workshop file: every table's rows, without the values that
differ between two writes of the same content (UUIDs and "now" timestamps)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

#: Columns set to a fresh UUID or to the current time each time a row is written.
VARYING = {"uuid", "created_at", "updated_at", "cast_at", "applied_at"}
#: Kept in the dump only where they are given, not taken from the clock.
FIXED_TIMES = {("notes", "created_at")}


def dump(path: Path) -> dict[str, list[list[Any]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts_%' ORDER BY name"
            )
        ]
        out: dict[str, list[list[Any]]] = {}
        for name in names:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            keep = [c for c in cols if c not in VARYING or (name, c) in FIXED_TIMES]
            select = ", ".join(f'"{c}"' for c in keep)
            rows = [list(r) for r in conn.execute(f'SELECT {select} FROM "{name}"')]
            rows.sort(key=repr)
            out[name] = [keep, *rows]
        return out
    finally:
        conn.close()
