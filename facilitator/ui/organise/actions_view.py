"""Action items: who does what by when. A table; new/edit/delete through operations."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui import actions as hotkeys
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.organise.base import OrganiseBase
from facilitator.ui.organise.dialogs import ActionDialog
from facilitator.ui.organise.models import ActionsModel


class ActionsView(OrganiseBase):
    shows = frozenset({Kind.ACTION, Kind.PARTICIPANT})  # text, owner, due date, status

    def apply_changes(self, changes: Changes) -> None:
        """Edited actions are one row read and redrawn each; the rest reloads the list."""
        edited = changes.updated_ids(Kind.ACTION)
        only_edits = changes.kinds() == {Kind.ACTION} and edited == changes.ids(Kind.ACTION)
        if only_edits and all(self.model.replace(self.service.action(a)) for a in sorted(edited)):
            self._update_buttons()
            self._update_overdue()
            return
        self.reload()

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
    ) -> None:
        super().__init__(service, undo_stack, parent, document=document)
        self.model = ActionsModel(self.org, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (ActionsModel.OWNER, ActionsModel.DUE, ActionsModel.STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.btn_new = QPushButton(self)
        self.btn_new.clicked.connect(self.new_action)
        self.btn_edit = QPushButton(self)
        self.btn_edit.clicked.connect(self.edit_selected)
        self.btn_delete = QPushButton(self)
        self.btn_delete.clicked.connect(self.delete_selected)
        self.only_overdue = QCheckBox(self)
        self.only_overdue.toggled.connect(self._filter_overdue)
        hotkeys.screen_action(
            self.table, hotkeys.DELETE, self.delete_selected, only_this_widget=True
        )
        row = QHBoxLayout()
        row.addWidget(self.title)
        row.addSpacing(16)
        row.addWidget(self.only_overdue)
        row.addStretch(1)
        for b in (self.btn_new, self.btn_edit, self.btn_delete):
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Action items"))
        self.btn_new.setText(self.tr("New action…"))
        self.btn_edit.setText(self.tr("Edit…"))
        self.btn_delete.setText(self.tr("Delete"))
        self._update_overdue()
        self.refresh_later()

    def reload(self) -> None:
        selected = self.selected_id()
        self.model.reload()
        if selected is not None:
            self.select(selected)
        self._update_buttons()
        self._update_overdue()

    def _filter_overdue(self, only: bool) -> None:
        self.model.set_only_overdue(only)
        self._update_buttons()

    def _update_overdue(self) -> None:
        """The filter box says how many actions are overdue (highlighted in red)."""
        self.only_overdue.setText(
            self.tr("Only overdue (%1)").replace("%1", str(self.model.overdue_count()))
        )

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.action(rows[0].row()).id if rows else None

    def select(self, action_id: int) -> None:
        row = self.model.row_of(action_id)
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _update_buttons(self, *args: object) -> None:
        has = self.selected_id() is not None
        self.btn_edit.setEnabled(has)
        self.btn_delete.setEnabled(has)

    def new_action(self) -> None:
        values = ActionDialog.ask(self.org, parent=self)
        if values is None:
            return
        cmd = ops.AddAction(
            values.text,
            owner_id=values.owner_id,
            due_date=values.due_date,
            status=values.status,
        )
        if self.run(cmd):
            self.reload()
            assert cmd.action_id is not None
            self.select(cmd.action_id)

    def edit_selected(self) -> None:
        action_id = self.selected_id()
        if action_id is None:
            return
        values = ActionDialog.ask(self.org, self.service.action(action_id), parent=self)
        if values is not None and self.run(
            ops.EditAction(action_id, values.text, values.owner_id, values.due_date, values.status)
        ):
            self.reload()

    def delete_selected(self) -> None:
        action_id = self.selected_id()
        if action_id is not None and self.run(ops.DeleteAction(action_id)):
            self.reload()
