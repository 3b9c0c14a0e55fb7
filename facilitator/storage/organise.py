"""SQL of themes, solutions, polls and ballots (migration 0002_organise).

Every write runs inside :meth:`WorkshopFile.writing`: durable when it returns; a caller's
own ``writing()`` block makes several writes all-or-nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from facilitator.domain import organise as o
from facilitator.domain.timeutil import from_iso, to_iso
from facilitator.domain.voting import Ballot, CastMode, Criterion, Method, PollState
from facilitator.storage.rows import Rows, new_uuid, now_text, set_deleted


class OrganiseRepository(Rows):
    # --- themes -----------------------------------------------------------------------

    def _members(self, theme_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        out: dict[int, list[int]] = {t: [] for t in theme_ids}
        if not theme_ids:
            return {}
        marks = ",".join("?" * len(theme_ids))
        for theme_id, note_id in self._rows(
            f"SELECT tn.theme_id, tn.note_id FROM theme_notes tn JOIN notes n ON n.id = tn.note_id "
            f"WHERE tn.theme_id IN ({marks}) AND n.deleted_at IS NULL "
            "ORDER BY n.created_at, n.id",
            list(theme_ids),
        ):
            out[theme_id].append(note_id)
        return {k: tuple(v) for k, v in out.items()}

    def list_themes(self) -> list[o.Theme]:
        rows = self._rows(
            "SELECT id, uuid, title, agenda_item_id, position FROM themes "
            "WHERE deleted_at IS NULL ORDER BY position, id"
        )
        members = self._members([r[0] for r in rows])
        return [o.Theme(r[0], r[1], r[2], r[3], r[4], members.get(r[0], ())) for r in rows]

    def get_theme(self, theme_id: int, include_deleted: bool = False) -> o.Theme | None:
        row = self.conn.execute(
            "SELECT id, uuid, title, agenda_item_id, position, deleted_at FROM themes WHERE id = ?",
            (theme_id,),
        ).fetchone()
        if row is None or (row[5] is not None and not include_deleted):
            return None
        members = self._members([theme_id]).get(theme_id, ())
        return o.Theme(row[0], row[1], row[2], row[3], row[4], members)

    def add_theme(self, title: str, agenda_item_id: int | None) -> int:
        now = now_text()
        with self.wf.writing():
            pos = self.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM themes").fetchone()
            cur = self.conn.execute(
                "INSERT INTO themes (uuid, title, agenda_item_id, position, created_at, updated_at) "
                "VALUES (?,?,?,?,?,?)",
                (new_uuid(), title, agenda_item_id, pos[0], now, now),
            )
            return int(cur.lastrowid or 0)

    def rename_theme(self, theme_id: int, title: str) -> None:
        self._write(
            "UPDATE themes SET title = ?, updated_at = ? WHERE id = ?",
            (title, now_text(), theme_id),
        )

    def set_theme_deleted(self, theme_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "themes", theme_id, deleted)

    def theme_of_notes(self, note_ids: Iterable[int]) -> dict[int, int | None]:
        ids = list(note_ids)
        out: dict[int, int | None] = dict.fromkeys(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for note_id, theme_id in self._rows(
                f"SELECT note_id, theme_id FROM theme_notes WHERE note_id IN ({marks})", chunk
            ):
                out[note_id] = theme_id
        return out

    def set_memberships(self, memberships: Mapping[int, int | None]) -> None:
        now = now_text()
        with self.wf.writing():
            for note_id, theme_id in memberships.items():
                if theme_id is None:
                    self.conn.execute("DELETE FROM theme_notes WHERE note_id = ?", (note_id,))
                else:
                    self.conn.execute(
                        "INSERT INTO theme_notes (note_id, theme_id, updated_at) VALUES (?,?,?) "
                        "ON CONFLICT(note_id) DO UPDATE SET theme_id = excluded.theme_id, "
                        "updated_at = excluded.updated_at",
                        (note_id, theme_id, now),
                    )

    def ungrouped_note_ids(self) -> list[int]:
        """Live notes in no live theme (a note left in a deleted theme counts as
        ungrouped), on live agenda items and days."""
        return [
            r[0]
            for r in self._rows(
                "SELECT n.id FROM notes n LEFT JOIN theme_notes tn ON tn.note_id = n.id "
                "LEFT JOIN themes t ON t.id = tn.theme_id AND t.deleted_at IS NULL "
                "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
                "LEFT JOIN days d ON d.id = i.day_id "
                "WHERE n.deleted_at IS NULL AND t.id IS NULL AND (n.agenda_item_id IS NULL "
                "OR (i.deleted_at IS NULL AND d.deleted_at IS NULL)) ORDER BY n.created_at, n.id"
            )
        ]

    def all_member_ids(self, theme_id: int) -> list[int]:
        """Every note filed under a theme, deleted notes included (for exact undo)."""
        return [
            r[0]
            for r in self._rows("SELECT note_id FROM theme_notes WHERE theme_id = ?", (theme_id,))
        ]

    # --- solutions -----------------------------------------------------------------------

    def _solution_notes(self, solution_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
        if not solution_ids:
            return {}
        out: dict[int, list[int]] = {s: [] for s in solution_ids}
        marks = ",".join("?" * len(solution_ids))
        for sid, nid in self._rows(
            f"SELECT sn.solution_id, sn.note_id FROM solution_notes sn "
            f"JOIN notes n ON n.id = sn.note_id WHERE sn.solution_id IN ({marks}) "
            "AND n.deleted_at IS NULL ORDER BY n.created_at, n.id",
            list(solution_ids),
        ):
            out[sid].append(nid)
        return {k: tuple(v) for k, v in out.items()}

    _SOLUTION_SQL = (
        "SELECT id, uuid, title, description, agenda_item_id, theme_id, position FROM solutions "
    )

    @staticmethod
    def _solution(r: Sequence[Any], notes: tuple[int, ...]) -> o.Solution:
        return o.Solution(r[0], r[1], r[2], r[3], r[4], r[5], r[6], notes)

    def list_solutions(self) -> list[o.Solution]:
        rows = self._rows(self._SOLUTION_SQL + "WHERE deleted_at IS NULL ORDER BY position, id")
        notes = self._solution_notes([r[0] for r in rows])
        return [self._solution(r, notes.get(r[0], ())) for r in rows]

    def get_solution(self, solution_id: int, include_deleted: bool = False) -> o.Solution | None:
        where = "WHERE id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
        row = self.conn.execute(self._SOLUTION_SQL + where, (solution_id,)).fetchone()
        if row is None:
            return None
        return self._solution(row, self._solution_notes([row[0]]).get(row[0], ()))

    def add_solution(
        self,
        title: str,
        description: str,
        agenda_item_id: int | None,
        theme_id: int | None,
        note_ids: Sequence[int],
    ) -> int:
        now = now_text()
        with self.wf.writing():
            pos = self.conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM solutions"
            ).fetchone()
            cur = self.conn.execute(
                "INSERT INTO solutions (uuid, title, description, agenda_item_id, theme_id, "
                "position, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (new_uuid(), title, description, agenda_item_id, theme_id, pos[0], now, now),
            )
            sid = int(cur.lastrowid or 0)
            self.set_solution_notes(sid, note_ids)
            return sid

    def update_solution(
        self,
        solution_id: int,
        title: str,
        description: str,
        agenda_item_id: int | None,
        note_ids: Sequence[int],
    ) -> None:
        with self.wf.writing():
            self.conn.execute(
                "UPDATE solutions SET title = ?, description = ?, agenda_item_id = ?, "
                "updated_at = ? WHERE id = ?",
                (title, description, agenda_item_id, now_text(), solution_id),
            )
            self.set_solution_notes(solution_id, note_ids)

    def set_solution_notes(self, solution_id: int, note_ids: Sequence[int]) -> None:
        with self.wf.writing():
            self.conn.execute("DELETE FROM solution_notes WHERE solution_id = ?", (solution_id,))
            self.conn.executemany(
                "INSERT OR IGNORE INTO solution_notes (solution_id, note_id) VALUES (?, ?)",
                [(solution_id, n) for n in note_ids],
            )

    def set_solution_deleted(self, solution_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "solutions", solution_id, deleted)

    # --- polls --------------------------------------------------------------------------

    _POLL_SQL = (
        "SELECT id, uuid, title, method, agenda_item_id, state, anonymous, hide_results, "
        "dots_per_voter, max_per_option, require_complete FROM polls "
    )

    def _poll(self, r: Sequence[Any]) -> o.Poll:
        options = tuple(
            o.PollOption(*row)
            for row in self._rows(
                "SELECT id, uuid, position, label, solution_id FROM poll_options "
                "WHERE poll_id = ? ORDER BY position, id",
                (r[0],),
            )
        )
        criteria = tuple(
            Criterion(name, lo, hi, float(w))
            for name, lo, hi, w in self._rows(
                "SELECT name, scale_min, scale_max, weight FROM poll_criteria "
                "WHERE poll_id = ? ORDER BY position, id",
                (r[0],),
            )
        )
        return o.Poll(
            id=r[0],
            uuid=r[1],
            title=r[2],
            method=Method(r[3]),
            agenda_item_id=r[4],
            state=PollState(r[5]),
            anonymous=bool(r[6]),
            hide_results=bool(r[7]),
            dots_per_voter=r[8],
            max_per_option=r[9],
            require_complete=bool(r[10]),
            options=options,
            criteria=criteria,
        )

    def list_polls(self) -> list[o.Poll]:
        return [
            self._poll(r)
            for r in self._rows(self._POLL_SQL + "WHERE deleted_at IS NULL ORDER BY id")
        ]

    def get_poll(self, poll_id: int, include_deleted: bool = False) -> o.Poll | None:
        where = "WHERE id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
        row = self.conn.execute(self._POLL_SQL + where, (poll_id,)).fetchone()
        return self._poll(row) if row else None

    def add_poll(
        self,
        title: str,
        method: Method,
        agenda_item_id: int | None,
        anonymous: bool,
        hide_results: bool,
        dots_per_voter: int,
        max_per_option: int | None,
        require_complete: bool,
        options: Sequence[tuple[str, int | None]],
        criteria: Sequence[Criterion],
    ) -> int:
        now = now_text()
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO polls (uuid, title, method, agenda_item_id, state, anonymous, "
                "hide_results, dots_per_voter, max_per_option, require_complete, created_at, "
                "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    new_uuid(),
                    title,
                    method.value,
                    agenda_item_id,
                    PollState.DRAFT.value,
                    int(anonymous),
                    int(hide_results),
                    dots_per_voter,
                    max_per_option,
                    int(require_complete),
                    now,
                    now,
                ),
            )
            poll_id = int(cur.lastrowid or 0)
            self._set_options(poll_id, options, criteria)
            return poll_id

    def _set_options(
        self,
        poll_id: int,
        options: Sequence[tuple[str, int | None]],
        criteria: Sequence[Criterion],
    ) -> None:
        self.conn.execute("DELETE FROM poll_options WHERE poll_id = ?", (poll_id,))
        self.conn.execute("DELETE FROM poll_criteria WHERE poll_id = ?", (poll_id,))
        self.conn.executemany(
            "INSERT INTO poll_options (uuid, poll_id, position, label, solution_id) "
            "VALUES (?,?,?,?,?)",
            [(new_uuid(), poll_id, i, label, sid) for i, (label, sid) in enumerate(options)],
        )
        self.conn.executemany(
            "INSERT INTO poll_criteria (uuid, poll_id, position, name, scale_min, scale_max, "
            "weight) VALUES (?,?,?,?,?,?,?)",
            [
                (new_uuid(), poll_id, i, c.name, c.scale_min, c.scale_max, c.weight)
                for i, c in enumerate(criteria)
            ],
        )

    def poll_rows(self, poll_id: int) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """The option and criterion rows of a poll, exactly (for putting them back)."""
        options = self.conn.execute(
            "SELECT id, uuid, poll_id, position, label, solution_id FROM poll_options "
            "WHERE poll_id = ? ORDER BY id",
            (poll_id,),
        ).fetchall()
        criteria = self.conn.execute(
            "SELECT id, uuid, poll_id, position, name, scale_min, scale_max, weight "
            "FROM poll_criteria WHERE poll_id = ? ORDER BY id",
            (poll_id,),
        ).fetchall()
        return tuple(options), tuple(criteria)

    def put_poll_rows(
        self, poll_id: int, options: Sequence[Sequence[Any]], criteria: Sequence[Sequence[Any]]
    ) -> None:
        """Replace a draft poll's option and criterion rows by these (same ids, uuids)."""
        with self.wf.writing():
            self.conn.execute("DELETE FROM poll_options WHERE poll_id = ?", (poll_id,))
            self.conn.execute("DELETE FROM poll_criteria WHERE poll_id = ?", (poll_id,))
            self.conn.executemany(
                "INSERT INTO poll_options (id, uuid, poll_id, position, label, solution_id) "
                "VALUES (?,?,?,?,?,?)",
                [tuple(r) for r in options],
            )
            self.conn.executemany(
                "INSERT INTO poll_criteria (id, uuid, poll_id, position, name, scale_min, "
                "scale_max, weight) VALUES (?,?,?,?,?,?,?,?)",
                [tuple(r) for r in criteria],
            )

    def update_poll(
        self,
        poll_id: int,
        title: str,
        method: Method,
        agenda_item_id: int | None,
        anonymous: bool,
        hide_results: bool,
        dots_per_voter: int,
        max_per_option: int | None,
        require_complete: bool,
        options: Sequence[tuple[str, int | None]],
        criteria: Sequence[Criterion],
    ) -> None:
        """Rewrite a draft poll (options and criteria too). Only drafts have no ballots."""
        with self.wf.writing():
            self.conn.execute(
                "UPDATE polls SET title = ?, method = ?, agenda_item_id = ?, anonymous = ?, "
                "hide_results = ?, dots_per_voter = ?, max_per_option = ?, "
                "require_complete = ?, updated_at = ? WHERE id = ?",
                (
                    title,
                    method.value,
                    agenda_item_id,
                    int(anonymous),
                    int(hide_results),
                    dots_per_voter,
                    max_per_option,
                    int(require_complete),
                    now_text(),
                    poll_id,
                ),
            )
            self._set_options(poll_id, options, criteria)

    def set_poll_state(
        self,
        poll_id: int,
        state: PollState,
        event: str,
        reason: str,
        at: dt.datetime | None = None,
    ) -> None:
        now = to_iso(at) if at is not None else now_text()
        with self.wf.writing():
            self.conn.execute(
                "UPDATE polls SET state = ?, updated_at = ? WHERE id = ?",
                (state.value, now, poll_id),
            )
            if event:
                self.conn.execute(
                    "INSERT INTO poll_events (uuid, poll_id, event, reason, at) VALUES (?,?,?,?,?)",
                    (new_uuid(), poll_id, event, reason, now),
                )

    def poll_events(self, poll_id: int) -> list[o.PollEvent]:
        return [
            o.PollEvent(e, reason, from_iso(at))  # type: ignore[arg-type]
            for e, reason, at in self._rows(
                "SELECT event, reason, at FROM poll_events WHERE poll_id = ? ORDER BY at, id",
                (poll_id,),
            )
        ]

    def set_poll_deleted(self, poll_id: int, deleted: bool) -> bool:
        return set_deleted(self.wf, "polls", poll_id, deleted)

    # --- ballots ------------------------------------------------------------------------

    def add_ballot(self, poll_id: int, mode: CastMode, voter_id: int | None, ballot: Ballot) -> int:
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO ballots (uuid, poll_id, mode, voter_id, voters, cast_at) "
                "VALUES (?,?,?,?,?,?)",
                (new_uuid(), poll_id, mode.value, voter_id, ballot.voters, now_text()),
            )
            ballot_id = int(cur.lastrowid or 0)
            self.conn.executemany(
                "INSERT INTO ballot_entries (ballot_id, option_id, criterion, value) "
                "VALUES (?,?,?,?)",
                [(ballot_id, opt, c, v) for (opt, c), v in sorted(ballot.values.items())],
            )
            return ballot_id

    def set_ballot_deleted(self, ballot_id: int, deleted: bool) -> bool:
        """Withdraw (or put back) a ballot. Returns whether it changed."""
        state = "IS NULL" if deleted else "IS NOT NULL"
        cur = self._write(
            f"UPDATE ballots SET deleted_at = ? WHERE id = ? AND deleted_at {state}",
            (now_text() if deleted else None, ballot_id),
        )
        return cur.rowcount > 0

    def ballot_poll(self, ballot_id: int) -> tuple[int, int | None, bool] | None:
        """(poll id, voter id, deleted) of a ballot."""
        row = self.conn.execute(
            "SELECT poll_id, voter_id, deleted_at IS NOT NULL FROM ballots WHERE id = ?",
            (ballot_id,),
        ).fetchone()
        return (row[0], row[1], bool(row[2])) if row else None

    def list_ballots(self, poll_id: int) -> list[o.BallotRecord]:
        rows = self._rows(
            "SELECT b.id, b.uuid, b.poll_id, b.mode, b.voter_id, coalesce(p.name, ''), b.cast_at, "
            "b.voters FROM ballots b LEFT JOIN participants p ON p.id = b.voter_id "
            "WHERE b.poll_id = ? AND b.deleted_at IS NULL ORDER BY b.id",
            (poll_id,),
        )
        entries: dict[int, dict[tuple[int, int], int]] = {r[0]: {} for r in rows}
        for ballot_id, opt, c, value in self._rows(
            "SELECT e.ballot_id, e.option_id, e.criterion, e.value FROM ballot_entries e "
            "JOIN ballots b ON b.id = e.ballot_id WHERE b.poll_id = ? AND b.deleted_at IS NULL",
            (poll_id,),
        ):
            entries[ballot_id][(opt, c)] = value
        return [
            o.BallotRecord(
                id=r[0],
                uuid=r[1],
                poll_id=r[2],
                mode=CastMode(r[3]),
                voter_id=r[4],
                voter_name=r[5],
                cast_at=from_iso(r[6]),  # type: ignore[arg-type]
                ballot=Ballot(entries[r[0]], r[7]),
            )
            for r in rows
        ]

    def count_ballots(self, poll_id: int) -> int:
        row = self.conn.execute(
            "SELECT coalesce(sum(voters), 0) FROM ballots WHERE poll_id = ? AND deleted_at IS NULL",
            (poll_id,),
        ).fetchone()
        return int(row[0])

    def voted(self, poll_id: int) -> set[int]:
        return {
            r[0]
            for r in self._rows(
                "SELECT participant_id FROM poll_voters WHERE poll_id = ?", (poll_id,)
            )
        }

    def set_voted(self, poll_id: int, participant_id: int, voted: bool) -> None:
        if voted:
            self._write(
                "INSERT OR IGNORE INTO poll_voters (poll_id, participant_id) VALUES (?, ?)",
                (poll_id, participant_id),
            )
        else:
            self._write(
                "DELETE FROM poll_voters WHERE poll_id = ? AND participant_id = ?",
                (poll_id, participant_id),
            )

    def counts(self) -> dict[str, int]:
        def n(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return {
            "themes": n("SELECT count(*) FROM themes WHERE deleted_at IS NULL"),
            "solutions": n("SELECT count(*) FROM solutions WHERE deleted_at IS NULL"),
            "polls": n("SELECT count(*) FROM polls WHERE deleted_at IS NULL"),
            "ballots": n("SELECT count(*) FROM ballots WHERE deleted_at IS NULL"),
        }
