"""Small dialogs of the shell: new workshop, settings. Each has an ``ask()`` classmethod."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.model import Language
from facilitator.ui.dates import date_format
from facilitator.ui.settings import Settings
from facilitator.ui.workshop_language import LANGUAGE_NAMES


def _to_date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


@dataclass
class NewWorkshop:
    title: str
    start_date: dt.date
    end_date: dt.date
    language: Language
    place: str
    organiser: str
    template: str


class NewWorkshopDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New workshop"))
        self.title = QLineEdit()
        self.start = QDateEdit(QDate.currentDate())
        self.end = QDateEdit(QDate.currentDate().addDays(2))
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat(date_format())
        self.start.dateChanged.connect(self._start_moved)
        self.title.textChanged.connect(self._title_typed)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, Language(code))
        self.language.setCurrentIndex(0 if language == "it" else 1)
        self.place = QLineEdit()
        self.organiser = QLineEdit()
        self.template = QComboBox()
        self.template.addItem(self.tr("Ecosystem analysis"), "ecosystem")
        self.template.addItem(self.tr("Retrospective"), "retrospective")
        self.template.addItem(self.tr("Generic"), "generic")
        self.error = QLabel()
        self.error.setStyleSheet("color: #d32f2f;")
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("First day:"), self.start)
        form.addRow(self.tr("Last day:"), self.end)
        form.addRow(self.tr("Language of the notes:"), self.language)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("Organiser:"), self.organiser)
        form.addRow(self.tr("Note categories:"), self.template)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _title_typed(self, text: str) -> None:
        """The "give it a title" message goes as soon as there is a title."""
        if text.strip() and self.error.text() == self.tr("Please give the workshop a title."):
            self.error.clear()

    def _start_moved(self, date: QDate) -> None:
        if self.end.date() < date:
            self.end.setDate(date)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Please give the workshop a title."))
            self.title.setFocus()
            return
        if self.end.date() < self.start.date():
            self.error.setText(self.tr("The last day cannot come before the first."))
            return
        super().accept()

    def values(self) -> NewWorkshop:
        return NewWorkshop(
            title=self.title.text().strip(),
            start_date=_to_date(self.start.date()),
            end_date=_to_date(self.end.date()),
            language=Language(self.language.currentData()),
            place=self.place.text().strip(),
            organiser=self.organiser.text().strip(),
            template=str(self.template.currentData()),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, language: str) -> NewWorkshop | None:
        dialog = cls(language, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass
class SettingsValues:
    language: str  # "", "it", "en"
    note_taker: str
    presenter_screen: str
    snapshot_minutes: int


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Like the system"), "")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language_choice())))
        self.note_taker = QLineEdit(settings.note_taker())
        self.note_taker.setPlaceholderText(self.tr("your name, saved with every note"))
        self.screen_combo = QComboBox()
        self.screen_combo.addItem(self.tr("Automatic (the second screen if there is one)"), "")
        for s in QGuiApplication.screens():
            g = s.geometry()
            self.screen_combo.addItem(f"{s.name()} ({g.width()}×{g.height()})", s.name())
        self.screen_combo.setCurrentIndex(
            max(0, self.screen_combo.findData(settings.presenter_screen()))
        )
        self.snapshots = QSpinBox()
        self.snapshots.setRange(0, 240)
        self.snapshots.setSuffix(self.tr(" min"))
        self.snapshots.setSpecialValueText(self.tr("never"))
        self.snapshots.setValue(settings.snapshot_minutes())
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Note-taker name:"), self.note_taker)
        form.addRow(self.tr("Presenter window on:"), self.screen_combo)
        form.addRow(self.tr("Backup copy every:"), self.snapshots)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def values(self) -> SettingsValues:
        return SettingsValues(
            language=str(self.language.currentData() or ""),
            note_taker=self.note_taker.text().strip(),
            presenter_screen=str(self.screen_combo.currentData() or ""),
            snapshot_minutes=self.snapshots.value(),
        )

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> SettingsValues | None:
        dialog = cls(settings, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
