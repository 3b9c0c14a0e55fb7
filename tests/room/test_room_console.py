"""The facilitator's terminal commands of ``serve``: each changes the file through the
backend and the phones are told."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from room_helpers import RoomFile, file_rows, options

from facilitator.domain.voting import Ballot
from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.console import Console
from facilitator.room.server import RoomServer


@pytest.fixture
def console(backend: OwnerThreadBackend) -> Iterator[Console]:
    with RoomServer(backend, "127.0.0.1") as server:
        yield Console(server, backend)


def test_polls_reveal_and_status(
    console: Console, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    dot = room_file.polls["dot"]
    assert "draft" in console.handle("polls")
    assert console.handle(f"open {dot}") == f"poll {dot} is open: phones vote in it now"
    device = backend.call(lambda s: s.join("hash-a", None, "it"))
    a = options(backend, dot)[0]
    backend.call(lambda s: s.cast(device.id, dot, Ballot({(a, 0): 1}), "console-vote"))
    assert "1 ballots from phones" in console.handle("status")
    assert "results hidden" in console.handle("status")
    assert "shown to" in console.handle("reveal")
    assert "results shown" in console.handle("status")
    assert console.handle(f"close {dot}") == f"poll {dot} is closed"
    assert file_rows(room_file.path, "SELECT state FROM polls WHERE id = ?", (dot,)) == [
        ("closed",)
    ]
    assert console.handle(f"close {dot}").startswith("error: only an open poll")
    assert console.handle("reveal") == "no poll open"
    assert console.handle("open").startswith("error:")
    assert console.handle("open x").startswith("error:")
    assert console.handle('ask "unclosed').startswith("error:")


def test_questions_and_moderation(
    console: Console, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    assert console.handle("ask Quali sfide avete incontrato?") == (
        "question open: “Quali sfide avete incontrato?”"
    )
    device = backend.call(lambda s: s.join("hash-b", "Pia", "it"))
    ids = [
        backend.call(lambda s, t=t, k=k: s.submit_idea(device.id, k, t)).id
        for k, t in (("idea-aaaa", "Poco tempo"), ("idea-bbbb", "Tempo scarso"), ("idea-cccc", "x"))
    ]
    listing = console.handle("ideas")
    assert "Pia" in listing and "Poco tempo" in listing
    category = backend.call(lambda s: s.svc.categories()[1])
    assert console.handle(f"accept {ids[0]} 2").startswith(f"idea {ids[0]} is now note ")
    assert file_rows(room_file.path, "SELECT category_id, speaker_name FROM notes") == [
        (category.id, "Pia")
    ]
    assert console.handle(f"merge {ids[1]} {ids[0]}") == f"idea {ids[1]} merged into idea {ids[0]}"
    assert console.handle(f"reject {ids[2]}") == f"idea {ids[2]} rejected"
    assert console.handle("ideas") == "no ideas waiting"
    assert console.handle(f"accept {ids[2]}").startswith("error:")
    assert console.handle("accept 999 zz").startswith("error:")
    assert console.handle("endq") == "question closed"
    assert "no question open" in console.handle("status")


def test_phones_remove_and_joining(console: Console, backend: OwnerThreadBackend) -> None:
    assert console.handle("phones") == "no phones yet"
    device = backend.call(lambda s: s.join("hash-c", "Ugo", "en"))
    assert "Ugo" in console.handle("phones")
    assert console.handle(f"remove {device.id}") == f"phone {device.id} removed"
    assert console.handle("phones") == "no phones yet"
    assert console.handle("lock").startswith("joining is closed")
    assert console.server.room.joining_open is False
    assert console.handle("unlock") == "joining is open"
    assert "Commands:" in console.handle("help")
    assert console.handle("") == ""
    assert "unknown command" in console.handle("frobnicate")


def test_join_codes_from_the_terminal(
    console: Console, backend: OwnerThreadBackend, room_file: RoomFile, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from facilitator.room.cli import _participants_ready
    from facilitator.services import operations as ops

    assert "the participant list is empty" in _participants_ready(backend, room_file.path)
    anna = backend.call(lambda s: s.svc.add_participant("Anna Rossi", "Comune di Torino"))
    said = _participants_ready(backend, room_file.path)
    assert "1 participants on the list (1 new codes issued now)" in said
    listing = console.handle("codes")
    code = backend.call(lambda s: s.codes.codes()[0].code)
    assert listing.startswith("0 of 1 participants joined") and code in listing
    device = backend.call(lambda s: s.join("hash-d", None, "it"))
    backend.call(lambda s: ops.ClaimJoinCode(device.id, anna, code).do(s.svc))
    assert console.handle("codes").startswith("1 of 1 participants joined")
    assert "Anna Rossi" in console.handle("phones")
    out = tmp_path / "badges.pdf"
    assert console.handle(f"codes pdf {out}") == f"wrote {out}: 1 badges on 1 pages"
    assert code in (PdfReader(out).pages[0].extract_text() or "")
    assert console.handle(f"codes pdf {room_file.path}").startswith("error:")
    assert console.handle(f"free {device.id}").startswith(f"phone {device.id} is nobody now")
    assert console.handle(f"free {device.id}").startswith("error:")
    said = console.handle(f"reissue {anna}")
    new = backend.call(lambda s: s.codes.codes()[0].code)
    assert new != code and new in said
    assert file_rows(
        room_file.path, "SELECT count(*) FROM room_join_codes WHERE revoked_at IS NOT NULL"
    ) == [(1,)]
