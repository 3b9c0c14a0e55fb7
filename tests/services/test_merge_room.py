"""Which of the room's tables travel in a merge, on real files: phones' ballots do (as
ballots, without their phone), accepted ideas do (they are notes); devices and their
tokens, pending ideas, upvotes, questions and the note-takers' join state (their tokens,
a linked copy's link and outbox) never do. The facilitator's file ran the room; a copy
of it from before the session is merged with it both ways."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from facilitator.domain.voting import Ballot, Method
from facilitator.services import merging
from facilitator.services.linked import LinkedService
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.room import RoomService
from facilitator.services.workshop import WorkshopService
from facilitator.storage.linked import LinkedRepository
from tests.services.merge_helpers import copy, make_base

SECRET_TABLES = ("room_devices", "room_ideas", "room_idea_votes", "room_questions")
JOIN_TABLES = ("linked_clients", "linked_link", "linked_notes")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _every_text(path: Path) -> str:
    """Every value of every table (and the bytes of the file and its WAL), as text."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                out += [str(v) for v in row]
    finally:
        conn.close()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            out.append(part.read_bytes().decode("latin-1"))
    return "\n".join(out)


@pytest.fixture
def room_session(tmp_path: Path) -> dict[str, object]:
    """The facilitator's file after a session with phones and a note-taker's laptop,
    and a laptop's copy of it taken before the session."""
    hub = make_base(tmp_path / "hub.workshop")
    with WorkshopService.open(hub) as svc:
        org = OrganiseService(svc)
        poll = org.create_poll(PollSettings("Priorità", Method.DOT, (("Uno", None), ("Due", None))))
        org.open_poll(poll)
    laptop = copy(hub, tmp_path / "laptop.workshop")
    tokens = {"phone-1": "tok-phone-one-secret", "phone-2": "tok-phone-two-secret"}
    with WorkshopService.open(hub) as svc:
        room = RoomService(svc)
        one = room.join(_hash(tokens["phone-1"]), "Anna", "it")
        two = room.join(_hash(tokens["phone-2"]), None, "it")
        first, second = (o.id for o in room.org.poll(poll).options)
        room.cast(one.id, poll, Ballot.dots({first: 3}), "key00001")
        room.cast(one.id, poll, Ballot.dots({second: 5}), "key00002")  # voted again: replaced
        room.cast(two.id, poll, Ballot.dots({first: 2, second: 1}), "key00003")
        room.ask("Quali sfide avete incontrato?", svc.notes()[0].agenda_item_id)
        accepted = room.submit_idea(one.id, "idea0001", "uno sportello unico")
        room.submit_idea(two.id, "idea0002", "idea ancora da moderare")
        note_id = room.accept(accepted.id)
        room.upvote(two.id, accepted.id)
        taker_token = "taker-secret-token"
        LinkedService(svc).join_client(_hash(taker_token), "Marta")
        result = room.org.result(poll)
    return {
        "hub": hub,
        "laptop": laptop,
        "poll": poll,
        "secrets": [*tokens.values(), *(_hash(t) for t in [*tokens.values(), taker_token])],
        "note": note_id,
        "result": result,
    }


def test_phones_ballots_and_accepted_ideas_travel_their_devices_and_tokens_never(
    room_session: dict[str, object],
) -> None:
    hub, laptop = Path(str(room_session["hub"])), Path(str(room_session["laptop"]))
    poll = int(str(room_session["poll"]))
    preview = merging.merge_files(laptop, hub, dry_run=True)
    done = merging.merge_files(laptop, hub)
    assert done.counts() == preview.counts()
    assert done.counts()["ballots"][0] == 3  # the replaced one too, as deleted
    with WorkshopService.open(laptop) as svc:
        org = OrganiseService(svc)
        # the same tally as on the facilitator's laptop, counted from phones' ballots
        assert org.result(poll) == room_session["result"]
        assert org.ballot_count(poll) == 2
        rows = svc.file.db.conn.execute(
            "SELECT origin, device_id, deleted_at IS NOT NULL FROM ballots ORDER BY cast_at"
        ).fetchall()
        assert rows == [("room", None, 1), ("room", None, 0), ("room", None, 0)]
        assert "uno sportello unico" in {n.text for n in svc.notes()}  # accepted: a note
        assert "idea ancora da moderare" not in {n.text for n in svc.notes()}
    for table in (*SECRET_TABLES, *JOIN_TABLES):
        assert _count(laptop, table) == 0, table
    text = _every_text(laptop)
    for secret in room_session["secrets"]:  # type: ignore[attr-defined]
        assert secret not in text
    again = merging.merge_files(laptop, hub)
    assert again.plan.is_empty()  # idempotent


def test_merging_back_into_the_facilitators_file_keeps_its_room(
    room_session: dict[str, object],
) -> None:
    hub, laptop = Path(str(room_session["hub"])), Path(str(room_session["laptop"]))
    poll = int(str(room_session["poll"]))
    merging.merge_files(laptop, hub)
    with WorkshopService.open(laptop) as svc:
        svc.add_note("dal portatile")
    conn = sqlite3.connect(f"file:{hub}?mode=ro", uri=True)
    try:
        before = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in (*SECRET_TABLES, "linked_clients")
        }
        devices = conn.execute("SELECT uuid, device_id FROM ballots ORDER BY uuid").fetchall()
    finally:
        conn.close()
    merging.merge_files(hub, laptop)
    conn = sqlite3.connect(f"file:{hub}?mode=ro", uri=True)
    try:
        for table, rows in before.items():
            assert conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() == rows, table
        assert conn.execute("SELECT uuid, device_id FROM ballots ORDER BY uuid").fetchall() == (
            devices
        )
    finally:
        conn.close()
    with WorkshopService.open(hub) as svc:
        assert "dal portatile" in {n.text for n in svc.notes()}
        assert OrganiseService(svc).result(poll) == room_session["result"]
        room = RoomService(svc)
        assert [i.text for i in room.pending()] == ["idea ancora da moderare"]


def test_a_linked_copys_link_and_outbox_never_travel(tmp_path: Path) -> None:
    base = make_base(tmp_path / "base.workshop")
    linked = copy(base, tmp_path / "marta.workshop")
    other = copy(base, tmp_path / "other.workshop")
    with WorkshopService.open(linked) as svc:
        LinkedService(svc).make_linked("http://192.168.1.20:8765", "link-secret", "c-1", "Marta")
        svc.add_note("scritta sulla copia collegata", note_taker="Marta")
        assert LinkedRepository(svc.file).link() is not None
    merging.merge_files(other, linked)
    with WorkshopService.open(other) as svc:
        assert "scritta sulla copia collegata" in {n.text for n in svc.notes()}
    for table in JOIN_TABLES:
        assert _count(other, table) == 0, table
    assert "link-secret" not in _every_text(other)
    # and the other way: a merge into a linked copy leaves its link as it was
    merging.merge_files(linked, other)
    with WorkshopService.open(linked) as svc:
        link = LinkedRepository(svc.file).link()
        assert link is not None and link.token == "link-secret"
