"""Attendance: check people in, day by day."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import operations as ops
from facilitator.services.minutes import MinutesService
from facilitator.services.operations import Changes, Kind
from facilitator.ui.collation import CollatedProxy
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.common import fill_days
from facilitator.ui.plan.models import AttendanceModel


class AttendanceView(QWidget):
    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.svc = doc.service
        self.day_combo = QComboBox()
        # A long day title must not widen the window past a 1024-pixel screen.
        self.day_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.day_combo.setMinimumContentsLength(18)
        self.day_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Find a person"))
        self.filter_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)

        self.model = AttendanceModel(self)
        self.model.toggled.connect(self._toggle)
        self.proxy = CollatedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day_combo, 1)
        top.addWidget(self.filter_edit, 1)
        top.addStretch()
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        hint = QLabel(self.tr("Tick a name (or select it and press Space) to check the person in."))
        hint.setWordWrap(True)
        self.model.apologies_text = self.tr("apologies sent")
        self.apologies_button = QPushButton(self.tr("Apologies sent"))
        self.apologies_button.setToolTip(
            self.tr("The selected absent person sent apologies for this day (in the minutes)")
        )
        self.apologies_button.clicked.connect(self.toggle_apologies)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.apologies_button)
        layout.addLayout(bottom)

        doc.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        """The days or the people changed: reload; check-ins of the shown day: only the
        ticks are read again; anything else (agenda items, notes…) costs nothing."""
        if changes.touches(Kind.DAY, Kind.PARTICIPANT):
            self.reload()
        elif self.day_id() in changes.ids(Kind.ATTENDANCE):
            self._attendance_changed(self.day_id() or 0)

    def day_id(self) -> int | None:
        data = self.day_combo.currentData()
        return int(data) if data is not None else None

    def set_day(self, day_id: int) -> None:
        index = self.day_combo.findData(day_id)
        if index >= 0:
            self.day_combo.setCurrentIndex(index)

    def reload(self) -> None:
        fill_days(self.day_combo, self.svc.days(), self.day_id())
        day_id = self.day_id()
        present = self.svc.present(day_id) if day_id is not None else set()
        self.model.set_rows(self.svc.participants(), present)
        self.model.set_apologies(
            MinutesService(self.svc).apologies(day_id) if day_id is not None else set()
        )
        self._update_count()
        self.list.setEnabled(day_id is not None and not self.doc.read_only)

    def _attendance_changed(self, day_id: int) -> None:
        if day_id == self.day_id():
            self.model.set_present(self.svc.present(day_id))
            self.model.set_apologies(MinutesService(self.svc).apologies(day_id))
            self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Present %1 of %2")
            .replace("%1", str(self.model.present_count()))
            .replace("%2", str(self.model.rowCount()))
        )

    def toggle_apologies(self) -> None:
        day_id = self.day_id()
        index = self.list.currentIndex()
        if day_id is None or not index.isValid():
            return
        pid = int(self.proxy.data(index, Qt.ItemDataRole.UserRole))
        sent = pid not in MinutesService(self.svc).apologies(day_id)
        if self.doc.run(ops.SetApologies(day_id, pid, sent)):
            self.model.set_apologies(MinutesService(self.svc).apologies(day_id))

    def _toggle(self, pid: int, present: bool) -> None:
        day_id = self.day_id()
        if day_id is not None:
            self.doc.run(ops.SetPresent(day_id, pid, present))
