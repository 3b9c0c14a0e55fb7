"""Workshop details (title, organiser, place, language, dates) and the list of days."""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
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
from facilitator.services.minutes import MinutesService
from facilitator.services.operations import Changes, Kind
from facilitator.ui.dates import date_format
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.common import (
    FocusOutTextEdit,
    day_label,
    from_qdate,
    set_line,
    to_qdate,
)
from facilitator.ui.workshop_language import LANGUAGE_NAMES


def ask_image_file(parent: QWidget, kind: str) -> Path | None:
    """The image file the user picks (``Path("")`` for "remove"); None if cancelled.
    Tests monkeypatch this function."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("DetailsView", "Choose an image (PNG or JPEG)"),
        "",
        QCoreApplication.translate("DetailsView", "Images (*.png *.jpg *.jpeg)"),
    )
    return Path(name) if name else None


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
        self.zone_edit = QLineEdit()
        self.zone_edit.setPlaceholderText("Europe/Rome")
        self.zone_edit.setToolTip(
            self.tr("The venue's time zone: every time on screen and in the minutes is shown in it")
        )
        zones = QCompleter(sorted(zoneinfo.available_timezones()), self.zone_edit)
        zones.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        zones.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_edit.setCompleter(zones)
        self.has_dates = QCheckBox(self.tr("Dates known"))
        self.start_edit = _date_edit()
        self.end_edit = _date_edit()
        self.description_edit = FocusOutTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(160)

        for edit in (self.title_edit, self.organiser_edit, self.place_edit, self.zone_edit):
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
        form.addRow(self.tr("Time zone"), self.zone_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.has_dates)
        dates.addWidget(self.start_edit)
        dates.addWidget(self.end_edit)
        dates.addStretch()
        form.addRow(self.tr("From, to"), dates)
        form.addRow(self.tr("Description"), self.description_edit)
        outer = QVBoxLayout()
        outer.addWidget(details)
        outer.addWidget(self._minutes_box())
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

    def _minutes_box(self) -> QGroupBox:
        """The frame printed on the minutes: status, version, drafted by, approval,
        distribution, next meeting; the logo and the EU emblem."""
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Draft"), "draft")
        self.status_combo.addItem(self.tr("Final"), "final")
        self.version_edit = QLineEdit()
        self.version_edit.setPlaceholderText("0.1")
        self.drafted_by_edit = QLineEdit()
        self.drafted_by_edit.setPlaceholderText(self.tr("the note-takers"))
        self.next_meeting_edit = QLineEdit()
        self.approval_edit = FocusOutTextEdit()
        self.approval_edit.setTabChangesFocus(True)
        self.approval_edit.setMaximumHeight(60)
        self.distribution_edit = FocusOutTextEdit()
        self.distribution_edit.setTabChangesFocus(True)
        self.distribution_edit.setMaximumHeight(70)
        self.distribution_edit.setPlaceholderText(self.tr("One recipient per line"))
        self.status_combo.activated.connect(lambda _i: self.apply())
        for edit in (self.version_edit, self.drafted_by_edit, self.next_meeting_edit):
            edit.editingFinished.connect(self.apply)
        self.approval_edit.editing_finished.connect(self.apply)
        self.distribution_edit.editing_finished.connect(self.apply)
        self.logo_button = QPushButton(self.tr("Logo…"))
        self.emblem_button = QPushButton(self.tr("EU emblem…"))
        self.logo_button.clicked.connect(lambda: self.choose_image("logo"))
        self.emblem_button.clicked.connect(lambda: self.choose_image("emblem"))
        box = QGroupBox(self.tr("Minutes"))
        form = QFormLayout(box)
        status = QHBoxLayout()
        status.addWidget(self.status_combo)
        status.addWidget(self.version_edit)
        form.addRow(self.tr("Status, version"), status)
        form.addRow(self.tr("Drafted by"), self.drafted_by_edit)
        form.addRow(self.tr("Approval"), self.approval_edit)
        form.addRow(self.tr("Distribution"), self.distribution_edit)
        form.addRow(self.tr("Next meeting"), self.next_meeting_edit)
        images = QHBoxLayout()
        images.addWidget(self.logo_button)
        images.addWidget(self.emblem_button)
        images.addStretch()
        form.addRow(self.tr("Images"), images)
        return box

    def choose_image(self, kind: str) -> None:
        """Pick a PNG or JPEG for the logo or the emblem (an empty choice removes it)."""
        path = ask_image_file(self, kind)
        if path is None:
            return
        self.doc.run(ops.SetImage(kind, path.read_bytes() if path.name else None))
        self._show_images()

    def _show_images(self) -> None:
        frame = MinutesService(self.svc)
        for kind, button, label in (
            ("logo", self.logo_button, self.tr("Logo")),
            ("emblem", self.emblem_button, self.tr("EU emblem")),
        ):
            have = frame.image(kind) is not None
            button.setText(label + (" ✓" if have else "…"))

    def reload(self) -> None:
        w = self.svc.workshop()
        self._loading = True
        try:
            self.status_combo.setCurrentIndex(self.status_combo.findData(w.minutes_status))
            self.version_edit.setText(w.minutes_version)
            set_line(self.drafted_by_edit, w.drafted_by)
            set_line(self.next_meeting_edit, w.next_meeting)
            self.approval_edit.setPlainText(w.approval)
            self.distribution_edit.setPlainText(w.distribution)
            set_line(self.title_edit, w.title)
            set_line(self.organiser_edit, w.organiser)
            set_line(self.place_edit, w.place)
            self.zone_edit.setText(w.time_zone)
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
        self._show_images()
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
            "time_zone": self.zone_edit.text().strip(),
            "minutes_status": self.status_combo.currentData(),
            "minutes_version": self.version_edit.text(),
            "drafted_by": self.drafted_by_edit.text(),
            "approval": self.approval_edit.toPlainText(),
            "distribution": self.distribution_edit.toPlainText(),
            "next_meeting": self.next_meeting_edit.text(),
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
            set_line(self.day_title_edit, day.title if day else "")
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
