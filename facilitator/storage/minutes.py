"""SQL of what the minutes' frame adds (migration 0003_minutes): the user's images, the
participants' job title and country, and apologies for absence.

The workshop's own frame fields (status, version, drafted by…) and the session summaries
are columns of ``workshop`` and ``agenda_items``, read and written by the repository.
"""

from __future__ import annotations

import sqlite3

from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.storage.rows import Rows

IMAGE_KINDS = ("logo", "emblem")


class MinutesRepository(Rows):
    # --- images ---------------------------------------------------------------------

    def image(self, kind: str) -> tuple[str, bytes] | None:
        row = self.conn.execute(
            "SELECT mime, data FROM workshop_images WHERE kind = ?", (kind,)
        ).fetchone()
        return (str(row[0]), bytes(row[1])) if row else None

    def set_image(self, kind: str, mime: str, data: bytes) -> None:
        self._write(
            "INSERT INTO workshop_images (kind, mime, data, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(kind) DO UPDATE SET mime = excluded.mime, data = excluded.data, "
            "updated_at = excluded.updated_at",
            (kind, mime, sqlite3.Binary(data), to_iso(utcnow())),
        )

    def remove_image(self, kind: str) -> None:
        self._write("DELETE FROM workshop_images WHERE kind = ?", (kind,))

    # --- participants ---------------------------------------------------------------

    def participant_details(self) -> dict[int, tuple[str, str]]:
        """``{participant id: (job title, country)}`` of every participant."""
        rows = self.conn.execute("SELECT id, job_title, country FROM participants").fetchall()
        return {int(r[0]): (str(r[1]), str(r[2])) for r in rows}

    def set_participant_details(self, pid: int, job_title: str, country: str) -> None:
        self._write(
            "UPDATE participants SET job_title = ?, country = ?, updated_at = ? WHERE id = ?",
            (job_title, country, to_iso(utcnow()), pid),
        )

    # --- apologies ------------------------------------------------------------------

    def apologies(self, day_id: int) -> set[int]:
        rows = self.conn.execute(
            "SELECT participant_id FROM attendance WHERE day_id = ? AND present = 0 "
            "AND apologies = 1",
            (day_id,),
        ).fetchall()
        return {int(r[0]) for r in rows}

    def set_apologies(self, day_id: int, pid: int, sent: bool) -> None:
        """Mark an absent participant's apologies for a day (an absence row is made)."""
        self._write(
            "INSERT INTO attendance (day_id, participant_id, present, apologies, updated_at) "
            "VALUES (?, ?, 0, ?, ?) ON CONFLICT(day_id, participant_id) DO UPDATE SET "
            "apologies = excluded.apologies, updated_at = excluded.updated_at",
            (day_id, pid, int(sent), to_iso(utcnow())),
        )
