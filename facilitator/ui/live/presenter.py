"""The presenter window for the projector: one thing at a time, chosen by the
facilitator (:class:`Mode`): the timer (running item, or the selected one marked
"next"), the question for the room, a poll's results (the whole screen), the join
screen of the room, or nothing (blank).

Deliberately high contrast (light text on black) whatever the desktop theme: it is
read from the back of a room. Font sizes follow the window's height. The words the
room reads are in the workshop's language (:mod:`facilitator.ui.live.audience`).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QPixmap,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from facilitator.domain import model as m
from facilitator.domain.organise import Poll
from facilitator.domain.voting import PollResult
from facilitator.ui.live import audience
from facilitator.ui.live.projector_results import IdeaWall, ProjectorResults
from facilitator.ui.live.timer import STATE_COLOURS, TimerState

BACKGROUND = "#000000"
FOREGROUND = "#ffffff"
MUTED = "#c8c8c8"
# The timer's traffic light, brighter than the window's so it reads on black.
TIMER_ON_BLACK = {
    TimerState.NORMAL: "#7CFC7C",
    TimerState.WARNING: "#FFC400",
    TimerState.URGENT: "#FF5252",
    TimerState.OVERTIME: "#FF5252",
}


class Mode(StrEnum):
    TIMER = "timer"
    QUESTION = "question"
    RESULTS = "results"
    JOIN = "join"
    IDEAS = "ideas"  # the room's accepted ideas, most upvoted first
    BLANK = "blank"
    PICTURE = "picture"  # a picture of the workshop given by its screen (the theme board)


def _font(px: float, bold: bool = False, mono: bool = False) -> QFont:
    f = QFont()
    if mono:
        f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        f.setStyleHint(QFont.StyleHint.Monospace)
    f.setPixelSize(max(10, int(px)))
    f.setBold(bold)
    return f


def _label(colour: str = FOREGROUND, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    return label


class JoinPanel(QWidget):
    """The room's join screen: QR code of the join URL, the URL, the code, the advice,
    and optionally a Wi-Fi QR code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _label()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_label = _label()
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_caption = _label(MUTED)
        self.code_label = _label()
        self.advice_label = _label(MUTED)
        self.wifi_qr = QLabel()
        self.wifi_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wifi_label = _label(MUTED)
        self._qr_png = b""
        self._wifi_png = b""
        text = QVBoxLayout()
        text.addStretch(1)
        for w in (self.heading, self.url_label, self.code_caption, self.code_label):
            text.addWidget(w)
        text.addSpacing(16)
        text.addWidget(self.advice_label)
        text.addStretch(1)
        wifi = QVBoxLayout()
        wifi.addStretch(1)
        wifi.addWidget(self.wifi_qr)
        wifi.addWidget(self.wifi_label)
        wifi.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.qr, 3)
        row.addLayout(text, 4)
        row.addLayout(wifi, 2)

    def set_screen(
        self,
        language: str,
        url: str = "",
        code: str = "",
        advice: str = "",
        qr_png: bytes = b"",
        wifi_ssid: str = "",
        wifi_png: bytes = b"",
    ) -> None:
        opened = bool(url)
        self.heading.setText(audience.text("join.title" if opened else "join.none", language))
        self.url_label.setText(url)
        self.code_caption.setText(audience.text("join.code", language) if opened else "")
        self.code_label.setText(" ".join(code))
        self.advice_label.setText(advice)
        self.wifi_label.setText(
            audience.text("join.wifi", language, ssid=wifi_ssid) if wifi_ssid else ""
        )
        self._qr_png, self._wifi_png = qr_png, wifi_png
        self._place_images()

    def _place_images(self) -> None:
        side = int(min(self.height() * 0.8, self.width() * 0.3))
        for label, data, size in (
            (self.qr, self._qr_png, side),
            (self.wifi_qr, self._wifi_png, side // 2),
        ):
            if not data:
                label.clear()
                label.hide()
                continue
            pix = QPixmap()
            pix.loadFromData(data)
            label.setPixmap(
                pix.scaled(
                    max(40, size),
                    max(40, size),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.FastTransformation,  # QR modules stay sharp
                )
            )
            label.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h, w = max(300, self.height()), max(400, self.width())
        self.heading.setFont(_font(min(h * 0.07, w * 0.035), bold=True))
        self.url_label.setFont(_font(min(h * 0.055, w * 0.024), bold=True, mono=True))
        self.code_caption.setFont(_font(min(h * 0.04, w * 0.022)))
        self.code_label.setFont(_font(min(h * 0.14, w * 0.06), bold=True, mono=True))
        self.advice_label.setFont(_font(min(h * 0.04, w * 0.022)))
        self.wifi_label.setFont(_font(min(h * 0.035, w * 0.02)))
        self._place_images()


class PresenterWindow(QWidget):
    closed = Signal()
    mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("PresenterWindow")
        self.setStyleSheet(f"QWidget#PresenterWindow {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.language = "it"  # the workshop's: what the room reads
        self.mode = Mode.TIMER
        self.item_running = False
        self.question = ""
        self.clock = lambda: dt.datetime.now().astimezone()

        self.title_label = _label(MUTED)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.clock_label = _label(MUTED, wrap=False)
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.clock_label)

        # The timer page: item (or "next"), its times, the countdown, the question.
        self.next_label = _label(MUTED)
        self.item_label = _label()
        self.meta_label = _label(MUTED)
        self.timer_label = _label(wrap=False)
        self.timer_label.setText("--:--")
        self.question_label = _label()
        timer_page = QWidget()
        tv = QVBoxLayout(timer_page)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addStretch(1)
        tv.addWidget(self.next_label)
        tv.addWidget(self.item_label)
        tv.addWidget(self.meta_label)
        tv.addStretch(1)
        tv.addWidget(self.timer_label)
        tv.addStretch(1)
        tv.addWidget(self.question_label)
        tv.addStretch(1)

        self.big_question = _label()
        question_page = QWidget()
        qv = QVBoxLayout(question_page)
        qv.addStretch(1)
        qv.addWidget(self.big_question)
        qv.addStretch(1)

        self.results = ProjectorResults()
        self.join = JoinPanel()
        self.wall = IdeaWall()
        blank = QWidget()

        self.pages = QStackedWidget()
        self._page = {
            Mode.TIMER: timer_page,
            Mode.QUESTION: question_page,
            Mode.RESULTS: self.results,
            Mode.JOIN: self.join,
            Mode.IDEAS: self.wall,
            Mode.BLANK: blank,
        }
        for page in self._page.values():
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(32, 16, 32, 24)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self.state = TimerState.IDLE
        self._set_colours()
        self.clock_tick = QTimer(self)
        self.clock_tick.setInterval(10_000)
        self.clock_tick.timeout.connect(self._update_clock)
        self.clock_tick.start()
        self._update_clock()
        self.join.set_screen(self.language)
        self.set_question("")  # no empty box until there is a question
        self.retranslate()
        self.resize(1280, 720)
        self.set_mode(Mode.TIMER)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Facilitator — presenter"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what is shown ----------------------------------------------------------------
    def set_mode(self, mode: Mode | str) -> None:
        """Show one page: the timer, the question, the results, the join code or nothing."""
        self.mode = Mode(mode)
        if self.mode not in self._page:  # no picture given: the timer
            self.mode = Mode.TIMER
        self.pages.setCurrentWidget(self._page[self.mode])
        blank = self.mode is Mode.BLANK
        self.title_label.setVisible(not blank and self.mode is not Mode.RESULTS)
        # The time of day, small, in a corner: on every page but the timer's and blank.
        self.clock_label.setVisible(
            self.mode in (Mode.RESULTS, Mode.QUESTION, Mode.JOIN, Mode.IDEAS, Mode.PICTURE)
        )
        self.mode_changed.emit(self.mode.value)

    def set_language(self, language: str) -> None:
        self.language = language if language in ("it", "en") else "en"
        self.results.language = self.language
        self._update_next()

    def set_workshop_title(self, title: str) -> None:
        self.title_label.setText(title)

    def set_item(self, item: m.AgendaItem | None, running: bool = False) -> None:
        """The item the room sees: the running one, or (``running`` False) the one
        selected, marked "next"."""
        self.item_running = running
        if item is None:
            self.item_label.setText("")
            self.meta_label.setText("")
            self._update_next(False)
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
        self._update_next(not running)

    def _update_next(self, show: bool | None = None) -> None:
        if show is None:
            show = bool(self.item_label.text()) and not self.item_running
        self.next_label.setText(audience.text("next", self.language) if show else "")
        self.next_label.setVisible(show)

    def set_timer(self, text: str, state: str) -> None:
        self.timer_label.setText(text)
        self.state = TimerState(state)
        self._set_colours()

    def set_question(self, text: str) -> None:
        self.question = text.strip()
        self.question_label.setText(self.question)
        self.question_label.setVisible(bool(self.question))
        self.big_question.setText(self.question)
        self.wall.heading = self.question
        self.wall.update()

    def set_results(self, poll: Poll | None, result: PollResult | None, visible: bool) -> None:
        self.results.set_result(poll, result, visible, self.language)

    def set_ideas(self, ideas: list[tuple[int, str]]) -> None:
        """(upvotes, text) of the accepted ideas, most upvoted first."""
        self.wall.set_ideas(self.question, ideas, self.language)

    def set_join(
        self,
        url: str = "",
        code: str = "",
        advice: str = "",
        qr_png: bytes = b"",
        wifi_ssid: str = "",
        wifi_png: bytes = b"",
    ) -> None:
        self.join.set_screen(self.language, url, code, advice, qr_png, wifi_ssid, wifi_png)

    def _update_clock(self) -> None:
        self.clock_label.setText(self.clock().strftime("%H:%M"))

    def show_board(self, board: QWidget | None) -> None:
        """A picture of the workshop (``ui/organise/board_projector.py``'s
        ``BoardProjector``, the map's ``ProjectorMap``) as a page of its own, the whole
        screen under the title; None takes it away (the window does so when the workshop
        closes) and brings the timer back."""
        old = self._page.pop(Mode.PICTURE, None)
        if old is not None and old is not board:
            self.pages.removeWidget(old)
            old.deleteLater()
        if board is None:
            if self.mode is Mode.PICTURE:
                self.set_mode(Mode.TIMER)
            return
        self._page[Mode.PICTURE] = board
        if self.pages.indexOf(board) < 0:
            self.pages.addWidget(board)
        self.set_mode(Mode.PICTURE)

    @property
    def picture(self) -> QWidget | None:
        """The picture given by :meth:`show_board`, if any."""
        return self._page.get(Mode.PICTURE)

    def _set_colours(self) -> None:
        timer = TIMER_ON_BLACK.get(self.state) or STATE_COLOURS.get(self.state) or FOREGROUND
        self.timer_label.setStyleSheet(f"color: {timer}; background: transparent;")
        self.question_label.setStyleSheet(
            f"color: {FOREGROUND}; border: 3px solid {MUTED}; border-radius: 12px; padding: 16px;"
        )

    def text_colours(self) -> list[str]:
        """Every colour text is drawn in on this window (for the contrast test)."""
        from facilitator.ui.live import projector_results as pr

        return [FOREGROUND, MUTED, *TIMER_ON_BLACK.values(), pr.WINNER.name()]

    # --- sizes ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = max(300, self.height())
        w = max(400, self.width())
        self.title_label.setFont(_font(min(h * 0.035, w * 0.024)))
        self.clock_label.setFont(_font(min(h * 0.03, w * 0.02)))
        self.next_label.setFont(_font(min(h * 0.045, w * 0.03), bold=True))
        self.item_label.setFont(_font(min(h * 0.075, w * 0.045), bold=True))
        self.meta_label.setFont(_font(min(h * 0.04, w * 0.026)))
        self.timer_label.setFont(_font(min(h * 0.26, w * 0.17), bold=True, mono=True))
        self.question_label.setFont(_font(min(h * 0.05, w * 0.032), bold=True))
        self.big_question.setFont(_font(min(h * 0.09, w * 0.055), bold=True))

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
