"""SQL of linked copies (migration 0007_linked): note-taker clients and conflicts on the
hub; the link, the acknowledged versions and the mirror on a linked copy.

Rows travel between the hub and its copies by UUID, never by id: ids are local to a file.
Every write runs inside :meth:`WorkshopFile.writing` (durable when it returns; nested
in a caller's write, it commits with it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.storage.rows import Rows, new_uuid, now_text


@dataclass(frozen=True)
class NoteRow:
    """A note as it travels: references by UUID."""

    uuid: str
    text: str
    category: str | None
    item: str | None
    speaker: str
    decision: bool
    deleted: bool
    note_taker: str
    created_at: str
    updated_at: str
    id: int


@dataclass(frozen=True)
class Client:
    id: int
    uuid: str
    name: str
    removed: bool


@dataclass(frozen=True)
class Link:
    hub_url: str
    token: str
    client_uuid: str
    name: str
    cursor: str


@dataclass(frozen=True)
class Conflict:
    id: int
    note_uuid: str
    kind: str
    kept_text: str
    other_text: str
    kept_by: str
    created_at: str


_NOTE_SQL = (
    "SELECT n.uuid, n.text, c.uuid, i.uuid, n.speaker_name, n.is_decision, "
    "n.deleted_at IS NOT NULL, n.note_taker, n.created_at, n.updated_at, n.id FROM notes n "
    "LEFT JOIN categories c ON c.id = n.category_id "
    "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
)


def _note_row(row: Sequence[Any]) -> NoteRow:
    return NoteRow(
        uuid=row[0],
        text=row[1],
        category=row[2],
        item=row[3],
        speaker=row[4],
        decision=bool(row[5]),
        deleted=bool(row[6]),
        note_taker=row[7],
        created_at=row[8],
        updated_at=row[9],
        id=row[10],
    )


# The mirror: what a linked copy takes from the hub, parents first. Each table's
# references to another mirrored table travel as that row's UUID.
MIRROR_TABLES: dict[str, dict[str, str]] = {
    "days": {},
    "organisations": {},
    "participants": {"organisation_id": "organisations"},
    "categories": {},
    "agenda_items": {"day_id": "days"},
}
_WORKSHOP_FIELDS = (
    "title",
    "organiser",
    "place",
    "language",
    "start_date",
    "end_date",
    "description",
)


class LinkedRepository(Rows):
    # --- both sides ------------------------------------------------------------------

    def workshop_uuid(self) -> str:
        return str(self.conn.execute("SELECT uuid FROM workshop").fetchone()[0])

    def note_rows(self, uuids: Sequence[str] | None = None) -> list[NoteRow]:
        if uuids is None:
            rows = self.conn.execute(_NOTE_SQL + "ORDER BY n.updated_at, n.id").fetchall()
        else:
            rows = []
            for start in range(0, len(uuids), 500):
                part = list(uuids[start : start + 500])
                marks = ",".join("?" * len(part))
                rows += self.conn.execute(_NOTE_SQL + f"WHERE n.uuid IN ({marks})", part).fetchall()
        return [_note_row(r) for r in rows]

    def note_row(self, note_uuid: str) -> NoteRow | None:
        row = self.conn.execute(_NOTE_SQL + "WHERE n.uuid = ?", (note_uuid,)).fetchone()
        return _note_row(row) if row else None

    def id_of(self, table: str, row_uuid: str | None) -> int | None:
        if row_uuid is None:
            return None
        if table not in MIRROR_TABLES:
            raise ValueError(f"{table} is not mirrored")
        row = self.conn.execute(f"SELECT id FROM {table} WHERE uuid = ?", (row_uuid,)).fetchone()
        return int(row[0]) if row else None

    def set_note_times(self, note_id: int, created_at: str) -> None:
        with self.wf.writing():
            self.conn.execute("UPDATE notes SET created_at = ? WHERE id = ?", (created_at, note_id))

    def set_note_taker(self, note_id: int, name: str) -> None:
        with self.wf.writing():
            self.conn.execute("UPDATE notes SET note_taker = ? WHERE id = ?", (name, note_id))

    # --- the hub ---------------------------------------------------------------------

    def add_client(self, token_hash: str, name: str) -> Client:
        client_uuid = new_uuid()
        with self.wf.writing():
            cur = self.conn.execute(
                "INSERT INTO linked_clients (uuid, token_hash, name, joined_at) VALUES (?,?,?,?)",
                (client_uuid, token_hash, name, now_text()),
            )
        return Client(int(cur.lastrowid or 0), client_uuid, name, False)

    def client_by_token(self, token_hash: str) -> Client | None:
        row = self.conn.execute(
            "SELECT id, uuid, name, removed_at IS NOT NULL FROM linked_clients "
            "WHERE token_hash = ?",
            (token_hash,),
        ).fetchone()
        return Client(row[0], row[1], row[2], bool(row[3])) if row else None

    def clients(self) -> list[Client]:
        rows = self.conn.execute(
            "SELECT id, uuid, name, removed_at IS NOT NULL FROM linked_clients ORDER BY id"
        ).fetchall()
        return [Client(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def add_conflict(
        self, note_id: int, kind: str, kept_text: str, other_text: str, kept_by: str
    ) -> None:
        with self.wf.writing():
            self.conn.execute(
                "INSERT INTO linked_conflicts (note_id, kind, kept_text, other_text, kept_by, "
                "created_at) VALUES (?,?,?,?,?,?)",
                (note_id, kind, kept_text, other_text, kept_by, now_text()),
            )

    def conflicts(self) -> list[Conflict]:
        rows = self.conn.execute(
            "SELECT c.id, n.uuid, c.kind, c.kept_text, c.other_text, c.kept_by, c.created_at "
            "FROM linked_conflicts c JOIN notes n ON n.id = c.note_id "
            "WHERE c.resolved_at IS NULL ORDER BY c.id"
        ).fetchall()
        return [Conflict(*r) for r in rows]

    def notes_since(self, cursor: str, limit: int) -> list[NoteRow]:
        rows = self.conn.execute(
            _NOTE_SQL + "WHERE n.updated_at >= ? ORDER BY n.updated_at, n.id LIMIT ?",
            (cursor, limit),
        ).fetchall()
        return [_note_row(r) for r in rows]

    def version(self) -> str:
        """Changes whenever a note or a mirrored row changes (for the push)."""
        parts = []
        for table in ("notes", *MIRROR_TABLES, "workshop"):
            row = self.conn.execute(f"SELECT count(*), max(updated_at) FROM {table}").fetchone()
            parts.append(f"{row[0]}:{row[1]}")
        return "|".join(parts)

    def mirror(self) -> dict[str, Any]:
        """The hub's agenda, categories, participants (and organisations, days) and the
        workshop's details, references as UUIDs."""
        out: dict[str, Any] = {}
        for table, refs in MIRROR_TABLES.items():
            cur = self.conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cur.description]
            rows = []
            for raw in cur.fetchall():
                row = dict(zip(names, raw, strict=True))
                row.pop("id")
                for column, parent in refs.items():
                    ref = row.pop(column)
                    row[column[:-3] + "_uuid"] = self._uuid_of(parent, ref)
                rows.append(row)
            out[table] = rows
        cur = self.conn.execute(f"SELECT {', '.join(_WORKSHOP_FIELDS)} FROM workshop")
        out["workshop"] = dict(zip(_WORKSHOP_FIELDS, cur.fetchone(), strict=True))
        return out

    def _uuid_of(self, table: str, row_id: int | None) -> str | None:
        if row_id is None:
            return None
        row = self.conn.execute(f"SELECT uuid FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return str(row[0]) if row else None

    # --- a linked copy ---------------------------------------------------------------

    def link(self) -> Link | None:
        row = self.conn.execute(
            "SELECT hub_url, token, client_uuid, name, cursor FROM linked_link"
        ).fetchone()
        return Link(*row) if row else None

    def set_link(self, hub_url: str, token: str, client_uuid: str, name: str) -> None:
        """Make this file a linked copy (a fresh copy of the hub's file): forget the
        hub's own clients, phones' token hashes and the participants' join codes (and
        who claimed them), which are the hub's business."""
        with self.wf.writing():
            self.conn.execute("DELETE FROM linked_link")
            self.conn.execute(
                "INSERT INTO linked_link (id, hub_url, token, client_uuid, name, joined_at) "
                "VALUES (1, ?, ?, ?, ?, ?)",
                (hub_url, token, client_uuid, name, now_text()),
            )
            scrub_for_taker(self.conn)  # again, whatever the hub sent

    def set_cursor(self, cursor: str) -> None:
        with self.wf.writing():
            self.conn.execute("UPDATE linked_link SET cursor = ?", (cursor,))

    def synced(self) -> dict[str, tuple[str, str]]:
        """note UUID → (the state the hub acknowledged, as JSON; the hub's text)."""
        rows = self.conn.execute(
            "SELECT note_uuid, synced_state, hub_text FROM linked_notes"
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def set_synced(self, note_uuid: str, state: str, hub_text: str, settled: bool) -> None:
        """The hub has ``state`` for this note. ``settled``: the local note holds it too,
        so its current ``updated_at`` is kept: until the note changes again (any change
        moves it), the outbox need not look at it."""
        with self.wf.writing():
            self.conn.execute(
                "INSERT INTO linked_notes (note_uuid, synced_state, hub_text, local_updated_at, "
                "acked_at) VALUES (?, ?, ?, CASE WHEN ? THEN (SELECT updated_at FROM notes "
                "WHERE uuid = ?) END, ?) ON CONFLICT(note_uuid) DO UPDATE SET "
                "synced_state = excluded.synced_state, hub_text = excluded.hub_text, "
                "local_updated_at = excluded.local_updated_at, acked_at = excluded.acked_at",
                (note_uuid, state, hub_text, int(settled), note_uuid, now_text()),
            )

    def outbox_candidates(self) -> list[str]:
        """UUIDs of the notes that changed since they were last settled with the hub
        (or never were): only these can be waiting."""
        rows = self.conn.execute(
            "SELECT n.uuid FROM notes n LEFT JOIN linked_notes l ON l.note_uuid = n.uuid "
            "WHERE l.local_updated_at IS NULL OR l.local_updated_at != n.updated_at "
            "ORDER BY n.updated_at, n.id"
        ).fetchall()
        return [r[0] for r in rows]

    def synced_of(self, uuids: Sequence[str]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for start in range(0, len(uuids), 500):
            part = list(uuids[start : start + 500])
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                "SELECT note_uuid, synced_state, hub_text FROM linked_notes "
                f"WHERE note_uuid IN ({marks})",
                part,
            ).fetchall()
            out.update({r[0]: (r[1], r[2]) for r in rows})
        return out

    def apply_mirror(self, mirror: dict[str, Any]) -> dict[str, set[int]]:
        """Insert or update the mirrored rows by UUID (only rows that differ are
        written). Returns the local ids written, by table."""
        written: dict[str, set[int]] = {t: set() for t in MIRROR_TABLES}
        with self.wf.writing():
            for table, refs in MIRROR_TABLES.items():
                columns = [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]
                for incoming in mirror.get(table, []):
                    row = self._local_row(incoming, refs, columns)
                    if row is None:
                        continue
                    found = self.conn.execute(
                        f"SELECT * FROM {table} WHERE uuid = ?", (row["uuid"],)
                    ).fetchone()
                    if found is None:
                        names = list(row)
                        cur = self.conn.execute(
                            f"INSERT INTO {table} ({', '.join(names)}) "
                            f"VALUES ({', '.join('?' * len(names))})",
                            [row[n] for n in names],
                        )
                        written[table].add(int(cur.lastrowid or 0))
                        continue
                    current = dict(zip(columns, found, strict=True))
                    diff = {k: v for k, v in row.items() if current.get(k) != v}
                    if diff:
                        sets = ", ".join(f"{k} = ?" for k in diff)
                        self.conn.execute(
                            f"UPDATE {table} SET {sets} WHERE id = ?",
                            [*diff.values(), current["id"]],
                        )
                        written[table].add(int(current["id"]))
            details = mirror.get("workshop") or {}
            clean = {k: details[k] for k in _WORKSHOP_FIELDS if k in details}
            if clean:
                found = self.conn.execute(
                    f"SELECT {', '.join(clean)} FROM workshop WHERE id = 1"
                ).fetchone()
                if found is not None and list(found) != list(clean.values()):
                    sets = ", ".join(f"{k} = ?" for k in clean)
                    self.conn.execute(
                        f"UPDATE workshop SET {sets}, updated_at = ? WHERE id = 1",
                        [*clean.values(), now_text()],
                    )
                    written.setdefault("workshop", set()).add(1)
        return written

    def _local_row(
        self, incoming: Any, refs: dict[str, str], columns: list[str]
    ) -> dict[str, Any] | None:
        if not isinstance(incoming, dict) or not isinstance(incoming.get("uuid"), str):
            return None
        row: dict[str, Any] = {}
        for column in columns:
            if column == "id":
                continue
            if column in refs:
                row[column] = self.id_of(refs[column], incoming.get(column[:-3] + "_uuid"))
            elif column in incoming:
                value = incoming[column]
                if value is not None and not isinstance(value, str | int | float):
                    return None
                row[column] = value
        return row


def scrub_for_taker(conn: sqlite3.Connection) -> None:
    """What a note-taker's copy of the facilitator's file must not hold: the note-takers'
    tokens, the phones' tokens, the participants' join codes and their claims (a laptop
    holding them could join or vote as anyone). Applied by the hub to the copy it sends
    (then vacuumed: see ``WorkshopFile.backup_to``), and by the copy when it links."""
    conn.execute("DELETE FROM linked_clients")
    conn.execute("UPDATE room_devices SET token_hash = 'copy:' || uuid")
    conn.execute("DELETE FROM room_claims")
    conn.execute("DELETE FROM room_join_codes")
