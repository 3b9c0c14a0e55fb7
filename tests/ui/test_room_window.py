"""The room opened from the window: a real RoomServer on 127.0.0.1 over the window's
document, and real HTTP requests from a phone (a worker thread with urllib): its ballot
shows on the projector's results, its idea accepted in the panel is a note in Live, and
closing the room closes the sockets."""

from __future__ import annotations

import http.cookiejar
import json
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Method
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.ui.live.presenter import Mode
from facilitator.ui.live.room_window import RoomSettings
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "room.workshop"
    with WorkshopService.create(p, "Laboratorio in sala") as svc:
        day = svc.days()[0]
        svc.add_item(day.id, "Sfide dell'ecosistema", duration_min=45)
        org = OrganiseService(svc)
        labels = (("Sportello unico", None), ("Tavolo permanente", None), ("Fondo", None))
        poll = org.create_poll(
            PollSettings("Dove mettere i punti?", Method.DOT, labels, hide_results=True)
        )
        org.open_poll(poll)
    return p


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, path: Path, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    w = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    yield w
    w.close()


class Phone:
    """A phone's browser: a cookie jar and JSON requests to the room."""

    def __init__(self, base: str, code: str) -> None:
        self.base, self.code = base, code
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def post(self, route: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base + route,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "X-Room-Code": self.code},
            method="POST",
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return dict(json.loads(response.read()))
        except urllib.error.HTTPError as exc:
            with exc:
                return {"http": exc.code, **json.loads(exc.read() or b"{}")}

    def get(self, route: str) -> dict[str, Any]:
        request = urllib.request.Request(self.base + route, headers={"X-Room-Code": self.code})
        try:
            with self.opener.open(request, timeout=10) as response:
                return dict(json.loads(response.read()))
        except urllib.error.HTTPError as exc:
            with exc:
                return {"http": exc.code}


def in_thread(fn: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    """Run a phone's requests while the GUI thread keeps turning (the writes run there)."""
    out: list[Any] = []

    def main() -> None:
        try:
            out.append(fn())
        except Exception as exc:  # the test looks at it
            out.append(exc)

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    return thread, out


def _open(window: MainWindow) -> Any:
    control = window._projector()  # built at once when the room asks
    assert control is not None
    assert control.open_room(RoomSettings(host="127.0.0.1"))
    assert control.server is not None
    return control


def test_a_phones_ballot_shows_on_the_projector_results(qtbot: QtBot, window: MainWindow) -> None:
    control = _open(window)
    server = control.server
    assert control.window is not None and control.window.mode is Mode.JOIN
    assert control.window.join.code_label.text().replace(" ", "") == server.code
    assert server.url in control.window.join.url_label.text()
    poll = OrganiseService(window.doc.service).polls()[0]
    window.present_poll(poll.id)
    results = control.window.results
    assert results.result is not None and results.result.ballots == 0

    phone = Phone(server.url, server.code)
    option = poll.options[1].id

    def vote() -> dict[str, Any]:
        phone.post("/api/join", {"lang": "it"})
        return phone.post(
            "/api/ballot", {"poll": poll.id, "key": "ballot-key-0001", "entries": [[option, 0, 3]]}
        )

    thread, out = in_thread(vote)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert out[0]["ok"] is True and out[0]["status"] == "recorded", out
    # On the projector at once (the change stream), and in the file.
    assert results.result is not None and results.result.ballots == 1
    assert results.lines == []  # hidden until the facilitator reveals them
    control.room_panel().reveal_button.click()
    assert results.visible_results
    assert results.lines[0].label == "Tavolo permanente" and results.lines[0].score == "3"
    # The panel counts the phone (after its debounce).
    panel = control.room_panel()
    qtbot.waitUntil(lambda: panel.devices.count() == 1, timeout=5000)
    assert "1" in panel.devices_label.text()
    assert window.doc.undo_stack.count() == 0  # a phone's ballot is not the user's undo
    control.close_room()


def test_an_accepted_idea_is_a_note_in_live(qtbot: QtBot, window: MainWindow) -> None:
    live = window.live
    live.start_stop()  # ideas go to the running item
    control = _open(window)
    server = control.server
    phone = Phone(server.url, server.code)

    def send() -> dict[str, Any]:
        phone.post("/api/join", {"lang": "it"})
        return phone.post("/api/idea", {"key": "idea-key-0001", "text": "Uno sportello per tutti"})

    thread, out = in_thread(send)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert out[0]["ok"] is True, out
    panel = control.room_panel()
    qtbot.waitUntil(lambda: panel.ideas.count() == 1, timeout=5000)
    panel.ideas.item(0).setSelected(True)
    category = window.doc.service.categories()[0]
    panel.category.setCurrentIndex(panel.category.findData(category.id))
    before = live.notes_model.rowCount()
    panel.accept_button.click()
    assert live.notes_model.rowCount() == before + 1
    note = live.notes_model.note(before)
    assert note.text == "Uno sportello per tutti" and note.category_id == category.id
    assert note.speaker_name == "anonimo"  # the workshop's language
    qtbot.waitUntil(lambda: panel.ideas.count() == 0, timeout=5000)

    # The idea wall on the projector, sorted by upvotes, follows the phones' votes.
    control.panel.buttons[Mode.IDEAS].click()
    wall = control.window.wall
    assert wall.ideas == [(0, "Uno sportello per tutti")]
    from facilitator.services.room import RoomService

    idea_id = RoomService(window.doc.service).projector_wall()[0].id
    thread, out = in_thread(lambda: phone.post("/api/upvote", {"idea": idea_id}))
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert out[0].get("status") == "counted", out
    assert wall.ideas == [(1, "Uno sportello per tutti")]
    wall.resize(1200, 600)
    image = wall.grab().toImage()
    assert wall.drawn, "the idea was drawn"
    rect = wall.drawn[0]
    bright = sum(
        image.pixelColor(x, y).lightness() > 140
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
    )
    assert bright > 10  # light text on black
    control.close_room()


def test_closing_the_room_closes_the_sockets(qtbot: QtBot, window: MainWindow) -> None:
    control = _open(window)
    server = control.server
    host, port = server.host, server.port
    with socket.create_connection((host, port), timeout=2):
        pass  # listening
    phone = Phone(server.url, server.code)
    thread, out = in_thread(lambda: phone.post("/api/join", {"lang": "en"}))
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    control.close_room()
    assert control.server is None
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=1).close()
    with pytest.raises((urllib.error.URLError, OSError)):
        phone.get("/api/state")
    assert control.window is not None and control.window.mode is not Mode.JOIN
    assert not control.room_panel().is_open


