"""Notes, their full-text index and search, and the capture box's drafts."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.timeutil import (
    from_iso,
    to_iso,
)
from facilitator.domain.validation import BAD_CHARS
from facilitator.storage.file import damaged_search_index
from facilitator.storage.rows import Rows, new_uuid, now_text

# Full-text matches ranked by relevance: the newest ones (see NoteRows._search_fts).
SEARCH_RANKED = 500


# A note lives where its agenda item and day still live (soft deletes hide both).
_LIVE_PLACE_JOIN = (
    "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id LEFT JOIN days d ON d.id = i.day_id "
)
_LIVE_PLACE = "(n.agenda_item_id IS NULL OR (i.deleted_at IS NULL AND d.deleted_at IS NULL))"


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


class NoteRows(Rows):
    """Notes, full-text search, drafts."""

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
        when = to_iso(created_at) if created_at else now_text()
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
        decisions = {
            r[0] for r in self.conn.execute("SELECT id FROM categories WHERE meaning = 'decision'")
        }
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
        values["_now"] = now_text()
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
                    (now_text(), now_text(), note_id),
                )
            else:
                cur = self.conn.execute(
                    "UPDATE notes SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
                    (now_text(), note_id),
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
            (key, text, category_id, speaker_name, now_text()),
        )

    def get_draft(self, key: str) -> tuple[str, int | None, str] | None:
        row = self._one("SELECT text, category_id, speaker_name FROM drafts WHERE key = ?", (key,))
        return (row[0], row[1], row[2]) if row else None
