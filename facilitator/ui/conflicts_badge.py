"""The window's side of reviewing conflicts: the status bar's count, *File › Review
conflicts…*, and the screen (``ui/conflicts.py``), loaded the first time it opens so that
the window's start does not pay for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.errors import FacilitatorError
from facilitator.services.conflicts import ConflictsService
from facilitator.services.operations import Changes, Kind

if TYPE_CHECKING:
    from facilitator.ui.conflicts import ConflictReview
    from facilitator.ui.document import WorkshopDocument


class ConflictsController(QObject):
    """The window's side: the status bar's count, the menu action, the screen."""

    def __init__(self, window: QMainWindow, document_changed: object, action: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = action
        self.doc: WorkshopDocument | None = None
        self.screen: ConflictReview | None = None  # built when first opened
        self.badge = QLabel()
        self.badge.setObjectName("conflictsBadge")
        self.badge.setStyleSheet(
            "QLabel#conflictsBadge { color: #b26a00; font-weight: bold; padding: 1px 8px; }"
        )
        self.badge.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.badge.linkActivated.connect(lambda _link: self.open_review())
        window.statusBar().addPermanentWidget(self.badge)
        self.badge.hide()
        action.triggered.connect(self.open_review)
        action.setEnabled(False)
        window.installEventFilter(self)  # a language switch: the count says it anew
        document_changed.connect(self.set_document)  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        return False

    def set_document(self, doc: WorkshopDocument | None) -> None:
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
        self.doc = doc
        self.action.setEnabled(doc is not None and not doc.read_only)
        if doc is not None:
            doc.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Kind.CONFLICT):  # not every note: the capture path stays short
            self.refresh()

    def count(self) -> int:
        if self.doc is None:
            return 0
        try:
            return ConflictsService(self.doc.service).count()
        except FacilitatorError:
            return 0

    def refresh(self) -> None:
        n = self.count()
        if n == 0:
            self.badge.hide()
            return
        text = (
            QCoreApplication.translate("ConflictReview", "1 conflict to review")
            if n == 1
            else QCoreApplication.translate("ConflictReview", "%1 conflicts to review")
        )
        self.badge.setText(f'⚠ <a href="review">{text.replace("%1", str(n))}</a>')
        self.badge.setToolTip(
            QCoreApplication.translate(
                "ConflictReview", "Notes changed on two laptops: click to review them"
            )
        )
        self.badge.show()

    def open_review(self) -> ConflictReview | None:
        if self.doc is None or self.doc.read_only:
            return None
        if self.screen is None:
            from facilitator.ui.conflicts import ConflictReview

            self.screen = ConflictReview(self.doc, self.window)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        return self.screen

    def offer_after_merge(self) -> ConflictReview | None:
        """After a merge: if it left conflicts to decide, offer the screen."""
        n = self.count()
        if n == 0:
            return None
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("ConflictReview", "Review conflicts"),
            QCoreApplication.translate(
                "ConflictReview",
                "%1 conflicts wait for your decision (notes changed on both laptops, "
                "polls closed on one). Review them now?",
            ).replace("%1", str(n)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.open_review()
