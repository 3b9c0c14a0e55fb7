"""Small helpers shared by the plan screens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from facilitator.domain import model as m


def day_label(day: m.Day) -> str:
    text = QCoreApplication.translate("plan", "Day %1").replace("%1", str(day.number))
    if day.date:
        text += " · " + QLocale().toString(
            QDate(day.date.year, day.date.month, day.date.day), "ddd d MMM yyyy"
        )
    if day.title:
        text += " · " + day.title
    return text


def fill_days(combo: QComboBox, days: list[m.Day], keep: int | None) -> None:
    """Refill a day chooser, keeping the day ``keep`` selected if it still exists."""
    combo.blockSignals(True)
    combo.clear()
    for d in days:
        combo.addItem(day_label(d), d.id)
    index = combo.findData(keep) if keep is not None else -1
    combo.setCurrentIndex(index if index >= 0 else (0 if days else -1))
    combo.blockSignals(False)


def set_line(edit: QLineEdit, text: str) -> None:
    """Show a stored text in a line edit from its beginning (``setText`` leaves the
    cursor at the end, so a long title showed only its last words)."""
    edit.setText(text)
    edit.setCursorPosition(0)


def to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def from_qdate(value: QDate) -> dt.date | None:
    return dt.date(value.year(), value.month(), value.day()) if value.isValid() else None


def count_text(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (already translated, with %1 for the number)."""
    return (one if n == 1 else many).replace("%1", str(n))


class FocusOutTextEdit(QPlainTextEdit):
    """A multi-line field that says when the user leaves it (to save it then)."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()
