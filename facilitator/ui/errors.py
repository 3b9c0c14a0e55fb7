"""The one error policy of the window: domain/storage errors become translated sentences.

Call ``errors.show_error(parent, exc)`` (through the module, so tests can monkeypatch it).
Programming errors are not caught here: they stay exceptions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain import errors as e


def message_for(exc: BaseException) -> str:
    """A sentence for the user, in the current language, chosen by the error's code."""
    path = getattr(exc, "path", "") or ""
    code = getattr(exc, "code", "")
    if code == e.FileMissing.code:
        text = QCoreApplication.translate(
            "errors", "The file “%1” does not exist (any more). It may have been moved or renamed."
        )
    elif code == e.NotAWorkshopFile.code:
        text = QCoreApplication.translate(
            "errors", "“%1” is not a workshop file: it is empty, a folder, or another kind of file."
        )
    elif code == e.ForeignDatabase.code:
        text = QCoreApplication.translate(
            "errors",
            "“%1” is a database made by another program, not a Facilitator workshop. It was not changed.",
        )
    elif code == e.DamagedFile.code:
        text = QCoreApplication.translate(
            "errors",
            "“%1” is damaged and cannot be read. It was not changed. Open a backup copy, or try “facilitator check --recover” on it.",
        )
    elif code == e.NewerSchema.code:
        text = QCoreApplication.translate(
            "errors",
            "“%1” was written by a newer version of Facilitator. Update Facilitator to open it; the file was not changed.",
        )
    elif code == e.UntrustedContent.code:
        text = QCoreApplication.translate(
            "errors",
            "“%1” contains things Facilitator never writes (for example triggers). For your safety it is not opened.",
        )
    elif code == e.FileLocked.code:
        text = QCoreApplication.translate(
            "errors", "“%1” is already open in another Facilitator window or program."
        )
    elif code == e.ReadOnlyFile.code:
        text = QCoreApplication.translate(
            "errors", "“%1” is open read-only: nothing can be changed in it."
        )
    elif code == e.StorageFull.code:
        text = QCoreApplication.translate(
            "errors",
            "The disk is full: the last change could not be saved. Your text is still on screen; free some space and try again.",
        )
    elif code == e.StorageBusy.code:
        text = QCoreApplication.translate(
            "errors", "Another program is using “%1”; the change was not saved. Try again."
        )
    elif code == e.ValidationError.code:
        text = QCoreApplication.translate("errors", "This cannot be saved: %2")
    elif code == e.NotFound.code:
        text = QCoreApplication.translate("errors", "This item no longer exists: %2")
    elif isinstance(exc, e.WorkshopFileError):
        text = QCoreApplication.translate("errors", "“%1” cannot be opened: %2")
    else:
        text = QCoreApplication.translate("errors", "Something went wrong: %2")
    detail = getattr(exc, "message", None) or str(exc)
    return text.replace("%1", str(path)).replace("%2", detail)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show ``exc`` as a message box. Tests monkeypatch this function."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "Facilitator"))
    box.setText(message_for(exc))
    box.exec()


def ask_open_read_only(parent: QWidget | None, exc: BaseException) -> bool:
    """A locked file: offer to open it read-only. Tests monkeypatch this function."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("errors", "File in use"),
        message_for(exc)
        + "\n\n"
        + QCoreApplication.translate(
            "errors", "Open it read-only, to look and search without changing it?"
        ),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open
