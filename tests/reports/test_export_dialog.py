"""File → Export minutes…: the dialog, its worker thread and what it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import NOTES_DAY2, squash, text_of

from facilitator.ui import export_dialog as ed
from facilitator.ui.export_dialog import ExportMinutesDialog, export_minutes


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int]]:
    calls: list[tuple[Path, int]] = []
    monkeypatch.setattr(ed, "offer_open", lambda parent, path, pages: calls.append((path, pages)))
    return calls


def test_defaults_follow_the_current_day_and_the_workshop(qtbot, filled) -> None:
    svc, f = filled
    dialog = ExportMinutesDialog(svc, f.day2, None)
    qtbot.addWidget(dialog)
    assert dialog.day_id() == f.day2
    assert dialog.scope.count() == 4  # three days and the whole event
    assert dialog.language.currentData() == "it" and dialog.paper.currentData() == "a4"
    assert dialog.path() == svc.path.parent / "test - verbale giornata 2.pdf"
    dialog.scope.setCurrentIndex(3)
    assert dialog.day_id() is None
    assert dialog.path().name == "test - resoconto completo.pdf"
    dialog.language.setCurrentIndex(1)
    assert dialog.path().name == "test - full report.pdf"
    dialog.set_path("/somewhere/mine.pdf")
    dialog.scope.setCurrentIndex(0)
    assert dialog.path() == Path("/somewhere/mine.pdf")  # a chosen path is kept


def test_exports_the_day_off_the_gui_thread_and_offers_to_open(
    qtbot, filled, tmp_path, opened
) -> None:
    svc, f = filled
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    target = tmp_path / "minutes.pdf"
    dialog.set_path(target)
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        assert dialog.start_export()
        assert dialog.is_running() and not dialog.buttons.isEnabled()
    assert blocker.args == [str(target), blocker.args[1]]
    text = squash(text_of(target))
    for note in f.notes:
        assert squash(note) in text
    assert squash(NOTES_DAY2[0]) not in text
    assert opened == [(target, blocker.args[1])]
    assert dialog.result() == ExportMinutesDialog.DialogCode.Accepted
    assert dialog.progress.value() == 100
    assert not target.with_name("minutes.pdf.partial").exists()


def test_whole_event_in_english_on_letter(qtbot, filled, tmp_path, opened) -> None:
    svc, f = filled
    dialog = ExportMinutesDialog(svc, None, None)
    qtbot.addWidget(dialog)
    dialog.scope.setCurrentIndex(dialog.scope.count() - 1)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.set_path(tmp_path / "report")  # the .pdf suffix is added
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.start_export()
    text = text_of(tmp_path / "report.pdf")
    assert "Full report of the event" in text and squash(NOTES_DAY2[0]) in squash(text)


def test_existing_file_is_replaced_only_when_confirmed(
    qtbot, filled, tmp_path, opened, monkeypatch
) -> None:
    svc, f = filled
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")
    answers = [False]
    monkeypatch.setattr(ed, "confirm_overwrite", lambda parent, path: answers.pop(0))
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    dialog.set_path(target)
    assert dialog.start_export() is False
    assert target.read_bytes() == b"old"
    answers.append(True)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        assert dialog.start_export()
    assert target.read_bytes().startswith(b"%PDF")


def test_missing_folder_is_explained(qtbot, filled, tmp_path) -> None:
    svc, f = filled
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    dialog.set_path(tmp_path / "nope" / "x.pdf")
    assert dialog.start_export() is False
    assert "nope" in dialog.status.text()
    assert not dialog.is_running()


def test_a_failing_build_is_reported(qtbot, filled, tmp_path, monkeypatch) -> None:
    svc, f = filled
    shown: list[BaseException] = []
    monkeypatch.setattr(ed.errors, "show_error", lambda parent, exc: shown.append(exc))

    def boom(*args, **kwargs):  # noqa: ANN002, ANN003
        raise OSError("disk on fire")

    monkeypatch.setattr("facilitator.reports.pdf.build_pdf", boom)
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    dialog.set_path(tmp_path / "x.pdf")
    with qtbot.waitSignal(dialog.export_failed, timeout=30_000):
        dialog.start_export()
    assert [str(e) for e in shown] == ["disk on fire"]
    assert dialog.buttons.isEnabled() and not (tmp_path / "x.pdf").exists()


def test_export_minutes_opens_the_dialog(qtbot, filled) -> None:
    svc, f = filled
    dialog = export_minutes(svc, f.day1)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.day_id() == f.day1
    dialog.reject()


def test_the_hint_names_the_time_zone_the_minutes_are_printed_in(qtbot, filled) -> None:  # noqa: ANN001
    """The PDF prints times in the venue's zone (the workshop's), not this computer's:
    the dialog says which."""
    from PySide6.QtWidgets import QLabel

    svc, f = filled

    def hint() -> str:
        dialog = ExportMinutesDialog(svc, f.day2, None)
        qtbot.addWidget(dialog)
        return next(lb.text() for lb in dialog.findChildren(QLabel) if "time zone" in lb.text())

    svc.update_workshop(time_zone="America/New_York")
    assert "venue's time zone, America/New_York" in hint()
    svc.update_workshop(time_zone="Europe/Lisbon")
    assert "venue's time zone, Europe/Lisbon" in hint()
