"""*File › Review conflicts…* on real files: a conflict made by a real merge of two real
files, and one made by two real note-takers' laptops linked to a real hub on 127.0.0.1;
each resolution changes the notes as the user expects, and Ctrl+Z undoes it."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLayout, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.room.client import LinkedClient, OwnerThreadLocal, join_room
from facilitator.room.server import RoomServer
from facilitator.services import merging
from facilitator.services import operations as ops
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.storage.room import RoomRepository
from facilitator.ui.conflicts import ConflictReview
from facilitator.ui.i18n import apply_language
from facilitator.ui.live.room_window import DocumentBackend
from facilitator.ui.main_window import MainWindow
from facilitator.ui.merge_dialog import MergeDialog
from facilitator.ui.settings import Settings
from tests.linked.conftest import TAKER_CODE, live_notes, make_hub_file
from tests.services.merge_helpers import copy, make_base

SHOTS = Path("/tmp/shots-conflicts")


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for layout in widget.findChildren(QLayout):  # type: ignore[attr-defined]
        layout.activate()  # as the next turn of the event loop would lay it out
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    shown: list[BaseException] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    w = MainWindow(Settings(tmp_path / "settings.ini"))
    w.shown_errors = shown  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    yield w
    w.close()


def _notes(path: Path) -> list[tuple[str, str | None, str | None, str]]:
    """(text, item uuid, category uuid, speaker) of the notes not deleted, by text."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(
            conn.execute(
                "SELECT n.text, i.uuid, c.uuid, n.speaker_name FROM notes n "
                "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
                "LEFT JOIN categories c ON c.id = n.category_id WHERE n.deleted_at IS NULL"
            ).fetchall()
        )
    finally:
        conn.close()


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.live.capture.setFocus()
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def merged_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two laptops' copies of one workshop; the first note edited on both, with a
    category and a speaker, and a poll closed on A while B, still open, took a ballot."""
    base = make_base(tmp_path / "base.workshop")
    with WorkshopService.open(base) as svc:
        first = next(n for n in svc.notes() if n.text == "base note 1")
        cat = svc.categories()[0].id
        svc.update_note(first.id, category_id=cat, speaker="Anna Rossi")
        org = OrganiseService(svc)
        poll = org.create_poll(PollSettings("Priorità", Method.DOT, (("Uno", None), ("Due", None))))
        org.open_poll(poll)
    a, b = copy(base, tmp_path / "laptop-a.workshop"), copy(base, tmp_path / "b.workshop")
    with WorkshopService.open(a) as svc:
        first = next(n for n in svc.notes() if n.text == "base note 1")
        svc.update_note(first.id, text="versione di A: servono più sportelli")
        OrganiseService(svc).close_poll(poll)
    with WorkshopService.open(b) as svc:
        first = next(n for n in svc.notes() if n.text == "base note 1")
        svc.update_note(first.id, text="versione di B: sportelli e orari")
        org = OrganiseService(svc)
        option = org.poll(poll).options[0].id
        org.cast_ballot(poll, Ballot.dots({option: 2}), CastMode.KIOSK)
    return a, b


def _merge_from_menu(
    qtbot: QtBot, window: MainWindow, into: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> ConflictReview:
    assert window.open_path(into)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a_, **k: (str(source), ""))
    monkeypatch.setattr(MergeDialog, "exec", lambda self: self.merge())
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *a: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    merge = next(x for x in window.file_menu.actions() if "Merge" in x.text())
    merge.trigger()
    assert len(asked) == 1 and asked[0].startswith("2 ")  # the merge offers the screen
    screen = window.conflicts.screen
    assert screen is not None and screen.isVisible()
    return screen


def test_a_real_merge_lists_the_note_and_the_poll_and_each_choice_is_undone(
    qtbot: QtBot,
    window: MainWindow,
    merged_pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = merged_pair
    screen = _merge_from_menu(qtbot, window, b, a, monkeypatch)
    assert window.conflicts.badge.isVisible() and "2 conflicts" in window.conflicts.badge.text()
    assert screen.list.count() == 2
    note_row = next(i for i, r in enumerate(screen.items) if r.what == "text")
    screen.list.setCurrentRow(note_row)
    # both versions side by side, with where the note belongs
    this, other = screen.this_text.toPlainText(), screen.other_text.toPlainText()
    assert {this, other} == {
        "versione di A: servono più sportelli",
        "versione di B: sportelli e orari",
    }
    assert this == "versione di B: sportelli e orari"  # B's edit was the later one
    assert "Item 1" in screen.context.text() and "Anna Rossi" in screen.context.text()
    assert "laptop-a.workshop" in screen.other_caption.text()
    _shot(screen, "review-merge-en.png")
    before = _notes(b)
    item, cat, speaker = next((n[1], n[2], n[3]) for n in before if n[0] == this)

    # keep the other: the note takes A's text; Ctrl+Z gives B's back and the conflict
    screen.keep_other.click()
    assert (other, item, cat, speaker) in _notes(b) and this not in [n[0] for n in _notes(b)]
    assert "1 conflict to review" in window.conflicts.badge.text()
    assert all(r.what != "text" for r in screen.items)  # resolved: off the list
    _undo(qtbot, window)
    assert _notes(b) == before
    assert "2 conflicts" in window.conflicts.badge.text()
    assert any(r.what == "text" for r in screen.items)

    # keep both: A's text becomes a second note, same item, category and speaker
    screen.list.setCurrentRow(next(i for i, r in enumerate(screen.items) if r.what == "text"))
    screen.keep_both.click()
    assert _notes(b) == sorted([*before, (other, item, cat, speaker)])
    _undo(qtbot, window)
    assert _notes(b) == before

    # a combined text
    screen.list.setCurrentRow(next(i for i, r in enumerate(screen.items) if r.what == "text"))
    screen.combined.setPlainText("sportelli, orari e più personale")
    screen.save_combined.click()
    assert ("sportelli, orari e più personale", item, cat, speaker) in _notes(b)
    _undo(qtbot, window)
    assert _notes(b) == before

    # keep this version: nothing changes in the notes, the conflict is resolved
    screen.list.setCurrentRow(next(i for i, r in enumerate(screen.items) if r.what == "text"))
    screen.keep_this.click()
    assert _notes(b) == before
    assert all(r.what != "text" for r in screen.items)
    screen.show_resolved.setChecked(True)
    resolved = [r for r in screen.items if r.resolved]
    assert len(resolved) == 1 and screen.list.item(
        screen.items.index(resolved[0])
    ).text().startswith("✓")
    assert (
        window.doc is not None and window.doc.undo_stack.count() == 1
    )  # undone steps were replaced


def test_a_poll_closed_on_one_laptop_and_open_on_the_other_is_decided_here(
    qtbot: QtBot,
    window: MainWindow,
    merged_pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = merged_pair
    screen = _merge_from_menu(qtbot, window, a, b, monkeypatch)  # B's ballot into closed A
    row = next(i for i, r in enumerate(screen.items) if r.what == "poll")
    screen.list.setCurrentRow(row)
    assert screen.poll_open.isVisible() and not screen.keep_both.isVisible()
    assert "Priorità" in screen.context.text()
    _shot(screen, "review-poll-en.png")
    assert window.doc is not None
    org = OrganiseService(window.doc.service)
    poll = next(p for p in org.polls() if p.title == "Priorità")
    assert poll.state.value == "closed" and org.ballot_count(poll.id) == 1
    screen.poll_open.click()
    assert org.poll(poll.id).state.value == "open"
    assert [e.event for e in org.events(poll.id)][-1] == "reopened"
    assert all(r.what != "poll" for r in screen.items)
    assert window.doc.undo_stack.count() == 0  # a poll's state change is an event


def test_two_linked_laptops_editing_one_note_are_reviewed_on_the_hub(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    hub_path = tmp_path / "hub.workshop"
    make_hub_file(hub_path)
    assert window.open_path(hub_path)
    assert window.doc is not None
    backend = DocumentBackend(window.doc)
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.1, taker_code=TAKER_CODE)
    server.start()
    clients: list[LinkedClient] = []
    locals_: list[OwnerThreadLocal] = []

    def laptop(name: str) -> tuple[Path, OwnerThreadLocal]:
        path = tmp_path / f"{name}.workshop"
        made: list[object] = []
        worker = threading.Thread(
            target=lambda: made.append(join_room(server.url, TAKER_CODE, name, path))
        )
        worker.start()
        qtbot.waitUntil(lambda: bool(made), timeout=20000)
        local = OwnerThreadLocal(path)
        locals_.append(local)
        return path, local

    def start(local: OwnerThreadLocal) -> LinkedClient:
        client = LinkedClient(local, poll_every=0.3)
        clients.append(client)
        client.start()
        return client

    try:
        marta_path, marta = laptop("Marta")
        luca_path, luca = laptop("Luca")
        marta_client, luca_client = start(marta), start(luca)
        item = marta.call(lambda s: RoomRepository(s.file).running_item_id()).result()
        op = ops.AddNote("testo di partenza", agenda_item_id=item, speaker="Anna Rossi")
        marta.run(op).result()
        marta_client.kick()
        assert op.note is not None
        uuid = op.note.uuid
        qtbot.waitUntil(lambda: uuid in live_notes(luca_path), timeout=20000)
        luca_client.stop()  # Luca's laptop goes offline and edits the text he saw
        luca_id = luca.call(lambda s: next(n.id for n in s.notes() if n.uuid == uuid)).result()
        luca.run(ops.EditNote(luca_id, text="versione di Luca")).result()
        marta.run(ops.EditNote(op.note.id, text="versione di Marta")).result()
        marta_client.kick()
        qtbot.waitUntil(lambda: live_notes(hub_path)[uuid][0] == "versione di Marta", timeout=20000)
        start(luca)  # back online: his edit was made from the old text
        qtbot.waitUntil(lambda: window.conflicts.badge.isVisible(), timeout=20000)
        assert "1 conflict to review" in window.conflicts.badge.text()
        assert live_notes(hub_path)[uuid][0] == "versione di Luca"  # the later edit

        window.menu_actions.review_conflicts.trigger()
        screen = window.conflicts.screen
        assert screen is not None and screen.list.count() == 1
        assert screen.this_text.toPlainText() == "versione di Luca"
        assert screen.other_text.toPlainText() == "versione di Marta"
        assert "Luca" in screen.this_caption.text()
        assert "Sfide dell'ecosistema" in screen.context.text()
        _shot(screen, "review-linked-en.png")
        screen.keep_both.click()
        texts = [t for t, _k in live_notes(hub_path).values()]
        assert "versione di Luca" in texts and "versione di Marta" in texts
        assert not window.conflicts.badge.isVisible()
        _undo(qtbot, window)
        texts = [t for t, _k in live_notes(hub_path).values()]
        assert "versione di Marta" not in texts and "versione di Luca" in texts
        assert "1 conflict to review" in window.conflicts.badge.text()
        # the other version kept as the note instead: it reaches both laptops
        screen.list.setCurrentRow(0)
        screen.keep_other.click()
        assert live_notes(hub_path)[uuid][0] == "versione di Marta"
        qtbot.waitUntil(
            lambda: live_notes(luca_path)[uuid][0] == "versione di Marta", timeout=20000
        )
        qtbot.waitUntil(
            lambda: live_notes(marta_path)[uuid][0] == "versione di Marta", timeout=20000
        )
    finally:
        for client in clients:
            client.stop()
        for local in locals_:
            local.close()
        server.stop()
        backend.close()


def test_the_review_screen_in_italian(
    qtbot: QtBot,
    window: MainWindow,
    merged_pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = merged_pair
    screen = _merge_from_menu(qtbot, window, b, a, monkeypatch)
    screen.list.setCurrentRow(next(i for i, r in enumerate(screen.items) if r.what == "text"))
    assert screen.keep_other.text() == "Keep the other"
    assert apply_language("it") == "it"  # switched with the screen open
    try:
        qtbot.waitUntil(lambda: "2 conflitti da rivedere" in window.conflicts.badge.text())
        qtbot.waitUntil(lambda: screen.windowTitle() == "Conflitti da rivedere")
        assert screen.keep_other.text() == "Tieni l'altra"
        assert screen.windowTitle() == "Conflitti da rivedere"
        box = screen.show_resolved  # laid out again for the longer Italian text
        qtbot.waitUntil(lambda: box.width() >= box.sizeHint().width())
        _shot(screen, "review-merge-it.png")
        screen.list.setCurrentRow(next(i for i, r in enumerate(screen.items) if r.what == "poll"))
        _shot(screen, "review-poll-it.png")
        _shot(window, "window-badge-it.png")
    finally:
        apply_language("en")


def test_a_hidden_screen_of_a_closed_workshop_survives_a_language_switch(
    qtbot: QtBot, merged_pair: tuple[Path, Path]
) -> None:
    from facilitator.ui.document import WorkshopDocument

    a, b = merged_pair
    merging.merge_files(b, a)
    doc = WorkshopDocument(WorkshopService.open(b))
    screen = ConflictReview(doc)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.list.count() == 2
    screen.close()
    doc.close()  # the file is closed; the screen object lives on
    assert apply_language("it") == "it"
    try:  # an exception in the event loop (reading the closed file) fails the test
        qtbot.waitUntil(lambda: screen.windowTitle() == "Conflitti da rivedere")
    finally:
        apply_language("en")