def test_closing_the_workshop_closes_the_room(qtbot: QtBot, window: MainWindow) -> None:
    control = _open(window)
    port = control.server.port
    window.close_document()
    assert control.server is None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_the_room_binds_to_one_address_never_all(window: MainWindow, shown_errors) -> None:  # noqa: ANN001
    control = window._projector()  # built at once when the room asks
    assert control is not None
    assert not control.open_room(RoomSettings(host="0.0.0.0"))
    assert control.server is None and shown_errors  # said why


def test_the_panel_removes_a_phone_closes_joining_merges_and_asks(
    qtbot: QtBot, window: MainWindow
) -> None:
    control = _open(window)
    server = control.server
    panel = control.room_panel()
    phones = [Phone(server.url, server.code) for _ in range(2)]

    def join_and_send() -> list[dict[str, Any]]:
        out = []
        for n, phone in enumerate(phones):
            out.append(phone.post("/api/join", {"lang": "it"}))
            out.append(phone.post("/api/idea", {"key": f"idea-key-{n:04d}", "text": f"Idea {n}"}))
        return out

    thread, out = in_thread(join_and_send)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert all(r.get("ok") for r in out[0]), out
    qtbot.waitUntil(lambda: panel.devices.count() == 2 and panel.ideas.count() == 2, timeout=5000)

    # Merge the second idea into the first: one waits.
    panel.ideas.item(0).setSelected(True)
    panel.ideas.item(1).setSelected(True)
    panel.merge_button.click()
    qtbot.waitUntil(lambda: panel.ideas.count() == 1, timeout=5000)

    # A question for the phones: stored, shown in Live and on the projector.
    panel.question.setText("Quali sfide avete incontrato?")
    panel.ask_button.click()
    assert window.live.question_edit.text() == "Quali sfide avete incontrato?"
    from facilitator.services.room import RoomService

    assert RoomService(window.doc.service).question() == "Quali sfide avete incontrato?"

    # Remove the first phone: its next request is refused.
    panel.devices.setCurrentRow(0)
    removed = panel.selected_device()
    panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.devices.count() == 1, timeout=5000)
    ids = [d.id for d in RoomService(window.doc.service).devices()]
    assert removed not in ids
    who = 0 if removed == 1 else 1  # devices are numbered in the order they joined
    thread, out = in_thread(lambda: phones[who].get("/api/state"))
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert out[0] == {"http": 401}

    # Close joining: a new phone cannot join.
    panel.joining.setChecked(False)
    late = Phone(server.url, server.code)
    thread, out = in_thread(lambda: late.post("/api/join", {"lang": "it"}))
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    assert out[0].get("http") == 403
    control.close_room()


def test_the_open_dialog_lists_addresses_and_picks_the_lan_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.room import network
    from facilitator.ui.live.room_window import OpenRoomDialog

    found = [
        network.Address("192.168.1.20", "wlan0", True, True),
        network.Address("10.8.0.2", "tun0", True, False),
        network.Address("127.0.0.1", "lo", False, False),
    ]
    monkeypatch.setattr(network, "list_addresses", lambda: found)
    dialog = OpenRoomDialog()
    qtbot.addWidget(dialog)
    listed = [dialog.address.itemData(n) for n in range(dialog.address.count())]
    assert listed == ["192.168.1.20", "10.8.0.2", "127.0.0.1"]
    assert "0.0.0.0" not in listed
    assert dialog.values().host == "192.168.1.20"  # the one with a route to the LAN
    assert dialog.warning.text() == ""
    monkeypatch.setattr(network, "list_addresses", lambda: found[2:])
    alone = OpenRoomDialog()
    qtbot.addWidget(alone)
    assert alone.values().host == "127.0.0.1" and alone.warning.text()  # says why
