"""Linked copies without the network: a copy's outbox applied on the hub and the answer
taken back, on real files. Idempotence, order, and the conflict rules (never silent)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.services import operations as ops
from facilitator.services.linked import LinkedService
from facilitator.services.workshop import WorkshopService
from facilitator.storage.linked import Client
from tests.linked.conftest import make_hub_file, rows


class Pair:
    """A hub and linked copies of it, all open; ``exchange`` is one round trip."""

    def __init__(self, tmp_path: Path, copies: int = 1) -> None:
        self.hub_path = tmp_path / "hub.workshop"
        make_hub_file(self.hub_path)
        self.hub = WorkshopService.open(self.hub_path)
        self.copies: list[WorkshopService] = []
        self.clients: list[Client] = []
        for n in range(copies):
            name = ["Marta", "Luca", "Sara"][n]
            client = LinkedService(self.hub).join_client(f"hash-{n}", name)
            path = tmp_path / f"copy{n}.workshop"
            self.hub.save_copy(path)
            svc = WorkshopService.open(path)
            LinkedService(svc).make_linked("http://127.0.0.1:1", f"tok{n}", client.uuid, name)
            self.copies.append(svc)
            self.clients.append(client)

    def exchange(self, n: int = 0) -> int:
        """Copy n sends its outbox and takes the hub's answer, then pulls the feed.
        Returns the number of conflicts the hub recorded."""
        copy = LinkedService(self.copies[n])
        sent = copy.pending()
        op = ops.ApplyTakerNotes(self.clients[n], sent)
        op.do(self.hub)
        ops.AcknowledgeNotes(sent, op.applied.acks).do(self.copies[n])
        self.pull(n)
        return int(op.applied.conflicts)

    def pull(self, n: int = 0) -> None:
        ops.ApplyHubFeed(LinkedService(self.hub).feed("")).do(self.copies[n])

    def close(self) -> None:
        for svc in [self.hub, *self.copies]:
            svc.close()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    p = Pair(tmp_path, copies=2)
    yield p
    p.close()


def _note(svc: WorkshopService, text: str) -> int:
    op = ops.AddNote(text, note_taker="x")
    op.do(svc)
    assert op.note is not None
    return op.note.id


def _hub_note(pair: Pair, uuid: str) -> tuple[object, ...]:
    found = rows(
        pair.hub_path, "SELECT text, deleted_at IS NOT NULL FROM notes WHERE uuid = ?", (uuid,)
    )
    assert len(found) == 1
    return found[0]


def test_a_fresh_copy_has_nothing_waiting_and_a_new_note_waits_until_acknowledged(
    pair: Pair,
) -> None:
    copy = LinkedService(pair.copies[0])
    assert copy.waiting() == 0
    note_id = _note(pair.copies[0], "il primo appunto")
    assert copy.waiting() == 1
    pair.exchange()
    assert copy.waiting() == 0
    uuid = pair.copies[0].note(note_id).uuid
    assert _hub_note(pair, uuid) == ("il primo appunto", 0)
    assert rows(pair.hub_path, "SELECT note_taker FROM notes WHERE uuid = ?", (uuid,)) == [
        ("Marta",)
    ]


def test_the_outbox_survives_closing_the_file(pair: Pair, tmp_path: Path) -> None:
    _note(pair.copies[0], "scritto offline")
    path = pair.copies[0].path
    pair.copies[0].close()
    pair.copies[0] = WorkshopService.open(path)
    assert [e["state"]["text"] for e in LinkedService(pair.copies[0]).pending()] == [
        "scritto offline"
    ]


def test_resending_a_batch_changes_nothing_on_the_hub(pair: Pair) -> None:
    _note(pair.copies[0], "una volta sola")
    sent = LinkedService(pair.copies[0]).pending()
    ops.ApplyTakerNotes(pair.clients[0], sent).do(pair.hub)
    before = rows(pair.hub_path, "SELECT * FROM notes ORDER BY id")
    again = ops.ApplyTakerNotes(pair.clients[0], sent)  # the answer was lost: sent again
    changes = again.do(pair.hub)
    assert not changes
    assert rows(pair.hub_path, "SELECT * FROM notes ORDER BY id") == before
    assert rows(pair.hub_path, "SELECT count(*) FROM notes WHERE text = 'una volta sola'") == [(1,)]


def test_edits_and_deletes_arrive_in_the_order_they_were_made(pair: Pair) -> None:
    a = _note(pair.copies[0], "A")
    b = _note(pair.copies[0], "B")
    pair.exchange()
    ops.EditNote(a, text="A due").do(pair.copies[0])
    ops.DeleteNote(b).do(pair.copies[0])
    ops.EditNote(a, text="A tre").do(pair.copies[0])
    c = _note(pair.copies[0], "C")
    ops.DeleteNote(c).do(pair.copies[0])  # never seen by the hub: nothing to send
    assert [e["state"]["text"] for e in LinkedService(pair.copies[0]).pending()] == [
        "B",  # its delete came first
        "A tre",
    ]
    assert pair.exchange() == 0
    ua, ub, uc = (pair.copies[0].note(i).uuid for i in (a, b, c))
    assert _hub_note(pair, ua) == ("A tre", 0)
    assert _hub_note(pair, ub) == ("B", 1)
    assert rows(pair.hub_path, "SELECT count(*) FROM notes WHERE uuid = ?", (uc,)) == [(0,)]
    assert LinkedService(pair.copies[0]).waiting() == 0


def test_notes_of_one_note_taker_reach_the_other_with_the_name(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "da Marta")
    pair.exchange(0)
    pair.pull(1)
    uuid = pair.copies[0].note(note_id).uuid
    assert rows(
        pair.copies[1].path, "SELECT text, note_taker FROM notes WHERE uuid = ?", (uuid,)
    ) == [("da Marta", "Marta")]
    assert LinkedService(pair.copies[1]).waiting() == 0  # not sent back by the other copy


def test_two_people_editing_the_same_note_keep_both_versions(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "testo di partenza")
    pair.exchange(0)
    pair.pull(1)
    uuid = pair.copies[0].note(note_id).uuid
    other_id = next(n.id for n in pair.copies[1].notes() if n.uuid == uuid)
    ops.EditNote(note_id, text="versione di Marta").do(pair.copies[0])
    ops.EditNote(other_id, text="versione di Luca").do(pair.copies[1])
    assert pair.exchange(0) == 0
    assert pair.exchange(1) == 1  # Luca edited from the old text: a conflict, kept
    assert _hub_note(pair, uuid) == ("versione di Luca", 0)
    assert rows(
        pair.hub_path, "SELECT kind, kept_text, other_text, kept_by FROM linked_conflicts"
    ) == [("edit", "versione di Luca", "versione di Marta", "Luca")]
    pair.pull(0)
    assert pair.copies[0].note(note_id).text == "versione di Luca"
    assert LinkedService(pair.copies[0]).waiting() == 0


def test_an_edit_beats_a_delete(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "da discutere")
    pair.exchange(0)
    pair.pull(1)
    uuid = pair.copies[0].note(note_id).uuid
    other_id = next(n.id for n in pair.copies[1].notes() if n.uuid == uuid)
    ops.EditNote(other_id, text="da discutere: deciso").do(pair.copies[1])
    pair.exchange(1)
    ops.DeleteNote(note_id).do(pair.copies[0])  # Marta deletes what she saw
    assert pair.exchange(0) == 1
    assert _hub_note(pair, uuid) == ("da discutere: deciso", 0)
    assert rows(pair.hub_path, "SELECT kind, other_text FROM linked_conflicts") == [
        ("delete", "da discutere")
    ]
    # Marta's copy takes the note back, with the edit, and has nothing waiting
    assert pair.copies[0].note(note_id).deleted_at is None
    assert pair.copies[0].note(note_id).text == "da discutere: deciso"
    assert LinkedService(pair.copies[0]).waiting() == 0


def test_an_edit_brings_back_a_note_deleted_on_the_hub(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "prima")
    pair.exchange(0)
    uuid = pair.copies[0].note(note_id).uuid
    hub_id = next(n.id for n in pair.hub.notes() if n.uuid == uuid)
    ops.DeleteNote(hub_id).do(pair.hub)
    ops.EditNote(note_id, text="dopo").do(pair.copies[0])
    assert pair.exchange(0) == 1
    assert _hub_note(pair, uuid) == ("dopo", 0)


def test_a_local_edit_not_yet_sent_is_not_overwritten_by_the_feed(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "uno")
    pair.exchange(0)
    uuid = pair.copies[0].note(note_id).uuid
    hub_id = next(n.id for n in pair.hub.notes() if n.uuid == uuid)
    ops.EditNote(hub_id, text="uno (facilitatore)").do(pair.hub)
    ops.EditNote(note_id, text="uno (Marta)").do(pair.copies[0])
    pair.pull(0)
    assert pair.copies[0].note(note_id).text == "uno (Marta)"
    assert pair.exchange(0) == 1  # then the hub keeps both
    assert _hub_note(pair, uuid) == ("uno (Marta)", 0)


def test_the_mirror_follows_the_hub(pair: Pair) -> None:
    day = pair.hub.days()[0]
    ops.AddItem(day.id, "Pranzo di lavoro").do(pair.hub)
    ops.AddCategory("Rischi", "#aa0000", "z").do(pair.hub)
    item = pair.hub.items()[1]
    ops.StartItem(item.id, dt.datetime.now(dt.UTC)).do(pair.hub)
    pair.pull(0)
    copy = pair.copies[0]
    assert "Pranzo di lavoro" in [i.title for i in copy.items()]
    assert "Rischi" in [c.name for c in copy.categories()]
    started = {i.uuid: i.actual_start for i in copy.items()}
    assert started[item.uuid] is not None


def test_refused_text_writes_nothing(pair: Pair) -> None:
    before = rows(pair.hub_path, "SELECT * FROM notes ORDER BY id")
    bad = [
        {"uuid": "not-a-uuid", "state": {"text": "x"}},
    ]
    with pytest.raises(ValidationError):
        ops.ApplyTakerNotes(pair.clients[0], bad).do(pair.hub)
    good_then_bad = [
        {"uuid": "0b0b0b0b-0000-4000-8000-000000000001", "state": {"text": "buona"}},
        {"uuid": "0b0b0b0b-0000-4000-8000-000000000002", "state": {"text": "   "}},
    ]
    with pytest.raises(ValidationError):
        ops.ApplyTakerNotes(pair.clients[0], good_then_bad).do(pair.hub)
    assert rows(pair.hub_path, "SELECT * FROM notes ORDER BY id") == before  # one transaction


def test_an_edit_made_while_its_note_was_on_the_way_stays_waiting(pair: Pair) -> None:
    note_id = _note(pair.copies[0], "in viaggio")
    copy = LinkedService(pair.copies[0])
    sent = copy.pending()
    op = ops.ApplyTakerNotes(pair.clients[0], sent)
    op.do(pair.hub)
    ops.EditNote(note_id, text="in viaggio, corretta").do(pair.copies[0])  # before the answer
    ops.AcknowledgeNotes(sent, op.applied.acks).do(pair.copies[0])
    waiting = copy.pending()
    assert [(e["state"]["text"], e["base"]) for e in waiting] == [
        ("in viaggio, corretta", "in viaggio")
    ]
    assert pair.exchange() == 0  # the hub still had our text: no conflict
    assert copy.waiting() == 0
    assert pair.copies[0].note(note_id).text == "in viaggio, corretta"
