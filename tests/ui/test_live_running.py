"""The running timer has one source of truth, the file: the item's start and planned
duration plus its stored pause and +5. A duration changed in Plan is seen at once, here
and in another window on the file; pause and +5 survive a restart; the Live header says
which item runs and which is selected when they differ."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_helpers import build_workshop

from facilitator.services import operations as ops
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings

T0 = dt.datetime(2025, 11, 5, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "torino.workshop"
    build_workshop(p)
    return p


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def _window(qtbot, settings: Settings, path: Path, now: list[dt.datetime], **kw) -> MainWindow:  # noqa: ANN001, ANN003
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(path, **kw)
    w.live.clock = lambda: now[0]
    return w


@pytest.fixture
def now() -> list[dt.datetime]:
    return [T0]


@pytest.fixture
def window(qtbot, settings: Settings, path: Path, now, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    w = _window(qtbot, settings, path, now)
    yield w
    w.close()


def test_a_duration_changed_in_plan_is_seen_by_the_running_timer_here_and_elsewhere(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    settings: Settings,
    path: Path,
    now: list[dt.datetime],
) -> None:
    live, doc = window.live, window.doc
    assert doc is not None
    item = live.current_item()
    assert item is not None and item.duration_min == 30
    live.start_stop()
    now[0] = T0 + dt.timedelta(minutes=10)
    live.refresh_timer()
    assert live.timer_label.text() == "20:00"

    other = _window(qtbot, settings, path, now, read_only=True)  # a second window
    other.live.refresh_timer()
    assert other.live.timer_label.text() == "20:00"

    assert doc.run(ops.SetDuration(item.id, 45))  # what the Plan editor runs
    assert live.timer_label.text() == "35:00"  # at once, no tick needed
    qtbot.waitUntil(lambda: other.live.timer_label.text() == "35:00", timeout=5000)
    other.close()


def test_pause_and_plus_five_survive_a_restart(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    settings: Settings,
    path: Path,
    now: list[dt.datetime],
) -> None:
    live = window.live
    live.start_stop()
    now[0] = T0 + dt.timedelta(minutes=10)
    live.extend()  # 30 + 5 minutes
    live.toggle_pause()
    assert live.pause_button.text() == live.tr("Resume")
    live.refresh_timer()
    assert live.timer_label.text() == "25:00"
    window.close()

    now[0] = T0 + dt.timedelta(minutes=40)  # later, after a restart: still paused
    again = _window(qtbot, settings, path, now)
    again.live.refresh_timer()
    assert again.live.timer_label.text() == "25:00"
    assert again.live.countdown.paused
    again.live.toggle_pause()  # resumed 30 minutes after the pause
    now[0] = T0 + dt.timedelta(minutes=45)
    again.live.refresh_timer()
    assert again.live.timer_label.text() == "20:00"
    again.close()


def test_the_header_says_which_item_runs_and_which_is_selected(window: MainWindow) -> None:
    live = window.live
    first = live.current_item()
    assert first is not None
    live.start_stop()
    assert not live.running_label.isVisibleTo(live)
    window.menu_actions.next_item.trigger()
    second = live.current_item()
    assert second is not None and second.id != first.id
    assert live.running_label.isVisibleTo(live)
    assert first.title in live.running_label.text()
    assert live.item_title.text() == second.title
    assert live.tr("Selected (next)") in live.item_meta.text()
    assert live.running_item_id == first.id  # the timer is still the first item's
    assert first.title in live.timer_caption.text()


def test_the_room_question_survives_a_restart(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    settings: Settings,
    path: Path,
    now: list[dt.datetime],
) -> None:
    from PySide6.QtCore import Qt

    live = window.live
    live.question_edit.setFocus()
    qtbot.keyClicks(live.question_edit, "Che cosa portiamo a casa?")
    qtbot.keyClick(live.question_edit, Qt.Key.Key_Return)
    window.close()
    again = _window(qtbot, settings, path, now)
    assert again.live.question_edit.text() == "Che cosa portiamo a casa?"
    again.toggle_presenter()
    assert again.presenter is not None
    assert again.presenter.question_label.text() == "Che cosa portiamo a casa?"
    again.close()


def test_the_switch_chooses_what_the_projector_shows_and_the_preview_follows(
    qtbot,  # noqa: ANN001
    window: MainWindow,
) -> None:
    from facilitator.ui.live.presenter import Mode

    qtbot.waitUntil(lambda: window.projector is not None)  # built after the first paint
    control = window.projector
    assert control is not None and control.window is not None
    control.dock.show()
    panel = control.panel
    qtbot.waitExposed(panel)

    def preview_lightness() -> int:
        panel.preview.refresh()
        image = panel.preview.pixmap().toImage()
        return max(
            image.pixelColor(x, y).lightness()
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
        )

    assert control.window.mode is Mode.TIMER
    assert preview_lightness() > 150  # the item and its timer, light on black
    panel.buttons[Mode.BLANK].click()
    assert control.window.mode is Mode.BLANK
    assert preview_lightness() < 20  # nothing at all
    panel.buttons[Mode.QUESTION].click()
    assert control.window.mode is Mode.QUESTION
    assert control.window.pages.currentWidget().isVisibleTo(control.window)
    panel.buttons[Mode.TIMER].click()
    assert panel.buttons[Mode.TIMER].isChecked()
    assert not window.menu_actions.presenter.isChecked()
    panel.show_button.click()  # on the projector
    assert window.presenter is control.window and window.menu_actions.presenter.isChecked()
    window.toggle_presenter()
    assert window.presenter is None and not panel.show_button.isChecked()


def test_view_projector_panel_shows_and_hides_the_dock(window: MainWindow) -> None:
    action = window.menu_actions.projector_panel
    assert action.isEnabled() and not action.isChecked()
    action.trigger()
    control = window.projector  # the panel builds it at once
    assert control is not None and control.dock.isVisible() and action.isChecked()
    action.trigger()
    assert not control.dock.isVisible() and not action.isChecked()
