"""The workshop's own row (title, place, language, minutes details) and the
key/value ``meta`` table."""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.domain.timeutil import (
    date_from_iso,
)
from facilitator.storage.rows import Rows, date_text, now_text


class DetailRows(Rows):
    """The workshop row and ``meta``."""

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
        now = now_text()
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
                "start": date_text(w.start_date),
                "end": date_text(w.end_date),
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
