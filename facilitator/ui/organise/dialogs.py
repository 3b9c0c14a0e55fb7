"""Small dialogs of the organise screens. Each has an ``ask()`` classmethod returning
the values (or None when cancelled); tests monkeypatch ``ask`` or drive the dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.voting import Criterion, Method, default_criteria
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.ui.collation import sorted_by_name
from facilitator.ui.dates import date_format
from facilitator.ui.organise.labels import method_label, status_label


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None. Tests monkeypatch this function."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def _item_combo(org: OrganiseService, parent: QWidget, none_text: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    days = {d.id: d.number for d in org.svc.days()}
    for item in org.svc.items():
        combo.addItem(f"{days.get(item.day_id, '?')}. {item.title}", item.id)
    return combo


# --- solutions -------------------------------------------------------------------------


@dataclass(frozen=True)
class SolutionValues:
    title: str
    description: str
    agenda_item_id: int | None


class SolutionDialog(QDialog):
    def __init__(
        self,
        org: OrganiseService,
        title: str = "",
        description: str = "",
        agenda_item_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Solution"))
        self.title_edit = QLineEdit(title, self)
        self.description_edit = QPlainTextEdit(description, self)
        self.item_combo = _item_combo(org, self, self.tr("(no agenda item)"))
        index = self.item_combo.findData(agenda_item_id)
        self.item_combo.setCurrentIndex(max(index, 0))
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow(self.tr("Agenda item"), self.item_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 320)

    def values(self) -> SolutionValues:
        return SolutionValues(
            self.title_edit.text(),
            self.description_edit.toPlainText(),
            self.item_combo.currentData(),
        )

    @classmethod
    def ask(
        cls,
        org: OrganiseService,
        title: str = "",
        description: str = "",
        agenda_item_id: int | None = None,
        parent: QWidget | None = None,
    ) -> SolutionValues | None:
        dialog = cls(org, title, description, agenda_item_id, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


# --- actions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionValues:
    text: str
    owner_id: int | None
    due_date: dt.date | None
    status: m.ActionStatus


class ActionDialog(QDialog):
    def __init__(
        self,
        org: OrganiseService,
        action: m.ActionItem | None = None,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action item"))
        self.text_edit = QPlainTextEdit(action.text if action else text, self)
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem(self.tr("(nobody yet)"), None)
        for p in sorted_by_name(org.svc.participants(), lambda p: p.name):
            label = f"{p.name} ({p.organisation_name})" if p.organisation_name else p.name
            self.owner_combo.addItem(label, p.id)
        if action is not None:
            self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(action.owner_id), 0))
        self.has_due = QCheckBox(self.tr("Due by"), self)
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(date_format())
        due = action.due_date if action else None
        self.has_due.setChecked(due is not None)
        start = due or dt.date.today() + dt.timedelta(days=14)
        self.due_edit.setDate(QDate(start.year, start.month, start.day))
        self.due_edit.setEnabled(due is not None)
        self.has_due.toggled.connect(self.due_edit.setEnabled)
        self.status_combo = QComboBox(self)
        for status in m.ActionStatus:
            self.status_combo.addItem(status_label(status), status.value)
        if action is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(action.status.value))
        form = QFormLayout(self)
        form.addRow(self.tr("Action"), self.text_edit)
        form.addRow(self.tr("Owner"), self.owner_combo)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_edit, 1)
        form.addRow(self.tr("Due date"), due_row)
        form.addRow(self.tr("Status"), self.status_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 300)

    def values(self) -> ActionValues:
        due = None
        if self.has_due.isChecked():
            q = self.due_edit.date()
            due = dt.date(q.year(), q.month(), q.day())
        return ActionValues(
            self.text_edit.toPlainText(),
            self.owner_combo.currentData(),
            due,
            m.ActionStatus(self.status_combo.currentData()),
        )

    @classmethod
    def ask(
        cls,
        org: OrganiseService,
        action: m.ActionItem | None = None,
        text: str = "",
        parent: QWidget | None = None,
    ) -> ActionValues | None:
        dialog = cls(org, action, text, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


# --- polls -----------------------------------------------------------------------------


class PollDialog(QDialog):
    """Create or edit a (draft) poll: method, options, settings, criteria."""

    def __init__(
        self, org: OrganiseService, settings: PollSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.org = org
        self.setWindowTitle(self.tr("Poll"))
        self.title_edit = QLineEdit(settings.title, self)
        self.method_combo = QComboBox(self)
        for method in Method:
            self.method_combo.addItem(method_label(method), method.value)
        self.method_combo.setCurrentIndex(self.method_combo.findData(settings.method.value))
        self.item_combo = _item_combo(org, self, self.tr("(no agenda item)"))
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(settings.agenda_item_id), 0))

        # options: the solutions (checkable) followed by free options
        self.options_list = QListWidget(self)
        self.options_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.options_list.setWordWrap(True)
        chosen = {sid for _, sid in settings.options if sid is not None}
        for s in org.solutions():
            item = QListWidgetItem(s.title)
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id in chosen else Qt.CheckState.Unchecked)
            self.options_list.addItem(item)
        for label, sid in settings.options:
            if sid is None:
                self._add_free(label)
        self.free_edit = QLineEdit(self)
        self.free_edit.setPlaceholderText(self.tr("A free option, not a solution"))
        add_free = QPushButton(self.tr("Add option"), self)
        add_free.clicked.connect(self._on_add_free)
        self.free_edit.returnPressed.connect(self._on_add_free)
        free_row = QHBoxLayout()
        free_row.addWidget(self.free_edit, 1)
        free_row.addWidget(add_free)

        self.anonymous = QCheckBox(self.tr("Anonymous ballots (who voted is kept, not how)"), self)
        self.anonymous.setChecked(settings.anonymous)
        self.hide_results = QCheckBox(self.tr("Hide results until the poll closes"), self)
        self.hide_results.setChecked(settings.hide_results)
        self.dots = QSpinBox(self)
        self.dots.setRange(1, 100)
        self.dots.setValue(settings.dots_per_voter)
        self.cap = QSpinBox(self)
        self.cap.setRange(0, 100)
        self.cap.setSpecialValueText(self.tr("no limit"))
        self.cap.setValue(settings.max_per_option or 0)
        self.complete = QCheckBox(self.tr("Every option must be ranked or scored"), self)
        self.complete.setChecked(settings.require_complete)

        self.criteria = QTableWidget(0, 4, self)
        self.criteria.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("From"), self.tr("To"), self.tr("Weight")]
        )
        self.criteria.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.criteria.verticalHeader().setVisible(False)
        for c in settings.criteria or default_criteria(org.language):
            self._add_criterion(c)
        crit_buttons = QHBoxLayout()
        add_c = QPushButton(self.tr("Add criterion"), self)
        add_c.clicked.connect(lambda: self._add_criterion(Criterion("")))
        del_c = QPushButton(self.tr("Remove criterion"), self)
        del_c.clicked.connect(
            lambda: (
                self.criteria.removeRow(self.criteria.currentRow())
                if self.criteria.currentRow() >= 0
                else None
            )
        )
        crit_buttons.addWidget(add_c)
        crit_buttons.addWidget(del_c)
        crit_buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Question"), self.title_edit)
        form.addRow(self.tr("Method"), self.method_combo)
        form.addRow(self.tr("Agenda item"), self.item_combo)
        options_box = QVBoxLayout()
        options_box.addWidget(self.options_list)
        options_box.addLayout(free_row)
        form.addRow(self.tr("Options"), options_box)
        form.addRow("", self.anonymous)
        form.addRow("", self.hide_results)
        self.dots_label = QLabel(self.tr("Dots per voter"), self)
        self.cap_label = QLabel(self.tr("At most per option"), self)
        form.addRow(self.dots_label, self.dots)
        form.addRow(self.cap_label, self.cap)
        form.addRow("", self.complete)
        self.criteria_label = QLabel(self.tr("Criteria"), self)
        crit_box = QVBoxLayout()
        crit_box.addWidget(self.criteria)
        crit_box.addLayout(crit_buttons)
        self.criteria_widget = QWidget(self)
        self.criteria_widget.setLayout(crit_box)
        form.addRow(self.criteria_label, self.criteria_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.method_combo.currentIndexChanged.connect(self._on_method)
        self._on_method()
        self.resize(620, 640)

    def _add_free(self, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, None)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked)
        self.options_list.addItem(item)

    def _on_add_free(self) -> None:
        text = self.free_edit.text().strip()
        if text:
            self._add_free(text)
            self.free_edit.clear()

    def _add_criterion(self, c: Criterion) -> None:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        self.criteria.setItem(row, 0, QTableWidgetItem(c.name))
        lo, hi = QSpinBox(self), QSpinBox(self)
        lo.setRange(0, 100)
        hi.setRange(1, 100)
        lo.setValue(c.scale_min)
        hi.setValue(c.scale_max)
        weight = QDoubleSpinBox(self)
        weight.setRange(0.1, 100)
        weight.setDecimals(1)
        weight.setValue(c.weight)
        self.criteria.setCellWidget(row, 1, lo)
        self.criteria.setCellWidget(row, 2, hi)
        self.criteria.setCellWidget(row, 3, weight)

    def _on_method(self) -> None:
        method = Method(self.method_combo.currentData())
        for w in (self.dots, self.dots_label, self.cap, self.cap_label):
            w.setVisible(method is Method.DOT)
        self.complete.setVisible(method in (Method.RANKED, Method.SCORE))
        self.criteria_label.setVisible(method is Method.SCORE)
        self.criteria_widget.setVisible(method is Method.SCORE)

    def settings(self) -> PollSettings:
        options: list[tuple[str, int | None]] = []
        for i in range(self.options_list.count()):
            item = self.options_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                options.append((item.text(), item.data(Qt.ItemDataRole.UserRole)))
        criteria = []
        for row in range(self.criteria.rowCount()):
            name_item = self.criteria.item(row, 0)
            lo = self.criteria.cellWidget(row, 1)
            hi = self.criteria.cellWidget(row, 2)
            weight = self.criteria.cellWidget(row, 3)
            assert isinstance(lo, QSpinBox) and isinstance(hi, QSpinBox)
            assert isinstance(weight, QDoubleSpinBox)
            criteria.append(
                Criterion(
                    name_item.text() if name_item else "", lo.value(), hi.value(), weight.value()
                )
            )
        return PollSettings(
            title=self.title_edit.text(),
            method=Method(self.method_combo.currentData()),
            options=tuple(options),
            agenda_item_id=self.item_combo.currentData(),
            anonymous=self.anonymous.isChecked(),
            hide_results=self.hide_results.isChecked(),
            dots_per_voter=self.dots.value(),
            max_per_option=self.cap.value() or None,
            require_complete=self.complete.isChecked(),
            criteria=tuple(criteria),
        )

    @classmethod
    def ask(
        cls, org: OrganiseService, settings: PollSettings, parent: QWidget | None = None
    ) -> PollSettings | None:
        dialog = cls(org, settings, parent)
        return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None
