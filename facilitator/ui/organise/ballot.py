"""One ballot being filled in: inputs for the poll's method, checked as you type.

The same editor serves the three casting modes: tally entry (counts of paper votes
and the number of paper ballots), per voter, and the kiosk. Every change re-checks the
ballot with the domain rules and shows a translated sentence; ``is_valid()`` says
whether it may be cast.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import ValidationError
from facilitator.domain.organise import Poll
from facilitator.domain.voting import Ballot, Method, validate_ballot
from facilitator.ui import errors
from facilitator.ui.workshop_language import Translate as QCoreApplication
from facilitator.ui.workshop_language import speaking

MAX_TALLY = 100_000


def ballot_message(exc: ValidationError) -> str:
    """A translated sentence for a refused ballot."""
    p = exc.params
    rule = p.get("rule")
    if rule == "too_many_dots":
        return (
            QCoreApplication.translate("organise", "Too many dots: %1 placed, at most %2.")
            .replace("%1", str(p["placed"]))
            .replace("%2", str(p["allowed"]))
        )
    if rule == "over_cap":
        return (
            QCoreApplication.translate("organise", "Too many dots on one option: %1, at most %2.")
            .replace("%1", str(p["placed"]))
            .replace("%2", str(p["allowed"]))
        )
    if rule == "empty":
        return QCoreApplication.translate("organise", "The ballot is empty.")
    if rule == "shared_rank":
        return QCoreApplication.translate(
            "organise", "Two options share rank %1: each rank once."
        ).replace("%1", str(p["rank"]))
    if rule == "missing_rank":
        return QCoreApplication.translate("organise", "Rank %1 is missing.").replace(
            "%1", str(p["rank"])
        )
    if rule == "incomplete" and "ranked" in p:
        return (
            QCoreApplication.translate("organise", "Rank every option: %1 of %2 ranked.")
            .replace("%1", str(p["ranked"]))
            .replace("%2", str(p["total"]))
        )
    if rule == "incomplete":
        return (
            QCoreApplication.translate(
                "organise", "Score every option on every criterion: %1 of %2 given."
            )
            .replace("%1", str(p["given"]))
            .replace("%2", str(p["total"]))
        )
    if rule == "outside_scale":
        return (
            QCoreApplication.translate("organise", "Score %1 is outside the scale %2–%3 of “%4”.")
            .replace("%1", str(p["value"]))
            .replace("%2", str(p["low"]))
            .replace("%3", str(p["high"]))
            .replace("%4", str(p["name"]))
        )
    if rule == "closed":
        return QCoreApplication.translate(
            "organise", "The poll is closed: it accepts no more ballots."
        )
    if rule == "draft":
        return QCoreApplication.translate("organise", "The poll is not open yet.")
    return errors.message_for(exc)


class ClampedSpinBox(QSpinBox):
    """A number box that, when a typed number goes past its limit, takes the limit and
    says so (``clamped``) instead of silently ignoring the key."""

    clamped = Signal(int)  # the limit the typed number was brought back to

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            edit = self.lineEdit()
            current = self.cleanText()
            prefix_len = len(self.prefix())
            start = edit.selectionStart() - prefix_len if edit.hasSelectedText() else -1
            cursor = max(0, edit.cursorPosition() - prefix_len)
            if start >= 0:
                end = start + len(edit.selectedText())
                typed = current[:start] + text + current[end:]
            else:
                typed = current[:cursor] + text + current[cursor:]
            if typed.isdigit() and int(typed) > self.maximum():
                self.setValue(self.maximum())
                self.selectAll()
                self.clamped.emit(self.maximum())
                return
        super().keyPressEvent(event)


class BallotEditor(QWidget):
    changed = Signal()

    def __init__(
        self,
        poll: Poll,
        *,
        tally: bool = False,
        parent: QWidget | None = None,
        language: str | None = None,
    ):
        """``language``: the voters' (the workshop's) language, for the kiosk; None: the
        window's."""
        super().__init__(parent)
        self.language = language
        with speaking(language):
            self._build(poll, tally)

    def _build(self, poll: Poll, tally: bool) -> None:
        self.poll = poll
        self.tally = tally
        self.spins: dict[tuple[int, int], QSpinBox] = {}
        self.checks: dict[int, QCheckBox] = {}
        self.voters_spin: QSpinBox | None = None
        self._error = ""
        self.clamp_message = ""
        self._empty = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.instructions = QLabel(self._instructions(), self)
        self.instructions.setWordWrap(True)
        outer.addWidget(self.instructions)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        outer.addLayout(grid)
        row = 0
        if tally:
            grid.addWidget(
                QLabel(QCoreApplication.translate("organise", "Paper ballots counted"), self),
                row,
                0,
            )
            self.voters_spin = QSpinBox(self)
            self.voters_spin.setRange(1, MAX_TALLY)
            self.voters_spin.setAccessibleName(
                QCoreApplication.translate("organise", "Paper ballots counted")
            )
            self.voters_spin.valueChanged.connect(self._on_change)
            grid.addWidget(self.voters_spin, row, 1)
            row += 1
        if poll.method is Method.SCORE:
            for c, crit in enumerate(poll.criteria):
                head = QLabel(f"<b>{crit.name}</b><br>{crit.scale_min}–{crit.scale_max}", self)
                head.setAlignment(Qt.AlignmentFlag.AlignCenter)
                grid.addWidget(head, row, 1 + c)
            row += 1
        for option in poll.options:
            label = QLabel(option.label, self)
            label.setWordWrap(True)
            grid.addWidget(label, row, 0)
            if poll.method is Method.APPROVAL and not tally:
                box = QCheckBox(QCoreApplication.translate("organise", "Approve"), self)
                box.setAccessibleName(option.label)
                box.toggled.connect(self._on_change)
                self.checks[option.id] = box
                grid.addWidget(box, row, 1)
            elif poll.method is Method.SCORE:
                for c, crit in enumerate(poll.criteria):
                    spin = self._spin()
                    spin.setRange(crit.scale_min - 1, crit.scale_max)
                    spin.setSpecialValueText("–")
                    spin.setValue(crit.scale_min - 1)
                    spin.setAccessibleName(f"{option.label}: {crit.name}")
                    spin.valueChanged.connect(self._on_change)
                    self.spins[(option.id, c)] = spin
                    grid.addWidget(spin, row, 1 + c)
            else:
                spin = self._spin()
                if poll.method is Method.RANKED:
                    spin.setRange(0, len(poll.options))
                    spin.setSpecialValueText("–")
                    spin.setPrefix(QCoreApplication.translate("organise", "rank") + " ")
                elif tally:
                    spin.setRange(0, MAX_TALLY)
                else:  # no more dots on one option than the rules allow
                    cap = poll.dots_per_voter
                    if poll.max_per_option is not None:
                        cap = min(cap, poll.max_per_option)
                    spin.setRange(0, max(cap, 1))
                spin.setAccessibleName(option.label)
                spin.setMinimumWidth(90)
                spin.valueChanged.connect(self._on_change)
                self.spins[(option.id, 0)] = spin
                grid.addWidget(spin, row, 1)
            row += 1
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        outer.addWidget(self.status)
        outer.addStretch(1)
        self._on_change()

    def _instructions(self) -> str:
        poll = self.poll
        if self.tally:
            if poll.method is Method.DOT:
                return QCoreApplication.translate(
                    "organise", "Type how many paper dots each option received."
                )
            return QCoreApplication.translate(
                "organise", "Type how many approvals each option received."
            )
        if poll.method is Method.DOT:
            text = QCoreApplication.translate("organise", "Place %1 dots.").replace(
                "%1", str(poll.dots_per_voter)
            )
            if poll.max_per_option is not None:
                text += " " + QCoreApplication.translate(
                    "organise", "At most %1 on one option."
                ).replace("%1", str(poll.max_per_option))
            return text
        if poll.method is Method.APPROVAL:
            return QCoreApplication.translate("organise", "Approve every option you would support.")
        if poll.method is Method.RANKED:
            if poll.require_complete:
                return QCoreApplication.translate(
                    "organise", "Give every option a rank: 1 is your first choice."
                )
            return QCoreApplication.translate(
                "organise", "Rank the options you want: 1 is your first choice."
            )
        return QCoreApplication.translate("organise", "Score every option on each criterion.")

    # --- values ---------------------------------------------------------------------
    def ballot(self) -> Ballot:
        voters = self.voters_spin.value() if self.voters_spin is not None else 1
        if self.checks:
            return Ballot.approvals(o for o, box in self.checks.items() if box.isChecked())
        values: dict[tuple[int, int], int] = {}
        for (option, c), spin in self.spins.items():
            v = spin.value()
            if self.poll.method is Method.SCORE:
                if v >= self.poll.criteria[c].scale_min:
                    values[(option, c)] = v
            elif v:
                values[(option, c)] = v
        return Ballot(values, voters)

    def set_values(self, values: dict[tuple[int, int], int], voters: int = 1) -> None:
        """Fill the inputs (tests, and editing a tally)."""
        for key, v in values.items():
            if key in self.spins:
                self.spins[key].setValue(v)
            elif key[0] in self.checks:
                self.checks[key[0]].setChecked(bool(v))
        if self.voters_spin is not None:
            self.voters_spin.setValue(voters)

    def error(self) -> str:
        return self._error

    def _spin(self) -> ClampedSpinBox:
        spin = ClampedSpinBox(self)
        spin.clamped.connect(self._clamped)
        return spin

    def _clamped(self, limit: int) -> None:
        with speaking(self.language):
            self._say_clamped(limit)

    def _say_clamped(self, limit: int) -> None:
        """Say why the number typed was not taken."""
        self.clamp_message = QCoreApplication.translate(
            "organise", "At most %1 here: the number was set to %1."
        ).replace("%1", str(limit))
        self.status.setText(self.clamp_message)
        self.status.setStyleSheet("color: #c62828; font-weight: bold;")

    def is_valid(self) -> bool:
        return not self._error

    def _on_change(self, *args: Any) -> None:
        with speaking(self.language):
            self._check()

    def _check(self) -> None:
        try:
            validate_ballot(self.poll.rules, self.ballot())
            self._error = ""
            self._empty = False
        except ValidationError as exc:
            self._error = ballot_message(exc)
            self._empty = exc.params.get("rule") == "empty"
        self._show_status()
        self.changed.emit()

    def _show_status(self) -> None:
        if self._error:
            self.status.setText(self._error)
            style = "color: #757575;" if self._empty else "color: #c62828; font-weight: bold;"
            self.status.setStyleSheet(style)
            return
        self.status.setStyleSheet("color: #2e7d32;")
        if self.poll.method is Method.DOT and not self.tally:
            left = self.poll.dots_per_voter - self.ballot().total()
            self.status.setText(
                QCoreApplication.translate("organise", "Ready. Dots left: %1").replace(
                    "%1", str(left)
                )
            )
        else:
            self.status.setText(QCoreApplication.translate("organise", "Ready to cast."))
