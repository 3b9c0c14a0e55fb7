"""The room's participants' mode from the window: the dialog offers it, opening issues
the missing codes, the panel shows who joined (of how many), frees a phone and gives a
lost badge a new code; Plan › Participants prints the badges. Real server on 127.0.0.1,
real requests from a worker thread, the file read back."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from facilitator.services.joincodes import JoinCodeService
from facilitator.services.workshop import WorkshopService
from facilitator.ui import join_codes
from facilitator.ui.live.room_window import OpenRoomDialog, RoomSettings
from facilitator.ui.main_window import MainWindow
from tests.ui.test_room_window import Phone, in_thread, window  # noqa: F401 (the fixture)

SHOTS = Path("/tmp/shots-joincodes")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "room.workshop"
    with WorkshopService.create(p, "Laboratorio in sala") as svc:
        for name, org in (
            ("Anna Rossi", "Comune di Torino"),
            ("Ben Weber", "Land Berlin"),
            ("Chiara Neri", "Cooperativa Arcobaleno"),
        ):
            svc.add_participant(name, org)
    return p


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(join_codes, "tell", lambda parent, text, open_path=None: seen.append(text))
    monkeypatch.setattr(join_codes, "confirm", lambda parent, text: True)
    return seen


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def call(qtbot: QtBot, fn: Any) -> Any:
    thread, out = in_thread(fn)
    qtbot.waitUntil(lambda: bool(out), timeout=20_000)
    thread.join(timeout=5)
    return out[0]


def test_the_dialog_offers_the_participant_list(qtbot: QtBot) -> None:
    dialog = OpenRoomDialog(people=(15, 3))
    qtbot.addWidget(dialog)
    assert dialog.anonymous.isChecked() and not dialog.values().participants
    dialog.participants.setChecked(True)
    values = dialog.values()
    assert values.participants and not values.ask_name
    assert "15" in dialog.participants_hint.text() and "3" in dialog.participants_hint.text()
    empty = OpenRoomDialog(people=(0, 0))
    qtbot.addWidget(empty)
    assert not empty.participants.isEnabled() and empty.participants_hint.text()
    dialog.resize(560, dialog.sizeHint().height())
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "open-room-dialog.png"))


def test_participants_join_by_name_and_the_panel_follows(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    path: Path,
    told: list[str],
) -> None:
    control = window._projector()
    assert control is not None
    assert control.open_room(RoomSettings(host="127.0.0.1", participants=True))
    server = control.server
    assert server is not None and server.room.participants
    codes = {
        c.name: (c.participant_id, c.code) for c in JoinCodeService(window.doc.service).codes()
    }
    assert all(code for _, code in codes.values())  # issued when the room opened
    assert control.window is not None
    assert "scegliete il vostro nome e scrivete il codice del vostro cartellino" in (
        control.window.join.advice_label.text()
    )  # the workshop's language (Italian by default)
    control.window.resize(1280, 720)
    SHOTS.mkdir(exist_ok=True)
    control.window.grab().save(str(SHOTS / "projector-join-participants.png"))
    panel = control.room_panel()
    assert panel.people_box.isVisibleTo(panel) and panel.people.count() == 3
    assert panel.people_label.text() == "Participants joined: 0 of 3"

    phone = Phone(server.url, server.code)
    anna, code = codes["Anna Rossi"]

    def join_as_anna() -> dict[str, Any]:
        phone.post("/api/join", {"lang": "it"})
        return phone.post("/api/claim", {"participant": anna, "code": code})

    assert call(qtbot, join_as_anna)["participant"] == "Anna Rossi"
    qtbot.waitUntil(lambda: panel.people.item(0).text().startswith("✓ Anna Rossi"), timeout=5000)
    assert panel.people_label.text() == "Participants joined: 1 of 3"
    qtbot.waitUntil(lambda: panel.devices.count() == 1, timeout=5000)
    assert panel.devices.item(0).text() == "Anna Rossi"
    window.resize(1280, 860)
    SHOTS.mkdir(exist_ok=True)
    control.dock.show()
    panel.people.setCurrentRow(0)
    control.dock.grab().save(str(SHOTS / "room-panel.png"))

    # her phone dies: free it; the same code works on her other phone
    panel.people.setCurrentRow(0)
    assert panel.free_button.isEnabled()
    panel.free_button.click()
    assert rows(path, "SELECT count(*) FROM room_claims WHERE ended_at IS NULL") == [(0,)]
    assert call(qtbot, lambda: phone.get("/api/state"))["participant"] is None
    other = Phone(server.url, server.code)

    def join_other() -> dict[str, Any]:
        other.post("/api/join", {"lang": "it"})
        return other.post("/api/claim", {"participant": anna, "code": code})

    assert call(qtbot, join_other)["participant"] == "Anna Rossi"

    # a lost badge: a new code, the old one is wrong, the phone that used it is nobody
    qtbot.waitUntil(lambda: panel.people.item(0).text().startswith("✓"), timeout=5000)
    panel.people.setCurrentRow(0)
    panel.reissue_button.click()
    new = JoinCodeService(window.doc.service).codes()[0].code
    assert new != code and new in told[-1]
    assert call(qtbot, lambda: other.get("/api/state"))["participant"] is None
    late = Phone(server.url, server.code)

    def old_code() -> dict[str, Any]:
        late.post("/api/join", {"lang": "en"})
        return late.post("/api/claim", {"participant": anna, "code": code})

    said = call(qtbot, old_code)
    assert said["error"] == "wrong_code" and said["message"].startswith("This is not the code")
    # on the undo stack: the codes issued when the room opened and Anna's new one (the
    # phones' claims and the freed phone are events of the room, not undone)
    assert window.doc.undo_stack.count() == 2
    control.close_room()


def test_plan_prints_the_badges_and_undo_takes_new_codes_back(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    path: Path,
    told: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = window.doc_view("PlanView")
    assert plan is not None
    editor = plan.participants  # type: ignore[attr-defined]
    out = tmp_path / "badges.pdf"
    monkeypatch.setattr(join_codes, "ask_save_path", lambda parent, suggested: out)
    assert editor.print_join_codes()
    codes = {c.code for c in JoinCodeService(window.doc.service).codes()}
    assert len(codes) == 3 and "" not in codes
    text = "\n".join(p.extract_text() or "" for p in PdfReader(out).pages)
    assert all(text.count(c) == 1 for c in codes)
    assert told[-1].startswith("3 badges with their join codes were saved")
    assert rows(path, "SELECT count(*) FROM room_join_codes") == [(3,)]
    # everyone gets new codes; undo puts the printed ones back
    assert editor.new_join_codes()
    assert not {c.code for c in JoinCodeService(window.doc.service).codes()} & codes
    window.doc.undo_stack.undo()
    assert {c.code for c in JoinCodeService(window.doc.service).codes()} == codes
    window.doc.undo_stack.redo()
    assert not {c.code for c in JoinCodeService(window.doc.service).codes()} & codes
