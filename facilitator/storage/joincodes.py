"""SQL of join codes and of the phones that claimed them (migration 0011_joincodes).

Every write runs inside :meth:`WorkshopFile.writing`: durable when it returns.
"""

from __future__ import annotations

from facilitator.domain import joincodes as jc
from facilitator.domain.timeutil import from_iso
from facilitator.storage.room import RoomRepository
from facilitator.storage.rows import new_uuid

_LIVE = "c.revoked_at IS NULL AND c.deleted_at IS NULL"


class JoinCodeRepository(RoomRepository):
    """The room's SQL (phones are ``room_devices``), and join codes and claims."""

    # --- codes --------------------------------------------------------------------------

    def every_code(self) -> set[str]:
        """Every code ever issued in this file (replaced and undone ones too)."""
        return {r[0] for r in self._rows("SELECT code FROM room_join_codes")}

    def live_code(self, participant_id: int) -> tuple[int, str] | None:
        """(code id, code) of the participant's current code."""
        row = self._one(
            f"SELECT c.id, c.code FROM room_join_codes c WHERE c.participant_id = ? AND {_LIVE}",
            (participant_id,),
        )
        return (row[0], row[1]) if row else None

    def code_row(self, code_id: int) -> tuple[int, str, str | None, str | None]:
        """(participant id, code, revoked_at, deleted_at) of a code row."""
        row = self._one(
            "SELECT participant_id, code, revoked_at, deleted_at FROM room_join_codes WHERE id = ?",
            (code_id,),
        )
        return (row[0], row[1], row[2], row[3])

    def add_code(self, participant_id: int, code: str, at: str) -> int:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO room_join_codes (uuid, participant_id, code, issued_at) "
                "VALUES (?,?,?,?)",
                (new_uuid(), participant_id, code, at),
            )
            return int(cur.lastrowid or 0)

    def set_revoked(self, code_id: int, at: str | None) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_join_codes SET revoked_at = ? WHERE id = ?", (at, code_id)
            )

    def set_deleted(self, code_id: int, at: str | None) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_join_codes SET deleted_at = ? WHERE id = ?", (at, code_id)
            )

    def codes(self) -> list[jc.JoinCode]:
        """Every participant of the list (not deleted), by name, with their current code
        ("" if none) and whether a phone is them now."""
        rows = self._rows(
            "SELECT p.id, p.name, coalesce(o.name, ''), c.code, c.issued_at, k.device_id "
            "FROM participants p "
            "LEFT JOIN organisations o ON o.id = p.organisation_id AND o.deleted_at IS NULL "
            f"LEFT JOIN room_join_codes c ON c.participant_id = p.id AND {_LIVE} "
            "LEFT JOIN room_claims k ON k.code_id = c.id AND k.ended_at IS NULL "
            "WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id"
        )
        return [
            jc.JoinCode(
                participant_id=r[0],
                name=r[1],
                organisation=r[2],
                code=r[3] or "",
                issued_at=from_iso(r[4]) if r[4] else None,
                claimed=r[5] is not None,
                device_id=r[5],
            )
            for r in rows
        ]

    def listed(self) -> list[jc.ListedParticipant]:
        """Who a phone may pick: participants with a current code, by name."""
        rows = self._rows(
            "SELECT p.id, p.name, coalesce(o.name, ''), k.id IS NOT NULL FROM participants p "
            "LEFT JOIN organisations o ON o.id = p.organisation_id AND o.deleted_at IS NULL "
            f"JOIN room_join_codes c ON c.participant_id = p.id AND {_LIVE} "
            "LEFT JOIN room_claims k ON k.code_id = c.id AND k.ended_at IS NULL "
            "WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, p.id"
        )
        return [jc.ListedParticipant(r[0], r[1], r[2], bool(r[3])) for r in rows]

    # --- claims -------------------------------------------------------------------------

    def live_claim_of_code(self, code_id: int) -> tuple[int, int] | None:
        """(claim id, device id) of the phone that holds this code now."""
        row = self._one(
            "SELECT id, device_id FROM room_claims WHERE code_id = ? AND ended_at IS NULL",
            (code_id,),
        )
        return (row[0], row[1]) if row else None

    def live_claim_of_device(self, device_id: int) -> tuple[int, int] | None:
        """(claim id, participant id) of the phone's current claim (none once the
        participant was deleted from the list)."""
        row = self._one(
            "SELECT k.id, k.participant_id FROM room_claims k "
            "JOIN participants p ON p.id = k.participant_id AND p.deleted_at IS NULL "
            "WHERE k.device_id = ? AND k.ended_at IS NULL",
            (device_id,),
        )
        return (row[0], row[1]) if row else None

    def participants_of_device(self, device_id: int) -> set[int]:
        """Everyone this phone has ever been (at most one: the service's rule)."""
        return {
            r[0]
            for r in self._rows(
                "SELECT DISTINCT participant_id FROM room_claims WHERE device_id = ?",
                (device_id,),
            )
        }

    def devices_of(self, participant_id: int) -> list[int]:
        """Every phone that has been this participant (a freed claim too)."""
        return [
            r[0]
            for r in self._rows(
                "SELECT DISTINCT device_id FROM room_claims WHERE participant_id = ? "
                "ORDER BY device_id",
                (participant_id,),
            )
        ]

    def add_claim(self, code_id: int, participant_id: int, device_id: int, at: str) -> int:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO room_claims (code_id, participant_id, device_id, claimed_at) "
                "VALUES (?,?,?,?)",
                (code_id, participant_id, device_id, at),
            )
            return int(cur.lastrowid or 0)

    def set_claim_ended(self, claim_id: int, at: str | None) -> None:
        with self.wf.writing():
            self.conn.execute("UPDATE room_claims SET ended_at = ? WHERE id = ?", (at, claim_id))

    def claim_ended_at(self, claim_id: int) -> str | None:
        row = self._one("SELECT ended_at FROM room_claims WHERE id = ?", (claim_id,))
        return row[0] if row else None

    def live_claims(self) -> dict[int, int]:
        """device id -> participant id of every current claim."""
        return {
            r[0]: r[1]
            for r in self._rows(
                "SELECT device_id, participant_id FROM room_claims WHERE ended_at IS NULL"
            )
        }
