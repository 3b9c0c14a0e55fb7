"""The Live view on a real workshop file: capture, categories, drafts, undo, notes model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from facilitator.domain.errors import StorageFull
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
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[Exception]:
    shown: list[Exception] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    return shown


@pytest.fixture
def window(qtbot, settings: Settings, path: Path, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    yield w
    w.close()


def _type_accented(widget, text: str) -> None:  # noqa: ANN001
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _fresh_notes(path: Path) -> list[str]:
    with WorkshopService.open(path, read_only=True) as svc:
        return [n.text for n in svc.notes()]


def test_opens_on_first_item_with_capture_focused(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    live = window.live
    assert window.tabs.currentWidget() is live
    assert live.current_item() is not None
    assert live.current_item().title == "Benvenuto e presentazione"
    assert live.notes_model.rowCount() == 2
    qtbot.waitUntil(lambda: live.capture.hasFocus() or not window.isActiveWindow())
    assert live.focusProxy() is live.capture


def test_enter_commits_a_durable_note_and_shift_enter_is_a_newline(
    window: MainWindow,
    qtbot,
    path: Path,  # noqa: ANN001
) -> None:
    live = window.live
    qtbot.keyClicks(live.capture, "prima riga")
    qtbot.keyClick(live.capture, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(live.capture, "seconda riga ")
    _type_accented(live.capture, "è così")
    assert live.notes_model.rowCount() == 2
    with qtbot.waitSignal(live.notes_model.rowsInserted):
        qtbot.keyClick(live.capture, Qt.Key.Key_Return)
    assert live.capture.toPlainText() == ""
    assert live.notes_model.rowCount() == 3
    row = live.notes_model.note(2)
    assert row is not None and row.text == "prima riga\nseconda riga è così"
    assert row.note_taker == "Giulia"
    # Durable: another reader of the file sees it at once.
    assert "prima riga\nseconda riga è così" in _fresh_notes(path)
    window.close()
    with WorkshopService.open(path) as svc:  # a fresh writer after the window is gone
        note = svc.notes()[-1]
        assert note.text == "prima riga\nseconda riga è così"
        assert note.agenda_item_id == svc.items(svc.days()[0].id)[0].id


def test_empty_box_commits_nothing(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    qtbot.keyClicks(window.live.capture, "   ")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    assert window.live.notes_model.rowCount() == 2


def test_ctrl_digit_and_letter_prefix_choose_the_category(window: MainWindow, qtbot, path) -> None:  # noqa: ANN001
    live = window.live
    cats = window.doc.service.categories()
    qtbot.keyClick(live.capture, Qt.Key.Key_3, CTRL)
    assert live.category_id == cats[2].id
    assert cats[2].name in live.category_button.text()
    qtbot.keyClick(live.capture, Qt.Key.Key_0, CTRL)
    assert live.category_id is None
    # "o: " = Soluzioni (shortcut o); the prefix disappears while typing.
    qtbot.keyClicks(live.capture, "o: una soluzione")
    solutions = next(c for c in cats if c.shortcut == "o")
    assert live.category_id == solutions.id
    assert (
        live.capture.toPlainText() == " una soluzione"
        or live.capture.toPlainText() == "una soluzione"
    )
    qtbot.keyClick(live.capture, Qt.Key.Key_Return)
    note = live.notes_model.note(live.notes_model.rowCount() - 1)
    assert note is not None
    assert (note.text, note.category_id) == ("una soluzione", solutions.id)
    # A letter that is no category's shortcut stays text; so does a later "x:".
    qtbot.keyClicks(live.capture, "z/ resta")
    assert live.capture.toPlainText() == "z/ resta"
    assert live.category_id is None  # the prefix was for its note only
    live.capture.clear()
    qtbot.keyClicks(live.capture, "vedi s: qui")
    assert live.capture.toPlainText() == "vedi s: qui"


def test_speaker_completion_lists_participants(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    completer = window.live.speaker_edit.completer()
    completer.setCompletionPrefix("ross")
    assert completer.currentCompletion() == "Anna Rossi"
    window.live.speaker_edit.setText("Anna Rossi")
    qtbot.keyClicks(window.live.capture, "ciao")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    note = window.doc.service.notes()[-1]
    assert note.speaker_name == "Anna Rossi" and note.speaker_id is not None


def test_draft_is_saved_while_typing_and_restored_after_a_crash(
    qtbot,
    settings: Settings,
    path: Path,
    window: MainWindow,  # noqa: ANN001
) -> None:
    live = window.live
    svc = window.doc.service
    qtbot.keyClick(live.capture, Qt.Key.Key_2, CTRL)
    live.speaker_edit.setText("Marco Bianchi")
    qtbot.keyClicks(live.capture, "testo non inviato")
    key = live.draft_key()
    assert key == "capture:Giulia"
    qtbot.waitUntil(lambda: (svc.draft(key) or ("",))[0] == "testo non inviato", timeout=10000)
    cat2 = svc.categories()[1].id
    assert svc.draft(key) == ("testo non inviato", cat2, "Marco Bianchi")
    # "Crash": the process dies without any goodbye; here we drop the window's timers and
    # the document without flushing, then open the file in a new window.
    live.draft_timer.stop()
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.show()
    assert again.open_path(path)
    assert again.live.capture.toPlainText() == "testo non inviato"
    assert again.live.category_id == cat2
    assert again.live.speaker_edit.text() == "Marco Bianchi"
    # Committing clears the draft.
    qtbot.keyClick(again.live.capture, Qt.Key.Key_Return)
    assert again.doc.service.draft(key) is None
    again.close()


def test_failed_commit_keeps_the_text_and_shows_the_message(
    window: MainWindow,
    qtbot,
    shown_errors,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    svc = window.doc.service

    def full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise StorageFull(svc.path, "disk full")

    monkeypatch.setattr(svc, "add_note", full)
    qtbot.keyClicks(window.live.capture, "da non perdere")
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    assert window.live.capture.toPlainText() == "da non perdere"
    assert isinstance(shown_errors[-1], StorageFull)
    assert window.live.notes_model.rowCount() == 2
    assert window.doc.undo_stack.count() == 0


def test_undo_redo_add_edit_delete_note(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    live = window.live
    model = live.notes_model
    stack = window.doc.undo_stack
    qtbot.keyClicks(live.capture, "nota nuova")
    qtbot.keyClick(live.capture, Qt.Key.Key_Return)
    assert model.rowCount() == 3
    # Edit in place through the model (what the delegate does).
    text_index = model.index(2, model.TEXT)
    assert model.setData(text_index, "nota corretta")
    assert model.data(text_index) == "nota corretta"
    cat = window.doc.service.categories()[4].id
    assert model.setData(model.index(2, model.CATEGORY), cat)
    # Delete with the Del key on the selected row.
    live.notes_view.selectRow(2)
    live.notes_view.setFocus()
    live.delete_action.trigger()
    assert model.rowCount() == 2
    assert stack.count() == 4
    window.undo_action.trigger()
    assert model.rowCount() == 3
    assert model.note(2).category_id == cat
    window.undo_action.trigger()
    assert model.note(2).category_id is None
    window.undo_action.trigger()
    assert model.data(model.index(2, model.TEXT)) == "nota nuova"
    window.undo_action.trigger()
    assert model.rowCount() == 2
    assert [n.text for n in window.doc.service.notes()][-1] != "nota nuova"
    window.redo_action.trigger()
    assert model.rowCount() == 3 and model.note(2).text == "nota nuova"
    window.redo_action.trigger()
    assert model.note(2).text == "nota corretta"


def test_ctrl_z_in_empty_capture_box_undoes_the_last_note(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    live = window.live
    live.capture.setFocus()
    qtbot.keyClicks(live.capture, "da annullare")
    qtbot.keyClick(live.capture, Qt.Key.Key_Return)
    assert live.notes_model.rowCount() == 3
    qtbot.keyClick(live.capture, Qt.Key.Key_Z, CTRL)
    assert live.notes_model.rowCount() == 2
    qtbot.keyClick(live.capture, Qt.Key.Key_Z, CTRL | SHIFT)
    assert live.notes_model.rowCount() == 3
    # With text in the box, Ctrl+Z undoes the typing, not a note.
    qtbot.keyClicks(live.capture, "abc")
    qtbot.keyClick(live.capture, Qt.Key.Key_Z, CTRL)
    assert live.notes_model.rowCount() == 3


def test_notes_model_passes_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # noqa: ANN001
    qtmodeltester.check(window.live.notes_model)
    qtmodeltester.check(window.live.agenda_model)


def test_notes_model_is_lazy_and_commit_inserts_one_row(
    tmp_path: Path,
    qtbot,
    settings: Settings,
    shown_errors,  # noqa: ANN001
) -> None:
    path = tmp_path / "big.workshop"
    build_workshop(path)
    with WorkshopService.open(path) as svc:
        item = svc.items(svc.days()[0].id)[0].id
        base = dt.datetime(2025, 11, 5, 8, 0, tzinfo=dt.UTC)
        svc.repo.add_notes_bulk(
            (f"nota {n}", None, item, None, "", "", base + dt.timedelta(seconds=n))
            for n in range(5000)
        )
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    model = w.live.notes_model
    assert model.rowCount() == 5002
    assert len(model._cache) <= 1000  # only what the view looked at
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    qtbot.keyClicks(w.live.capture, "ultima")
    qtbot.keyClick(w.live.capture, Qt.Key.Key_Return)
    assert inserted == [(5002, 5002)] and resets == []
    assert model.note(5002).text == "ultima"
    w.close()


def test_timer_states_with_a_fake_clock(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    live = window.live
    now = [dt.datetime(2025, 11, 5, 9, 30, tzinfo=dt.UTC)]
    live.clock = lambda: now[0]
    item = live.current_item()
    assert item is not None and item.duration_min == 30
    live.start_stop()
    started = window.doc.service.item(item.id)
    assert started.actual_start == now[0]
    assert live.timer_label.text() == "30:00"
    for minutes, expected in [(10, "normal"), (24, "warning"), (28.5, "urgent"), (33, "overtime")]:
        now[0] = dt.datetime(2025, 11, 5, 9, 30, tzinfo=dt.UTC) + dt.timedelta(minutes=minutes)
        live.refresh_timer()
        assert live.timer_state.value == expected
    assert live.timer_label.text() == "+03:00"
    assert window.timer_status.text() == "Timer: +03:00"  # visible from every tab
    live.extend()
    live.refresh_timer()
    # 2 of 35 minutes left: 6% of the (extended) timebox, a warning.
    assert live.timer_state.value == "warning" and live.timer_label.text() == "02:00"
    live.toggle_pause()
    now[0] += dt.timedelta(minutes=5)
    live.refresh_timer()
    assert live.timer_label.text() == "02:00"
    live.toggle_pause()
    live.start_stop()  # stop
    stopped = window.doc.service.item(item.id)
    assert stopped.actual_end == now[0]
    assert live.timer_state.value == "idle"


def test_next_previous_item_and_starting_another_item_stops_the_first(window: MainWindow) -> None:
    live = window.live
    first = live.current_item()
    live.start_stop()
    window.menu_actions.next_item.trigger()
    second = live.current_item()
    assert second is not None and second.id != first.id
    assert live.notes_model.rowCount() == 0
    window.menu_actions.start_stop.trigger()
    svc = window.doc.service
    assert svc.item(first.id).actual_end is not None
    assert svc.item(second.id).actual_start is not None and svc.item(second.id).actual_end is None
    window.menu_actions.previous_item.trigger()
    assert live.current_item().id == first.id
    window.menu_actions.next_day.trigger()
    assert live.current_item().title == "Restituzione"


def test_search_jumps_to_the_note(window: MainWindow, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    live = window.live
    # A note on day 2, then go back to day 1 so the jump must switch day and item.
    live.next_day()
    qtbot.keyClicks(live.capture, "quartieri in rete anche oggi")
    qtbot.keyClick(live.capture, Qt.Key.Key_Return)
    target = window.doc.service.notes()[-1]
    live.previous_day()
    dialog = window.show_search()
    assert dialog is not None
    dialog.query.setText("quartier*")
    dialog.run_search()
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    day2 = dialog.day_combo.findData(window.doc.service.days()[1].id)
    dialog.day_combo.setCurrentIndex(day2)
    assert dialog.model.rowCount() == 1
    with qtbot.waitSignal(dialog.note_picked):
        dialog.pick_row(0)
    assert live.current_item().title == "Restituzione"
    selected = live.selected_note_ids()
    assert selected == [target.id]
    # Filters by category and speaker.
    dialog.day_combo.setCurrentIndex(0)
    dialog.query.setText("")
    dialog.speaker_combo.setEditText("Anna Rossi")
    dialog.run_search()
    assert [dialog.model.hits[0].note.speaker_name] == ["Anna Rossi"]


def test_read_only_file_disables_writing(
    tmp_path: Path, qtbot, settings, path: Path, shown_errors
) -> None:  # noqa: ANN001
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path, read_only=True)
    assert w.doc.read_only
    assert not w.live.capture.isEnabled()
    assert w.read_only_label.isVisibleTo(w)
    assert not w.menu_actions.start_stop.isEnabled()
    assert "read-only" in w.windowTitle()
    assert not w.live.commit()
    w.close()


def test_zoom_scales_the_live_fonts(window: MainWindow, settings: Settings) -> None:
    live = window.live
    before = live.capture.font().pointSizeF()
    window.menu_actions.zoom_in.trigger()
    window.menu_actions.zoom_in.trigger()
    assert live.capture.font().pointSizeF() > before
    assert settings.zoom() == 2
    window.menu_actions.zoom_reset.trigger()
    assert live.capture.font().pointSizeF() == pytest.approx(before)


def test_presenter_window_follows_item_timer_and_question(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.menu_actions.presenter.trigger()
    presenter = window.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.title_label.text() == "Incontro-studio Torino"
    assert presenter.item_label.text() == "Benvenuto e presentazione"
    window.live.question_edit.setText("Che cosa portiamo a casa?")
    assert presenter.question_label.text() == "Che cosa portiamo a casa?"
    now = [dt.datetime(2025, 11, 5, 9, 30, tzinfo=dt.UTC)]
    window.live.clock = lambda: now[0]
    window.live.start_stop()
    now[0] += dt.timedelta(minutes=29)
    window.live.refresh_timer()
    assert presenter.timer_label.text() == "01:00"
    assert presenter.state.value == "urgent"
    window.menu_actions.next_item.trigger()
    # The room still sees the running item and its countdown, not the selected one.
    assert presenter.item_label.text() == "Benvenuto e presentazione"
    assert presenter.timer_label.text() == "01:00"
    assert not presenter.next_label.isVisibleTo(presenter)
    window.live.start_stop()  # the selected item starts: it is the one shown now
    assert presenter.item_label.text() == "Visita a Casa del Quartiere"
    window.live.start_stop()  # stopped: nothing runs, the selected item is "next"
    assert presenter.item_label.text() == "Visita a Casa del Quartiere"
    assert presenter.next_label.isVisibleTo(presenter)
    assert presenter.next_label.text() == "A seguire"  # the workshop's language
    window.menu_actions.presenter.trigger()
    assert window.presenter is None
    assert not window.menu_actions.presenter.isChecked()


def test_edit_in_place_with_the_delegates(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    live = window.live
    view = live.notes_view
    model = live.notes_model
    index = model.index(0, model.TEXT)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QPlainTextEdit)
    assert (
        editor is not None
        and editor.toPlainText() == "La rete dei quartieri collabora con il Comune"
    )
    editor.selectAll()
    qtbot.keyClicks(editor, "Testo nuovo")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter saves, as in the capture box
    assert window.doc.service.note(model.note_id(0)).text == "Testo nuovo"
    cat_index = model.index(0, model.CATEGORY)
    view.setCurrentIndex(cat_index)
    view.edit(cat_index)
    combo = view.findChild(QComboBox)
    assert combo is not None and combo.count() == 1 + len(window.doc.service.categories())
    combo.setCurrentIndex(combo.findData(window.doc.service.categories()[3].id))
    view.commitData(combo)
    assert model.note(0).category_id == window.doc.service.categories()[3].id
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.doc.service.note(model.note_id(0)).text.startswith("La rete")


def test_snapshot_copies_the_open_file(
    window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    from facilitator.services import snapshots

    copy = window.take_snapshot()
    assert copy is not None
    assert copy.parent == snapshots.snapshot_dir(window.doc.service.path)
    assert [s.path for s in snapshots.list_snapshots(window.doc.service.path)] == [copy]
    with WorkshopService.open(copy) as svc:
        assert svc.counts().notes == 2


def test_failed_draft_save_keeps_the_text_and_warns_once(
    window: MainWindow,
    qtbot,
    shown_errors,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    svc = window.doc.service

    def full(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise StorageFull(svc.path, "disk full")

    monkeypatch.setattr(svc, "save_draft", full)
    live = window.live
    qtbot.keyClicks(live.capture, "abc")
    assert not live.save_draft()
    assert not live.save_draft()
    assert live.capture.toPlainText() == "abc"
    assert [type(x) for x in shown_errors] == [StorageFull]  # one message, not one a keystroke


def test_presenter_screen_is_chosen_by_name(window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    from facilitator.ui.live.presenter import PresenterWindow

    first = QGuiApplication.screens()[0]
    assert PresenterWindow.choose_screen(first.name()) is first
    assert PresenterWindow.choose_screen("no such screen") is not None


def test_next_item_by_keyboard_from_the_capture_box(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    live = window.live
    live.capture.setFocus()
    first = live.current_item()
    qtbot.keyClick(live.capture, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert live.current_item().id != first.id
    assert live.capture.toPlainText() == ""
    qtbot.keyClick(live.capture, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert live.current_item().id == first.id


def test_a_failed_draft_is_saved_again_before_closing(
    window: MainWindow,
    path: Path,
    settings: Settings,
    qtbot,
    shown_errors,
    close_questions,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    svc = window.doc.service
    real = svc.save_draft
    monkeypatch.setattr(
        svc, "save_draft", lambda *a, **k: (_ for _ in ()).throw(StorageFull(svc.path, "busy"))
    )
    qtbot.keyClicks(window.live.capture, "testo importante")
    assert not window.live.save_draft()
    monkeypatch.setattr(svc, "save_draft", real)  # the file is free again
    window.close()
    assert close_questions == []  # saved on the way out, nothing to ask
    with WorkshopService.open(path) as again:
        assert again.draft("capture:Giulia")[0] == "testo importante"


def test_closing_with_text_that_cannot_be_saved_asks_first(
    window: MainWindow,
    qtbot,
    shown_errors,
    close_questions,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    svc = window.doc.service
    monkeypatch.setattr(
        svc, "save_draft", lambda *a, **k: (_ for _ in ()).throw(StorageFull(svc.path, "full"))
    )
    monkeypatch.setattr(
        "facilitator.ui.errors.ask_close_with_unsaved_text",
        lambda parent: close_questions.append(parent) or False,
    )
    qtbot.keyClicks(window.live.capture, "non perdere")
    window.close()
    assert close_questions == [window]
    assert window.isVisible() and window.doc is not None  # stayed open: the text is on screen
    assert window.live.capture.toPlainText() == "non perdere"
    monkeypatch.setattr("facilitator.ui.errors.ask_close_with_unsaved_text", lambda parent: True)


def test_ctrl_z_with_text_in_the_box_never_undoes_a_note(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    live = window.live
    before = len(live.doc.service.notes())
    live.capture.setPlainText("bozza ripristinata")  # no typing history, like a restored draft
    qtbot.keyClick(live.capture, Qt.Key.Key_Z, CTRL)
    assert len(live.doc.service.notes()) == before
    assert live.capture.toPlainText() == "bozza ripristinata"


def test_typing_with_a_note_row_selected_does_not_edit_it(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    live = window.live
    view = live.notes_view
    view.setFocus()
    view.selectRow(0)
    text_before = live.notes_model.note(0).text
    qtbot.keyClicks(view, "xyz")
    assert view.state() != view.State.EditingState
    assert live.doc.service.note(live.notes_model.note_id(0)).text == text_before


def test_deleting_the_current_day_moves_live_to_another_day(window: MainWindow) -> None:
    live = window.live
    days = live.doc.service.days()
    assert live.day_id == days[0].id
    live.doc.service.delete_day(days[0].id)
    live.doc.agenda_changed.emit(0)
    assert live.day_id == days[1].id
    assert live.day_combo.count() == len(days) - 1
