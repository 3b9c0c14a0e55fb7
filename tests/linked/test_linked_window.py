"""Linked copies in the window (pytest-qt, real sockets on 127.0.0.1): a note-taker's
note appears live on the facilitator's Live screen with the note-taker's name; a linked
copy open in the window shows connected / offline and the notes waiting, and File › Join
a room… makes and opens one."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator.room.client import LinkedClient, OwnerThreadLocal, join_room
from facilitator.room.server import RoomServer
from facilitator.services import operations as ops
from facilitator.services.linked import Status
from facilitator.storage.room import RoomRepository
from facilitator.ui.join_dialog import JoinDialog
from facilitator.ui.live.notes_model import NotesModel
from facilitator.ui.live.room_window import DocumentBackend
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings
from tests.linked.conftest import TAKER_CODE, Hub, live_notes, make_hub_file

SHOTS = Path("/tmp/shots-linked")


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    shown: list[BaseException] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    settings = Settings(tmp_path / "settings.ini")
    settings.set_note_taker("Giulia")
    w = MainWindow(settings)
    w.shown_errors = shown  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    yield w
    w.close()


def _texts(w: MainWindow) -> list[str]:
    model = w.live.notes_model
    return [str(model.data(model.index(r, NotesModel.TEXT))) for r in range(model.rowCount())]


def test_a_note_takers_note_appears_live_on_the_facilitators_screen_with_the_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    hub_path = tmp_path / "hub.workshop"
    make_hub_file(hub_path)
    assert window.open_path(hub_path)
    assert window.doc is not None
    backend = DocumentBackend(window.doc)
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.1, taker_code=TAKER_CODE)
    server.start()
    copy_path = tmp_path / "marta.workshop"
    made: list[object] = []
    # the note-taker's laptop, on threads of its own (the window's thread answers the room)
    worker = threading.Thread(
        target=lambda: made.append(join_room(server.url, TAKER_CODE, "Marta", copy_path))
    )
    worker.start()
    qtbot.waitUntil(lambda: bool(made), timeout=20000)
    local = OwnerThreadLocal(copy_path)
    client = LinkedClient(local, poll_every=0.5)
    client.start()
    try:
        item = local.call(lambda s: RoomRepository(s.file).running_item_id()).result()
        op = ops.AddNote("servono spazi condivisi", agenda_item_id=item)
        local.run(op).result()
        client.kick()
        qtbot.waitUntil(lambda: "[Marta] servono spazi condivisi" in _texts(window), timeout=20000)
        assert window.doc.undo_stack.count() == 0  # a remote note is not the user's to undo
        # the facilitator's own note, typed here, reaches the note-taker's copy
        window.live.capture.setFocus()
        qtbot.keyClicks(window.live.capture, "nota della facilitatrice")
        qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: ("nota della facilitatrice", "Giulia") in live_notes(copy_path).values(),
            timeout=20000,
        )
        assert "nota della facilitatrice" in _texts(window)  # own notes: no name prefix
        _shot(window, "facilitator-live-with-marta.png")
    finally:
        client.stop()
        local.close()
        server.stop()
        backend.close()


@pytest.fixture
def served_hub(tmp_path: Path) -> Iterator[Hub]:
    from facilitator.room.backend import OwnerThreadBackend

    path = tmp_path / "hub.workshop"
    make_hub_file(path)
    backend = OwnerThreadBackend(path)
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.1, taker_code=TAKER_CODE)
    server.start()
    h = Hub(path, backend, server, server.port)
    yield h
    h.stop()
    backend.close()


def _badge(w: MainWindow) -> Callable[[], Status]:
    return lambda: w.linked.badge.status


def test_a_linked_copy_in_the_window_shows_its_status_and_sends_what_is_typed(
    qtbot: QtBot, window: MainWindow, served_hub: Hub, tmp_path: Path
) -> None:
    path = tmp_path / "giulia.workshop"
    join_room(served_hub.url, TAKER_CODE, "Giulia", path)
    assert window.open_path(path)
    status = _badge(window)
    assert window.linked.badge.isVisible()
    qtbot.waitUntil(lambda: status().connected, timeout=20000)
    qtbot.keyClicks(window.live.capture, "prima nota dalla sala B")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: ("prima nota dalla sala B", "Giulia") in live_notes(served_hub.path).values(),
        timeout=20000,
    )
    qtbot.waitUntil(lambda: status().connected and status().waiting == 0, timeout=20000)
    assert "every note sent" in window.linked.badge.text()
    _shot(window, "copy-connected.png")

    served_hub.stop()  # the Wi-Fi goes
    qtbot.waitUntil(lambda: not status().connected, timeout=20000)
    qtbot.keyClicks(window.live.capture, "scritta senza rete")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status().waiting == 1, timeout=20000)
    assert "Offline" in window.linked.badge.text()
    assert "1 note waiting" in window.linked.badge.text()
    assert "scritta senza rete" in live_notes(path).__repr__()  # on this laptop's disk
    _shot(window, "copy-offline.png")

    served_hub.restart()  # and comes back
    qtbot.waitUntil(lambda: status().connected and status().waiting == 0, timeout=20000)
    assert ("scritta senza rete", "Giulia") in live_notes(served_hub.path).values()
    window.close_document()
    assert not window.linked.badge.isVisible()


def test_join_a_room_from_the_file_menu_opens_the_linked_copy(
    qtbot: QtBot, window: MainWindow, served_hub: Hub, tmp_path: Path
) -> None:
    dialog = JoinDialog("Giulia", tmp_path)
    dialog.address.setText("nowhere at all/")
    assert "address" in dialog.check()
    dialog.address.setText(served_hub.url.removeprefix("http://"))
    dialog.code.setText("")
    assert "code" in dialog.check()
    dialog.code.setText(TAKER_CODE.lower())
    dialog.file.setText(str(served_hub.path))
    assert "already exists" in dialog.check()
    dialog.file.setText(str(tmp_path / "sala B.workshop"))
    assert dialog.check() == ""
    _shot(dialog, "join-dialog.png")
    values = dialog.values()
    window.linked.join(values.address, values.code, values.name, values.path)
    qtbot.waitUntil(
        lambda: window.doc is not None and window.doc.service.path == values.path, timeout=20000
    )
    qtbot.waitUntil(lambda: window.linked.badge.status.connected, timeout=20000)
    # a wrong code: a sentence, and no file
    window.linked.join(values.address, "WRONG234", "Giulia", tmp_path / "x.workshop")
    qtbot.waitUntil(lambda: bool(window.shown_errors), timeout=20000)  # type: ignore[attr-defined]
    assert not (tmp_path / "x.workshop").exists()


def test_notes_carry_their_note_takers_name_only_beside_a_named_note_taker(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A file whose notes one person took (the demo's) shows them plain while this laptop's
    note-taker has no name; once named, another note-taker's notes say whose they are."""
    import datetime as dt

    from facilitator.services.workshop import WorkshopService
    from facilitator.ui.document import WorkshopDocument
    from facilitator.ui.live.notes_model import NotesModel

    svc = WorkshopService.create(tmp_path / "w.workshop", "Prova")
    try:
        item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
        svc.add_note("presa da Chiara", agenda_item_id=item, note_taker="Chiara")
        svc.add_note("presa da Giulia", agenda_item_id=item, note_taker="Giulia")
        doc = WorkshopDocument(svc)
        model = NotesModel(doc)
        model.set_item(item)
        shown = {model.data(model.index(r, NotesModel.TEXT)) for r in range(model.rowCount())}
        assert shown == {"presa da Chiara", "presa da Giulia"}
        model.own_taker = "Giulia"
        shown = {model.data(model.index(r, NotesModel.TEXT)) for r in range(model.rowCount())}
        assert shown == {"[Chiara] presa da Chiara", "presa da Giulia"}
    finally:
        svc.close()
