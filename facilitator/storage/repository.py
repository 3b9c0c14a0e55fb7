"""All SQL of Facilitator's core tables. Rows in, dataclasses out.

Every write method runs inside :meth:`WorkshopFile.writing`, so it is committed
(and synced) when it returns; a caller that wraps several in its own ``writing()``
block gets them all or none (nested blocks are savepoints).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.timeutil import (
    date_from_iso,
    from_iso,
    time_from_text,
    time_to_text,
    to_iso,
    utcnow,
)
from facilitator.domain.validation import BAD_CHARS
from facilitator.storage.file import WorkshopFile, damaged_search_index

# Full-text matches ranked by relevance: the newest ones (see Repository._search_fts).
SEARCH_RANKED = 500


# A note lives where its agenda item and day still live (soft deletes hide both).
_LIVE_PLACE_JOIN = (
    "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id LEFT JOIN days d ON d.id = i.day_id "
)
_LIVE_PLACE = "(n.agenda_item_id IS NULL OR (i.deleted_at IS NULL AND d.deleted_at IS NULL))"


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
    now = _now()
    state = "IS NULL" if deleted else "IS NOT NULL"
    with wf.writing():
        cur = wf.db.conn.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at {state}",
            (now if deleted else None, now, row_id),
        )
    return cur.rowcount > 0


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def _now() -> str:
    return to_iso(utcnow())


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


_NOTE_COLUMNS = (
    "id, uuid, text, category_id, agenda_item_id, speaker_id, speaker_name, note_taker, "
    "created_at, updated_at, deleted_at, is_decision, day_id"
)
_NOTE_WIDTH = _NOTE_COLUMNS.count(",") + 1


def _note(row: Sequence[Any]) -> m.Note:
    return m.Note(
        id=row[0],
        uuid=row[1],
        text=row[2],
        category_id=row[3],
        agenda_item_id=row[4],
        speaker_id=row[5],
        speaker_name=row[6],
        note_taker=row[7],
        created_at=from_iso(row[8]),  # type: ignore[arg-type]
        updated_at=from_iso(row[9]),  # type: ignore[arg-type]
        deleted_at=from_iso(row[10]),
        is_decision=bool(row[11]),
        day_id=row[12],
    )


# Characters that cannot be part of stored text (see domain.validation): a search for
# them is a search for a word boundary.
_UNSEARCHABLE = BAD_CHARS


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, the last
    as a prefix. FTS5 operators typed by the user are taken literally."""
    text = _UNSEARCHABLE.sub(" ", text)
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    terms = []
    for word in words:
        cleaned = word.replace('"', '""')
        if not re.search(r"\w", cleaned):
            continue
        terms.append(f'"{cleaned}"')
    if not terms:
        return None
    terms[-1] = terms[-1] + "*"
    return " ".join(terms)


