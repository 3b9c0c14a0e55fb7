"""Linked copies (issue 15 A): a note-taker's laptop mirrors the facilitator's workshop
(the hub) and sends its notes to it. No Qt, no SQL, no network.

A note travels as its *state* (text, category and agenda item by UUID, speaker, decision
flag, deleted or not), keyed by the note's UUID:

- on the copy, every note is first written locally as usual; the *outbox* is every note
  whose state differs from the one the hub last acknowledged (``linked_notes``), so a
  note is in the outbox the moment it is committed (there is no second write that a
  crash could miss) and it stays there, across restarts, until the hub acknowledges it;
  edits and deletes are state changes like any other and go out in the order they were
  made (oldest change first), one batch at a time;
- on the hub, a batch is applied in one transaction, in order; a state the hub already
  has changes nothing (resending is idempotent: same UUID, same state);
- two people editing the same note are never resolved silently: the copy sends the hub
  text it last saw (``base``); when the hub's text has changed since, the later edit
  (the one arriving now) is kept and the other text is recorded in
  ``linked_conflicts`` for review, the rule of merging files (part B). An edit beats a
  delete: a delete of a note someone else edited meanwhile keeps the note (conflict
  recorded), and an edit of a note deleted on the hub brings it back.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import validation as v
from facilitator.domain.errors import ValidationError
from facilitator.domain.timeutil import from_iso
from facilitator.services.workshop import WorkshopService
from facilitator.storage.linked import Client, Conflict, Link, LinkedRepository, NoteRow

MAX_BATCH = 200  # notes per request
FEED_LIMIT = 500  # notes per feed answer


def state_of(row: NoteRow) -> dict[str, Any]:
    return {
        "text": row.text,
        "category": row.category,
        "item": row.item,
        "speaker": row.speaker,
        "decision": row.decision,
        "deleted": row.deleted,
    }


def state_json(state: dict[str, Any]) -> str:
    return json.dumps(state, sort_keys=True, ensure_ascii=False)


def wire(row: NoteRow) -> dict[str, Any]:
    """A note as the hub sends it to copies (with who took it and when)."""
    return {
        "uuid": row.uuid,
        **state_of(row),
        "note_taker": row.note_taker,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def _check_uuid(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 40:
        raise ValidationError("uuid", "a note needs its UUID", rule="uuid")
    try:
        return str(uuidlib.UUID(value))
    except ValueError as exc:
        raise ValidationError("uuid", "a note needs its UUID", rule="uuid") from exc


def _opt_uuid(value: Any) -> str | None:
    return None if value is None else _check_uuid(value)


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def clean_state(data: Any) -> dict[str, Any]:
    """A note's state sent by a copy, checked by the same rules as typed notes."""
    if not isinstance(data, dict):
        raise ValidationError("note", "a note must be an object", rule="bad_request")
    deleted = data.get("deleted") is True
    text = v.clean_text(_str(data, "text"), "text")
    text = text.strip("\n")
    if not deleted and not text.strip():
        raise ValidationError("text", "a note must not be empty", rule="empty")
    speaker = _str(data, "speaker")
    return {
        "text": text,
        "category": _opt_uuid(data.get("category")),
        "item": _opt_uuid(data.get("item")),
        "speaker": v.clean_line(speaker, "speaker", required=False),
        "decision": data.get("decision") is True,
        "deleted": deleted,
    }


@dataclass(frozen=True)
class Status:
    """A linked copy's link, as the window shows it."""

    connected: bool
    waiting: int  # notes not yet acknowledged by the hub
    refused: int = 0  # of those, notes the hub refused (kept here, shown)
    message: str = ""


@dataclass
class Applied:
    """What a batch did on the hub: the acknowledgements and the notes touched."""

    acks: list[dict[str, Any]] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    conflicts: int = 0


