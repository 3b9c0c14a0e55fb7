"""*File › Review conflicts…*: the note texts changed on two laptops (from a merge or from
note-takers' laptops linked to the room) and the polls closed on one side and open on
the other, with both versions side by side, and what to do with each.

- :class:`ConflictReview` — the screen. Every resolution is an operation
  (``services/conflict_ops.py``) run through the document, so it is on the undo stack
  (Ctrl+Z puts the note and the conflict back) and every screen hears of it.
- :class:`ConflictsController` — the status bar's "N conflicts to review" (shown only
  while some are unresolved; a click opens the screen), the menu action, and the offer
  after a merge that recorded some.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator.domain.errors import FacilitatorError
from facilitator.services.conflicts import DELETE, LINKED, POLL, ConflictsService, Review
from facilitator.services.operations import Changes, Kind
from facilitator.ui.dates import format_date

if TYPE_CHECKING:
    from facilitator.ui.document import WorkshopDocument


def when_text(when: dt.datetime | None) -> str:
    """A moment in local time: the date in the window's format and HH:MM."""
    if when is None:
        return ""
    local = when.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def state_text(state: str) -> str:
    return {
        "open": QCoreApplication.translate("ConflictReview", "open"),
        "closed": QCoreApplication.translate("ConflictReview", "closed"),
        "draft": QCoreApplication.translate("ConflictReview", "draft"),
    }.get(state, state)


