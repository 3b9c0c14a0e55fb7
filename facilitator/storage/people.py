"""Organisations, participants and their attendance."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.domain import model as m
from facilitator.storage.rows import Rows, new_uuid, now_text, set_deleted


class PeopleRows(Rows):
    """Organisations, participants, attendance."""

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
        now = now_text()
        cur = self._write(
            "INSERT INTO organisations (uuid, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (new_uuid(), name, kind.value, now, now),
        )
        return int(cur.lastrowid or 0)

    def update_organisation(self, org_id: int, name: str, kind: m.OrganisationKind) -> None:
        self._write(
            "UPDATE organisations SET name = ?, kind = ?, updated_at = ? WHERE id = ?",
            (name, kind.value, now_text(), org_id),
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
        now = now_text()
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
            (name, organisation_id, role.value, email, now_text(), pid),
        )

    def set_participant_deleted(self, pid: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "participants", pid, deleted)

    # --- attendance ------------------------------------------------------------------

    def set_attendance(self, day_id: int, participant_id: int, present: bool) -> None:
        self._write(
            "INSERT INTO attendance (day_id, participant_id, present, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(day_id, participant_id) DO UPDATE SET present = excluded.present, "
            "updated_at = excluded.updated_at",
            (day_id, participant_id, int(present), now_text()),
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
