"""Live at 1024×600 (issue 12, "Layout and language"): readable agenda column, a notes
list that gets the room, rows that show the whole note, splitters remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtCore import Qt

from facilitator.services.workshop import WorkshopService
from facilitator.ui.live.live_view import LEFT_MIN_WIDTH
from facilitator.ui.live.notes_model import NotesModel
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings

LONG = (
    "Una nota lunga: la rete dei quartieri collabora con il Comune da dieci anni, "
    "ma le risorse restano legate ai bandi annuali e ogni anno si ricomincia da capo "
    "con nuovi progetti, nuovi partner e nuove regole di rendicontazione."
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "torino.workshop"
    build_workshop(p)
    with WorkshopService.open(p) as svc:
        first = svc.items(svc.days()[0].id)[0]
        svc.update_item(first.id, title="Benvenuto " + "e presentazione degli obiettivi " * 6)
        svc.add_note(LONG, agenda_item_id=first.id)
    return p


def _window(qtbot, settings: Settings, path: Path) -> MainWindow:  # noqa: ANN001
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path)
    w.resize(1024, 600)
    qtbot.waitUntil(lambda: w.width() == 1024 and w.height() == 600)
    return w


def test_live_at_1024x600_keeps_the_agenda_readable_and_the_notes_in_view(
    qtbot,
    tmp_path: Path,
    path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    w = _window(qtbot, Settings(tmp_path / "s.ini"), path)
    live = w.live
    # A long item title wraps in the header instead of squeezing the agenda column.
    qtbot.waitUntil(lambda: live.agenda_view.width() > 0)
    assert live.splitter.sizes()[0] >= LEFT_MIN_WIDTH
    assert live.day_combo.width() >= 120
    # The notes list gets most of the height; the capture box stays usable.
    notes_h = live.notes_view.height()
    assert notes_h >= 2 * live.capture.height()
    assert live.capture.height() >= 2 * live.capture.fontMetrics().lineSpacing()
    # The long note's row grows to show all of it; no giant tooltip.
    live.fit_visible_rows()
    row = live.notes_model.rowCount() - 1
    index = live.notes_model.index(row, NotesModel.TEXT)
    assert index.data() == LONG
    one_line = live.notes_view.fontMetrics().height()
    width = live.notes_view.columnWidth(NotesModel.TEXT)
    needed = live.notes_view.fontMetrics().boundingRect(
        0, 0, width - 8, 10_000, int(Qt.TextFlag.TextWordWrap), LONG
    )
    assert live.notes_view.rowHeight(row) >= min(needed.height(), 3 * one_line)
    assert live.notes_view.rowHeight(row) > 2 * one_line
    assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    w.close()


def test_the_splitters_are_remembered(qtbot, tmp_path: Path, path: Path, shown_errors) -> None:  # noqa: ANN001
    settings = Settings(tmp_path / "s.ini")
    w = _window(qtbot, settings, path)
    live = w.live
    live.splitter.moveSplitter(340, 1)
    live.notes_splitter.moveSplitter(200, 1)
    left, capture = live.splitter.sizes()[0], live.notes_splitter.sizes()[1]
    w.close()
    settings.sync()
    again = _window(qtbot, Settings(tmp_path / "s.ini"), path)
    assert abs(again.live.splitter.sizes()[0] - left) <= 2
    assert abs(again.live.notes_splitter.sizes()[1] - capture) <= 2
    again.close()


def test_window_geometry_is_kept_per_role(qtbot, tmp_path: Path, path: Path, shown_errors) -> None:  # noqa: ANN001
    settings = Settings(tmp_path / "s.ini")
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.geometry_role == "welcome"
    w.resize(760, 480)  # a small welcome window
    qtbot.waitUntil(lambda: w.size().width() == 760)
    assert w.open_path(path)
    assert w.geometry_role == "workshop"
    assert w.height() > 480  # the welcome size is not the workshop's
    w.resize(790, 570)
    qtbot.waitUntil(lambda: w.size().height() == 570)
    w.close_document()
    assert (w.width(), w.height()) == (760, 480)
    assert w.open_path(path)
    assert (w.width(), w.height()) == (790, 570)
    w.close()
    # Quitting on the workshop saves the workshop's size; the next start on the welcome
    # screen comes back at the welcome size.
    settings.sync()
    again = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 480)
    assert again.open_path(path)
    assert (again.width(), again.height()) == (790, 570)
    again.close()


def test_plan_agenda_gives_the_title_the_room_at_1024(
    qtbot,
    tmp_path: Path,
    path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    from facilitator.ui.plan.agenda import TITLE_MIN_WIDTH
    from facilitator.ui.plan.models import AgendaModel

    with WorkshopService.open(path) as svc:
        day = svc.days()[0]
        svc.update_day(day.id, day.date, "Presentazioni e l'ecosistema torinese " * 3)
    w = _window(qtbot, Settings(tmp_path / "s.ini"), path)
    w.tabs.setCurrentIndex(1)
    plan = w.tabs.currentWidget()
    plan.tabs.setCurrentWidget(plan.agenda)
    qtbot.waitUntil(lambda: plan.agenda.table.isVisible())
    qtbot.wait(10)
    assert w.width() == 1024  # a long day title does not widen the window
    table = plan.agenda.table
    title = table.columnWidth(AgendaModel.TITLE)
    assert title >= TITLE_MIN_WIDTH
    assert title > table.columnWidth(AgendaModel.LOCATION)
    assert title > table.columnWidth(AgendaModel.SPEAKERS)
    w.close()


def test_editing_a_long_note_opens_a_pane_its_size_inside_the_list(
    qtbot,
    tmp_path: Path,
    path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    w = _window(qtbot, Settings(tmp_path / "s.ini"), path)
    live = w.live
    live.fit_visible_rows()
    row = live.notes_model.rowCount() - 1
    index = live.notes_model.index(row, NotesModel.TEXT)
    live.notes_view.setCurrentIndex(index)
    live.notes_view.edit(index)
    editor = live.notes_view.viewport().findChild(QPlainTextEdit)
    assert editor is not None
    assert editor.toPlainText() == LONG
    assert editor.height() >= live.notes_view.rowHeight(row)
    assert editor.geometry().bottom() <= live.notes_view.viewport().height() + 1
    assert editor.height() <= live.notes_view.viewport().height()
    w.close()
