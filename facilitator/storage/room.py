"""SQL of the room: devices, questions, ideas and their upvotes, and ballots cast from
phones (migration 0004_room).

Every write runs inside :meth:`WorkshopFile.writing`: durable when it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitator.domain import room as r
from facilitator.domain.timeutil import from_iso
from facilitator.domain.voting import Ballot, CastMode
from facilitator.storage.rows import Rows, new_uuid, now_text

_IDEA_SQL = (
    "SELECT i.id, i.device_id, i.text, i.author, i.agenda_item_id, i.question_id, i.status, "
    "i.note_id, i.merged_into, i.created_at, "
    "(SELECT count(*) FROM room_idea_votes v WHERE v.idea_id = i.id) FROM room_ideas i "
)


def _idea(row: Sequence[Any]) -> r.Idea:
    return r.Idea(
        id=row[0],
        device_id=row[1],
        text=row[2],
        author=row[3],
        agenda_item_id=row[4],
        question_id=row[5],
        status=r.IdeaStatus(row[6]),
        note_id=row[7],
        merged_into=row[8],
        created_at=from_iso(row[9]),  # type: ignore[arg-type]
        votes=row[10],
    )


class RoomRepository(Rows):
    # --- devices ----------------------------------------------------------------------

    def add_device(self, token_hash: str, name: str, language: str) -> int:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO room_devices (uuid, token_hash, name, language, joined_at) "
                "VALUES (?,?,?,?,?)",
                (new_uuid(), token_hash, name, language, now_text()),
            )
            return int(cur.lastrowid or 0)

    def set_device_name(self, device_id: int, name: str, language: str) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_devices SET name = ?, language = ? WHERE id = ?",
                (name, language, device_id),
            )

    def _device(self, row: Sequence[Any]) -> r.Device:
        return r.Device(
            id=row[0],
            uuid=row[1],
            name=row[2],
            language=row[3],
            joined_at=from_iso(row[4]),  # type: ignore[arg-type]
            removed=row[5] is not None,
        )

    _DEVICE_SQL = "SELECT id, uuid, name, language, joined_at, removed_at FROM room_devices "

    def device_by_token(self, token_hash: str) -> r.Device | None:
        row = self._one(self._DEVICE_SQL + "WHERE token_hash = ?", (token_hash,))
        return self._device(row) if row else None

    def get_device(self, device_id: int) -> r.Device | None:
        row = self._one(self._DEVICE_SQL + "WHERE id = ?", (device_id,))
        return self._device(row) if row else None

    def list_devices(self) -> list[r.Device]:
        return [self._device(x) for x in self._rows(self._DEVICE_SQL + "ORDER BY id")]

    def set_device_removed(self, device_id: int, removed: bool) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_devices SET removed_at = ? WHERE id = ?",
                (now_text() if removed else None, device_id),
            )

    # --- ballots from phones ------------------------------------------------------------

    def current_poll_id(self, include_closed: bool = False) -> int | None:
        """The open poll opened (or reopened) last; with ``include_closed``, when none is
        open, the poll closed last."""
        states = "('open', 'closed')" if include_closed else "('open')"
        row = self._one(
            "SELECT p.id FROM polls p LEFT JOIN poll_events e ON e.poll_id = p.id "
            f"WHERE p.state IN {states} AND p.deleted_at IS NULL GROUP BY p.id "
            "ORDER BY p.state = 'open' DESC, max(coalesce(e.at, p.updated_at)) DESC, p.id DESC "
            "LIMIT 1"
        )
        return row[0] if row else None

    def revealed(self, poll_id: int) -> bool:
        row = self._one("SELECT revealed_at FROM polls WHERE id = ?", (poll_id,))
        return bool(row and row[0])

    def set_revealed(self, poll_id: int, revealed: bool) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE polls SET revealed_at = ? WHERE id = ?",
                (now_text() if revealed else None, poll_id),
            )

    def ballot_by_key(self, device_id: int, key: str) -> tuple[int, int] | None:
        """(ballot id, poll id) of the device's submission with this key, deleted or not."""
        row = self._one(
            "SELECT id, poll_id FROM ballots WHERE device_id = ? AND idempotency_key = ?",
            (device_id, key),
        )
        return (row[0], row[1]) if row else None

    def device_ballot(self, poll_id: int, devices: Sequence[int]) -> tuple[int, Ballot] | None:
        """The counted ballot in ``poll_id`` from one of ``devices`` (a phone, or every
        phone that has been one participant), if any."""
        marks = ",".join("?" * len(devices))
        row = self._one(
            f"SELECT id FROM ballots WHERE poll_id = ? AND device_id IN ({marks}) "
            "AND deleted_at IS NULL ORDER BY cast_at DESC, id DESC LIMIT 1",
            (poll_id, *devices),
        )
        if row is None:
            return None
        values = {
            (o, c): v
            for o, c, v in self._rows(
                "SELECT option_id, criterion, value FROM ballot_entries WHERE ballot_id = ?",
                (row[0],),
            )
        }
        return row[0], Ballot(values)

    def cast_room_ballot(
        self,
        poll_id: int,
        device_id: int,
        key: str,
        ballot: Ballot,
        replace: Sequence[int] = (),
        voter: int | None = None,
    ) -> tuple[int, bool]:
        """Store the device's ballot, replacing the earlier one in this poll of the
        device and of every phone in ``replace``, in one transaction; a participant's
        (``voter``) is recorded among the poll's voters (not on the ballot). Returns
        (ballot id, whether an earlier ballot was replaced)."""
        now = now_text()
        devices = sorted(set(replace) | {device_id})
        marks = ",".join("?" * len(devices))
        with self.wf.writing():
            cur = self.conn.execute(
                "UPDATE ballots SET deleted_at = ? "
                f"WHERE poll_id = ? AND device_id IN ({marks}) AND deleted_at IS NULL",
                (now, poll_id, *devices),
            )
            replaced = cur.rowcount > 0
            if voter is not None:
                self.conn.execute(
                    "INSERT OR IGNORE INTO poll_voters (poll_id, participant_id) VALUES (?, ?)",
                    (poll_id, voter),
                )
            cur = self.conn.execute(
                "INSERT INTO ballots (uuid, poll_id, mode, voter_id, voters, cast_at, origin, "
                "device_id, idempotency_key) VALUES (?,?,?,NULL,1,?,'room',?,?)",
                (new_uuid(), poll_id, CastMode.KIOSK.value, now, device_id, key),
            )
            ballot_id = int(cur.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO ballot_entries (ballot_id, option_id, criterion, value) "
                "VALUES (?,?,?,?)",
                [(ballot_id, o, c, v) for (o, c), v in sorted(ballot.values.items())],
            )
            return ballot_id, replaced

    def room_ballot_counts(self, poll_id: int) -> tuple[int, int]:
        """(ballots from phones that count, all ballots from phones ever stored)."""
        row = self._one(
            "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(*) FROM ballots "
            "WHERE poll_id = ? AND origin = 'room'",
            (poll_id,),
        )
        return int(row[0]), int(row[1])

    # --- questions ----------------------------------------------------------------------

    def add_question(self, text: str, agenda_item_id: int | None) -> int:
        now = now_text()
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_questions SET closed_at = ? WHERE closed_at IS NULL", (now,)
            )
            cur = self.conn.execute(
                "INSERT INTO room_questions (uuid, text, agenda_item_id, opened_at) "
                "VALUES (?,?,?,?)",
                (new_uuid(), text, agenda_item_id, now),
            )
            return int(cur.lastrowid or 0)

    def close_questions(self) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_questions SET closed_at = ? WHERE closed_at IS NULL", (now_text(),)
            )

    def open_question(self) -> r.Question | None:
        row = self._one(
            "SELECT id, text, agenda_item_id FROM room_questions WHERE closed_at IS NULL "
            "ORDER BY opened_at DESC, id DESC LIMIT 1"
        )
        return r.Question(*row) if row else None

    def running_item_id(self) -> int | None:
        """The agenda item started last and not stopped."""
        row = self._one(
            "SELECT i.id FROM agenda_items i JOIN days d ON d.id = i.day_id "
            "WHERE i.actual_start IS NOT NULL AND i.actual_end IS NULL "
            "AND i.deleted_at IS NULL AND d.deleted_at IS NULL "
            "ORDER BY i.actual_start DESC, i.id DESC LIMIT 1"
        )
        return row[0] if row else None

    # --- ideas --------------------------------------------------------------------------

    def idea_by_key(self, device_id: int, key: str) -> r.Idea | None:
        row = self._one(
            _IDEA_SQL + "WHERE i.device_id = ? AND i.idempotency_key = ?", (device_id, key)
        )
        return _idea(row) if row else None

    def get_idea(self, idea_id: int) -> r.Idea | None:
        row = self._one(_IDEA_SQL + "WHERE i.id = ?", (idea_id,))
        return _idea(row) if row else None

    def add_idea(
        self,
        device_id: int,
        key: str,
        text: str,
        author: str,
        agenda_item_id: int | None,
        question_id: int | None,
    ) -> int:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO room_ideas (uuid, device_id, idempotency_key, text, author, "
                "agenda_item_id, question_id, status, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    new_uuid(),
                    device_id,
                    key,
                    text,
                    author,
                    agenda_item_id,
                    question_id,
                    r.IdeaStatus.PENDING.value,
                    now_text(),
                ),
            )
            return int(cur.lastrowid or 0)

    def list_ideas(self, status: r.IdeaStatus | None = None) -> list[r.Idea]:
        if status is None:
            rows = self._rows(_IDEA_SQL + "ORDER BY i.created_at, i.id")
        else:
            rows = self._rows(
                _IDEA_SQL + "WHERE i.status = ? ORDER BY i.created_at, i.id", (status.value,)
            )
        return [_idea(x) for x in rows]

    def device_ideas(self, device_id: int) -> list[r.Idea]:
        rows = self._rows(
            _IDEA_SQL + "WHERE i.device_id = ? ORDER BY i.created_at, i.id", (device_id,)
        )
        return [_idea(x) for x in rows]

    def set_idea_status(
        self,
        idea_id: int,
        status: r.IdeaStatus,
        note_id: int | None = None,
        merged_into: int | None = None,
    ) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE room_ideas SET status = ?, note_id = ?, merged_into = ?, decided_at = ? "
                "WHERE id = ?",
                (status.value, note_id, merged_into, now_text(), idea_id),
            )

    def move_votes(self, from_idea: int, to_idea: int) -> None:
        """Upvotes of a merged duplicate count for the idea it was merged into (once)."""
        with self.wf.writing():
            self.conn.execute(
                "INSERT OR IGNORE INTO room_idea_votes (idea_id, device_id) "
                "SELECT ?, device_id FROM room_idea_votes WHERE idea_id = ?",
                (to_idea, from_idea),
            )
            self.conn.execute("DELETE FROM room_idea_votes WHERE idea_id = ?", (from_idea,))

    def add_vote(self, idea_id: int, device_id: int) -> bool:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO room_idea_votes (idea_id, device_id) VALUES (?, ?)",
                (idea_id, device_id),
            )
            return cur.rowcount > 0

    def wall(self, device_id: int) -> list[r.WallIdea]:
        rows = self._rows(
            "SELECT i.id, i.text, "
            "(SELECT count(*) FROM room_idea_votes v WHERE v.idea_id = i.id) AS votes, "
            "i.device_id = ?, "
            "EXISTS (SELECT 1 FROM room_idea_votes v WHERE v.idea_id = i.id AND v.device_id = ?) "
            "FROM room_ideas i WHERE i.status = 'accepted' "
            "ORDER BY votes DESC, i.created_at, i.id",
            (device_id, device_id),
        )
        return [r.WallIdea(x[0], x[1], x[2], bool(x[3]), bool(x[4])) for x in rows]
