"""*File › Join a room…*: a note-taker types the room's address and the note-takers' code
(from the facilitator's screen), their name and where to keep the linked copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.errors import ValidationError
from facilitator.room.client import hub_url


@dataclass(frozen=True)
class JoinValues:
    address: str
    code: str
    name: str
    path: Path


class JoinDialog(QDialog):
    def __init__(self, name: str = "", folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a room"))
        self.folder = folder or Path.home()
        self.intro = QLabel(
            self.tr(
                "Type the address and the note-takers' code shown on the facilitator's "
                "screen. Your notes are saved on this laptop first, then sent to the room."
            )
        )
        self.intro.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setPlaceholderText("192.168.1.20:8765")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD2345")
        self.name = QLineEdit(name)
        self.file = QLineEdit(str(self.folder / self.tr("linked copy.workshop")))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.error = QLabel()
        self.error.setStyleSheet("color: #d32f2f;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Room address:"), self.address)
        form.addRow(self.tr("Note-takers' code:"), self.code)
        form.addRow(self.tr("Your name:"), self.name)
        form.addRow(self.tr("Keep the copy in:"), row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Keep the linked copy in"), self.file.text(), "*.workshop"
        )
        if chosen:
            self.file.setText(chosen if chosen.endswith(".workshop") else chosen + ".workshop")

    def check(self) -> str:
        """The first problem with what was typed, or ''."""
        try:
            hub_url(self.address.text())
        except ValidationError:
            return self.tr("Type the room's address, for example 192.168.1.20:8765.")
        if not self.code.text().strip():
            return self.tr("Type the note-takers' code shown on the facilitator's screen.")
        if not self.name.text().strip():
            return self.tr("Type your name: it is shown with your notes.")
        path = Path(self.file.text().strip())
        if not path.name:
            return self.tr("Choose where to keep the copy.")
        if path.exists():
            return self.tr("That file already exists: choose another name.")
        if not path.parent.is_dir():
            return self.tr("That folder does not exist.")
        return ""

    def accept(self) -> None:
        problem = self.check()
        if problem:
            self.error.setText(problem)
            return
        super().accept()

    def values(self) -> JoinValues:
        return JoinValues(
            address=self.address.text().strip(),
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            path=Path(self.file.text().strip()),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str = "", folder: Path | None = None
    ) -> JoinValues | None:
        dialog = cls(name, folder, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
