"""Help: the keyboard cheat sheet (F1), built from the actions themselves, and a short
guide to a first workshop."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from facilitator.ui.actions import Actions, capture_keys


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def cheat_sheet_rows(actions: Actions) -> list[tuple[str, str]]:
    """(keys, what they do) for every window action with a shortcut, in the order they
    are declared in ui/actions.py, then the capture box's and the screens' own keys."""
    rows: list[tuple[str, str]] = []
    for value in vars(actions).values():
        if isinstance(value, QAction) and not value.shortcut().isEmpty():
            keys = " / ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in value.shortcuts()
            )
            rows.append((keys, _plain(value.text())))
    undo = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in actions.undo_keys)
    redo = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in actions.redo_keys)
    rows.append((undo, QCoreApplication.translate("help", "Undo")))
    rows.append((redo, QCoreApplication.translate("help", "Redo")))
    rows.extend(capture_keys())
    return rows


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding:2px 14px 2px 0'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


class HelpDialog(QDialog):
    def __init__(self, title: str, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)


def keyboard_dialog(actions: Actions, parent: QWidget | None = None) -> HelpDialog:
    title = QCoreApplication.translate("help", "Keyboard shortcuts")
    return HelpDialog(
        title, f"<h2>{escape(title)}</h2>" + _table(cheat_sheet_rows(actions)), parent
    )


def first_workshop_html() -> str:
    steps = [
        QCoreApplication.translate(
            "help",
            "File › New workshop: give it a title, its days, the language of the notes and a set of note categories. It is one file: keep it where you keep documents.",
        ),
        QCoreApplication.translate(
            "help",
            "Plan: add the programme of each day (or import it from a CSV file), the participants and their organisations.",
        ),
        QCoreApplication.translate(
            "help", "Settings: type your name; it is saved with every note you take."
        ),
        QCoreApplication.translate(
            "help",
            "Live: choose the day and the item, press F6 when it starts, and type. Enter saves each note at once; Ctrl+1…9 or “s: …” give the next note a category; the speaker field starts with the item's speaker.",
        ),
        QCoreApplication.translate(
            "help",
            "F5 shows the presenter window on the projector: the item, the timer and the question for the room.",
        ),
        QCoreApplication.translate(
            "help",
            "Themes and solutions: group the notes, mark decisions, make action items; Polls: let the room vote.",
        ),
        QCoreApplication.translate(
            "help",
            "File › Export minutes (Ctrl+E): the PDF of the day or of the whole event, in the workshop's language.",
        ),
    ]
    items = "".join(f"<li style='margin-bottom:6px'>{escape(s)}</li>" for s in steps)
    title = QCoreApplication.translate("help", "Your first workshop, step by step")
    return f"<h2>{escape(title)}</h2><ol>{items}</ol>"


def first_workshop_dialog(parent: QWidget | None = None) -> HelpDialog:
    return HelpDialog(
        QCoreApplication.translate("help", "Your first workshop, step by step"),
        first_workshop_html(),
        parent,
    )
