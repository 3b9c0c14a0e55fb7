"""A dump of every table of a workshop file, read with plain sqlite3 (read-only), so
tests can say "the file holds exactly this again".

``dump(path)`` maps table -> {primary key: row}. ``updated_at`` and ``hlc`` are left out
(they record when a row last changed, and an undo is a change: it must win a later merge); ``deleted_at`` is shown as a flag
(a row deleted, restored and deleted again is deleted, whatever the second time). The
full-text index appears as the set of note ids it holds (``notes_fts``).

``without_new_tombstones(before, after)`` drops from ``after`` the soft-deleted rows
that ``before`` did not have, and the link rows hanging on them: what an undone "add"
leaves (deletion is soft, so undo and merge stay exact).

``normalised(d)`` forgets what differs between two files built the same way at other
moments (uuids, creation times) and numbers rows created after ``seed`` by their order.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

Dump = dict[str, dict[tuple[Any, ...], tuple[tuple[str, Any], ...]]]
_SKIP_COLUMNS = {"updated_at", "hlc"}
_MOMENTS = {"uuid", "created_at", "cast_at", "at", "applied_at"}
_WHETHER = {"resolved_at"}  # a conflict's resolution: compared as resolved or not


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def foreign_keys(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    """table -> [(column, referenced table, referenced column)]."""
    conn = _connect(path)
    try:
        out: dict[str, list[tuple[str, str, str]]] = {}
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ):
            rows = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            out[table] = [(r[3], r[2], r[4] or "id") for r in rows]
        return out
    finally:
        conn.close()


def dump(path: Path) -> Dump:
    conn = _connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts%' ORDER BY name"
            )
        ]
        out: Dump = {}
        for table in tables:
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            cols = [c[1] for c in info]
            pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or cols
            rows: dict[tuple[Any, ...], tuple[tuple[str, Any], ...]] = {}
            for values in conn.execute(f"SELECT * FROM {table}"):
                row = dict(zip(cols, values, strict=True))
                key = tuple(row[c] for c in pk)
                if "deleted_at" in row:
                    row["deleted_at"] = row["deleted_at"] is not None
                rows[key] = tuple((c, v) for c, v in row.items() if c not in _SKIP_COLUMNS)
            out[table] = rows
        out["notes_fts"] = {(r[0],): () for r in conn.execute("SELECT id FROM notes_fts_docsize")}
        return out
    finally:
        conn.close()


def _deleted(row: tuple[tuple[str, Any], ...]) -> bool:
    return dict(row).get("deleted_at") is True


def _drop_with_dependents(
    d: Dump, gone: set[tuple[str, Any]], fks: dict[str, list[tuple[str, str, str]]]
) -> Dump:
    """``d`` without the rows ``gone`` ((table, id)) and rows referring to them."""
    out = {t: dict(rows) for t, rows in d.items()}
    changed = True
    while changed:
        changed = False
        for table, rows in out.items():
            for key, row in list(rows.items()):
                values = dict(row)
                refs = [(rt, values.get(col)) for col, rt, _ in fks.get(table, [])]
                if (table, values.get("id", key)) in gone or any(r in gone for r in refs):
                    del rows[key]
                    if "id" in values:
                        gone.add((table, values["id"]))
                    changed = True
    return out


def without_new_tombstones(before: Dump, after: Dump, path: Path) -> Dump:
    gone = {
        (table, dict(row)["id"])
        for table, rows in after.items()
        for key, row in rows.items()
        if key not in before.get(table, {}) and _deleted(row) and "id" in dict(row)
    }
    pruned = _drop_with_dependents(after, gone, foreign_keys(path))
    if "notes_fts" in pruned:  # an undone note is out of the index too
        pruned["notes_fts"] = {
            k: v for k, v in pruned["notes_fts"].items() if ("notes", k[0]) not in gone
        }
    return pruned


def _ranked_positions(
    rows: list[tuple[tuple[str, Any], ...]], fk_columns: set[str]
) -> list[tuple[tuple[str, Any], ...]]:
    """``position`` as the row's rank among the live rows with the same parents: an
    undone add keeps its (deleted) row and so its position number, which is an order,
    not a value anyone reads."""
    if not rows or "position" not in dict(rows[0]):
        return rows
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    kept = []
    for row in rows:
        values = dict(row)
        if values.get("deleted_at") is True:
            kept.append(row)
            continue
        parents = tuple(str(values.get(c)) for c in sorted(fk_columns))
        groups.setdefault(parents, []).append(values)
    ranked = []
    for members in groups.values():
        members.sort(key=lambda v: (v["position"], str(v.get("id"))))
        for n, values in enumerate(members):
            values["position"] = n
            ranked.append(tuple(values.items()))
    return ranked + kept


def normalised(d: Dump, seed: Dump, path: Path) -> dict[str, list[tuple[tuple[str, Any], ...]]]:
    """Rows without uuids and moments; ids of rows made after ``seed`` renumbered n1, n2…
    in creation order (and so in every column that refers to them). Soft-deleted rows
    that the seed did not have are dropped, as is the full-text index (checked apart)."""
    fks = foreign_keys(path)
    d = without_new_tombstones(seed, d, path)
    new_ids: dict[tuple[str, Any], str] = {}
    for table, rows in d.items():
        fresh = sorted(
            dict(row)["id"]
            for key, row in rows.items()
            if key not in seed.get(table, {}) and "id" in dict(row)
        )
        for n, row_id in enumerate(fresh, 1):
            new_ids[(table, row_id)] = f"n{n}"
    out: dict[str, list[tuple[tuple[str, Any], ...]]] = {}
    for table, rows in d.items():
        if table == "notes_fts":
            continue
        refs = {col: rt for col, rt, _ in fks.get(table, [])}
        norm = []
        for row in rows.values():
            values = []
            for col, value in row:
                if col in _MOMENTS:
                    continue
                if col in _WHETHER:  # when it happened differs; whether it did, not
                    value = value is not None
                if col == "id":
                    value = new_ids.get((table, value), value)
                elif col in refs:
                    value = new_ids.get((refs[col], value), value)
                values.append((col, value))
            norm.append(tuple(values))
        out[table] = sorted(_ranked_positions(norm, set(refs)), key=repr)
    return out


# Which Changes kind (and which column gives its id) each table's rows stand for.
TOUCHES: dict[str, list[tuple[str, str]]] = {
    "workshop": [("workshop", "")],
    "days": [("day", "id")],
    "agenda_items": [("item", "id"), ("agenda", "day_id")],
    "agenda_item_speakers": [("item", "agenda_item_id")],
    "organisations": [("organisation", "id")],
    "participants": [("participant", "id")],
    "attendance": [("attendance", "day_id")],
    "categories": [("category", "id")],
    "notes": [("note", "id")],
    "notes_fts": [("note", "#key")],
    "themes": [("theme", "id")],
    "theme_notes": [("note", "note_id"), ("theme", "theme_id")],
    "solutions": [("solution", "id")],
    "solution_notes": [("solution", "solution_id")],
    "action_items": [("action", "id")],
    "polls": [("poll", "id")],
    "poll_options": [("poll", "poll_id")],
    "poll_criteria": [("poll", "poll_id")],
    "poll_events": [("poll", "poll_id")],
    "ballots": [("ballot", "poll_id")],
    "poll_voters": [("ballot", "poll_id")],
    "room_questions": [("question", "id")],
    "room_devices": [("room", "=1")],  # the phones: Kind.ROOM's id 1
    "room_ideas": [("room", "")],
    "room_idea_votes": [("room", "")],
    "room_join_codes": [("join_code", "participant_id")],
    "room_claims": [("join_code", "participant_id"), ("room", "")],
    "board_cards": [("board", "")],
    "board_themes": [("board", "")],
    "actors": [("actor", "id")],
    "relations": [("relation", "id")],
    "relation_notes": [("relation", "relation_id")],
    "merge_conflicts": [("conflict", "")],
    "linked_conflicts": [("conflict", "")],
}


def touched(before: Dump, after: Dump) -> set[tuple[str, int]]:
    """(kind, id) of every row that differs between two dumps, by :data:`TOUCHES`.
    (Ballot entries are written with their ballot; tables not listed hold no user data.)"""
    out: set[tuple[str, int]] = set()
    for table, kinds in TOUCHES.items():
        old, new = before.get(table, {}), after.get(table, {})
        for key in set(old) | set(new):
            if old.get(key) == new.get(key):
                continue
            for row in (old.get(key), new.get(key)):
                if row is None:
                    continue
                values = dict(row)
                for kind, column in kinds:
                    if column == "":
                        out.add((kind, 0))
                    elif column.startswith("="):
                        out.add((kind, int(column[1:])))
                    elif column == "#key":
                        out.add((kind, key[0]))
                    elif values.get(column) is not None:
                        out.add((kind, values[column]))
    return out
