"""Workshops on real files for the merge tests, and a comparable view of their content."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from facilitator.domain import merging as rules
from facilitator.services.workshop import WorkshopService
from facilitator.storage.merge import read_side


def make_base(path: Path) -> Path:
    """A workshop with two days, an item per day and two notes."""
    svc = WorkshopService.create(
        path, "Base", start_date=dt.date(2026, 3, 2), end_date=dt.date(2026, 3, 3)
    )
    with svc:
        for day in svc.days():
            item = svc.add_item(day.id, f"Item {day.number}", planned_start=dt.time(9, 0))
            svc.add_note(f"base note {day.number}", agenda_item_id=item)
    return path


def copy(src: Path, target: Path) -> Path:
    with WorkshopService.open(src) as svc:
        svc.save_copy(target)
    return target


def side(path: Path) -> rules.Side:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return read_side(conn)
    finally:
        conn.close()


def canonical(path: Path) -> dict[str, list[str]]:
    """The content of a file up to ids: rows matched by natural key are named by it."""
    s = side(path)
    names: dict[str, str] = {}

    def name(u: Any) -> Any:
        return names.get(u, u) if isinstance(u, str) else u

    mapper = rules.Mapper()
    mapper.pairs = names
    out: dict[str, list[str]] = {}
    for table in rules.TABLES:
        rows = s.rows.get(table, {})
        if table in rules.NATURAL:
            for key, row in rows.items():
                values = mapper.values(table, s.refs.get(table, {}), row.values)
                nk = rules.natural_key(table, values)
                if nk is not None and row.values.get("deleted_at") is None:
                    names[key] = f"{table}:{nk!r}"
        listed = []
        for key, row in rows.items():
            values = mapper.values(table, s.refs.get(table, {}), row.values)
            values.pop("position", None)  # separately created rows may take any place
            if values.get("deleted_at") is not None:
                values["deleted_at"] = "deleted"
            listed.append(repr((name(key), sorted(values.items(), key=repr))))
        out[table] = sorted(listed)
    return out


def texts_available(path: Path) -> dict[str, set[str]]:
    """note uuid -> its text and every other version kept for review."""
    s = side(path)
    out = {k: {r.values["text"]} for k, r in s.rows["notes"].items()}
    for record in s.conflicts.values():
        if record["table_name"] == "notes" and record["field"] == "text":
            import json

            out.setdefault(record["row_uuid"], set()).update(
                {json.loads(record["kept_value"]), json.loads(record["other_value"])}
            )
    return out
