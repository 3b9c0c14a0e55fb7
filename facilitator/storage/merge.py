"""SQL of merging: read a file's merged tables as plain data (references as UUIDs) and
write a merge plan (facilitator.domain.merging) into a file in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from facilitator.domain import errors, hlc
from facilitator.domain.merging import TABLES, Plan, RowState, Side
from facilitator.storage.clock import NOT_FIELDS, columns
from facilitator.storage.file import WorkshopFile

_VIRTUAL = {
    "agenda_items": ("speakers",),
    "notes": ("theme",),
    "solutions": ("notes",),
    "polls": ("options",),
}


def _refs(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {
        r[3]: r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")') if r[2] in TABLES
    }


def _foreign(conn: sqlite3.Connection, table: str) -> set[str]:
    """Columns referring to tables the merge does not carry (left empty in new rows)."""
    return {r[3] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")') if r[2] not in TABLES}


def _fields(conn: sqlite3.Connection, table: str) -> list[str]:
    skip = _foreign(conn, table)
    return [c for c in columns(conn, table) if c not in NOT_FIELDS and c not in skip]


def read_side(conn: sqlite3.Connection, name: str = "the file") -> Side:
    """Everything the merge carries, from one open file (read only)."""
    try:
        return _read_side(conn, name)
    except (ValueError, KeyError, TypeError) as exc:
        raise errors.ValidationError(
            "merge", f"{name} holds data Facilitator cannot merge: {exc}", rule="unreadable"
        ) from exc


def _read_side(conn: sqlite3.Connection, name: str) -> Side:
    ws = conn.execute("SELECT uuid, title FROM workshop WHERE id = 1").fetchone()
    if ws is None:
        raise errors.ValidationError("merge", f"{name} has no workshop details", rule="empty")
    ids: dict[str, dict[int, str]] = {}
    for table in TABLES:
        if table in ("workshop", "attendance"):
            continue
        ids[table] = {r[0]: r[1] for r in conn.execute(f"SELECT id, uuid FROM {table}")}
    ids["workshop"] = {1: ws[0]}

    def uuid_of(table: str, row_id: Any, what: str) -> str | None:
        if row_id is None:
            return None
        found = ids[table].get(row_id)
        if found is None:
            raise ValueError(f"{what} refers to a row of {table} that is not there")
        return found

    rows: dict[str, dict[str, RowState]] = {}
    refs_all: dict[str, dict[str, str]] = {}
    for table in TABLES:
        cols = columns(conn, table)
        fields = _fields(conn, table)
        refs = _refs(conn, table)
        refs_all[table] = refs
        select = ", ".join(f'"{c}"' for c in fields)
        extra = [c for c in ("uuid", "created_at", "updated_at", "hlc") if c in cols]
        sql = f"SELECT {', '.join(extra)}{', ' if extra and select else ''}{select} FROM {table}"
        out: dict[str, RowState] = {}
        for r in conn.execute(sql):
            head = dict(zip(extra, r[: len(extra)], strict=True))
            values = dict(zip(fields, r[len(extra) :], strict=True))
            for col, target in refs.items():
                if col in values:
                    values[col] = uuid_of(target, values[col], f"a row of {table}")
            if table == "workshop":
                key = ws[0]
            elif table == "attendance":
                key = f"{values['day_id']}|{values['participant_id']}"
            else:
                key = str(head["uuid"])
            for v in values.values():
                if isinstance(v, str) and "\x00" in v:
                    raise ValueError(f"a row of {table} holds a NUL character")
            out[key] = RowState(
                values, hlc.load(head.get("hlc")), head.get("created_at"), head.get("updated_at")
            )
        rows[table] = out
    _read_links(conn, rows, ids, uuid_of)
    events = {
        r[0]: (uuid_of("polls", r[1], "a poll event") or "", r[2], r[3], r[4])
        for r in conn.execute("SELECT uuid, poll_id, event, reason, at FROM poll_events")
    }
    voters = {
        (uuid_of("polls", p, "a voter") or "", uuid_of("participants", v, "a voter") or "")
        for p, v in conn.execute("SELECT poll_id, participant_id FROM poll_voters")
    }
    options = {r[0]: r[1] for r in conn.execute("SELECT id, uuid FROM poll_options")}
    entries: dict[str, list[tuple[str, int, int]]] = {}
    for b, o, c, v in conn.execute(
        "SELECT ballot_id, option_id, criterion, value FROM ballot_entries"
    ):
        if o not in options:
            raise ValueError("a ballot refers to a poll option that is not there")
        key = uuid_of("ballots", b, "a ballot entry") or ""
        entries.setdefault(key, []).append((options[o], int(c), int(v)))
    conflicts = {}
    cur = conn.execute("SELECT * FROM merge_conflicts")
    names = [d[0] for d in cur.description]
    for r in cur:
        record = dict(zip(names, r, strict=True))
        record.pop("id")
        conflicts[str(record["uuid"])] = record
    return Side(
        ws[0],
        rows,
        refs_all,
        events,
        voters,
        {k: tuple(sorted(v)) for k, v in entries.items()},
        conflicts,
        str(ws[1]),
    )


def _read_links(
    conn: sqlite3.Connection,
    rows: dict[str, dict[str, RowState]],
    ids: dict[str, dict[int, str]],
    uuid_of: Any,
) -> None:
    speakers: dict[str, list[str]] = {}
    for item, person in conn.execute(
        "SELECT agenda_item_id, participant_id FROM agenda_item_speakers ORDER BY position, participant_id"
    ):
        speakers.setdefault(uuid_of("agenda_items", item, "a speaker"), []).append(
            uuid_of("participants", person, "a speaker")
        )
    for key, row in rows["agenda_items"].items():
        row.values["speakers"] = tuple(speakers.get(key, ()))
    themes = {
        uuid_of("notes", n, "a theme member"): uuid_of("themes", t, "a theme member")
        for n, t in conn.execute("SELECT note_id, theme_id FROM theme_notes")
    }
    for key, row in rows["notes"].items():
        row.values["theme"] = themes.get(key)
    members: dict[str, list[str]] = {}
    for s, n in conn.execute("SELECT solution_id, note_id FROM solution_notes"):
        members.setdefault(uuid_of("solutions", s, "a solution"), []).append(
            uuid_of("notes", n, "a solution")
        )
    for key, row in rows["solutions"].items():
        row.values["notes"] = tuple(sorted(members.get(key, ())))
    options: dict[str, list[tuple[str, str, str | None]]] = {}
    for poll, uid, text, sol in conn.execute(
        "SELECT poll_id, uuid, label, solution_id FROM poll_options ORDER BY position, id"
    ):
        options.setdefault(uuid_of("polls", poll, "a poll option"), []).append(
            (uid, text, uuid_of("solutions", sol, "a poll option"))
        )
    criteria: dict[str, list[tuple[Any, ...]]] = {}
    for poll, uid, name, lo, hi, w in conn.execute(
        "SELECT poll_id, uuid, name, scale_min, scale_max, weight FROM poll_criteria "
        "ORDER BY position, id"
    ):
        criteria.setdefault(uuid_of("polls", poll, "a poll criterion"), []).append(
            (uid, name, lo, hi, float(w))
        )
    for key, row in rows["polls"].items():
        row.values["options"] = (tuple(options.get(key, ())), tuple(criteria.get(key, ())))
    del ids


# --- writing -----------------------------------------------------------------------------


@contextmanager
def _paused(wf: WorkshopFile) -> Iterator[None]:
    if wf.clock is None:
        raise errors.ReadOnlyFile(wf.path, f"{wf.path} is open read-only")
    wf.clock.paused = True
    try:
        yield
    finally:
        wf.clock.paused = False


class _Writer:
    def __init__(self, wf: WorkshopFile, into: Side) -> None:
        self.wf = wf
        self.conn = wf.db.conn
        self.into = into
        self.ids: dict[str, dict[str, int]] = {}
        for table in TABLES:
            if table in ("workshop", "attendance"):
                continue
            self.ids[table] = {
                r[1]: r[0] for r in self.conn.execute(f"SELECT id, uuid FROM {table}")
            }
        self.options = {r[1]: r[0] for r in self.conn.execute("SELECT id, uuid FROM poll_options")}
        self.shape = {
            t: (columns(self.conn, t), _fields(self.conn, t), _refs(self.conn, t)) for t in TABLES
        }

    def id_of(self, table: str, key: str | None) -> int | None:
        if key is None:
            return None
        if table == "workshop":
            return 1
        return self.ids[table][key]

    def _sql_values(self, table: str, row: RowState) -> dict[str, Any]:
        _cols, fields, refs = self.shape[table]
        out = {}
        for f in fields:
            if f not in row.values:
                continue
            v = row.values[f]
            out[f] = self.id_of(refs[f], v) if f in refs else v
        return out

    def _fts(self, note_id: int, add: bool) -> None:
        r = self.conn.execute(
            "SELECT text, speaker_name, deleted_at FROM notes WHERE id = ?", (note_id,)
        ).fetchone()
        if r and r[2] is None:
            if add:
                self.conn.execute(
                    "INSERT INTO notes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
                    (note_id, r[0], r[1]),
                )
            else:
                self.conn.execute(
                    "INSERT INTO notes_fts (notes_fts, rowid, text, speaker_name) "
                    "VALUES ('delete', ?, ?, ?)",
                    (note_id, r[0], r[1]),
                )

    def insert(self, table: str, key: str, row: RowState) -> None:
        cols = self.shape[table][0]
        values = self._sql_values(table, row)
        if "uuid" in cols:
            values["uuid"] = key
        for c in ("created_at", "updated_at"):
            if c in cols:
                values[c] = getattr(row, c) or row.values.get("cast_at") or hlc.ZERO
        values["hlc"] = hlc.dump(row.clocks)
        names = ", ".join(f'"{c}"' for c in values)
        marks = ", ".join("?" * len(values))
        cur = self.conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks})", list(values.values())
        )
        if "uuid" in cols:
            self.ids[table][key] = int(cur.lastrowid or 0)
        if table == "notes":
            self._fts(int(cur.lastrowid or 0), add=True)

    def update(self, table: str, key: str, row: RowState) -> None:
        cols = self.shape[table][0]
        values = self._sql_values(table, row)
        if "updated_at" in cols and row.updated_at:
            values["updated_at"] = row.updated_at
        values["hlc"] = hlc.dump(row.clocks)
        sets = ", ".join(f'"{c}" = ?' for c in values)
        params: list[Any]
        if table == "workshop":
            where, params = "id = 1", []
        elif table == "attendance":
            day, person = key.split("|")
            where = "day_id = ? AND participant_id = ?"
            params = [self.id_of("days", day), self.id_of("participants", person)]
        else:
            where, params = "uuid = ?", [key]
        note_id = self.ids["notes"][key] if table == "notes" else None
        if note_id is not None:
            self._fts(note_id, add=False)
        self.conn.execute(f"UPDATE {table} SET {sets} WHERE {where}", [*values.values(), *params])
        if note_id is not None:
            self._fts(note_id, add=True)

    def links(self, table: str, key: str, row: RowState) -> None:
        old = self.into.rows.get(table, {}).get(key)
        for name in _VIRTUAL.get(table, ()):
            value = row.values.get(name)
            if old is not None and old.values.get(name) == value:
                continue
            rid = self.id_of(table, key)
            if name == "speakers":
                self.conn.execute(
                    "DELETE FROM agenda_item_speakers WHERE agenda_item_id = ?", (rid,)
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO agenda_item_speakers (agenda_item_id, participant_id, "
                    "position) VALUES (?, ?, ?)",
                    [(rid, self.id_of("participants", p), i) for i, p in enumerate(value or ())],
                )
            elif name == "theme":
                self.conn.execute("DELETE FROM theme_notes WHERE note_id = ?", (rid,))
                if value is not None:
                    self.conn.execute(
                        "INSERT INTO theme_notes (note_id, theme_id, updated_at) VALUES (?, ?, ?)",
                        (rid, self.id_of("themes", value), row.updated_at or hlc.ZERO),
                    )
            elif name == "notes":
                self.conn.execute("DELETE FROM solution_notes WHERE solution_id = ?", (rid,))
                self.conn.executemany(
                    "INSERT OR IGNORE INTO solution_notes (solution_id, note_id) VALUES (?, ?)",
                    [(rid, self.id_of("notes", n)) for n in value or ()],
                )
            elif name == "options" and value is not None:
                self._options(rid, value)

    def _options(self, poll_id: int | None, value: Any) -> None:
        options, criteria = value
        keep = {u for u, _t, _s in options}
        used = {
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT o.uuid FROM poll_options o JOIN ballot_entries e "
                "ON e.option_id = o.id WHERE o.poll_id = ?",
                (poll_id,),
            )
        }
        for (uid,) in self.conn.execute(
            "SELECT uuid FROM poll_options WHERE poll_id = ?", (poll_id,)
        ).fetchall():
            if uid not in keep and uid not in used:
                self.conn.execute("DELETE FROM poll_options WHERE uuid = ?", (uid,))
        for i, (uid, text, sol) in enumerate(options):
            self.conn.execute(
                "INSERT INTO poll_options (uuid, poll_id, position, label, solution_id) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(uuid) DO UPDATE SET position = excluded.position, "
                "label = excluded.label, solution_id = excluded.solution_id",
                (uid, poll_id, i, text, self.id_of("solutions", sol)),
            )
        self.conn.execute("DELETE FROM poll_criteria WHERE poll_id = ?", (poll_id,))
        self.conn.executemany(
            "INSERT INTO poll_criteria (uuid, poll_id, position, name, scale_min, scale_max, weight) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(c[0], poll_id, i, *c[1:]) for i, c in enumerate(criteria)],
        )
        self.options = {r[1]: r[0] for r in self.conn.execute("SELECT id, uuid FROM poll_options")}


def apply_plan(wf: WorkshopFile, into: Side, plan: Plan, source: str, now: str) -> None:
    """Write ``plan`` (made against ``into``, read from ``wf`` just before) in one
    transaction: all of it or, on any error, nothing."""
    with wf.writing(), _paused(wf):
        w = _Writer(wf, into)
        for table in TABLES:
            tp = plan.tables[table]
            for key, row in tp.new.items():
                w.insert(table, key, row)
            for key, row in {**tp.changed, **tp.clocks_only}.items():
                w.update(table, key, row)
        for table in _VIRTUAL:
            tp = plan.tables[table]
            for key, row in {**tp.new, **tp.changed}.items():
                w.links(table, key, row)
        for ballot, entries in plan.entries.items():
            bid = w.id_of("ballots", ballot)
            for option, criterion, value in entries:
                if option not in w.options:
                    raise errors.ValidationError(
                        "merge", "a ballot refers to a poll option that is not there", rule="option"
                    )
                w.conn.execute(
                    "INSERT INTO ballot_entries (ballot_id, option_id, criterion, value) "
                    "VALUES (?, ?, ?, ?)",
                    (bid, w.options[option], criterion, value),
                )
        for uid, (poll, event, reason, at) in plan.events.items():
            w.conn.execute(
                "INSERT INTO poll_events (uuid, poll_id, event, reason, at) VALUES (?, ?, ?, ?, ?)",
                (uid, w.id_of("polls", poll), event, reason, at),
            )
        w.conn.executemany(
            "INSERT OR IGNORE INTO poll_voters (poll_id, participant_id) VALUES (?, ?)",
            [(w.id_of("polls", p), w.id_of("participants", v)) for p, v in sorted(plan.voters)],
        )
        records = [
            {
                "uuid": c.uuid,
                "table_name": c.table,
                "row_uuid": c.key,
                "field": c.field,
                "kept_value": json.dumps(c.kept, default=str),
                "other_value": json.dumps(c.other, default=str),
                "kept_hlc": c.kept_hlc,
                "other_hlc": c.other_hlc,
                "needs_review": int(c.needs_review),
                "source": source,
                "merged_at": now,
                "resolved_at": None,
            }
            for tp in plan.tables.values()
            for c in tp.conflicts
        ]
        records += list(plan.conflicts.values())
        for record in records:
            names = ", ".join(record)
            marks = ", ".join("?" * len(record))
            w.conn.execute(
                f"INSERT OR IGNORE INTO merge_conflicts ({names}) VALUES ({marks})",
                list(record.values()),
            )
        w.conn.executemany(
            "UPDATE merge_conflicts SET resolved_at = ? WHERE uuid = ? AND resolved_at IS NULL",
            [(at, uid) for uid, at in sorted(plan.resolved.items())],
        )
        if wf.clock is not None:
            wf.clock.clock.observe(plan.newest)


def conflicts_to_review(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Recorded conflicts that need a person (note texts, poll states), oldest first."""
    cur = conn.execute(
        "SELECT uuid, table_name, row_uuid, field, kept_value, other_value, source, merged_at "
        "FROM merge_conflicts WHERE needs_review = 1 AND resolved_at IS NULL "
        "ORDER BY merged_at, id"
    )
    names = [d[0] for d in cur.description]
    out = []
    for r in cur:
        record = dict(zip(names, r, strict=True))
        record["kept_value"] = json.loads(record["kept_value"])
        record["other_value"] = json.loads(record["other_value"])
        out.append(record)
    return out
