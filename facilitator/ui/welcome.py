"""The welcome screen shown when no workshop is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomeScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomeScreen")
        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        for b in (self.new_button, self.open_button, self.demo_button):
            b.setMinimumHeight(40)
            b.setMinimumWidth(220)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent_label = QLabel()
        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_list.setMinimumWidth(420)
        self.recent_list.setSpacing(4)
        self.empty_label = QLabel()
        self.empty_label.setEnabled(False)

        buttons = QVBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(self.recent_label)
        recent.addWidget(self.recent_list, 1)
        recent.addWidget(self.empty_label)
        recent.addStretch(0)
        body = QHBoxLayout()
        body.addLayout(buttons)
        body.addSpacing(32)
        body.addLayout(recent, 1)
        inner = QWidget()
        inner.setMaximumWidth(900)
        v = QVBoxLayout(inner)
        v.addWidget(self.title)
        v.addWidget(self.subtitle)
        v.addSpacing(24)
        v.addLayout(body, 1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(inner, 4)
        outer.addStretch(1)
        outer.setContentsMargins(24, 48, 24, 48)
        self._recent: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Facilitator"))
        self.subtitle.setText(
            self.tr(
                "Plan the days, capture notes live, and write the minutes of your workshop. "
                "Everything stays in one file on this computer."
            )
        )
        self.new_button.setText(self.tr("New workshop…"))
        self.open_button.setText(self.tr("Open…"))
        self.demo_button.setText(self.tr("Open the demo workshop"))
        self.recent_label.setText(self.tr("Recent workshops (double-click to open):"))
        self.empty_label.setText(self.tr("No recent workshops yet."))
        self.set_recent(self._recent)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_recent(self, files: list[str]) -> None:
        self._recent = list(files)
        self.recent_list.clear()
        for f in files:
            path = Path(f)
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, f)
            item.setToolTip(f)
            if not path.exists():
                item.setText(f"{path.name}\n{path.parent} — " + self.tr("missing"))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(files))
        self.empty_label.setVisible(not files)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