class LinkedService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = LinkedRepository(svc.file)

    # --- the hub ---------------------------------------------------------------------

    def join_client(self, token_hash: str, name: object) -> Client:
        clean = v.clean_line(name if isinstance(name, str) else "", "name")
        if not clean:
            raise ValidationError("name", "a note-taker needs a name", rule="empty")
        return self.repo.add_client(token_hash, clean)

    def client(self, token_hash: str) -> Client | None:
        return self.repo.client_by_token(token_hash)

    def clients(self) -> list[Client]:
        return [c for c in self.repo.clients() if not c.removed]

    def conflicts(self) -> list[Conflict]:
        return self.repo.conflicts()

    def version(self) -> str:
        return self.repo.version()

    def workshop_uuid(self) -> str:
        return self.repo.workshop_uuid()

    def feed(self, cursor: str) -> dict[str, Any]:
        """The mirror and the notes changed since ``cursor`` (inclusive: re-sent notes
        change nothing on the copy)."""
        rows = self.repo.notes_since(cursor, FEED_LIMIT)
        return {
            "workshop_uuid": self.repo.workshop_uuid(),
            "mirror": self.repo.mirror(),
            "notes": [wire(r) for r in rows],
            "cursor": rows[-1].updated_at if rows else cursor,
            "more": len(rows) >= FEED_LIMIT,
        }

    def apply(self, client: Client, entries: Any) -> Applied:
        """Apply a copy's batch of note states, in order, in one transaction."""
        if not isinstance(entries, list) or len(entries) > MAX_BATCH:
            raise ValidationError("notes", "a batch is a list of notes", rule="bad_request")
        out = Applied()
        with self.svc.file.writing():
            for entry in entries:
                if not isinstance(entry, dict):
                    raise ValidationError("note", "a note must be an object", rule="bad_request")
                self._apply_one(client, entry, out)
        return out

    def _ref(self, table: str, ref: str | None) -> int | None:
        """A category or agenda item the copy names; one the hub does not know (made on
        the copy alone) is left out rather than blocking the note behind it."""
        return self.repo.id_of(table, ref)

    def _apply_one(self, client: Client, entry: dict[str, Any], out: Applied) -> None:
        note_uuid = _check_uuid(entry.get("uuid"))
        want = clean_state(entry.get("state"))
        base = entry.get("base") if isinstance(entry.get("base"), str) else None
        row = self.repo.note_row(note_uuid)
        fields = {
            "text": want["text"],
            "category_id": self._ref("categories", want["category"]),
            "agenda_item_id": self._ref("agenda_items", want["item"]),
            "speaker": want["speaker"],
            "is_decision": want["decision"],
        }
        if row is None:
            if not want["deleted"]:
                created = from_iso(entry.get("created_at")) if _is_iso(entry) else None
                note = self.svc.add_note(
                    want["text"],
                    category_id=fields["category_id"],
                    agenda_item_id=fields["agenda_item_id"],
                    speaker=want["speaker"],
                    note_taker=client.name,
                    created_at=created,
                    note_uuid=note_uuid,
                )
                if want["decision"]:
                    self.svc.update_note(note.id, is_decision=True)
                out.added.append(note.id)
            self._ack(note_uuid, out)
            return
        have = state_of(row)
        if have == want:
            self._ack(note_uuid, out)  # a resend: nothing changes
            return
        edited_elsewhere = base is not None and row.text != base
        if want["deleted"]:
            if row.deleted:
                pass
            elif edited_elsewhere:  # an edit beats a delete
                self.repo.add_conflict(row.id, "delete", row.text, base or "", client.name)
                out.conflicts += 1
            else:
                self.svc.delete_note(row.id)
                out.removed.append(row.id)
            self._ack(note_uuid, out)
            return
        if row.deleted:  # an edit beats a delete: the note comes back
            self.svc.restore_note(row.id)
            self.repo.add_conflict(row.id, "edit_deleted", want["text"], row.text, client.name)
            out.conflicts += 1
            out.added.append(row.id)
        elif edited_elsewhere and row.text != want["text"]:
            self.repo.add_conflict(row.id, "edit", want["text"], row.text, client.name)
            out.conflicts += 1
        changes = _changed_fields(have, want, fields)
        if changes:
            self.svc.update_note(row.id, **changes)
            out.updated.append(row.id)
        self._ack(note_uuid, out)

    def _ack(self, note_uuid: str, out: Applied) -> None:
        row = self.repo.note_row(note_uuid)
        out.acks.append({"uuid": note_uuid, "state": state_of(row) if row else None})

    # --- a linked copy ---------------------------------------------------------------

    def link(self) -> Link | None:
        return self.repo.link()

    def make_linked(self, hub_url: str, token: str, client_uuid: str, name: str) -> None:
        """This file (a fresh copy of the hub's) becomes a linked copy: every note in it
        is the hub's, so none is waiting."""
        self.repo.set_link(hub_url, token, client_uuid, name)
        with self.svc.file.writing():
            notes = self.repo.note_rows()
            for row in notes:
                self.repo.set_synced(row.uuid, state_json(state_of(row)), row.text, True)
            # the feed starts where the copy stands (the newest change is asked again)
            self.repo.set_cursor(max((r.updated_at for r in notes), default=""))

    def pending(self, limit: int = MAX_BATCH) -> list[dict[str, Any]]:
        """The outbox: notes whose state the hub has not acknowledged, oldest change
        first, as the hub's batch entries."""
        candidates = self.repo.outbox_candidates()
        synced = self.repo.synced_of(candidates)
        rows = sorted(self.repo.note_rows(candidates), key=lambda r: (r.updated_at, r.id))
        out = []
        for row in rows:
            state = state_of(row)
            known = synced.get(row.uuid)
            if known is not None and known[0] == state_json(state):
                continue
            if known is None and row.deleted:
                continue  # written and deleted here before the hub ever saw it
            out.append(
                {
                    "uuid": row.uuid,
                    "state": state,
                    "base": known[1] if known else None,
                    "created_at": row.created_at,
                }
            )
            if len(out) >= limit:
                break
        return out

    def waiting(self) -> int:
        return len(self.pending(limit=10**9))

    def acknowledge(self, sent: list[dict[str, Any]], acks: list[dict[str, Any]]) -> list[int]:
        """The hub committed ``sent``; its answer ``acks`` gives each note's state there.
        A note unchanged here since it was sent takes the hub's state (when the hub
        kept something else: an edit that beat our delete). Returns notes rewritten."""
        by_uuid = {a.get("uuid"): a.get("state") for a in acks if isinstance(a, dict)}
        rewritten: list[int] = []
        with self.svc.file.writing():
            for entry in sent:
                hub = by_uuid.get(entry["uuid"])
                row = self.repo.note_row(entry["uuid"])
                if row is None:
                    continue
                if hub is None:  # the hub never stored it (added and deleted here)
                    self.repo.set_synced(row.uuid, state_json(state_of(row)), "", True)
                    continue
                if state_of(row) == entry["state"] and hub != entry["state"]:
                    self._write_state(row, hub)
                    rewritten.append(row.id)
                self._settle(row.uuid, hub)
        return rewritten

    def apply_feed(self, feed: dict[str, Any]) -> dict[str, Any]:
        """The hub's mirror and notes, into this copy. A note changed here and not yet
        acknowledged keeps its local version (the hub decides when it arrives there)."""
        written = self.repo.apply_mirror(feed.get("mirror") or {})
        added: list[int] = []
        updated: list[int] = []
        synced = self.repo.synced()
        with self.svc.file.writing():
            for note in feed.get("notes") or []:
                if not isinstance(note, dict):
                    continue
                try:
                    note_uuid = _check_uuid(note.get("uuid"))
                    state = clean_state(note)
                except ValidationError:
                    continue
                row = self.repo.note_row(note_uuid)
                known = synced.get(note_uuid)
                if row is not None:
                    local = state_json(state_of(row))
                    if known is None or known[0] != local:
                        continue  # waiting to be sent: ours until the hub answers
                    taker = v.clean_line(_str(note, "note_taker"), "note_taker", required=False)
                    if local != state_json(state) or (taker and taker != row.note_taker):
                        self._write_state(row, state)
                        if taker and taker != row.note_taker:
                            self.repo.set_note_taker(row.id, taker)
                        updated.append(row.id)
                elif not state["deleted"]:
                    taker = _str(note, "note_taker")
                    created = from_iso(note["created_at"]) if _is_iso(note) else None
                    new = self.svc.add_note(
                        state["text"],
                        category_id=self.repo.id_of("categories", state["category"]),
                        agenda_item_id=self.repo.id_of("agenda_items", state["item"]),
                        speaker=state["speaker"],
                        note_taker=v.clean_line(taker, "note_taker", required=False),
                        created_at=created,
                        note_uuid=note_uuid,
                    )
                    if state["decision"]:
                        self.svc.update_note(new.id, is_decision=True)
                    added.append(new.id)
                else:
                    continue
                self._settle(note_uuid, state)
            cursor = feed.get("cursor")
            if isinstance(cursor, str):
                self.repo.set_cursor(cursor)
        return {"mirror": written, "added": added, "updated": updated}

    def _settle(self, note_uuid: str, hub: dict[str, Any]) -> None:
        """Record that the hub holds ``hub`` for this note (settled if ours does too)."""
        now = self.repo.note_row(note_uuid)
        settled = now is not None and state_of(now) == hub
        self.repo.set_synced(note_uuid, state_json(hub), str(hub.get("text", "")), settled)

    def _write_state(self, row: NoteRow, state: dict[str, Any]) -> None:
        """Make a local note hold ``state`` (references by UUID; unknown ones dropped)."""
        if state["deleted"]:
            if not row.deleted:
                self.svc.delete_note(row.id)
            return
        if row.deleted:
            self.svc.restore_note(row.id)
        self.svc.update_note(
            row.id,
            text=state["text"],
            category_id=self.repo.id_of("categories", state["category"]),
            agenda_item_id=self.repo.id_of("agenda_items", state["item"]),
            speaker=state["speaker"],
            is_decision=state["decision"],
        )


def _is_iso(data: dict[str, Any]) -> bool:
    value = data.get("created_at")
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        when = from_iso(value)
    except ValueError:
        return False
    return when is not None and when.tzinfo is not None and when.year > 2000


_FIELD_OF = {
    "text": "text",
    "category": "category_id",
    "item": "agenda_item_id",
    "speaker": "speaker",
    "decision": "is_decision",
}


def _changed_fields(
    have: dict[str, Any], want: dict[str, Any], fields: dict[str, Any]
) -> dict[str, Any]:
    return {_FIELD_OF[k]: fields[_FIELD_OF[k]] for k in _FIELD_OF if have[k] != want[k]}
