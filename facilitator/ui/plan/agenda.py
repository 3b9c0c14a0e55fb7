"""The agenda editor of one day: a table (drag to reorder) and a form for the selected item.

Start times follow durations like a session planner: changing a duration moves the
items after it; reordering lays them out again. Every change is an operation (one undo step).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.ui import actions as hotkeys
from facilitator.ui.collation import sorted_by_name
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.common import FocusOutTextEdit, count_text, fill_days, set_line
from facilitator.ui.plan.labels import kind_label
from facilitator.ui.plan.models import AgendaModel

TITLE_MIN_WIDTH = 180  # the agenda table's Title column, at 1024×600 too


class AgendaEditor(QWidget):
    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.svc = doc.service
        self._loading = False
        self._current: m.AgendaItem | None = None

        self.day_combo = QComboBox()
        self.day_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.setToolTip(hotkeys.ADD_ITEM)
        self.delete_button = QPushButton(self.tr("Delete item"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(hotkeys.MOVE_UP)
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(hotkeys.MOVE_DOWN)
        self.import_button = QPushButton(self.tr("Import agenda from CSV…"))
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day_combo, 1)
        # A long day title must not widen the window past a 1024-pixel screen.
        self.day_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.day_combo.setMinimumContentsLength(18)
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button):
            top.addWidget(b)
        top.addStretch()
        top.addWidget(self.import_button)

        self.model = AgendaModel(self)
        self.model.order_requested.connect(self._reorder)
        self.model.duration_requested.connect(self._set_duration)
        self.model.title_requested.connect(lambda i, t: self._update(i, title=t))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaModel.LOCATION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AgendaModel.SPEAKERS, QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_form())
        # Title gets the room: place and speakers start narrow (they can be widened),
        # and the title column never shrinks below a readable width.
        self.table.setColumnWidth(AgendaModel.LOCATION, 110)
        self.table.setColumnWidth(AgendaModel.SPEAKERS, 120)
        header.setMinimumSectionSize(36)
        self.table.setMinimumWidth(TITLE_MIN_WIDTH + 340)

        hotkeys.screen_action(self, hotkeys.MOVE_UP, lambda: self.move_selected(-1))
        hotkeys.screen_action(self, hotkeys.MOVE_DOWN, lambda: self.move_selected(1))
        hotkeys.screen_action(self, hotkeys.ADD_ITEM, self.add_item)
        hotkeys.screen_action(
            self.table, hotkeys.DELETE, self.delete_selected, only_this_widget=True
        )

        # the form of the selected item
        self.title_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind in m.ItemKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.start_edit = QTimeEdit()
        self.start_edit.setDisplayFormat("HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.end_label = QLabel()
        self.location_edit = QLineEdit()
        self.location_edit.setPlaceholderText(self.tr("e.g. a site visit happens elsewhere"))
        self.description_edit = FocusOutTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(90)
        self.summary_edit = FocusOutTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMaximumHeight(90)
        self.summary_edit.setPlaceholderText(
            self.tr("What the session concluded: printed first in its minutes")
        )
        self.speakers_list = QListWidget()
        self.speakers_list.setToolTip(self.tr("Tick the participants who speak in this item"))

        self.title_edit.editingFinished.connect(self._apply_title)
        self.kind_combo.activated.connect(lambda _i: self._apply_kind())
        self.start_edit.editingFinished.connect(self._apply_start)
        self.duration_spin.editingFinished.connect(self._apply_duration)
        self.location_edit.editingFinished.connect(self._apply_location)
        self.description_edit.editing_finished.connect(self._apply_description)
        self.summary_edit.editing_finished.connect(self._apply_summary)
        self.speakers_list.itemChanged.connect(lambda _it: self._apply_speakers())

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(self.duration_spin)
        times.addWidget(self.end_label, 1)
        self.form = QWidget()
        form = QFormLayout(self.form)
        # in a narrow window (1024 px, Italian labels) a label goes above its field
        # rather than the fields being cut off at the window's edge
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.end_label.setWordWrap(True)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Start, duration"), times)
        form.addRow(self.tr("Location"), self.location_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Session summary"), self.summary_edit)
        form.addRow(self.tr("Speakers"), self.speakers_list)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.form)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([640, 380])
        self.form.setMinimumWidth(340)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

        doc.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        """Reload for the days list, this day's agenda or the speakers' names; a change
        to another day's agenda costs nothing here."""
        if changes.touches(
            Kind.DAY, Kind.PARTICIPANT, Kind.ORGANISATION
        ) or self.day_id() in changes.ids(Kind.AGENDA):
            self.reload()

    # --- loading ----------------------------------------------------------------------

    def day_id(self) -> int | None:
        data = self.day_combo.currentData()
        return int(data) if data is not None else None

    def set_day(self, day_id: int) -> None:
        index = self.day_combo.findData(day_id)
        if index >= 0:
            self.day_combo.setCurrentIndex(index)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.model.item_at(index.row()).id)

    def select(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, AgendaModel.TITLE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def reload(self) -> None:
        keep = self.selected_id()
        fill_days(self.day_combo, self.svc.days(), self.day_id())
        day_id = self.day_id()
        items = self.svc.items(day_id) if day_id is not None else []
        orgs = {p.id: p.organisation_name for p in self.svc.participants()}
        self.model.set_items(items, orgs)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif items:
            self.select(items[0].id)
        self._load_form()
        self._update_summary(items)

    def _update_summary(self, items: list[m.AgendaItem]) -> None:
        if not items:
            self.summary.setText(self.tr("No items on this day yet."))
            return
        starts = [i.planned_start for i in items if i.planned_start]
        ends = [i.planned_end for i in items if i.planned_end]
        text = count_text(len(items), self.tr("1 item"), self.tr("%1 items"))
        if starts and ends:
            text += " · " + self.tr("%1 to %2").replace("%1", min(starts).strftime("%H:%M"))
            text = text.replace("%2", max(ends).strftime("%H:%M"))
        by_id = {i.id: i for i in items}
        for issue in self.model.issues.values():
            # Every overlap is said here too (gaps only in the table: lunch is normal).
            if issue.timing.value == "overlap":
                text += " · ⚠ " + self.tr("“%1” overlaps “%2” by %3 min").replace(
                    "%1", by_id[issue.item_id].title
                ).replace("%2", issue.other_title).replace("%3", str(issue.minutes))
        self.summary.setText(text)

    def _load_form(self) -> None:
        item_id = self.selected_id()
        self._current = self.svc.item(item_id) if item_id is not None else None
        item = self._current
        self.form.setEnabled(item is not None and not self.doc.read_only)
        self._loading = True
        try:
            set_line(self.title_edit, item.title if item else "")
            self.kind_combo.setCurrentIndex(
                self.kind_combo.findData(item.kind.value) if item else 0
            )
            start = item.planned_start if item else None
            self.start_edit.setTime(QTime(start.hour, start.minute) if start else QTime(9, 0))
            self.duration_spin.setValue(item.duration_min if item else 0)
            end = item.planned_end if item else None
            self.end_label.setText(
                self.tr("ends at %1").replace("%1", end.strftime("%H:%M")) if end else ""
            )
            set_line(self.location_edit, item.location if item else "")
            self.description_edit.setPlainText(item.description if item else "")
            self.summary_edit.setPlainText(item.summary if item else "")
            self.speakers_list.clear()
            chosen = set(item.speaker_ids) if item else set()
            for p in sorted_by_name(self.svc.participants(), lambda p: p.name):
                label = f"{p.name} ({p.organisation_name})" if p.organisation_name else p.name
                row = QListWidgetItem(label)
                row.setData(Qt.ItemDataRole.UserRole, p.id)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(
                    Qt.CheckState.Checked if p.id in chosen else Qt.CheckState.Unchecked
                )
                self.speakers_list.addItem(row)
        finally:
            self._loading = False

    # --- changes (each one an operation) -----------------------------------------------

    def _run(self, command: Any) -> bool:
        return self.doc.run(command)

    def add_item(self) -> None:
        day_id = self.day_id()
        if day_id is None:
            return
        items = self.svc.items(day_id)
        start = None if items else dt.time(9, 0)
        cmd = ops.AddItem(day_id, self.tr("New item"), planned_start=start)
        if self._run(cmd) and cmd.item_id is not None:
            self.select(cmd.item_id)
            self.title_edit.setFocus()
            self.title_edit.selectAll()

    def delete_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            row = self.model.row_of(item_id)
            self._run(ops.DeleteItem(item_id))
            if self.model.rowCount():
                self.select(self.model.item_at(min(row, self.model.rowCount() - 1)).id)

    def move_selected(self, step: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        ids = self.model.ids()
        row = ids.index(item_id)
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids[row], ids[target] = ids[target], ids[row]
        self._reorder(ids)
        self.select(item_id)

    def _reorder(self, order: list) -> None:
        day_id = self.day_id()
        if day_id is not None:
            keep = self.selected_id()
            self._run(ops.ReorderItems(day_id, [int(i) for i in order]))
            if keep is not None:
                self.select(keep)

    def _set_duration(self, item_id: int, minutes: int) -> None:
        self._run(ops.SetDuration(item_id, minutes))

    def _update(self, item_id: int, **fields: Any) -> None:
        self._run(ops.EditItem(item_id, **fields))

    def _apply(self, **fields: Any) -> None:
        item = self._current
        if self._loading or item is None:
            return
        changed = {k: v for k, v in fields.items() if getattr(item, k) != v}
        if changed:
            self._update(item.id, **changed)

    def _apply_title(self) -> None:
        self._apply(title=self.title_edit.text())

    def _apply_kind(self) -> None:
        self._apply(kind=m.ItemKind(self.kind_combo.currentData()))

    def _apply_start(self) -> None:
        t = self.start_edit.time()
        self._apply(planned_start=dt.time(t.hour(), t.minute()))

    def _apply_duration(self) -> None:
        item = self._current
        if self._loading or item is None:
            return
        if self.duration_spin.value() != item.duration_min:
            self._set_duration(item.id, self.duration_spin.value())

    def _apply_location(self) -> None:
        self._apply(location=self.location_edit.text())

    def _apply_description(self) -> None:
        self._apply(description=self.description_edit.toPlainText())

    def _apply_summary(self) -> None:
        self._apply(summary=self.summary_edit.toPlainText())

    def _apply_speakers(self) -> None:
        item = self._current
        if self._loading or item is None:
            return
        ids = []
        for n in range(self.speakers_list.count()):
            row = self.speakers_list.item(n)
            if row.checkState() == Qt.CheckState.Checked:
                ids.append(int(row.data(Qt.ItemDataRole.UserRole)))
        if tuple(ids) != item.speaker_ids:
            self._update(item.id, speaker_ids=ids)
