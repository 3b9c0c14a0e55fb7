"""The one error policy of the window: domain/storage errors become translated sentences.

Call ``errors.show_error(parent, exc)`` (through the module, so tests can monkeypatch it).
Programming errors are not caught here: they stay exceptions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

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
        known = validation_message(exc)
        if known:
            return known
        text = QCoreApplication.translate("errors", "This cannot be saved: %2")
    elif code == e.NotFound.code:
        text = QCoreApplication.translate("errors", "This item no longer exists: %2")
    elif isinstance(exc, e.WorkshopFileError):
        text = QCoreApplication.translate("errors", "“%1” cannot be opened: %2")
    else:
        text = QCoreApplication.translate("errors", "Something went wrong: %2")
    detail = getattr(exc, "message", None) or str(exc)
    return text.replace("%1", str(path)).replace("%2", detail)


def field_label(field: str) -> str:
    """The name of a field as the user knows it."""
    labels = {
        "title": QCoreApplication.translate("errors", "The title"),
        "name": QCoreApplication.translate("errors", "The name"),
        "text": QCoreApplication.translate("errors", "The text"),
        "description": QCoreApplication.translate("errors", "The description"),
        "location": QCoreApplication.translate("errors", "The place"),
        "place": QCoreApplication.translate("errors", "The place"),
        "organiser": QCoreApplication.translate("errors", "The organiser"),
        "organisation": QCoreApplication.translate("errors", "The organisation"),
        "speaker": QCoreApplication.translate("errors", "The speaker"),
        "note_taker": QCoreApplication.translate("errors", "The note-taker's name"),
        "category": QCoreApplication.translate("errors", "The category"),
        "agenda_item": QCoreApplication.translate("errors", "The agenda item"),
        "owner": QCoreApplication.translate("errors", "The owner"),
    }
    return labels.get(field, QCoreApplication.translate("errors", "This field"))


def validation_message(exc: BaseException) -> str | None:
    """A translated sentence for the validation rules the core layers name (``rule``)."""
    params = getattr(exc, "params", {}) or {}
    rule = params.get("rule")
    what = field_label(getattr(exc, "field", ""))
    value = str(params.get("value", ""))
    if rule == "empty":
        return QCoreApplication.translate("errors", "%1 must not be empty.").replace("%1", what)
    if rule == "too_long":
        return (
            QCoreApplication.translate("errors", "%1 is too long: at most %2 characters.")
            .replace("%1", what)
            .replace("%2", str(params.get("max", "")))
        )
    if rule == "bad_char":
        return (
            QCoreApplication.translate(
                "errors",
                "%1 contains a character that cannot be stored (%2). Remove it and try again.",
            )
            .replace("%1", what)
            .replace("%2", str(params.get("char", "")))
        )
    if rule == "unknown":
        return QCoreApplication.translate(
            "errors", "%1 no longer exists: choose another one."
        ).replace("%1", what)
    if rule == "email":
        return QCoreApplication.translate("errors", "“%1” is not an e-mail address.").replace(
            "%1", value
        )
    if rule == "colour":
        return QCoreApplication.translate(
            "errors", "“%1” is not a colour (expected #rrggbb)."
        ).replace("%1", value)
    if rule == "shortcut":
        return QCoreApplication.translate(
            "errors", "A category shortcut is a single letter, not “%1”."
        ).replace("%1", value)
    if rule == "shortcut_used":
        return (
            QCoreApplication.translate(
                "errors", "The shortcut “%1” is already used by the category “%2”."
            )
            .replace("%1", value)
            .replace("%2", str(params.get("other", "")))
        )
    if rule == "duration":
        return QCoreApplication.translate("errors", "A duration is between 0 and 1440 minutes.")
    if rule == "past_midnight":
        return QCoreApplication.translate(
            "errors",
            "The item would end at %1 the next day: an item must end by midnight. "
            "Shorten it, start it earlier or put it on the next day.",
        ).replace("%1", value)
    if rule == "dates":
        return QCoreApplication.translate("errors", "The end date is before the start date.")
    if rule == "times":
        return QCoreApplication.translate("errors", "The end time is before the start time.")
    if rule == "image":
        return QCoreApplication.translate("errors", "The file is not a PNG or JPEG image.")
    if rule == "image_size":
        return QCoreApplication.translate(
            "errors", "The image is too large: at most %1 KiB."
        ).replace("%1", str(params.get("max", "")))
    if rule == "bad_zone":
        return QCoreApplication.translate(
            "errors", "This is not a time zone: write it as Europe/Rome, Europe/Lisbon…"
        )
    if rule == "code_used":  # join codes (ui/join_codes.py)
        return QCoreApplication.translate(
            "errors",
            "A phone has already joined with one of these codes: give new codes instead.",
        )
    if rule == "not_claimed":
        return QCoreApplication.translate("errors", "This phone has not joined as a participant.")
    if isinstance(rule, str) and rule.startswith("map_"):  # the ecosystem map's rules
        from facilitator.ui.map.labels import rule_message

        return rule_message(rule, params)
    if rule == "not_started":
        return QCoreApplication.translate("errors", "This item has not started yet.")
    return None


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


def ask_recover_target(parent: QWidget | None, exc: BaseException, path: Path) -> Path | None:
    """A damaged file: offer to copy what can still be read into a new file. Returns the
    new file's path, or None. Tests monkeypatch this function."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("errors", "Damaged file"),
        message_for(exc)
        + "\n\n"
        + QCoreApplication.translate(
            "errors",
            "Copy what can still be read into a new file? The damaged file is not changed.",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    suggested = path.with_name(path.stem + "-recovered" + path.suffix)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("errors", "Save the rescued workshop as"),
        str(suggested),
        QCoreApplication.translate("errors", "Workshops (*.workshop)"),
    )
    return Path(name) if name else None


def ask_close_with_unsaved_text(parent: QWidget | None) -> bool:
    """The text in the capture box could not be saved as a draft: close anyway?
    Tests monkeypatch this function."""
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("errors", "Unsent text"),
        QCoreApplication.translate(
            "errors",
            "The text you are typing could not be saved (see the previous message). "
            "If you close now it is lost. Close anyway?",
        ),
        QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Close
