"""Days and their agenda items (with their speakers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.timeutil import (
    date_from_iso,
    from_iso,
    time_from_text,
    time_to_text,
    to_iso,
)
from facilitator.storage.rows import Rows, date_text, new_uuid, now_text, set_deleted


class AgendaRows(Rows):
    """Days, agenda items, speakers."""

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
        now = now_text()
        with self.wf.writing():
            pos = self._one("SELECT coalesce(max(position), 0) + 1 FROM days")[0]
            cur = self.conn.execute(
                "INSERT INTO days (uuid, position, date, title, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), pos, date_text(date), title, now, now),
            )
            return int(cur.lastrowid or 0)

    def update_day(self, day_id: int, date: dt.date | None, title: str) -> None:
        self._write(
            "UPDATE days SET date = ?, title = ?, updated_at = ? WHERE id = ?",
            (date_text(date), title, now_text(), day_id),
        )

    def set_day_deleted(self, day_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "days", day_id, deleted)

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
        now = now_text()
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
        values["_now"] = now_text()
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
                [(i + 1, now_text(), item_id, day_id) for i, item_id in enumerate(item_ids)],
            )

    def item_exists(self, item_id: int) -> bool:
        row = self._one(
            "SELECT 1 FROM agenda_items i JOIN days d ON d.id = i.day_id "
            "WHERE i.id = ? AND i.deleted_at IS NULL AND d.deleted_at IS NULL",
            (item_id,),
        )
        return row is not None