def _short(text: str, n: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def summary(r: Review) -> str:
    """One line of the list."""
    if r.what == POLL:
        line = QCoreApplication.translate(
            "ConflictReview", "Poll “%1”: closed on one laptop, open on the other"
        ).replace("%1", _short(r.poll_title, 40))
    elif r.what == DELETE:
        line = QCoreApplication.translate(
            "ConflictReview", "Deleted on one laptop, kept on the other: “%1”"
        ).replace("%1", _short(r.this_text))
    else:
        line = QCoreApplication.translate("ConflictReview", "“%1” or “%2”").replace(
            "%1", _short(r.this_text, 40)
        )
        line = line.replace("%2", _short(r.other_text, 40))
    if r.item:
        line = f"{r.item} · {line}"
    if r.resolved:
        line = (
            "✓ "
            + line
            + " — "
            + QCoreApplication.translate("ConflictReview", "resolved %1").replace(
                "%1", when_text(r.resolved_at)
            )
        )
    return line


def context_text(r: Review) -> str:
    """Where the note belongs: day and agenda item, category, speaker."""
    if r.what == POLL:
        return (
            QCoreApplication.translate("ConflictReview", "Poll “%1” · now %2 · ballots: %3")
            .replace("%1", r.poll_title)
            .replace("%2", state_text(r.poll_state))
            .replace("%3", str(r.ballots))
        )
    parts = []
    if r.day is not None:
        parts.append(format_date(r.day))
    parts.append(r.item or QCoreApplication.translate("ConflictReview", "no agenda item"))
    if r.category:
        parts.append(
            QCoreApplication.translate("ConflictReview", "category: %1").replace("%1", r.category)
        )
    if r.speaker:
        parts.append(
            QCoreApplication.translate("ConflictReview", "speaker: %1").replace("%1", r.speaker)
        )
    if r.note is not None and r.note.note_taker:
        parts.append(
            QCoreApplication.translate("ConflictReview", "note-taker: %1").replace(
                "%1", r.note.note_taker
            )
        )
    if r.note is not None and r.note.deleted_at is not None:
        parts.append(QCoreApplication.translate("ConflictReview", "the note is deleted now"))
    return " · ".join(parts)


def this_caption(r: Review) -> str:
    if r.what == POLL:
        return QCoreApplication.translate(
            "ConflictReview", "This workshop: the poll is %1"
        ).replace("%1", state_text(r.poll_state))
    if r.origin == LINKED and r.row.kind == "edit":
        return QCoreApplication.translate(
            "ConflictReview", "In the note now (the later edit, by %1)"
        ).replace("%1", r.other_by or "?")
    return QCoreApplication.translate("ConflictReview", "In the note now · changed %1").replace(
        "%1", when_text(r.this_when)
    )


def other_caption(r: Review) -> str:
    if r.what == POLL:
        return (
            QCoreApplication.translate("ConflictReview", "The other laptop (%1): the poll was %2")
            .replace("%1", r.other_from)
            .replace("%2", state_text(r.other_text))
        )
    if r.origin == LINKED:
        if r.row.kind == "delete":
            return (
                QCoreApplication.translate(
                    "ConflictReview", "%1 deleted the note at %2; it had seen:"
                )
                .replace("%1", r.other_by)
                .replace("%2", when_text(r.other_when))
            )
        if r.row.kind == "edit_deleted":
            return (
                QCoreApplication.translate(
                    "ConflictReview", "Deleted here before %1's edit arrived at %2:"
                )
                .replace("%1", r.other_by)
                .replace("%2", when_text(r.other_when))
            )
        return (
            QCoreApplication.translate("ConflictReview", "The text before %1's edit arrived at %2")
            .replace("%1", r.other_by)
            .replace("%2", when_text(r.other_when))
        )
    return (
        QCoreApplication.translate("ConflictReview", "The other version, from %1 · changed %2")
        .replace("%1", r.other_from)
        .replace("%2", when_text(r.other_when))
    )


class ConflictReview(QDialog):
    """The review screen (see the module's docstring). Not modal: the workshop stays
    usable beside it, and it follows every change."""

    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.items: list[Review] = []
        self.resize(940, 600)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.list = QListWidget(split)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(lambda _row: self._show_current())
        detail = QWidget(split)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout.addWidget(split, 1)

        d = QVBoxLayout(detail)
        d.setContentsMargins(0, 6, 0, 0)
        self.context = QLabel(detail)
        self.context.setWordWrap(True)
        self.context.setStyleSheet("font-weight: bold;")
        d.addWidget(self.context)
        self.details = d
        self.grid_host = QWidget(detail)
        grid = QGridLayout(self.grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        self.this_caption = QLabel(self.grid_host)
        self.other_caption = QLabel(self.grid_host)
        for label in (self.this_caption, self.other_caption):
            label.setWordWrap(True)
        self.this_text = QPlainTextEdit(self.grid_host)
        self.other_text = QPlainTextEdit(self.grid_host)
        for box in (self.this_text, self.other_text):
            box.setReadOnly(True)
            box.setMinimumHeight(90)
            box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid.addWidget(self.this_caption, 0, 0)
        grid.addWidget(self.other_caption, 0, 1)
        grid.addWidget(self.this_text, 1, 0)
        grid.addWidget(self.other_text, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        d.addWidget(self.grid_host, 2)

        row = QHBoxLayout()
        self.keep_this = QPushButton(detail)
        self.keep_other = QPushButton(detail)
        self.keep_both = QPushButton(detail)
        self.poll_closed = QPushButton(detail)
        self.poll_open = QPushButton(detail)
        from facilitator.services.conflict_ops import Resolution

        self.keep_this.clicked.connect(lambda: self.resolve(Resolution.KEEP_THIS))
        self.keep_other.clicked.connect(lambda: self.resolve(Resolution.KEEP_OTHER))
        self.keep_both.clicked.connect(lambda: self.resolve(Resolution.KEEP_BOTH))
        self.poll_closed.clicked.connect(lambda: self.resolve_poll("closed"))
        self.poll_open.clicked.connect(lambda: self.resolve_poll("open"))
        for b in (
            self.keep_this,
            self.keep_other,
            self.keep_both,
            self.poll_closed,
            self.poll_open,
        ):
            row.addWidget(b)
        row.addStretch(1)
        d.addLayout(row)

        self.combined_label = QLabel(detail)
        d.addWidget(self.combined_label)
        self.combined = QPlainTextEdit(detail)
        self.combined.setMinimumHeight(70)
        self.combined.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        d.addWidget(self.combined, 1)
        combine_row = QHBoxLayout()
        self.save_combined = QPushButton(detail)
        self.save_combined.clicked.connect(
            lambda: self.resolve(Resolution.COMBINE, self.combined.toPlainText())
        )
        combine_row.addWidget(self.save_combined)
        combine_row.addStretch(1)
        d.addLayout(combine_row)
        self.resolved_note = QLabel(detail)
        self.resolved_note.setWordWrap(True)
        d.addWidget(self.resolved_note)
        d.addStretch(0)
        self._tail = d.count() - 1  # takes the room the text boxes leave (a poll)

        bottom = QHBoxLayout()
        self.show_resolved = QCheckBox(self)
        self.show_resolved.toggled.connect(lambda _on: self.reload())
        bottom.addWidget(self.show_resolved)
        bottom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        doc.changed.connect(self._changed)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        """The screen's fixed texts, in the interface language (again after a switch)."""
        self.setWindowTitle(QCoreApplication.translate("ConflictReview", "Review conflicts"))
        self.intro.setText(
            QCoreApplication.translate(
                "ConflictReview",
                "These were changed on two laptops. Each note keeps the later text until "
                "you choose; the other version is kept here. Every choice can be undone "
                "(Ctrl+Z).",
            )
        )
        self.keep_both.setText(
            QCoreApplication.translate("ConflictReview", "Keep both (a second note)")
        )
        self.poll_closed.setText(
            QCoreApplication.translate("ConflictReview", "Keep the poll closed")
        )
        self.poll_open.setText(QCoreApplication.translate("ConflictReview", "Keep the poll open"))
        self.combined_label.setText(
            QCoreApplication.translate("ConflictReview", "Or write one text from both:")
        )
        self.save_combined.setText(
            QCoreApplication.translate("ConflictReview", "Save the combined text")
        )
        self.show_resolved.setText(
            QCoreApplication.translate("ConflictReview", "Show resolved conflicts too")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():  # hidden: read afresh when shown (the file may be closed)
                self.reload()  # the list, captions and the note's buttons

    # --- the list -------------------------------------------------------------------

    def current(self) -> Review | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def reload(self) -> None:
        keep = self.current()
        want = keep.ref if keep is not None else None
        try:
            self.items = ConflictsService(self.doc.service).items(self.show_resolved.isChecked())
        except FacilitatorError:  # the workshop was closed under the screen
            self.items = []
        self.list.blockSignals(True)
        self.list.clear()
        for r in self.items:
            item = QListWidgetItem(summary(r))
            item.setToolTip(context_text(r))
            if r.resolved:
                item.setForeground(self.palette().placeholderText())
            self.list.addItem(item)
        refs = [r.ref for r in self.items]
        unresolved = [i for i, r in enumerate(self.items) if not r.resolved]
        if want in refs and not self.items[refs.index(want)].resolved:
            self.list.setCurrentRow(refs.index(want))
        elif unresolved:  # the one just resolved leaves: the next one to decide
            self.list.setCurrentRow(unresolved[0])
        elif self.items:
            self.list.setCurrentRow(refs.index(want) if want in refs else 0)
        self.list.blockSignals(False)
        self._show_current()

    def _changed(self, changes: Changes) -> None:
        touched = changes.touches(Kind.CONFLICT, Kind.NOTE, Kind.POLL, Kind.ITEM, Kind.CATEGORY)
        if touched and self.isVisible():  # hidden: read afresh when shown
            self.reload()

    def _show_current(self) -> None:
        r = self.current()
        note_buttons = (self.keep_this, self.keep_other, self.keep_both, self.save_combined)
        if r is None:
            self.context.setText(
                QCoreApplication.translate("ConflictReview", "No conflicts to review.")
                if not self.items
                else ""
            )
            for w in (self.this_caption, self.other_caption, self.this_text, self.other_text):
                w.setVisible(False)
            for b in (*note_buttons, self.poll_closed, self.poll_open):
                b.setVisible(False)
            self.combined.setVisible(False)
            self.combined_label.setVisible(False)
            self.resolved_note.setText("")
            return
        poll = r.what == POLL
        self.this_caption.setVisible(True)
        self.other_caption.setVisible(True)
        # a poll's two states are said by the captions: no text boxes for one word
        self.this_text.setVisible(not poll)
        self.other_text.setVisible(not poll)
        self.details.setStretch(self.details.indexOf(self.grid_host), 0 if poll else 2)
        self.details.setStretch(self._tail, 1 if poll else 0)
        self.grid_host.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Maximum if poll else QSizePolicy.Policy.Expanding,
        )
        self.context.setText(context_text(r))
        self.this_caption.setText(this_caption(r))
        self.other_caption.setText(other_caption(r))
        if poll:
            self.this_text.setPlainText(state_text(r.this_text))
            self.other_text.setPlainText(state_text(r.other_text))
        else:
            self.this_text.setPlainText(r.this_text)
            self.other_text.setPlainText(r.other_text)
        open_ = not r.resolved
        for b in note_buttons:
            b.setVisible(not poll)
            b.setEnabled(open_)
        self.combined.setVisible(not poll)
        self.combined_label.setVisible(not poll)
        self.poll_closed.setVisible(poll)
        self.poll_open.setVisible(poll)
        self.poll_closed.setEnabled(open_)
        self.poll_open.setEnabled(open_)
        if not poll:
            deleted = r.what == DELETE
            self.keep_other.setText(
                QCoreApplication.translate("ConflictReview", "Delete the note")
                if deleted
                else QCoreApplication.translate("ConflictReview", "Keep the other")
            )
            self.keep_this.setText(
                QCoreApplication.translate("ConflictReview", "Keep the note")
                if deleted
                else QCoreApplication.translate("ConflictReview", "Keep this version")
            )
            self.keep_both.setVisible(not deleted)
            self.combined.setReadOnly(not open_)
            self.combined.setPlainText(r.this_text if deleted else f"{r.this_text}\n{r.other_text}")
        self.resolved_note.setText(
            QCoreApplication.translate("ConflictReview", "Resolved %1.").replace(
                "%1", when_text(r.resolved_at)
            )
            if r.resolved
            else ""
        )

    # --- resolving ------------------------------------------------------------------

    def resolve(self, resolution: str, text: str = "") -> bool:
        """Resolve the selected note conflict (an undoable operation)."""
        from facilitator.services.conflict_ops import Resolution, ResolveConflict

        r = self.current()
        if r is None or r.what == POLL or r.resolved:
            return False
        labels = {
            Resolution.KEEP_THIS: QCoreApplication.translate(
                "ConflictReview", "Keep this version of a note"
            ),
            Resolution.KEEP_OTHER: QCoreApplication.translate(
                "ConflictReview", "Keep the other version of a note"
            ),
            Resolution.KEEP_BOTH: QCoreApplication.translate(
                "ConflictReview", "Keep both versions of a note"
            ),
            Resolution.COMBINE: QCoreApplication.translate(
                "ConflictReview", "Combine two versions of a note"
            ),
        }
        choice = Resolution(resolution)
        op = ResolveConflict(r.origin, r.key, choice, text)
        return self.doc.run(op, labels[choice], parent=self)

    def resolve_poll(self, state: str) -> bool:
        """Keep the selected poll closed or open (an event kept in the poll's history)."""
        from facilitator.services.conflict_ops import ResolvePollConflict

        r = self.current()
        if r is None or r.what != POLL or r.resolved:
            return False
        reason = QCoreApplication.translate(
            "ConflictReview", "open on another laptop when merged: kept open"
        )
        return self.doc.run(ResolvePollConflict(r.origin, r.key, state, reason), parent=self)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.reload()
