"""The presenter window for the projector: title, current item, big timer, a question.

Deliberately high contrast (light text on black) whatever the desktop theme: it is
read from the back of a room. Font sizes follow the window's height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.domain import model as m
from facilitator.ui.live.timer import STATE_COLOURS, TimerState

BACKGROUND = "#000000"
FOREGROUND = "#ffffff"
MUTED = "#c8c8c8"


class PresenterWindow(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("PresenterWindow")
        self.setStyleSheet(f"QWidget#PresenterWindow {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title_label = QLabel()
        self.item_label = QLabel()
        self.meta_label = QLabel()
        self.timer_label = QLabel("--:--")
        self.question_label = QLabel()
        for label in (self.title_label, self.item_label, self.meta_label, self.question_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results: QWidget | None = None
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.title_label)
        layout.addStretch(1)
        layout.addWidget(self.item_label)
        layout.addWidget(self.meta_label)
        layout.addStretch(1)
        layout.addWidget(self.timer_label)
        layout.addStretch(1)
        layout.addWidget(self.question_label)
        layout.addStretch(1)
        self.state = TimerState.IDLE
        self._set_colours()
        self.retranslate()
        self.resize(1280, 720)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Facilitator — presenter"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- content ---------------------------------------------------------------------
    def set_workshop_title(self, title: str) -> None:
        self.title_label.setText(title)

    def set_item(self, item: m.AgendaItem | None) -> None:
        if item is None:
            self.item_label.setText("")
            self.meta_label.setText("")
            return
        self.item_label.setText(item.title)
        bits = []
        if item.planned_start and item.planned_end:
            bits.append(
                f"{item.planned_start.strftime('%H:%M')}–{item.planned_end.strftime('%H:%M')}"
            )
        if item.speaker_names:
            bits.append(", ".join(item.speaker_names))
        if item.location:
            bits.append(item.location)
        self.meta_label.setText("  ·  ".join(bits))

    def set_timer(self, text: str, state: str) -> None:
        self.timer_label.setText(text)
        self.state = TimerState(state)
        self._set_colours()

    def set_question(self, text: str) -> None:
        self.question_label.setText(text)
        self.question_label.setVisible(bool(text.strip()))

    def show_results(self, widget: QWidget | None) -> None:
        """Show a poll's results (a widget) in place of the current item; None restores
        the item. The timer stays visible."""
        if self.results is not None:
            self._layout.removeWidget(self.results)
            self.results.hide()
            self.results.setParent(None)
            self.results = None
        showing = widget is not None
        self.item_label.setVisible(not showing)
        self.meta_label.setVisible(not showing)
        if widget is None:
            return
        palette = widget.palette()
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, QColor(FOREGROUND))
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(QPalette.ColorRole.Base, QColor(BACKGROUND))
        widget.setPalette(palette)
        for label in widget.findChildren(QLabel):
            label.setStyleSheet(f"color: {FOREGROUND};")
        self.results = widget
        self._layout.insertWidget(self._layout.indexOf(self.meta_label) + 1, widget, 4)
        widget.show()

    def show_board(self, board: QWidget | None) -> None:
        """The theme board (``ui/organise/board_projector.py``, a ``BoardProjector``) in
        place of the current item and the timer, like a poll's results; None (or anything
        else shown in its place: its ``removed`` signal) brings the timer back."""
        self.show_results(board)
        self.timer_label.setVisible(board is None)
        if board is not None:
            self._layout.setStretchFactor(board, 40)  # nearly all the height
            board.removed.connect(self.timer_label.show)  # type: ignore[attr-defined]

    def _set_colours(self) -> None:
        timer = STATE_COLOURS.get(self.state) or FOREGROUND
        if self.state is TimerState.NORMAL:
            timer = "#7CFC7C"  # a brighter green reads better on black
        elif self.state is TimerState.WARNING:
            timer = "#FFC400"
        elif self.state in (TimerState.URGENT, TimerState.OVERTIME):
            timer = "#FF5252"
        self.title_label.setStyleSheet(f"color: {MUTED};")
        self.item_label.setStyleSheet(f"color: {FOREGROUND};")
        self.meta_label.setStyleSheet(f"color: {MUTED};")
        self.timer_label.setStyleSheet(f"color: {timer};")
        self.question_label.setStyleSheet(
            f"color: {FOREGROUND}; border: 3px solid {MUTED}; border-radius: 12px; padding: 16px;"
        )

    # --- sizes ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        w = max(400, self.width())

        def font(px: float, bold: bool = False, mono: bool = False) -> QFont:
            f = QFont()
            if mono:
                f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
                f.setStyleHint(QFont.StyleHint.Monospace)
            f.setPixelSize(max(10, int(px)))
            f.setBold(bold)
            return f

        self.title_label.setFont(font(min(h * 0.04, w * 0.028)))
        self.item_label.setFont(font(min(h * 0.075, w * 0.045), bold=True))
        self.meta_label.setFont(font(min(h * 0.04, w * 0.026)))
        self.timer_label.setFont(font(min(h * 0.26, w * 0.17), bold=True, mono=True))
        self.question_label.setFont(font(min(h * 0.055, w * 0.035), bold=True))

    # --- placement ------------------------------------------------------------------
    @staticmethod
    def choose_screen(name: str) -> QScreen | None:
        screens = QGuiApplication.screens()
        for screen in screens:
            if screen.name() == name:
                return screen
        # Default: a screen other than the primary one (the projector), else the primary.
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        return others[-1] if others else primary

    def show_on(self, screen_name: str) -> None:
        screen = self.choose_screen(screen_name)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
