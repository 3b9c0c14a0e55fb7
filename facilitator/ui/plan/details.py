"""Workshop details (title, organiser, place, language, dates) and the list of days."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.ui.dates import date_format
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.common import FocusOutTextEdit, day_label, from_qdate, to_qdate
from facilitator.ui.workshop_language import LANGUAGE_NAMES


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDate(QDate.currentDate())
    return edit


class DetailsView(QWidget):
    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.svc = doc.service
        self._loading = False

        self.title_edit = QLineEdit()
        self.organiser_edit = QLineEdit()
        self.place_edit = QLineEdit()
        self.language_combo = QComboBox()
        for code, name in LANGUAGE_NAMES.items():  # each by its own name, as everywhere
            self.language_combo.addItem(name, code)
        self.language_combo.setToolTip(
            self.tr("The language of the workshop's category names and reports")
        )
        self.has_dates = QCheckBox(self.tr("Dates known"))
        self.start_edit = _date_edit()
        self.end_edit = _date_edit()
        self.description_edit = FocusOutTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(160)

        for edit in (self.title_edit, self.organiser_edit, self.place_edit):
            edit.editingFinished.connect(self.apply)
        self.language_combo.activated.connect(lambda _i: self.apply())
        self.has_dates.clicked.connect(lambda _c: self.apply())
        self.start_edit.editingFinished.connect(self.apply)
        self.end_edit.editingFinished.connect(self.apply)
        self.description_edit.editing_finished.connect(self.apply)

        details = QGroupBox(self.tr("Workshop"))
        form = QFormLayout(details)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Organiser"), self.organiser_edit)
        form.addRow(self.tr("Place"), self.place_edit)
        form.addRow(self.tr("Language"), self.language_combo)
        dates = QHBoxLayout()
        dates.addWidget(self.has_dates)
        dates.addWidget(self.start_edit)
        dates.addWidget(self.end_edit)
        dates.addStretch()
        form.addRow(self.tr("From, to"), dates)
        form.addRow(self.tr("Description"), self.description_edit)
        outer = QVBoxLayout()
        outer.addWidget(details)
        outer.addStretch()

        # days
        self.days_list = QListWidget()
        self.days_list.currentRowChanged.connect(lambda _r: self._load_day())
        self.day_title_edit = QLineEdit()
        self.day_title_edit.setPlaceholderText(self.tr("e.g. Site visits"))
        self.day_has_date = QCheckBox(self.tr("Date"))
        self.day_date_edit = _date_edit()
        self.day_title_edit.editingFinished.connect(self.apply_day)
        self.day_has_date.clicked.connect(lambda _c: self.apply_day())
        self.day_date_edit.editingFinished.connect(self.apply_day)
        self.add_day_button = QPushButton(self.tr("Add day"))
        self.delete_day_button = QPushButton(self.tr("Delete day"))
        self.add_day_button.clicked.connect(self.add_day)
        self.delete_day_button.clicked.connect(self.delete_day)
        days_box = QGroupBox(self.tr("Days"))
        days_layout = QVBoxLayout(days_box)
        days_layout.addWidget(self.days_list, 1)
        day_form = QFormLayout()
        day_form.addRow(self.tr("Title of the day"), self.day_title_edit)
        day_dates = QHBoxLayout()
        day_dates.addWidget(self.day_has_date)
        day_dates.addWidget(self.day_date_edit)
        day_dates.addStretch()
        day_form.addRow(day_dates)
        days_layout.addLayout(day_form)
        day_buttons = QHBoxLayout()
        day_buttons.addWidget(self.add_day_button)
        day_buttons.addWidget(self.delete_day_button)
        day_buttons.addStretch()
        days_layout.addLayout(day_buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(outer, 3)
        layout.addWidget(days_box, 2)

        doc.workshop_changed.connect(self.reload)
        doc.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        w = self.svc.workshop()
        self._loading = True
        try:
            self.title_edit.setText(w.title)
            self.organiser_edit.setText(w.organiser)
            self.place_edit.setText(w.place)
            self.language_combo.setCurrentIndex(self.language_combo.findData(w.language.value))
            self.has_dates.setChecked(w.start_date is not None)
            if w.start_date:
                self.start_edit.setDate(to_qdate(w.start_date))
            if w.end_date:
                self.end_edit.setDate(to_qdate(w.end_date))
            self.description_edit.setPlainText(w.description)
        finally:
            self._loading = False
        self._reload_days()
        self.setEnabled(not self.doc.read_only)

    def apply(self) -> None:
        if self._loading:
            return
        w = self.svc.workshop()
        dated = self.has_dates.isChecked()
        self.start_edit.setEnabled(dated)
        self.end_edit.setEnabled(dated)
        new: dict[str, Any] = {
            "title": self.title_edit.text(),
            "organiser": self.organiser_edit.text(),
            "place": self.place_edit.text(),
            "language": m.Language(self.language_combo.currentData()),
            "start_date": from_qdate(self.start_edit.date()) if dated else None,
            "end_date": from_qdate(self.end_edit.date()) if dated else None,
            "description": self.description_edit.toPlainText(),
        }
        changed = {k: v for k, v in new.items() if getattr(w, k) != v}
        if changed and not self.doc.run(ops.EditWorkshop(**changed)):
            self.reload()

    # --- days ---------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Kind.DAY):
            self._reload_days()

    def _reload_days(self) -> None:
        keep = self.day_id()
        self.days_list.blockSignals(True)
        self.days_list.clear()
        for d in self.svc.days():
            row = QListWidgetItem(day_label(d))
            row.setData(256, d.id)
            self.days_list.addItem(row)
            if d.id == keep:
                self.days_list.setCurrentItem(row)
        if self.days_list.currentRow() < 0 and self.days_list.count():
            self.days_list.setCurrentRow(0)
        self.days_list.blockSignals(False)
        self._load_day()

    def day_id(self) -> int | None:
        row = self.days_list.currentItem()
        return int(row.data(256)) if row is not None else None

    def _load_day(self) -> None:
        day_id = self.day_id()
        day = self.svc.day(day_id) if day_id is not None else None
        self._loading = True
        try:
            self.day_title_edit.setText(day.title if day else "")
            self.day_has_date.setChecked(bool(day and day.date))
            self.day_date_edit.setEnabled(bool(day and day.date))
            if day and day.date:
                self.day_date_edit.setDate(to_qdate(day.date))
            self.delete_day_button.setEnabled(day is not None and self.days_list.count() > 1)
        finally:
            self._loading = False

    def apply_day(self) -> None:
        day_id = self.day_id()
        if self._loading or day_id is None:
            return
        day = self.svc.day(day_id)
        self.day_date_edit.setEnabled(self.day_has_date.isChecked())
        date = from_qdate(self.day_date_edit.date()) if self.day_has_date.isChecked() else None
        title = self.day_title_edit.text()
        if (date, title) != (day.date, day.title):
            self.doc.run(ops.EditDay(day_id, date, title))

    def add_day(self) -> None:
        import datetime as dt

        days = self.svc.days()
        last = days[-1].date if days else None
        date = last + dt.timedelta(days=1) if last else None
        cmd = ops.AddDay(date)
        self.doc.run(cmd)
        self.days_list.setCurrentRow(self.days_list.count() - 1)

    def delete_day(self) -> None:
        day_id = self.day_id()
        if day_id is not None and self.days_list.count() > 1:
            self.doc.run(ops.DeleteDay(day_id))
