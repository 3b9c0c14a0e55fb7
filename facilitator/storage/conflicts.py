"""SQL of the conflicts kept for review: read both tables that record them
(``merge_conflicts``, written by merging files, and ``linked_conflicts``, written on the
hub by note-takers' laptops) as one kind of row, and mark one resolved or not.

The two tables stay apart: ``merge_conflicts`` travels between files by its UUID (a
merge carries the conflicts its file has recorded), ``linked_conflicts`` is the hub's own
record of what its note-takers sent. Only the conflicts a person decides are read here
(``needs_review`` for merges: note texts and poll states; every linked conflict).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from facilitator.storage.rows import Rows

MERGE = "merge"
LINKED = "linked"


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as recorded. ``key``: the ``merge_conflicts`` UUID, or the
    ``linked_conflicts`` id as text."""

    origin: str  # MERGE or LINKED
    key: str
    table: str  # "notes" or "polls"
    kind: str  # merge: the field ("text", "state"); linked: "edit", "delete", "edit_deleted"
    row_uuid: str
    row_id: int | None  # the note's or poll's id in this file (None: not here)
    kept: Any
    other: Any
    kept_stamp: str  # merge: the kept version's clock stamp; linked: ""
    other_stamp: str
    by: str  # linked: the note-taker who sent the change; merge: ""
    source: str  # merge: the file merged in; linked: ""
    recorded_at: str
    resolved_at: str | None


_MERGE_SQL = (
    "SELECT c.uuid, c.table_name, c.field, c.row_uuid, coalesce(n.id, p.id), c.kept_value, "
    "c.other_value, c.kept_hlc, c.other_hlc, c.source, c.merged_at, c.resolved_at "
    "FROM merge_conflicts c "
    "LEFT JOIN notes n ON c.table_name = 'notes' AND n.uuid = c.row_uuid "
    "LEFT JOIN polls p ON c.table_name = 'polls' AND p.uuid = c.row_uuid "
    "WHERE c.needs_review = 1 "
)
_LINKED_SQL = (
    "SELECT c.id, c.kind, n.uuid, n.id, c.kept_text, c.other_text, c.kept_by, c.created_at, "
    "c.resolved_at FROM linked_conflicts c JOIN notes n ON n.id = c.note_id "
)


def _json(text: Any) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return str(text)


class ConflictsRepository(Rows):
    def rows(self, include_resolved: bool = False) -> list[ConflictRow]:
        """Every conflict to review (and the resolved ones, if asked), oldest first."""
        merge_where = "" if include_resolved else "AND c.resolved_at IS NULL "
        linked_where = "" if include_resolved else "WHERE c.resolved_at IS NULL "
        out = [
            ConflictRow(
                MERGE,
                str(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                r[4],
                _json(r[5]),
                _json(r[6]),
                str(r[7]),
                str(r[8]),
                "",
                str(r[9]),
                str(r[10]),
                r[11],
            )
            for r in self.conn.execute(_MERGE_SQL + merge_where + "ORDER BY c.merged_at, c.id")
        ]
        out += [
            ConflictRow(
                LINKED,
                str(r[0]),
                "notes",
                str(r[1]),
                str(r[2]),
                r[3],
                r[4],
                r[5],
                "",
                "",
                str(r[6]),
                "",
                str(r[7]),
                r[8],
            )
            for r in self.conn.execute(_LINKED_SQL + linked_where + "ORDER BY c.id")
        ]
        out.sort(key=lambda c: (c.recorded_at, c.origin, c.key))
        return out

    def row(self, origin: str, key: str) -> ConflictRow | None:
        if origin not in (MERGE, LINKED):
            raise ValueError(f"unknown conflict origin {origin!r}")
        return next(
            (c for c in self.rows(include_resolved=True) if (c.origin, c.key) == (origin, key)),
            None,
        )

    def unresolved(self) -> int:
        merge = self.conn.execute(
            "SELECT count(*) FROM merge_conflicts WHERE needs_review = 1 AND resolved_at IS NULL"
        ).fetchone()[0]
        linked = self.conn.execute(
            "SELECT count(*) FROM linked_conflicts c JOIN notes n ON n.id = c.note_id "
            "WHERE c.resolved_at IS NULL"
        ).fetchone()[0]
        return int(merge) + int(linked)

    def set_resolved(self, origin: str, key: str, at: str | None) -> None:
        """Mark one conflict resolved at ``at`` (None: not resolved)."""
        with self.wf.writing():
            if origin == MERGE:
                cur = self.conn.execute(
                    "UPDATE merge_conflicts SET resolved_at = ? WHERE uuid = ?", (at, key)
                )
            elif origin == LINKED:
                cur = self.conn.execute(
                    "UPDATE linked_conflicts SET resolved_at = ? WHERE id = ?", (at, int(key))
                )
            else:
                raise ValueError(f"unknown conflict origin {origin!r}")
            if cur.rowcount != 1:
                raise KeyError(f"no conflict {origin} {key}")
