"""Private kiosk: the laptop is passed around the room, one voter at a time.

Full screen on the laptop's screen; the ballot is a fresh editor for every voter
(nothing of earlier ballots is kept on screen); "Cast my vote" stores the ballot and
shows a thank-you page until the next person presses "Next voter". What voters read is
in the workshop's language. Leaving needs the facilitator: their PIN, if one was set
when the kiosk started, else a confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.voting import CastMode, PollState
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.organise import OrganiseService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.organise.ballot import BallotEditor
from facilitator.ui.workshop_language import participant_text

# What voters read, in the workshop's language (translated with its translator).
CAST: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Cast my vote"
)
THANKS: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Thank you, your vote is saved.\nPlease pass the laptop to the next person."
)
NEXT: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Next voter"
)
YOUR_BALLOT: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Your ballot"
)
CLOSED: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Voting has closed: no more ballots can be cast."
)
LEAVE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "kiosk", "Facilitator: leave the kiosk"
)


def ask_pin(parent: QWidget | None) -> str | None:
    """The facilitator types the kiosk's PIN to leave. Tests monkeypatch this."""
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("organise", "Leave the kiosk"),
        QCoreApplication.translate("organise", "Facilitator's PIN:"),
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def wrong_pin(parent: QWidget | None) -> None:
    """Say the PIN was wrong. Tests monkeypatch this."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("organise", "Leave the kiosk"),
        QCoreApplication.translate("organise", "Wrong PIN: the kiosk stays open."),
    )


def confirm_leave(parent: QWidget | None) -> bool:
    """Ask the facilitator to confirm leaving the kiosk. Tests monkeypatch this."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("organise", "Leave the kiosk?"),
        QCoreApplication.translate(
            "organise",
            "Only the facilitator should leave the kiosk. Leave it and go back to the poll?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class KioskWindow(QWidget):
    left = Signal()

    def __init__(
        self,
        doc: WorkshopDocument,
        poll_id: int,
        parent: QWidget | None = None,
        *,
        pin: str = "",
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.doc = doc
        self.pin = pin.strip()  # empty: leaving is confirmed with Yes/No
        self.language = doc.service.workshop().language.value
        self.org = org = OrganiseService(doc.service)
        self.poll_id = poll_id
        self.cast_count = 0
        self._leaving = False
        self.editor: BallotEditor | None = None
        poll = org.poll(poll_id)
        self.setWindowTitle(poll.title)

        base = self.font()
        big = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self.setStyleSheet(f"font-size: {big * 1.6:.0f}pt;")

        self.title = QLabel(poll.title, self)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"font-size: {big * 2.4:.0f}pt; font-weight: bold;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pages = QStackedWidget(self)
        # page 0: the ballot
        self.ballot_page = QWidget(self)
        self.ballot_layout = QVBoxLayout(self.ballot_page)
        self.voter_label = QLabel(self.ballot_page)
        self.voter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ballot_scroll = QScrollArea(self.ballot_page)
        self.ballot_scroll.setWidgetResizable(True)
        self.ballot_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.cast_button = QPushButton(self.text(CAST), self.ballot_page)
        self.cast_button.setDefault(True)
        self.cast_button.setMinimumHeight(60)
        self.cast_button.clicked.connect(self.cast)
        self.ballot_layout.addWidget(self.voter_label)
        self.ballot_layout.addWidget(self.ballot_scroll, 1)
        self.ballot_layout.addWidget(self.cast_button)
        # page 1: thank you, pass the laptop on
        self.thanks_page = QWidget(self)
        thanks = QVBoxLayout(self.thanks_page)
        self.thanks_label = QLabel(self.text(THANKS), self.thanks_page)
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_label.setWordWrap(True)
        self.next_button = QPushButton(self.text(NEXT), self.thanks_page)
        self.next_button.setMinimumHeight(60)
        self.next_button.setMinimumWidth(320)
        self.next_button.clicked.connect(self.next_voter)
        thanks.addStretch(1)
        thanks.addWidget(self.thanks_label)
        thanks.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignCenter)
        thanks.addStretch(1)
        self.pages.addWidget(self.ballot_page)
        self.pages.addWidget(self.thanks_page)

        self.leave_button = QPushButton(self.text(LEAVE), self)
        self.leave_button.setFlat(True)
        self.leave_button.setStyleSheet(f"font-size: {big:.0f}pt;")
        self.leave_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.leave_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        doc.changed.connect(self._on_changed)
        self.next_voter()

    def _on_changed(self, changes: Changes) -> None:
        """The poll was closed or deleted elsewhere (from a phone, another laptop): the
        ballot on screen can no longer be cast, so the kiosk says so and waits for the
        facilitator (who then leaves without being asked)."""
        if self.poll_id not in changes.ids(Kind.POLL) or not self.isVisible():
            return
        gone = self.poll_id in changes.removed_ids(Kind.POLL)
        if gone or self.org.poll(self.poll_id).state is not PollState.OPEN:
            self.voting_closed()

    def voting_closed(self) -> None:
        old = self.ballot_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.editor = None
        self.thanks_label.setText(self.text(CLOSED))
        self.next_button.hide()
        self.pages.setCurrentWidget(self.thanks_page)
        self._leaving = True  # nothing left to vote on: leaving needs no question

    def text(self, source: str) -> str:
        return participant_text(self.language, "kiosk", source)

    def start(self) -> None:
        """Full screen on the screen of the window that opened it (the laptop's), also
        without a window manager (then the geometry is the whole screen)."""
        parent = self.parentWidget()
        host = parent.window() if parent is not None else None
        screen = (host.screen() if host is not None else None) or self.screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def next_voter(self) -> None:
        """A fresh, empty ballot for the next person."""
        old = self.ballot_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.editor = BallotEditor(self.org.poll(self.poll_id), parent=None, language=self.language)
        self.editor.changed.connect(self._update_cast)
        self.ballot_scroll.setWidget(self.editor)
        self.voter_label.setText(self.text(YOUR_BALLOT))
        self.pages.setCurrentWidget(self.ballot_page)
        self._update_cast()
        self.cast_button.setFocus()

    def _update_cast(self) -> None:
        self.cast_button.setEnabled(self.editor is not None and self.editor.is_valid())

    def cast(self) -> None:
        if self.editor is None or not self.editor.is_valid():
            return
        cmd = ops.CastBallot(self.poll_id, self.editor.ballot(), CastMode.KIOSK)
        if not self.doc.run(cmd, parent=self):
            return
        self.cast_count += 1
        old = self.ballot_scroll.takeWidget()  # the ballot leaves the screen at once
        if old is not None:
            old.deleteLater()
        self.editor = None
        self.pages.setCurrentWidget(self.thanks_page)
        self.next_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def facilitator_may_leave(self) -> bool:
        if self.pin:
            typed = ask_pin(self)
            if typed is None:
                return False
            if typed.strip() != self.pin:
                wrong_pin(self)
                return False
            return True
        return confirm_leave(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._leaving or self.facilitator_may_leave():
            self._leaving = True
            event.accept()
            self.left.emit()
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        # LanguageChange: the interface language changed, the workshop's did not; the
        # kiosk keeps the workshop's language.
        super().changeEvent(event)