class Repository:
    def __init__(self, wf: WorkshopFile) -> None:
        self.wf = wf

    @property
    def conn(self) -> sqlite3.Connection:
        return self.wf.db.conn

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row

    def _write(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        with self.wf.writing():
            return self.conn.execute(sql, params)

    # --- workshop ---------------------------------------------------------------

    def get_workshop(self) -> m.Workshop | None:
        row = self._one(
            "SELECT uuid, title, organiser, place, language, start_date, end_date, description, "
            "time_zone, minutes_status, minutes_version, drafted_by, approval, distribution, "
            "next_meeting FROM workshop WHERE id = 1"
        )
        if row is None:
            return None
        return m.Workshop(
            uuid=row[0],
            title=row[1],
            organiser=row[2],
            place=row[3],
            language=m.Language(row[4]),
            start_date=date_from_iso(row[5]),
            end_date=date_from_iso(row[6]),
            description=row[7],
            time_zone=row[8],
            minutes_status=row[9],
            minutes_version=row[10],
            drafted_by=row[11],
            approval=row[12],
            distribution=row[13],
            next_meeting=row[14],
        )

    def save_workshop(self, w: m.Workshop) -> None:
        now = _now()
        self._write(
            "INSERT INTO workshop (id, uuid, title, organiser, place, language, start_date, "
            "end_date, description, time_zone, minutes_status, minutes_version, drafted_by, "
            "approval, distribution, next_meeting, created_at, updated_at) "
            "VALUES (1, :uuid, :title, :organiser, :place, :language, :start, :end, :desc, :tz, "
            ":status, :version, :drafted_by, :approval, :distribution, :next_meeting, :now, :now) "
            "ON CONFLICT(id) DO UPDATE SET title=excluded.title, organiser=excluded.organiser, "
            "place=excluded.place, language=excluded.language, start_date=excluded.start_date, "
            "end_date=excluded.end_date, description=excluded.description, "
            "time_zone=excluded.time_zone, minutes_status=excluded.minutes_status, "
            "minutes_version=excluded.minutes_version, drafted_by=excluded.drafted_by, "
            "approval=excluded.approval, distribution=excluded.distribution, "
            "next_meeting=excluded.next_meeting, updated_at=excluded.updated_at",
            {
                "uuid": w.uuid,
                "title": w.title,
                "organiser": w.organiser,
                "place": w.place,
                "language": w.language.value,
                "start": _date(w.start_date),
                "end": _date(w.end_date),
                "desc": w.description,
                "tz": w.time_zone,
                "status": w.minutes_status,
                "version": w.minutes_version,
                "drafted_by": w.drafted_by,
                "approval": w.approval,
                "distribution": w.distribution,
                "next_meeting": w.next_meeting,
                "now": now,
            },
        )

    # --- meta (key/value) ----------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # --- days -------------------------------------------------------------------

    def list_days(self) -> list[m.Day]:
        rows = self.conn.execute(
            "SELECT id, uuid, date, title FROM days WHERE deleted_at IS NULL ORDER BY position, id"
        ).fetchall()
        return [
            m.Day(id=r[0], uuid=r[1], number=i + 1, date=date_from_iso(r[2]), title=r[3])
            for i, r in enumerate(rows)
        ]

    def add_day(self, date: dt.date | None, title: str) -> int:
        now = _now()
        with self.wf.writing():
            pos = self._one("SELECT coalesce(max(position), 0) + 1 FROM days")[0]
            cur = self.conn.execute(
                "INSERT INTO days (uuid, position, date, title, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), pos, _date(date), title, now, now),
            )
            return int(cur.lastrowid or 0)

    def update_day(self, day_id: int, date: dt.date | None, title: str) -> None:
        self._write(
            "UPDATE days SET date = ?, title = ?, updated_at = ? WHERE id = ?",
            (_date(date), title, _now(), day_id),
        )

    def set_day_deleted(self, day_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "days", day_id, deleted)

    # --- organisations --------------------------------------------------------------

    def list_organisations(self) -> list[m.Organisation]:
        rows = self.conn.execute(
            "SELECT id, uuid, name, kind FROM organisations WHERE deleted_at IS NULL "
            "ORDER BY name COLLATE NOCASE"
        ).fetchall()
        return [m.Organisation(r[0], r[1], r[2], m.OrganisationKind(r[3])) for r in rows]

    def find_organisation(self, name: str) -> int | None:
        row = self._one(
            "SELECT id FROM organisations WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?))",
            (name,),
        )
        return row[0] if row else None

    def add_organisation(self, name: str, kind: m.OrganisationKind) -> int:
        now = _now()
        cur = self._write(
            "INSERT INTO organisations (uuid, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (new_uuid(), name, kind.value, now, now),
        )
        return int(cur.lastrowid or 0)

    def update_organisation(self, org_id: int, name: str, kind: m.OrganisationKind) -> None:
        self._write(
            "UPDATE organisations SET name = ?, kind = ?, updated_at = ? WHERE id = ?",
            (name, kind.value, _now(), org_id),
        )

    def set_organisation_deleted(self, org_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "organisations", org_id, deleted)

    # --- participants --------------------------------------------------------------

    _PARTICIPANT_SQL = (
        "SELECT p.id, p.uuid, p.name, p.organisation_id, coalesce(o.name, ''), p.role, p.email "
        "FROM participants p LEFT JOIN organisations o ON o.id = p.organisation_id "
    )

    @staticmethod
    def _participant(r: Sequence[Any]) -> m.Participant:
        return m.Participant(r[0], r[1], r[2], r[3], r[4], m.Role(r[5]), r[6])

    def list_participants(self) -> list[m.Participant]:
        rows = self.conn.execute(
            self._PARTICIPANT_SQL + "WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE"
        ).fetchall()
        return [self._participant(r) for r in rows]

    def get_participant(self, pid: int) -> m.Participant | None:
        row = self._one(self._PARTICIPANT_SQL + "WHERE p.id = ?", (pid,))
        return self._participant(row) if row else None

    def find_participant(self, name: str, email: str = "") -> int | None:
        if email:
            row = self._one(
                "SELECT id FROM participants WHERE deleted_at IS NULL AND lower(email) = lower(?)",
                (email.strip(),),
            )
            if row:
                return int(row[0])
        row = self._one(
            "SELECT id FROM participants WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?))",
            (name,),
        )
        return int(row[0]) if row else None

    def add_participant(
        self, name: str, organisation_id: int | None, role: m.Role, email: str
    ) -> int:
        now = _now()
        cur = self._write(
            "INSERT INTO participants (uuid, name, organisation_id, role, email, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), name, organisation_id, role.value, email, now, now),
        )
        return int(cur.lastrowid or 0)

    def update_participant(
        self, pid: int, name: str, organisation_id: int | None, role: m.Role, email: str
    ) -> None:
        self._write(
            "UPDATE participants SET name = ?, organisation_id = ?, role = ?, email = ?, "
            "updated_at = ? WHERE id = ?",
            (name, organisation_id, role.value, email, _now(), pid),
        )

    def set_participant_deleted(self, pid: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "participants", pid, deleted)

    # --- attendance ------------------------------------------------------------------

    def set_attendance(self, day_id: int, participant_id: int, present: bool) -> None:
        self._write(
            "INSERT INTO attendance (day_id, participant_id, present, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(day_id, participant_id) DO UPDATE SET present = excluded.present, "
            "updated_at = excluded.updated_at",
            (day_id, participant_id, int(present), _now()),
        )

    def attendance_of(self, day_id: int, participant_id: int) -> bool | None:
        """The stored check-in of one participant on one day (None: never recorded)."""
        row = self._one(
            "SELECT present FROM attendance WHERE day_id = ? AND participant_id = ?",
            (day_id, participant_id),
        )
        return None if row is None else bool(row[0])

    def clear_attendance(self, day_id: int, participant_id: int) -> None:
        self._write(
            "DELETE FROM attendance WHERE day_id = ? AND participant_id = ?",
            (day_id, participant_id),
        )

    def present_ids(self, day_id: int) -> set[int]:
        rows = self.conn.execute(
            "SELECT a.participant_id FROM attendance a JOIN participants p ON p.id = a.participant_id "
            "WHERE a.day_id = ? AND a.present = 1 AND p.deleted_at IS NULL",
            (day_id,),
        ).fetchall()
        return {r[0] for r in rows}

    # --- agenda ------------------------------------------------------------------------

    _ITEM_SQL = (
        "SELECT id, uuid, day_id, position, kind, title, description, location, planned_start, "
        "duration_min, actual_start, actual_end, summary, paused_at, paused_seconds, extra_min "
        "FROM agenda_items "
    )

    def _item(self, r: Sequence[Any]) -> m.AgendaItem:
        speakers = self.conn.execute(
            "SELECT p.id, p.name FROM agenda_item_speakers s JOIN participants p ON p.id = s.participant_id "
            "WHERE s.agenda_item_id = ? AND p.deleted_at IS NULL ORDER BY s.position",
            (r[0],),
        ).fetchall()
        return m.AgendaItem(
            id=r[0],
            uuid=r[1],
            day_id=r[2],
            position=r[3],
            kind=m.ItemKind(r[4]),
            title=r[5],
            description=r[6],
            location=r[7],
            planned_start=time_from_text(r[8]),
            duration_min=r[9],
            actual_start=from_iso(r[10]),
            actual_end=from_iso(r[11]),
            speaker_ids=tuple(s[0] for s in speakers),
            speaker_names=tuple(s[1] for s in speakers),
            summary=r[12],
            paused_at=from_iso(r[13]),
            paused_seconds=int(r[14] or 0),
            extra_min=int(r[15] or 0),
        )

    def list_items(self, day_id: int | None = None) -> list[m.AgendaItem]:
        if day_id is None:
            rows = self.conn.execute(
                "SELECT i.id, i.uuid, i.day_id, i.position, i.kind, i.title, i.description, "
                "i.location, i.planned_start, i.duration_min, i.actual_start, i.actual_end, "
                "i.summary, i.paused_at, i.paused_seconds, i.extra_min "
                "FROM agenda_items i JOIN days d ON d.id = i.day_id "
                "WHERE i.deleted_at IS NULL AND d.deleted_at IS NULL "
                "ORDER BY d.position, i.position, i.id"
            ).fetchall()
        else:
            rows = self.conn.execute(
                self._ITEM_SQL + "WHERE day_id = ? AND deleted_at IS NULL ORDER BY position, id",
                (day_id,),
            ).fetchall()
        return [self._item(r) for r in rows]

    def running_item_id(self) -> int | None:
        """The agenda item started last and not stopped (of any live day)."""
        row = self._one(
            "SELECT i.id FROM agenda_items i JOIN days d ON d.id = i.day_id "
            "WHERE i.actual_start IS NOT NULL AND i.actual_end IS NULL "
            "AND i.deleted_at IS NULL AND d.deleted_at IS NULL "
            "ORDER BY i.actual_start DESC, i.id DESC LIMIT 1"
        )
        return int(row[0]) if row else None

    def get_item(self, item_id: int) -> m.AgendaItem | None:
        row = self._one(self._ITEM_SQL + "WHERE id = ?", (item_id,))
        return self._item(row) if row else None

    def add_item(
        self,
        day_id: int,
        kind: m.ItemKind,
        title: str,
        planned_start: dt.time | None,
        duration_min: int,
        description: str = "",
        location: str = "",
        position: int | None = None,
    ) -> int:
        now = _now()
        with self.wf.writing():
            if position is None:
                position = self._one(
                    "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE day_id = ?",
                    (day_id,),
                )[0]
            else:
                self.conn.execute(
                    "UPDATE agenda_items SET position = position + 1 "
                    "WHERE day_id = ? AND position >= ? AND deleted_at IS NULL",
                    (day_id, position),
                )
            cur = self.conn.execute(
                "INSERT INTO agenda_items (uuid, day_id, position, kind, title, description, location, "
                "planned_start, duration_min, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    new_uuid(),
                    day_id,
                    position,
                    kind.value,
                    title,
                    description,
                    location,
                    time_to_text(planned_start),
                    duration_min,
                    now,
                    now,
                ),
            )
            return int(cur.lastrowid or 0)

    def update_item(self, item_id: int, **fields: Any) -> None:
        allowed = {
            "kind",
            "title",
            "description",
            "location",
            "planned_start",
            "duration_min",
            "actual_start",
            "actual_end",
            "position",
            "day_id",
            "summary",
            "paused_at",
            "paused_seconds",
            "extra_min",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown agenda item fields: {sorted(unknown)}")
        values: dict[str, Any] = {}
        for key, value in fields.items():
            if key == "kind":
                value = m.ItemKind(value).value
            elif key == "planned_start":
                value = time_to_text(value)
            elif key in ("actual_start", "actual_end", "paused_at"):
                value = to_iso(value) if value is not None else None
            values[key] = value
        if not values:
            return
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        values["_id"] = item_id
        values["_now"] = _now()
        self._write(
            f"UPDATE agenda_items SET {assignments}, updated_at = :_now WHERE id = :_id", values
        )

    def set_item_speakers(self, item_id: int, participant_ids: Iterable[int]) -> None:
        with self.wf.writing():
            self.conn.execute(
                "DELETE FROM agenda_item_speakers WHERE agenda_item_id = ?", (item_id,)
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO agenda_item_speakers (agenda_item_id, participant_id, position) "
                "VALUES (?, ?, ?)",
                [(item_id, pid, i) for i, pid in enumerate(participant_ids)],
            )

    def set_item_deleted(self, item_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "agenda_items", item_id, deleted)

    def set_item_order(self, day_id: int, item_ids: Sequence[int]) -> None:
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE agenda_items SET position = ?, updated_at = ? WHERE id = ? AND day_id = ?",
                [(i + 1, _now(), item_id, day_id) for i, item_id in enumerate(item_ids)],
            )

    def item_exists(self, item_id: int) -> bool:
        row = self._one(
            "SELECT 1 FROM agenda_items i JOIN days d ON d.id = i.day_id "
            "WHERE i.id = ? AND i.deleted_at IS NULL AND d.deleted_at IS NULL",
            (item_id,),
        )
        return row is not None

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
        now = _now()
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
            (name, colour, shortcut, _now(), cat_id),
        )

    def set_category_order(self, cat_ids: Sequence[int]) -> None:
        with self.wf.writing():
            self.conn.executemany(
                "UPDATE categories SET position = ?, updated_at = ? WHERE id = ?",
                [(i + 1, _now(), cid) for i, cid in enumerate(cat_ids)],
            )

    def set_category_deleted(self, cat_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "categories", cat_id, deleted)

    # --- notes ---------------------------------------------------------------------------

    def add_note(
        self,
        text: str,
        category_id: int | None,
        agenda_item_id: int | None,
        speaker_id: int | None,
        speaker_name: str,
        note_taker: str,
        created_at: dt.datetime | None = None,
        note_uuid: str | None = None,
        day_id: int | None = None,
        is_decision: bool = False,
    ) -> int:
        when = to_iso(created_at) if created_at else _now()
        with self.wf.writing():
            return self._insert_note(
                note_uuid or new_uuid(),
                text,
                category_id,
                agenda_item_id,
                speaker_id,
                speaker_name,
                note_taker,
                when,
                day_id,
                is_decision,
            )

    def add_notes_bulk(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert many notes at once (demo data, imports, benchmarks).

        Each row: (text, category_id, agenda_item_id, speaker_id, speaker_name, note_taker,
        created_at as datetime).
        """
        decisions = {c.id for c in self.list_categories(True) if c.meaning == "decision"}
        with self.wf.writing():
            for text, cat, item, spk, spk_name, taker, when in rows:
                self._insert_note(
                    new_uuid(),
                    text,
                    cat,
                    item,
                    spk,
                    spk_name,
                    taker,
                    to_iso(when),
                    is_decision=cat in decisions,
                )

    def _insert_note(
        self,
        note_uuid: str,
        text: str,
        category_id: int | None,
        agenda_item_id: int | None,
        speaker_id: int | None,
        speaker_name: str,
        note_taker: str,
        when: str,
        day_id: int | None = None,
        is_decision: bool = False,
    ) -> int:
        """The row and its full-text entry (inside the caller's write). ``day_id``: the
        day of a note outside the agenda (no item)."""
        cur = self.conn.execute(
            "INSERT INTO notes (uuid, text, category_id, agenda_item_id, speaker_id, speaker_name, "
            "note_taker, created_at, updated_at, day_id, is_decision) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                note_uuid,
                text,
                category_id,
                agenda_item_id,
                speaker_id,
                speaker_name,
                note_taker,
                when,
                when,
                day_id if agenda_item_id is None else None,
                int(is_decision),
            ),
        )
        note_id = int(cur.lastrowid or 0)
        self.conn.execute(
            "INSERT INTO notes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
            (note_id, text, speaker_name),
        )
        return note_id

    def get_note(self, note_id: int) -> m.Note | None:
        row = self._one(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        return _note(row) if row else None

    def _fts_remove(self, note_id: int) -> None:
        row = self._one("SELECT text, speaker_name, deleted_at FROM notes WHERE id = ?", (note_id,))
        if row and row[2] is None:
            self.conn.execute(
                "INSERT INTO notes_fts (notes_fts, rowid, text, speaker_name) VALUES ('delete', ?, ?, ?)",
                (note_id, row[0], row[1]),
            )

    def _fts_add(self, note_id: int) -> None:
        row = self._one("SELECT text, speaker_name, deleted_at FROM notes WHERE id = ?", (note_id,))
        if row and row[2] is None:
            self.conn.execute(
                "INSERT INTO notes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
                (note_id, row[0], row[1]),
            )

    def update_note(self, note_id: int, **fields: Any) -> None:
        allowed = {
            "text",
            "category_id",
            "agenda_item_id",
            "speaker_id",
            "speaker_name",
            "is_decision",
            "day_id",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown note fields: {sorted(unknown)}")
        if not fields:
            return
        values = dict(fields)
        if "is_decision" in values:
            values["is_decision"] = int(bool(values["is_decision"]))
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        values["_id"] = note_id
        values["_now"] = _now()
        with self.wf.writing():
            self._fts_remove(note_id)
            self.conn.execute(
                f"UPDATE notes SET {assignments}, updated_at = :_now WHERE id = :_id", values
            )
            self._fts_add(note_id)

    def set_note_deleted(self, note_id: int, deleted: bool) -> bool:
        """Soft-delete (or restore) a note and its full-text entry. Returns whether it
        changed (False: already in that state)."""
        with self.wf.writing():
            if deleted:
                self._fts_remove(note_id)
                cur = self.conn.execute(
                    "UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                    (_now(), _now(), note_id),
                )
            else:
                cur = self.conn.execute(
                    "UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                    (_now(), note_id),
                )
                if cur.rowcount:
                    self._fts_add(note_id)
        return cur.rowcount > 0

    def note_ids(self, agenda_item_id: int | None = None, day_id: int | None = None) -> list[int]:
        """Ids of the live notes of one item (or one day, or all), oldest first."""
        if agenda_item_id is not None:
            rows = self.conn.execute(
                "SELECT id FROM notes WHERE agenda_item_id = ? AND deleted_at IS NULL "
                "ORDER BY created_at, id",
                (agenda_item_id,),
            ).fetchall()
        elif day_id is not None:
            rows = self.conn.execute(
                "SELECT n.id FROM notes n JOIN agenda_items i ON i.id = n.agenda_item_id "
                "WHERE i.day_id = ? AND n.deleted_at IS NULL AND i.deleted_at IS NULL "
                "ORDER BY i.position, n.created_at, n.id",
                (day_id,),
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT n.id FROM notes n "
                + _LIVE_PLACE_JOIN
                + "WHERE n.deleted_at IS NULL AND "
                + _LIVE_PLACE
                + " ORDER BY n.created_at, n.id"
            ).fetchall()
        return [r[0] for r in rows]

    def outside_note_ids(self, day_id: int) -> list[int]:
        """Ids of the live notes of ``day_id`` taken outside the agenda (no item),
        oldest first. Such a note without a day (taken by a tool that does not know
        days) belongs to the first day."""
        first = self._one("SELECT id FROM days WHERE deleted_at IS NULL ORDER BY position, id")
        rows = self.conn.execute(
            "SELECT id FROM notes WHERE agenda_item_id IS NULL AND deleted_at IS NULL "
            "AND (day_id = ? OR (? AND (day_id IS NULL OR day_id NOT IN "
            "(SELECT id FROM days WHERE deleted_at IS NULL)))) ORDER BY created_at, id",
            (day_id, bool(first and first[0] == day_id)),
        ).fetchall()
        return [r[0] for r in rows]

    def notes_by_ids(self, ids: Sequence[int]) -> dict[int, m.Note]:
        out: dict[int, m.Note] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id IN ({marks})", chunk
            ):
                out[row[0]] = _note(row)
        return out

    def list_notes(
        self, agenda_item_id: int | None = None, day_id: int | None = None
    ) -> list[m.Note]:
        ids = self.note_ids(agenda_item_id, day_id)
        by_id = self.notes_by_ids(ids)
        return [by_id[i] for i in ids]

    def search_notes(
        self,
        text: str,
        day_id: int | None = None,
        agenda_item_id: int | None = None,
        category_id: int | None = None,
        speaker: str | None = None,
        limit: int = 500,
    ) -> list[m.SearchHit]:
        query = fts_query(text)
        clauses = ["n.deleted_at IS NULL", _LIVE_PLACE]
        params: list[Any] = []
        if query is not None:
            clauses.insert(0, "notes_fts MATCH ?")
            params.append(query)
        if day_id is not None:
            clauses.append("i.day_id = ?")
            params.append(day_id)
        if agenda_item_id is not None:
            clauses.append("n.agenda_item_id = ?")
            params.append(agenda_item_id)
        if category_id is not None:
            clauses.append("n.category_id = ?")
            params.append(category_id)
        if speaker:
            clauses.append("lower(n.speaker_name) = lower(?)")
            params.append(_UNSEARCHABLE.sub("", speaker))
        if query is None and len(clauses) == 2:
            return []
        if query is not None:
            try:
                return self._search_fts(query, clauses, params, limit, day_id, agenda_item_id)
            except sqlite3.DatabaseError as exc:
                text = str(exc).lower()
                if "malformed" in text or "fts5" in text or "corrupt" in text:
                    raise damaged_search_index(self.wf.path, str(exc)) from exc
                raise
        sql = (
            f"SELECT {', '.join('n.' + c.strip() for c in _NOTE_COLUMNS.split(','))}, "
            "substr(n.text, 1, 120), coalesce(i.day_id, n.day_id), coalesce(i.title, '') "
            "FROM notes n "
            + _LIVE_PLACE_JOIN
            + f"WHERE {' AND '.join(clauses)} ORDER BY n.created_at, n.id LIMIT ?"
        )
        params.append(limit)
        rows = self.conn.execute(sql, params).fetchall()
        w = _NOTE_WIDTH
        return [m.SearchHit(_note(r[:w]), r[w], r[w + 1], r[w + 2]) for r in rows]

    def _note_id_bounds(
        self, day_id: int | None, agenda_item_id: int | None
    ) -> tuple[int, int] | None:
        if agenda_item_id is not None:
            row = self._one(
                "SELECT min(id), max(id) FROM notes WHERE agenda_item_id = ?", (agenda_item_id,)
            )
        elif day_id is not None:
            row = self._one(
                "SELECT min(n.id), max(n.id) FROM agenda_items i "
                "JOIN notes n ON n.agenda_item_id = i.id WHERE i.day_id = ?",
                (day_id,),
            )
        else:
            return None
        return (row[0], row[1]) if row and row[0] is not None else (0, -1)

    def _search_fts(
        self,
        query: str,
        clauses: list[str],
        params: list[Any],
        limit: int,
        day_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> list[m.SearchHit]:
        """Full-text search ranked by bm25.

        bm25() costs a few µs per match, and a common word can match most of 100,000
        notes: only the newest ``SEARCH_RANKED`` (or ``limit``) matches are ranked (FTS5 walks rowids
        backwards for free). A word in fewer notes than that is ranked exactly.
        snippet() is computed only for the rows returned.
        """
        columns = ", ".join("n." + c.strip() for c in _NOTE_COLUMNS.split(","))
        clauses = list(clauses)
        bounds = self._note_id_bounds(day_id, agenda_item_id)
        if bounds is not None:
            # Notes of one day (or item) lie in a narrow band of rowids: FTS5 then walks
            # only that band instead of skipping the later days' matches one by one.
            clauses.append("notes_fts.rowid BETWEEN ? AND ?")
            params = [*params, *bounds]
        sql = (
            "WITH cand AS (SELECT notes_fts.rowid AS id, bm25(notes_fts) AS score "
            "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
            + _LIVE_PLACE_JOIN
            + f"WHERE {' AND '.join(clauses)} "
            f"ORDER BY notes_fts.rowid DESC LIMIT {max(SEARCH_RANKED, int(limit))}) "
            f"SELECT {columns}, coalesce(i.day_id, n.day_id), coalesce(i.title, '') FROM cand "
            "JOIN notes n ON n.id = cand.id LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
            "ORDER BY cand.score, n.id LIMIT ?"
        )
        rows = self.conn.execute(sql, [*params, limit]).fetchall()
        if not rows:
            return []
        ids = [row[0] for row in rows]
        # One pass over the returned rows' rowid range (a per-row "rowid = ?" makes FTS5
        # scan the whole doclist each time). snippet() grows with the square of the
        # matches in one note: huge notes show their beginning instead.
        snippets = dict(
            self.conn.execute(
                "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) THEN "
                "CASE WHEN length(text) <= 10000 "
                "THEN snippet(notes_fts, 0, ?, ?, '…', 12) ELSE substr(text, 1, 120) END "
                "END FROM notes_fts WHERE notes_fts MATCH ? AND rowid BETWEEN ? AND ?",
                (json.dumps(ids), m.MATCH_START, m.MATCH_END, query, min(ids), max(ids)),
            ).fetchall()
        )
        return [
            m.SearchHit(
                _note(row[:_NOTE_WIDTH]),
                snippets.get(row[0]) or "",
                row[_NOTE_WIDTH],
                row[_NOTE_WIDTH + 1],
            )
            for row in rows
        ]

    # --- drafts ---------------------------------------------------------------------------

    def save_draft(self, key: str, text: str, category_id: int | None, speaker_name: str) -> None:
        if not text:
            self._write("DELETE FROM drafts WHERE key = ?", (key,))
            return
        self._write(
            "INSERT INTO drafts (key, text, category_id, speaker_name, updated_at) VALUES (?,?,?,?,?) "
            "ON CONFLICT(key) DO UPDATE SET text = excluded.text, category_id = excluded.category_id, "
            "speaker_name = excluded.speaker_name, updated_at = excluded.updated_at",
            (key, text, category_id, speaker_name, _now()),
        )

    def get_draft(self, key: str) -> tuple[str, int | None, str] | None:
        row = self._one("SELECT text, category_id, speaker_name FROM drafts WHERE key = ?", (key,))
        return (row[0], row[1], row[2]) if row else None

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
        now = _now()
        cur = self._write(
            "INSERT INTO action_items (uuid, text, owner_id, due_date, status, note_id, agenda_item_id, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                new_uuid(),
                text,
                owner_id,
                _date(due_date),
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
            (text, owner_id, _date(due_date), status.value, _now(), action_id),
        )

    def set_action_deleted(self, action_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "action_items", action_id, deleted)

    # --- checks and counts -----------------------------------------------------------------

    def counts(self) -> m.Counts:
        def n(sql: str) -> int:
            return int(self._one(sql)[0])

        return m.Counts(
            days=n("SELECT count(*) FROM days WHERE deleted_at IS NULL"),
            agenda_items=n("SELECT count(*) FROM agenda_items WHERE deleted_at IS NULL"),
            organisations=n("SELECT count(*) FROM organisations WHERE deleted_at IS NULL"),
            participants=n("SELECT count(*) FROM participants WHERE deleted_at IS NULL"),
            categories=n("SELECT count(*) FROM categories WHERE deleted_at IS NULL"),
            notes=n("SELECT count(*) FROM notes WHERE deleted_at IS NULL"),
            deleted_notes=n("SELECT count(*) FROM notes WHERE deleted_at IS NOT NULL"),
            action_items=n("SELECT count(*) FROM action_items WHERE deleted_at IS NULL"),
        )

    def integrity_check(self) -> list[str]:
        return [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]

    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])
