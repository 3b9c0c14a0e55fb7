"""The app shell: welcome screen, bad files, read-only, recent files, language, views."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.domain import errors as e
from facilitator.domain.model import Language
from facilitator.services.workshop import WorkshopService
from facilitator.ui import i18n
from facilitator.ui.dialogs import NewWorkshopDialog, SettingsDialog
from facilitator.ui.errors import message_for
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[Exception]:
    found: list[Exception] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: found.append(exc))
    # A damaged file is shown in the question that offers to rescue it: declined here.
    monkeypatch.setattr(
        "facilitator.ui.errors.ask_recover_target", lambda parent, exc, path: found.append(exc)
    )
    return found


@pytest.fixture
def window(qtbot, settings: Settings, shown) -> Iterator[MainWindow]:  # noqa: ANN001
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


@pytest.fixture
def english() -> Iterator[None]:
    yield
    i18n.apply_language("en")


def _good(tmp_path: Path, name: str = "good.workshop") -> Path:
    path = tmp_path / name
    build_workshop(path)
    return path


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, type[e.WorkshopFileError]]]:
    folder = tmp_path / "a folder.workshop"
    folder.mkdir()
    empty = tmp_path / "empty.workshop"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.workshop"
    noise.write_bytes(os.urandom(4096))
    foreign = tmp_path / "foreign.workshop"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    newer = _good(tmp_path, "newer.workshop")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    truncated = _good(tmp_path, "truncated.workshop")
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    untrusted = _good(tmp_path, "untrusted.workshop")
    conn = sqlite3.connect(untrusted)
    conn.execute("CREATE VIEW sneaky AS SELECT 1")
    conn.close()
    return {
        "missing": (tmp_path / "missing.workshop", e.FileMissing),
        "folder": (folder, e.NotAWorkshopFile),
        "empty": (empty, e.NotAWorkshopFile),
        "noise": (noise, e.NotAWorkshopFile),
        "foreign": (foreign, e.ForeignDatabase),
        "newer": (newer, e.NewerSchema),
        "truncated": (truncated, e.DamagedFile),
        "untrusted": (untrusted, e.UntrustedContent),
    }


def test_starts_on_the_welcome_screen(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert not window.menu_actions.save_copy.isEnabled()
    assert not window.menu_actions.find.isEnabled()
    assert window.welcome.empty_label.isVisibleTo(window)


def test_bad_files_show_a_message_and_the_app_keeps_going(
    window: MainWindow, tmp_path: Path, shown: list[Exception]
) -> None:
    for name, (path, kind) in _bad_files(tmp_path).items():
        before = path.read_bytes() if path.is_file() else None
        shown.clear()
        assert not window.open_path(path), name
        assert len(shown) == 1 and isinstance(shown[0], kind), (name, shown)
        assert window.stack.currentWidget() is window.welcome
        assert window.doc is None
        # A clear translated sentence, naming the file, for every kind.
        text = message_for(shown[0])
        assert str(path) in text or kind in (e.DamagedFile,), (name, text)
        assert "Something went wrong" not in text
        if before is not None:
            assert path.read_bytes() == before, f"{name} was modified"
    # ... and a good file still opens afterwards.
    assert window.open_path(_good(tmp_path))
    assert window.stack.currentWidget() is window.tabs


def test_missing_recent_file_is_dropped_from_the_list(
    window: MainWindow, settings: Settings, tmp_path: Path, shown: list[Exception]
) -> None:
    good = _good(tmp_path)
    assert window.open_path(good)
    window.close_document()
    gone = tmp_path / "gone.workshop"
    settings.add_recent(gone)
    window.welcome.set_recent(settings.recent_files())
    assert window.welcome.recent_list.count() == 2
    assert not window.open_path(gone)
    assert isinstance(shown[-1], e.FileMissing)
    assert settings.recent_files() == [str(good.resolve())]


def test_recent_files_double_click_opens(window: MainWindow, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    good = _good(tmp_path)
    assert window.open_path(good)
    window.menu_actions.close.trigger()
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent_list.count() == 1
    item = window.welcome.recent_list.item(0)
    with qtbot.waitSignal(window.document_changed):
        window.welcome.recent_list.itemActivated.emit(item)
    assert window.doc is not None and window.doc.service.path == good
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()] == ["&1 good.workshop"]


def test_locked_file_offers_read_only(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _good(tmp_path)
    asked: list[Exception] = []

    def ask(parent, exc) -> bool:  # noqa: ANN001
        asked.append(exc)
        return True

    monkeypatch.setattr("facilitator.ui.errors.ask_open_read_only", ask)
    with WorkshopService.open(good):  # another writer holds the file
        assert window.open_path(good)
        assert isinstance(asked[0], e.FileLocked)
        assert window.doc is not None and window.doc.read_only
        assert window.read_only_label.isVisibleTo(window)
        assert window.read_only_label.text() == "READ-ONLY"
        assert not window.live.capture.isEnabled()
        window.close_document()
        monkeypatch.setattr("facilitator.ui.errors.ask_open_read_only", lambda p, x: False)
        assert not window.open_path(good)
        assert window.doc is None


def test_read_only_file_on_disk_opens_read_only(window: MainWindow, tmp_path: Path) -> None:
    good = _good(tmp_path)
    good.chmod(0o444)
    try:
        # The file's permission bits count even for root (storage.file._writable).
        assert window.open_path(good)
        assert window.doc is not None and window.doc.read_only
        assert "[read-only]" in window.windowTitle()
    finally:
        good.chmod(0o644)


def test_new_workshop_from_the_dialog_values(window: MainWindow, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    dialog = NewWorkshopDialog("it", window)
    qtbot.addWidget(dialog)
    dialog.accept()  # empty title: refused with a message, dialog stays
    assert dialog.error.text()
    assert dialog.result() == 0
    qtbot.keyClicks(dialog.title, "Laboratorio Napoli")
    dialog.template.setCurrentIndex(dialog.template.findData("retrospective"))
    values = dialog.values()
    assert values.title == "Laboratorio Napoli" and values.language is Language.ITALIAN
    path = tmp_path / "napoli.workshop"
    assert window.create_workshop(path, values)
    assert window.doc is not None
    assert [c.name for c in window.doc.service.categories()][:2] == [
        "Cosa è andato bene",
        "Da migliorare",
    ]
    assert len(window.doc.service.days()) == 3
    assert "Laboratorio Napoli" in window.windowTitle()
    assert window.live.day_combo.count() == 3


def test_save_a_copy(window: MainWindow, tmp_path: Path) -> None:
    assert window.open_path(_good(tmp_path))
    target = tmp_path / "copy.workshop"
    assert window.save_copy(target) == target
    with WorkshopService.open(target) as copy:
        assert copy.workshop().title == "Incontro-studio Torino"
        assert copy.counts().notes == 2


def test_open_demo(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "demo.workshop"
    assert window.open_demo(target)
    assert window.doc is not None
    assert window.doc.service.counts().notes > 10
    assert window.live.current_item() is not None
    assert window.live.notes_model.rowCount() >= 0


def test_language_switch_retranslates_menus(
    window: MainWindow, settings: Settings, english
) -> None:  # noqa: ANN001
    assert window.file_menu.title() == "&File"
    assert window.edit_menu.title() == "&Edit"
    window.apply_settings("it", "Giulia", "")
    assert settings.language() == "it"
    assert window.file_menu.title() == "&File"
    assert window.edit_menu.title() == "&Modifica"
    assert window.menu_actions.open.text() == "&Apri…"
    assert window.welcome.new_button.text() == "Nuovo workshop…"
    assert window.live.day_label.text() == "Giorno:"
    window.apply_settings("en", "Giulia", "")
    assert window.edit_menu.title() == "&Edit"


def test_settings_dialog_reads_and_returns_values(settings: Settings, qtbot) -> None:  # noqa: ANN001
    settings.set_note_taker("Giulia")
    settings.set_language("it")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.note_taker.text() == "Giulia"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.note_taker.clear()
    qtbot.keyClicks(dialog.note_taker, "Paolo")
    values = dialog.values()
    assert (values.language, values.note_taker) == ("en", "Paolo")


def test_changing_the_note_taker_changes_the_draft_key(
    window: MainWindow,
    tmp_path: Path,
    qtbot,  # noqa: ANN001
) -> None:
    assert window.open_path(_good(tmp_path))
    window.apply_settings("en", "Giulia", "")
    qtbot.keyClicks(window.live.capture, "scritto da Giulia")
    window.live.flush_draft()
    svc = window.doc.service
    assert svc.draft("capture:Giulia")[0] == "scritto da Giulia"
    window.apply_settings("en", "Paolo", "")
    assert window.live.draft_key() == "capture:Paolo"
    assert window.live.capture.toPlainText() == "scritto da Giulia"  # nothing lost
    assert svc.draft("capture:Giulia") is None
    assert svc.draft("capture:Paolo")[0] == "scritto da Giulia"
    assert "Paolo" in window.live.taker_label.text()
    qtbot.keyClick(window.live.capture, Qt.Key.Key_Return)
    assert svc.notes()[-1].note_taker == "Paolo"


def test_add_view_plugs_a_screen_in_and_gives_it_the_document(
    window: MainWindow, tmp_path: Path
) -> None:
    class Plan(QLabel):
        def __init__(self) -> None:
            super().__init__("plan")
            self.docs: list[object] = []
            self.retranslated = 0

        def set_document(self, doc: object) -> None:
            self.docs.append(doc)

        def retranslate(self) -> None:
            self.retranslated += 1

    plan = Plan()
    index = window.add_view(plan, "Plan", plan)
    window.add_view(QLabel("a plain tab"), "Tab")  # no screen: only a tab
    assert index == 1 and window.tabs.tabText(1) == "Plan"
    assert window.open_path(_good(tmp_path))
    assert plan.docs == [window.doc]
    assert window.tabs.currentWidget() is window.live
    window.retranslate_all()
    assert plan.retranslated == 1
    window.close_document()
    assert plan.docs[-1] is None


def test_standard_shortcuts(window: MainWindow) -> None:
    a = window.menu_actions
    assert a.open.shortcut().toString() == "Ctrl+O"
    assert a.new.shortcut().toString() == "Ctrl+N"
    assert a.find.shortcut().toString() == "Ctrl+F"
    assert a.quit.shortcut().toString() == "Ctrl+Q"
    assert a.presenter.shortcut().toString() == "F5"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in window.redo_action.shortcuts()]
    texts = [k.toString() for act in window.findChildren(type(a.open)) for k in act.shortcuts()]
    clashes = {t for t in texts if t and texts.count(t) > 1}
    assert not clashes, clashes


def test_run_gui_opens_the_file_and_quits_after_first_paint(tmp_path: Path) -> None:
    """The real start-up path, in its own process (as a user and the benchmarks run it)."""
    import os
    import subprocess
    import sys

    good = _good(tmp_path)
    ini = tmp_path / "gui.ini"
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACILITATOR_SETTINGS=str(ini))
    result = subprocess.run(
        [sys.executable, str(root / "main.py"), str(good), "--quit-after-paint"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert Settings(ini).recent_files() == [str(good.resolve())]


def test_main_dispatch_sends_sub_commands_to_the_cli(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    from facilitator.app import main

    path = tmp_path / "demo.workshop"
    assert main(["demo", str(path)]) == 0
    assert path.exists()


def test_capture_keeps_focus_when_switching_back_to_live(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.open_path(_good(tmp_path))
    window.add_view(QLabel("other"), "Other")
    window.tabs.setCurrentIndex(1)
    window.activateWindow()
    window.tabs.setCurrentIndex(0)
    assert window.focusWidget() is window.live.capture or not window.isActiveWindow()
    assert Qt.FocusPolicy.StrongFocus & window.live.capture.focusPolicy()


def test_reopening_the_open_file_keeps_it_open_once(window: MainWindow, tmp_path: Path) -> None:
    """Recent files / File › Open on the file already open shows it (issue 11: a second
    open in the same process used to drop SQLite's locks)."""
    good = _good(tmp_path)
    assert window.open_path(good)
    doc = window.doc
    assert doc is not None and not doc.read_only
    assert window.open_path(good)
    assert window.doc is doc and not doc.read_only
    doc.service.add_note("still writing after the re-open")


def test_network_share_says_why_it_is_read_only(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.storage import file

    good = _good(tmp_path)
    mounts = tmp_path / "mounts"
    mounts.write_text(f"server:/export {tmp_path} nfs rw 0 0\n", encoding="utf-8")
    monkeypatch.setattr(file, "_MOUNTS", mounts)
    assert window.open_path(good)
    assert window.doc is not None and window.doc.read_only
    assert window.read_only_label.isVisible()
    assert "network share" in window.read_only_label.toolTip()
    assert "Copy it to this computer" in window.statusBar().currentMessage()
    window.grab().save("/tmp/shots-storage/network-read-only.png")


def test_damaged_search_index_is_offered_a_rescue_into_a_new_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11, attack 7 in the window: the damaged file is refused, the window offers
    to rebuild it into a new file, and opens that one."""
    good = _good(tmp_path)
    conn = sqlite3.connect(good, isolation_level=None)
    conn.execute("UPDATE notes_fts_data SET block = X'0102' WHERE id = 10")
    conn.close()
    before = good.read_bytes()
    target = tmp_path / "rescued.workshop"
    asked: list[Exception] = []

    def ask(parent: object, exc: Exception, path: Path) -> Path:
        asked.append(exc)
        return target

    monkeypatch.setattr("facilitator.ui.errors.ask_recover_target", ask)
    assert window.open_path(good)
    assert len(asked) == 1 and isinstance(asked[0], e.DamagedFile)
    assert "search index" in message_for(asked[0]) or "damaged" in message_for(asked[0])
    assert window.doc is not None and window.doc.service.path == target.resolve()
    assert not window.doc.read_only
    assert window.doc.service.search("rete")
    assert "Rescued into rescued.workshop" in window.statusBar().currentMessage()
    assert good.read_bytes() == before
