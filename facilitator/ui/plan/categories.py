"""Note categories: name, colour, shortcut letter, order; add from a template."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.templates import TEMPLATES
from facilitator.services import operations as ops
from facilitator.ui import actions as hotkeys
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.labels import template_label
from facilitator.ui.plan.models import CategoriesModel


def ask_colour(parent: QWidget, current: str) -> str | None:
    """The colour picker (tests monkeypatch this function)."""
    colour = QColorDialog.getColor(QColor(current), parent)
    return colour.name() if colour.isValid() else None


class CategoriesEditor(QWidget):
    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.svc = doc.service
        self.model = CategoriesModel(self)
        self.model.edit_requested.connect(self._edit)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CategoriesModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)

        self.add_button = QPushButton(self.tr("Add category"))
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add_category)
        self.colour_button.clicked.connect(self.choose_colour)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self.delete_selected)
        hotkeys.screen_action(self, hotkeys.MOVE_UP, lambda: self.move_selected(-1))
        hotkeys.screen_action(self, hotkeys.MOVE_DOWN, lambda: self.move_selected(1))

        self.template_combo = QComboBox()
        for name in TEMPLATES:
            self.template_combo.addItem(template_label(name), name)
        self.template_button = QPushButton(self.tr("Add from template"))
        self.template_button.clicked.connect(self.apply_template)

        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.colour_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(QLabel(self.tr("Template:")))
        buttons.addWidget(self.template_combo)
        buttons.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            self.tr(
                "Double-click a name or a shortcut to change it. In the Live view, Ctrl+1…9 "
                "chooses the category in this order; its shortcut letter works too."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        doc.categories_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        keep = self.selected_id()
        self.model.set_categories(self.svc.categories())
        if keep is not None:
            self.select(keep)
        self.setEnabled(not self.doc.read_only)

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.category_at(index.row()).id if index.isValid() else None

    def select(self, cat_id: int) -> None:
        ids = self.model.ids()
        if cat_id in ids:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(ids.index(cat_id), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _edit(self, cat_id: int, name: str, colour: str, shortcut: str) -> None:
        self.doc.run(ops.EditCategory(cat_id, name, colour, shortcut))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == CategoriesModel.COLOUR:
            self.choose_colour()

    def add_category(self) -> None:
        cmd = ops.AddCategory(self.tr("New category"))
        if self.doc.run(cmd) and cmd.cat_id is not None:
            self.select(cmd.cat_id)
            self.table.edit(self.table.currentIndex())

    def choose_colour(self) -> None:
        cat_id = self.selected_id()
        if cat_id is None:
            return
        c = self.svc.category(cat_id)
        colour = ask_colour(self, c.colour)
        if colour and colour.lower() != c.colour.lower():
            self._edit(cat_id, c.name, colour, c.shortcut)

    def move_selected(self, step: int) -> None:
        cat_id = self.selected_id()
        if cat_id is None:
            return
        ids = self.model.ids()
        row = ids.index(cat_id)
        if not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self.doc.run(ops.ReorderCategories(ids))
        self.select(cat_id)

    def delete_selected(self) -> None:
        cat_id = self.selected_id()
        if cat_id is not None:
            self.doc.run(ops.DeleteCategory(cat_id))

    def apply_template(self) -> None:
        self.doc.run(ops.ApplyTemplate(str(self.template_combo.currentData())))
