"""The capture box: where a note-taker types all day.

Keys (also shown in the box's tooltip):
- Enter commits the note; Shift+Enter starts a new line.
- Ctrl+1 … Ctrl+9 choose the n-th category; Ctrl+0 clears the category.
- A category's shortcut letter followed by ":" or "/" at the very start
  (``s: testo`` or ``s/testo``) chooses that category and the prefix disappears.
- Ctrl+Z undoes typing while there is typing to undo; then it undoes the last note.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

PREFIX = re.compile(r"^([A-Za-z])[:/] ?")


class CaptureBox(QPlainTextEdit):
    commit_requested = Signal()
    category_index_requested = Signal(int)  # 0-based index, -1 = none
    category_shortcut_typed = Signal(str)  # the letter of a "s:" prefix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.shortcut_letters: set[str] = set()
        self.textChanged.connect(self._check_prefix)

    def sizeHint(self) -> QSize:
        """Three lines: the notes list above gets the room; the splitter can give more."""
        hint = super().sizeHint()
        lines = self.fontMetrics().lineSpacing() * 3
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        return QSize(hint.width(), lines + frame + 4)

    # --- keys --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
                return
            if not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self.commit_requested.emit()
                return
        if mods & Qt.KeyboardModifier.ControlModifier and not mods & (
            Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self.category_index_requested.emit(key - Qt.Key.Key_1)
                return
            if key == Qt.Key.Key_0:
                self.category_index_requested.emit(-1)
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Let the window's Undo/Redo (the notes) win when the box is empty and has nothing
        # to undo: text in the box (a restored draft, say) never lets Ctrl+Z reach a note.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if (
                event.matches(QKeySequence.StandardKey.Undo)
                and not self.document().isUndoAvailable()
                and not self.toPlainText()
            ):
                event.ignore()
                return False
            if (
                event.matches(QKeySequence.StandardKey.Redo)
                or (
                    event.key() == Qt.Key.Key_Z
                    and event.modifiers()
                    == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
                )
            ) and not self.document().isRedoAvailable():
                event.ignore()
                return False
        return super().event(event)

    # --- "s:" prefix -------------------------------------------------------------------
    def _check_prefix(self) -> None:
        text = self.toPlainText()
        if len(text) < 2 or text[1] not in ":/":
            return
        match = PREFIX.match(text)
        if not match or match.group(1).lower() not in self.shortcut_letters:
            return
        cursor = self.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(match.end(), cursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self.category_shortcut_typed.emit(match.group(1).lower())
