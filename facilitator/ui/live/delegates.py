"""Painting and editing of the notes table: category chips and multi-line text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from facilitator.ui.contrast import text_colour_on
from facilitator.ui.live.notes_model import CategoryColourRole, NotesModel

Index = QModelIndex | QPersistentModelIndex


def chip_style(colour: str | None) -> str:
    """Stylesheet of a category chip (the only hard-coded colours with timer states)."""
    if not colour:
        return "border: 1px solid palette(mid); border-radius: 9px; padding: 2px 10px;"
    fg = text_colour_on(QColor(colour)).name()
    return (
        f"background-color: {colour}; color: {fg}; border: none; "
        "border-radius: 9px; padding: 2px 10px; font-weight: bold;"
    )


class CategoryDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        colour = index.data(CategoryColourRole)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        # Background (selection) as the style draws it, then the chip.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = opt.icon.__class__()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not text or colour is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(option.font)
        metrics = option.fontMetrics
        width = min(option.rect.width() - 6, metrics.horizontalAdvance(text) + 22)
        height = min(option.rect.height() - 4, metrics.height() + 4)
        top = option.rect.top() + (option.rect.height() - height) // 2
        rect = QRect(option.rect.left() + 3, top, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(text_colour_on(colour))
        painter.drawText(
            rect.adjusted(7, 0, -7, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - 14),
        )
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        model = index.model()
        combo.addItem(self.tr("(no category)"), 0)
        if isinstance(model, NotesModel):
            for cat in sorted(model._categories.values(), key=lambda c: c.position):
                if model.doc is not None and cat.id in {
                    c.id for c in model.doc.service.categories()
                }:
                    combo.addItem(cat.name, cat.id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        pos = editor.findData(index.data(Qt.ItemDataRole.EditRole) or 0)
        editor.setCurrentIndex(max(0, pos))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class NoteTextDelegate(QStyledItemDelegate):
    """Edits a note in a multi-line box: Enter saves, Shift+Enter is a new line, Esc cancels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.installEventFilter(self)
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        # An edit pane the size of the (wrapped) note plus two lines, never a giant box:
        # kept inside the list, so it covers at most what is below the note.
        rect = QRect(option.rect)
        lines = option.fontMetrics.lineSpacing()
        rect.setHeight(max(rect.height() + 2 * lines, 72))
        parent = editor.parentWidget()
        if parent is not None and rect.bottom() > parent.height():
            rect.moveBottom(max(parent.height(), rect.height()))
        editor.setGeometry(rect)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            isinstance(obj, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(obj, event)
