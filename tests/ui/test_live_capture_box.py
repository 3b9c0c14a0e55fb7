"""The capture box files each note under the category and speaker the note-taker sees
(issue 12, "The capture box"): on a real workshop file, through the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtCore import Qt

from facilitator.services.workshop import WorkshopService
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "torino.workshop"
    build_workshop(p)
    return p


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings(tmp_path / "settings.ini")
    s.set_note_taker("Giulia")
    return s


@pytest.fixture
def window(qtbot, settings: Settings, path: Path, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    yield w
    w.close()


def _type_note(qtbot, window: MainWindow, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(window.live.capture, text)
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)


def _stored(path: Path) -> list[tuple[str, int | None, str]]:
    """What is on disk, read by another connection: (text, category id, speaker)."""
    with WorkshopService.open(path, read_only=True) as svc:
        return [(n.text, n.category_id, n.speaker_name) for n in svc.notes()]


def test_a_prefix_applies_to_its_note_only(window: MainWindow, qtbot, path: Path) -> None:  # noqa: ANN001
    cats = {c.shortcut: c for c in window.doc.service.categories()}
    _type_note(qtbot, window, "s: poche risorse")
    assert window.live.category_id is None
    assert "▾" in window.live.category_button.text()
    assert cats["s"].name not in window.live.category_button.text()
    _type_note(qtbot, window, "senza categoria")
    stored = {text: cat for text, cat, _ in _stored(path)}
    assert stored["poche risorse"] == cats["s"].id
    assert stored["senza categoria"] is None


def test_ctrl_digit_applies_to_its_note_only(window: MainWindow, qtbot, path: Path) -> None:  # noqa: ANN001
    cats = window.doc.service.categories()
    qtbot.keyClick(window.live.capture, Qt.Key.Key_2, CTRL)
    assert cats[1].name in window.live.category_button.text()
    _type_note(qtbot, window, "seconda")
    assert cats[1].name not in window.live.category_button.text()
    _type_note(qtbot, window, "poi nessuna")
    stored = {text: cat for text, cat, _ in _stored(path)}
    assert (stored["seconda"], stored["poi nessuna"]) == (cats[1].id, None)


def test_a_pinned_category_stays_and_a_prefix_still_wins_for_its_note(
    window: MainWindow,
    qtbot,
    path: Path,  # noqa: ANN001
) -> None:
    live = window.live
    cats = {c.shortcut: c for c in window.doc.service.categories()}
    qtbot.keyClick(live.capture, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(live.capture, Qt.Key.Key_P, CTRL | SHIFT)  # pin it
    assert live.pin_button.isChecked()
    assert live.pin_button.isVisible()
    first = window.doc.service.categories()[0]
    assert first.name in live.pin_button.text()
    _type_note(qtbot, window, "uno")
    _type_note(qtbot, window, "due")
    _type_note(qtbot, window, "s: una sfida")
    assert live.category_id == first.id  # back to the pinned one
    _type_note(qtbot, window, "tre")
    live.pin_button.click()  # unpin
    assert not live.pin_button.isChecked()
    _type_note(qtbot, window, "quattro")
    stored = {text: cat for text, cat, _ in _stored(path)}
    assert [stored[t] for t in ("uno", "due", "una sfida", "tre")] == [
        first.id,
        first.id,
        cats["s"].id,
        first.id,
    ]
    assert stored["quattro"] == first.id  # the chip showed it: this note still gets it
    _type_note(qtbot, window, "cinque")
    assert {t: c for t, c, _ in _stored(path)}["cinque"] is None


def test_the_speaker_shown_is_the_one_saved_and_follows_the_item(
    window: MainWindow,
    qtbot,
    path: Path,  # noqa: ANN001
) -> None:
    live = window.live
    # Item 1 has Anna Rossi as speaker: the field shows her, and she is saved.
    assert live.current_item().title == "Benvenuto e presentazione"
    assert live.speaker_edit.text() == "Anna Rossi"
    _type_note(qtbot, window, "con relatrice")
    # Someone else speaks up on this item: typed, then saved.
    live.speaker_edit.setText("Marco Bianchi")
    _type_note(qtbot, window, "interviene Marco")
    # The next item has no speaker: the field is reset, nobody is credited.
    window.menu_actions.next_item.trigger()
    assert live.speaker_edit.text() == ""
    _type_note(qtbot, window, "visita")
    # Back on item 1: its speaker again, not Marco.
    window.menu_actions.previous_item.trigger()
    assert live.speaker_edit.text() == "Anna Rossi"
    live.speaker_edit.clear()  # cleared on purpose: no speaker
    _type_note(qtbot, window, "dal pubblico")
    stored = {text: speaker for text, _, speaker in _stored(path)}
    assert stored["con relatrice"] == "Anna Rossi"
    assert stored["interviene Marco"] == "Marco Bianchi"
    assert stored["visita"] == ""
    assert stored["dal pubblico"] == ""


def test_a_read_only_window_follows_the_file_as_another_program_writes(
    qtbot,
    settings: Settings,
    path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    reader = MainWindow(settings)
    qtbot.addWidget(reader)
    reader.show()
    assert reader.open_path(path, read_only=True)
    live = reader.live
    assert live.current_item().title == "Benvenuto e presentazione"
    before = live.notes_model.rowCount()
    with WorkshopService.open(path) as writer:
        first = writer.items(writer.days()[0].id)[0]
        note = writer.add_note("scritta dall'altra finestra", agenda_item_id=first.id)
        # The open item's list grows without re-selecting anything.
        qtbot.waitUntil(lambda: live.notes_model.rowCount() == before + 1, timeout=5000)
        last = live.notes_model.note(live.notes_model.rowCount() - 1)
        assert last is not None and last.text == "scritta dall'altra finestra"
        # A new agenda item appears in the list; an edit and a deletion follow too.
        writer.add_item(writer.days()[0].id, "Pausa caffè aggiunta")
        qtbot.waitUntil(
            lambda: "Pausa caffè aggiunta" in [i.title for i in live.agenda_model.items],
            timeout=5000,
        )
        assert live.current_item().title == "Benvenuto e presentazione"  # still there
        writer.update_note(note.id, text="corretta")
        qtbot.waitUntil(
            lambda: live.notes_model.note(live.notes_model.rowCount() - 1).text == "corretta",
            timeout=5000,
        )
        writer.delete_note(note.id)
        qtbot.waitUntil(lambda: live.notes_model.rowCount() == before, timeout=5000)
    reader.close()


def test_the_follower_announces_only_what_others_wrote(tmp_path: Path, path: Path) -> None:
    from facilitator.services.follow import FileFollower
    from facilitator.services.operations import Kind

    with WorkshopService.open(path, read_only=True) as reader:
        follower = FileFollower(reader)
        assert follower.poll() is None  # nothing written: nothing announced
        with WorkshopService.open(path) as writer:
            item = writer.items(writer.days()[0].id)[1]
            note = writer.add_note("nuova", agenda_item_id=item.id)
            changes = follower.poll()
            assert changes is not None
            assert changes.added_ids(Kind.NOTE) == {note.id}
            assert follower.poll() is None  # said once
            writer.delete_note(note.id)
            changes = follower.poll()
            assert changes is not None and changes.removed_ids(Kind.NOTE) == {note.id}


def test_a_note_on_a_day_without_items_is_shown_outside_the_agenda(
    qtbot,
    settings: Settings,
    path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    with WorkshopService.open(path) as svc:
        day3 = svc.add_day(title="Giornata libera")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    live = w.live
    live.select_day(day3)
    assert live.current_item() is None and live.outside_chosen()
    assert "Outside the agenda" in live.item_title.text()
    _type_note(qtbot, w, "nota senza punto")
    assert live.notes_model.rowCount() == 1
    assert live.notes_model.note(0).text == "nota senza punto"
    # On disk with its day; day 1's own entry does not show it.
    with WorkshopService.open(path, read_only=True) as svc:
        note = next(n for n in svc.notes() if n.text == "nota senza punto")
        assert (note.agenda_item_id, note.day_id) == (None, day3)
        day1 = svc.days()[0].id
    live.select_day(day1)
    assert live.current_item().title == "Benvenuto e presentazione"
    live.select_item(None)  # day 1's "outside the agenda" entry
    assert live.outside_chosen() and live.notes_model.rowCount() == 0
    _type_note(qtbot, w, "fra un punto e l'altro")
    assert live.notes_model.rowCount() == 1
    # Back on day 3, its note is still there; undo takes the day-1 one away.
    live.select_day(day3)
    assert [live.notes_model.note(r).text for r in range(live.notes_model.rowCount())] == [
        "nota senza punto"
    ]
    w.close()


def test_a_note_before_any_item_exists_is_shown(
    qtbot,
    settings: Settings,
    tmp_path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    path = tmp_path / "vuoto.workshop"
    WorkshopService.create(path, "Laboratorio senza programma").close()
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    live = w.live
    assert live.outside_chosen()
    _type_note(qtbot, w, "prima di tutto")
    assert live.notes_model.rowCount() == 1
    # Adding the first item later keeps the note where it was, shown under its entry.
    with WorkshopService.open(path, read_only=True) as svc:
        assert [n.text for n in svc.notes()] == ["prima di tutto"]
    w.close()


def test_decision_and_action_notes_are_one_concept_each(
    window: MainWindow,
    qtbot,
    path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    import datetime as dt

    from facilitator.domain import model as m
    from facilitator.services.organise import OrganiseService
    from facilitator.services.snapshot import build_snapshot
    from facilitator.ui.organise.dialogs import ActionDialog, ActionValues

    live = window.live
    svc = window.doc.service
    marco = next(p for p in svc.participants() if p.name == "Marco Bianchi")
    _type_note(qtbot, window, "d: si vota domani")
    # A decision-category note is a decision: Themes' decisions and the minutes' list.
    decision = next(n for n in svc.notes() if n.text == "si vota domani")
    assert decision.is_decision
    assert decision.id in OrganiseService(svc).decisions()
    snap = build_snapshot(svc)
    assert "si vota domani" in [n.text for n in snap.decisions()]
    assert not live.offer_label.isVisible()
    # An action-category note is offered, with one key, as an action item.
    _type_note(qtbot, window, "a: Marco manda il rapporto")
    assert live.offer_label.isVisible()
    assert "Ctrl+Shift+A" in live.offer_label.text()
    asked: list[str] = []

    def answer(org, action=None, text="", parent=None):  # noqa: ANN001, ANN202
        asked.append(text)
        return ActionValues(text, marco.id, dt.date(2025, 11, 20), m.ActionStatus.OPEN)

    monkeypatch.setattr(ActionDialog, "ask", classmethod(lambda cls, *a, **k: answer(*a, **k)))
    qtbot.keyClick(live.capture, Qt.Key.Key_A, CTRL | SHIFT)
    assert asked == ["Marco manda il rapporto"]
    with WorkshopService.open(path, read_only=True) as reader:
        actions = reader.actions()
        note = next(n for n in reader.notes() if n.text == "Marco manda il rapporto")
    assert [(a.text, a.owner_id, a.due_date, a.note_id) for a in actions] == [
        ("Marco manda il rapporto", marco.id, dt.date(2025, 11, 20), note.id)
    ]
    assert not live.offer_label.isVisible()
    # A plain note next never re-offers; moving a note out of the decision category
    # makes it no decision any more.
    _type_note(qtbot, window, "nota qualunque")
    assert not live.offer_label.isVisible()
    svc.update_note(decision.id, category_id=None)
    assert not svc.note(decision.id).is_decision
    assert decision.id not in OrganiseService(svc).decisions()


def test_search_highlights_matches_instead_of_brackets(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QColor

    from facilitator.ui.live.search import MatchesRole, SearchModel

    _type_note(qtbot, window, "[bozza] la zanzariera del cortile")
    dialog = window.show_search()
    assert dialog is not None
    dialog.resize(900, 400)
    dialog.query.setText("zanzariera")
    dialog.run_search()
    assert dialog.model.rowCount() == 1
    index = dialog.model.index(0, SearchModel.TEXT)
    text = index.data()
    assert text == "[bozza] la zanzariera del cortile"  # the note's own brackets stay
    spans = index.data(MatchesRole)
    assert [text[s : s + n] for s, n in spans] == ["zanzariera"]
    # On screen the match is drawn on the highlight colour.
    dialog.view.clearSelection()
    qtbot.waitUntil(lambda: dialog.view.isVisible())
    rect = dialog.view.visualRect(index)
    image = dialog.view.viewport().grab(rect).toImage()
    highlight = dialog.view.palette().color(dialog.view.palette().ColorRole.Highlight)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    }
    assert highlight.name() in colours
    assert (
        QColor(highlight).name()
        != dialog.view.palette().color(dialog.view.palette().ColorRole.Base).name()
    )
    dialog.close()
