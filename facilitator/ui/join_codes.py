"""Join codes in the window: print them (*Print join codes…*, from Plan › Participants,
the room's panel or the Live menu), give one participant a new code (a lost badge),
or new codes to everyone. Each change is an operation run by the document.

The PDF is small (ten badges a page: 200 participants take well under a second), so
it is written on the GUI thread from a data snapshot, through ``services/exporting``
(``.partial`` then rename; never over a database).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.domain.errors import FacilitatorError
from facilitator.services import operations as ops
from facilitator.services.joincodes import JoinCodeService
from facilitator.ui import errors

if TYPE_CHECKING:
    from facilitator.ui.document import WorkshopDocument


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """The save-file chooser (tests monkeypatch this function)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("joincodes", "Print join codes"),
        str(suggested),
        QCoreApplication.translate("joincodes", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def tell(parent: QWidget | None, text: str, open_path: Path | None = None) -> None:
    """An information message, offering to open ``open_path`` (tests monkeypatch this)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("joincodes", "Join codes"))
    box.setText(text)
    open_button = None
    if open_path is not None:
        open_button = box.addButton(
            QCoreApplication.translate("joincodes", "Open PDF"), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if open_path is not None and box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(open_path)))


def confirm(parent: QWidget | None, text: str) -> bool:
    """Ask before something that cannot be taken back lightly (tests monkeypatch this)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("joincodes", "Join codes"), text
    )
    return answer == QMessageBox.StandardButton.Yes


def print_codes(doc: WorkshopDocument, parent: QWidget | None, path: Path | None = None) -> bool:
    """Participants without a code get one (an undoable step), then the PDF of every
    badge is written where the user says. Returns whether it was written."""
    from facilitator.services import exporting

    codes = JoinCodeService(doc.service)
    if not codes.codes():
        errors.show_error(
            parent,
            FacilitatorError(
                QCoreApplication.translate(
                    "joincodes", "The participant list is empty: add participants first."
                )
            ),
        )
        return False
    missing = codes.missing() and not doc.read_only
    if missing and not doc.run(ops.IssueJoinCodes(missing_only=True), parent=parent):
        return False
    sheet = codes.sheet()
    if not sheet.badges:
        errors.show_error(
            parent,
            FacilitatorError(
                QCoreApplication.translate(
                    "joincodes", "No participant has a code yet (the file is read-only)."
                )
            ),
        )
        return False
    if path is None:
        suggested = doc.service.file.path.with_name(doc.service.file.path.stem + "-codes.pdf")
        path = ask_save_path(parent, suggested)
        if path is None:
            return False
    try:
        pages = exporting.write_join_codes(sheet, path, workshop=doc.service.file.path)
    except FacilitatorError as exc:
        errors.show_error(parent, exc)
        return False
    except OSError as exc:
        errors.show_error(parent, FacilitatorError(f"{path}: {exc.strerror or exc}"))
        return False
    tell(
        parent,
        QCoreApplication.translate(
            "joincodes", "%1 badges with their join codes were saved to “%2” (%3 pages)."
        )
        .replace("%1", str(len(sheet.badges)))
        .replace("%2", str(path))
        .replace("%3", str(pages)),
        path,
    )
    return True


def reissue(doc: WorkshopDocument, participant_id: int, parent: QWidget | None) -> str | None:
    """A new code for one participant (a lost badge); says the new code. Returns it."""
    name = doc.service.participant(participant_id).name
    if not confirm(
        parent,
        QCoreApplication.translate(
            "joincodes",
            "Give %1 a new join code? The old one stops working, and a phone that joined "
            "with it is nobody again.",
        ).replace("%1", name),
    ):
        return None
    if not doc.run(ops.IssueJoinCodes([participant_id]), parent=parent):
        return None
    code = next(
        c.code for c in JoinCodeService(doc.service).codes() if c.participant_id == participant_id
    )
    tell(
        parent,
        QCoreApplication.translate(
            "joincodes",
            "The new code of %1 is %2. Write it on the badge, or print the codes again.",
        )
        .replace("%1", name)
        .replace("%2", code),
    )
    return code


def reissue_all(doc: WorkshopDocument, parent: QWidget | None) -> bool:
    """New codes for everyone (the printed list is lost, or a new day's formal vote)."""
    if not confirm(
        parent,
        QCoreApplication.translate(
            "joincodes",
            "Give every participant a new join code? Every printed code stops working and "
            "every phone that joined as a participant must join again.",
        ),
    ):
        return False
    return doc.run(ops.IssueJoinCodes(), parent=parent)
