"""The theme board on the projector: the laptop's board, large, in the presenter window.

It is a second view of the same scene, so the room sees every drag as it happens. It
shows what the laptop's board shows (the same part of the board, scaled to the
projector): zoom in on the laptop to make the cards larger for the room. It takes no
input; high contrast (light cards on black), like the rest of the presenter window.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from facilitator.ui.organise.board import BoardView

BACKGROUND = "#000000"


class BoardProjector(QGraphicsView):
    def __init__(self, board: BoardView, parent: QWidget | None = None) -> None:
        super().__init__(board.scene, parent)
        self.board = board
        self.setObjectName("BoardProjector")
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QBrush(QColor(BACKGROUND)))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        board.canvas.zoomed.connect(self.follow)

    def shown_rect(self) -> QRectF:
        """The part of the board the room sees."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def follow(self) -> None:
        """Show what the laptop's board shows."""
        rect = self.board.canvas.visible_scene_rect()
        if rect.isValid() and not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.follow()
