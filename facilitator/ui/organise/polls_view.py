"""Polls: create/edit (as drafts), open, close, reopen with a reason; cast ballots by
tally entry, per voter or in the private kiosk; results as a bar chart."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.organise import Poll
from facilitator.domain.voting import CastMode, Method, PollState
from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.organise.ballot import BallotEditor
from facilitator.ui.organise.base import OrganiseBase
from facilitator.ui.organise.chart import ResultsChart
from facilitator.ui.organise.dialogs import PollDialog, ask_text
from facilitator.ui.organise.kiosk import KioskWindow
from facilitator.ui.organise.labels import state_label
from facilitator.ui.organise.models import PollsModel
from facilitator.ui.workshop_language import participant_text

DEFAULT_QUESTION: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "polls", "Which solutions travel best to other contexts?"
)


class PollsView(OrganiseBase):
    """``present_requested(poll_id)``: show this poll's results on the projector
    (the main window connects it to the presenter window's ``PresenterResults``)."""

    present_requested = Signal(int)

    shows = frozenset({Kind.POLL, Kind.BALLOT, Kind.SOLUTION, Kind.PARTICIPANT, Kind.ITEM})

    def apply_changes(self, changes: Changes) -> None:
        if changes.kinds() == {Kind.BALLOT}:  # a ballot: only that poll's results redraw
            poll = self.current_poll()
            if poll is not None and poll.id in changes.ids(Kind.BALLOT):
                # The editors stay as they are: a tally being typed is not lost
                # because a phone voted meanwhile.
                poll = self.org.poll(poll.id)
                self.chart.set_result(poll, self.org.result(poll.id), poll.results_visible)
            return
        self.reload()

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
    ) -> None:
        super().__init__(service, undo_stack, parent, document=document)
        self.model = PollsModel(self.org, self)
        self.kiosk: KioskWindow | None = None
        self.tally_editor: BallotEditor | None = None
        self.voter_editor: BallotEditor | None = None

        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().selectionChanged.connect(self._on_select)
        self.list.doubleClicked.connect(lambda _i: self.edit_poll())
        self.btn_new = QPushButton(self)
        self.btn_new.clicked.connect(self.new_poll)
        self.btn_edit = QPushButton(self)
        self.btn_edit.clicked.connect(self.edit_poll)
        self.btn_delete = QPushButton(self)
        self.btn_delete.clicked.connect(self.delete_poll)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        for b in (self.btn_new, self.btn_edit, self.btn_delete):
            row.addWidget(b)
        lv.addLayout(row)
        lv.addWidget(self.list, 1)

        # right: the selected poll
        self.heading = QLabel(self)
        hf = self.heading.font()
        hf.setPointSizeF(max(hf.pointSizeF(), 9) * 1.4)
        hf.setBold(True)
        self.heading.setFont(hf)
        self.heading.setWordWrap(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.btn_open = QPushButton(self)
        self.btn_open.clicked.connect(self.open_poll)
        self.btn_close = QPushButton(self)
        self.btn_close.clicked.connect(self.close_poll)
        self.btn_reopen = QPushButton(self)
        self.btn_reopen.clicked.connect(self.reopen_poll)
        self.btn_present = QPushButton(self)
        self.btn_present.clicked.connect(self._present)
        state_row = QHBoxLayout()
        for b in (self.btn_open, self.btn_close, self.btn_reopen, self.btn_present):
            state_row.addWidget(b)
        state_row.addStretch(1)

        self.cast_tabs = QTabWidget(self)
        # tally entry
        self.tally_page = QWidget(self)
        self.tally_layout = QVBoxLayout(self.tally_page)
        self.tally_holder = QVBoxLayout()
        self.btn_tally = QPushButton(self)
        self.btn_tally.clicked.connect(self.cast_tally)
        self.tally_layout.addLayout(self.tally_holder)
        self.tally_layout.addWidget(self.btn_tally, 0, Qt.AlignmentFlag.AlignLeft)
        self.tally_layout.addStretch(1)
        # per voter
        self.voter_page = QWidget(self)
        self.voter_layout = QVBoxLayout(self.voter_page)
        self.voter_combo = QComboBox(self)
        self.voter_label = QLabel(self)
        self.btn_voter = QPushButton(self)
        self.btn_voter.clicked.connect(self.cast_voter)
        self.voter_combo.currentIndexChanged.connect(self._update_cast_buttons)
        voter_row = QHBoxLayout()
        voter_row.addWidget(self.voter_label)
        voter_row.addWidget(self.voter_combo, 1)
        self.voter_layout.addLayout(voter_row)
        self.voter_holder = QVBoxLayout()
        self.voter_layout.addLayout(self.voter_holder)
        self.voter_layout.addWidget(self.btn_voter, 0, Qt.AlignmentFlag.AlignLeft)
        self.voted_label = QLabel(self)
        self.voted_label.setWordWrap(True)
        self.voter_layout.addWidget(self.voted_label)
        self.voter_layout.addStretch(1)
        # kiosk
        self.kiosk_page = QWidget(self)
        kl = QVBoxLayout(self.kiosk_page)
        self.kiosk_text = QLabel(self)
        self.kiosk_text.setWordWrap(True)
        self.btn_kiosk = QPushButton(self)
        self.btn_kiosk.clicked.connect(self.start_kiosk)
        self.kiosk_pin = QLineEdit(self)
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin.setMaximumWidth(220)
        self.kiosk_pin_label = QLabel(self)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.kiosk_pin_label)
        pin_row.addWidget(self.kiosk_pin)
        pin_row.addStretch(1)
        kl.addWidget(self.kiosk_text)
        kl.addLayout(pin_row)
        kl.addWidget(self.btn_kiosk, 0, Qt.AlignmentFlag.AlignLeft)
        kl.addStretch(1)
        self.cast_tabs.addTab(self.tally_page, "")
        self.cast_tabs.addTab(self.voter_page, "")
        self.cast_tabs.addTab(self.kiosk_page, "")
        self.cast_hint = QLabel(self)
        self.cast_hint.setWordWrap(True)

        self.results_box = QGroupBox(self)
        self.chart = ResultsChart(self)
        rl = QVBoxLayout(self.results_box)
        rl.addWidget(self.chart)

        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.addWidget(self.heading)
        rv.addWidget(self.info)
        rv.addLayout(state_row)
        rv.addWidget(self.cast_hint)
        rv.addWidget(self.cast_tabs, 1)
        rv.addWidget(self.results_box)
        rv.addStretch(0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()
        if self.model.rowCount():
            self.select_poll(self.model.poll(0).id)
        else:
            self._show_poll()

    def retranslate(self) -> None:
        self.btn_new.setText(self.tr("New poll…"))
        self.btn_edit.setText(self.tr("Edit…"))
        self.btn_delete.setText(self.tr("Delete"))
        self.btn_open.setText(self.tr("Open voting"))
        self.btn_close.setText(self.tr("Close voting"))
        self.btn_reopen.setText(self.tr("Reopen…"))
        self.btn_present.setText(self.tr("Show on the projector"))
        self.cast_tabs.setTabText(0, self.tr("Tally entry"))
        self.cast_tabs.setTabText(1, self.tr("Per voter"))
        self.cast_tabs.setTabText(2, self.tr("Private kiosk"))
        self.btn_tally.setText(self.tr("Add paper tally"))
        self.voter_label.setText(self.tr("Voter"))
        self.btn_voter.setText(self.tr("Cast ballot"))
        self.kiosk_text.setText(
            self.tr(
                "The laptop goes round the room: each person sees an empty ballot, votes, "
                "and hands it on. Earlier ballots are never shown. Leaving the kiosk asks "
                "for confirmation."
            )
        )
        self.btn_kiosk.setText(self.tr("Start the kiosk"))
        self.kiosk_pin_label.setText(self.tr("Facilitator's PIN to leave (optional):"))
        self.kiosk_pin.setPlaceholderText(self.tr("none: anyone can leave with Esc"))
        self.results_box.setTitle(self.tr("Results"))
        self.refresh_later()

    # --- selection ----------------------------------------------------------------------
    def current_poll(self) -> Poll | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.poll(rows[0].row()) if rows else None

    def select_poll(self, poll_id: int) -> None:
        row = self.model.row_of(poll_id)
        if row >= 0:
            self.list.selectionModel().select(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def reload(self) -> None:
        poll = self.current_poll()
        self.model.reload()
        if poll is not None:
            self.select_poll(poll.id)
        self._show_poll()

    def _on_select(self, *args: object) -> None:
        self._show_poll()

    def _show_poll(self) -> None:
        poll = self.current_poll()
        if poll is not None:
            poll = self.org.poll(poll.id)
        has = poll is not None
        self.btn_edit.setEnabled(has and poll.state is PollState.DRAFT)  # type: ignore[union-attr]
        self.btn_delete.setEnabled(has)
        for w in (
            self.btn_open,
            self.btn_close,
            self.btn_reopen,
            self.btn_present,
            self.results_box,
        ):
            w.setVisible(has)
        if poll is None:
            self.heading.setText(self.tr("No poll selected"))
            self.info.setText(
                self.tr("Create a poll on the solutions, or on free options, with “New poll…”.")
            )
            self.cast_tabs.setVisible(False)
            self.cast_hint.setVisible(False)
            self.chart.set_result(None, None, False)
            return
        self.heading.setText(poll.title)
        lines = [
            state_label(poll.state),
            self.org.rules_text(poll),
            self.tr("Anonymous ballots") if poll.anonymous else self.tr("Named ballots"),
        ]
        if poll.agenda_item_id is not None:
            lines.append(
                self.tr("Agenda item: %1").replace(
                    "%1", self.service.item(poll.agenda_item_id).title
                )
            )
        for e in self.org.events(poll.id):
            if e.event == "reopened":
                when = e.at.astimezone(self.service.zone()).strftime("%Y-%m-%d %H:%M")
                lines.append(self.tr("Reopened %1: %2").replace("%1", when).replace("%2", e.reason))
        self.info.setText("\n".join(lines))
        self.btn_open.setVisible(poll.state is PollState.DRAFT)
        self.btn_close.setVisible(poll.state is PollState.OPEN)
        self.btn_reopen.setVisible(poll.state is PollState.CLOSED)
        is_open = poll.state is PollState.OPEN
        self.cast_tabs.setVisible(is_open)
        self.cast_hint.setVisible(not is_open)
        self.cast_hint.setText(
            self.tr("Open voting to cast ballots.")
            if poll.state is PollState.DRAFT
            else self.tr("Voting is closed: the ballots can no longer change.")
        )
        if is_open:
            self._build_editors(poll)
        self.chart.set_result(poll, self.org.result(poll.id), poll.results_visible)

    def _build_editors(self, poll: Poll) -> None:
        for editor in (self.tally_editor, self.voter_editor):
            if editor is not None:
                editor.setParent(None)
                editor.deleteLater()
        tally_ok = poll.method in (Method.DOT, Method.APPROVAL)
        self.cast_tabs.setTabEnabled(0, tally_ok)
        self.tally_editor = None
        if tally_ok:
            self.tally_editor = BallotEditor(poll, tally=True, parent=self.tally_page)
            self.tally_holder.addWidget(self.tally_editor)
            self.tally_editor.changed.connect(self._update_cast_buttons)
        elif self.cast_tabs.currentIndex() == 0:
            self.cast_tabs.setCurrentIndex(1)
        self.voter_editor = BallotEditor(poll, parent=self.voter_page)
        self.voter_holder.addWidget(self.voter_editor)
        self.voter_editor.changed.connect(self._update_cast_buttons)
        voted = self.org.voted(poll.id)
        self.voter_combo.blockSignals(True)
        self.voter_combo.clear()
        for p in self.service.participants():
            if p.id not in voted:
                self.voter_combo.addItem(p.name, p.id)
        self.voter_combo.blockSignals(False)
        names = [p.name for p in self.service.participants() if p.id in voted]
        self.voted_label.setText(
            self.tr("Already voted: %1").replace("%1", ", ".join(names)) if names else ""
        )
        self._update_cast_buttons()

    def _update_cast_buttons(self) -> None:
        self.btn_tally.setEnabled(self.tally_editor is not None and self.tally_editor.is_valid())
        self.btn_voter.setEnabled(
            self.voter_editor is not None
            and self.voter_editor.is_valid()
            and self.voter_combo.currentData() is not None
        )

    def _present(self) -> None:
        poll = self.current_poll()
        if poll is not None:
            self.present_requested.emit(poll.id)

    # --- poll operations ------------------------------------------------------------------
    def new_poll(self) -> None:
        # The room reads the question: in the workshop's language, whatever the window's.
        title = participant_text(self.org.language, "polls", DEFAULT_QUESTION)
        settings = PollDialog.ask(self.org, self.org.default_settings(title, Method.DOT), self)
        if settings is None:
            return
        cmd = ops.CreatePoll(settings)
        if self.run(cmd):
            self.reload()
            assert cmd.poll_id is not None
            self.select_poll(cmd.poll_id)

    def edit_poll(self) -> None:
        poll = self.current_poll()
        if poll is None or poll.state is not PollState.DRAFT:
            return
        settings = PollDialog.ask(self.org, self.org.settings_of(poll), self)
        if settings is not None and self.run(ops.EditPoll(poll.id, settings)):
            self.reload()

    def delete_poll(self) -> None:
        poll = self.current_poll()
        if poll is not None and self.run(ops.DeletePoll(poll.id)):
            self.reload()

    def _state_change(self, op: ops.Operation) -> None:
        self.run(op)  # an event in the file: not on the undo stack
        self.reload()

    def open_poll(self) -> None:
        poll = self.current_poll()
        if poll is not None:
            self._state_change(ops.OpenPoll(poll.id))

    def close_poll(self) -> None:
        poll = self.current_poll()
        if poll is not None:
            self._state_change(ops.ClosePoll(poll.id))

    def reopen_poll(self) -> None:
        poll = self.current_poll()
        if poll is None:
            return
        reason = ask_text(
            self,
            self.tr("Reopen voting"),
            self.tr("Why is the poll reopened? (recorded in the workshop file)"),
        )
        if reason is not None:
            self._state_change(ops.ReopenPoll(poll.id, reason))

    # --- casting -------------------------------------------------------------------------
    def cast_tally(self) -> None:
        poll = self.current_poll()
        if poll is None or self.tally_editor is None or not self.tally_editor.is_valid():
            return
        ballot = self.tally_editor.ballot()
        if self.run(ops.CastBallot(poll.id, ballot, CastMode.TALLY)):
            self.reload()

    def cast_voter(self) -> None:
        poll = self.current_poll()
        voter = self.voter_combo.currentData()
        if poll is None or self.voter_editor is None or voter is None:
            return
        if not self.voter_editor.is_valid():
            return
        ballot = self.voter_editor.ballot()
        if self.run(ops.CastBallot(poll.id, ballot, CastMode.VOTER, voter)):
            self.reload()

    def start_kiosk(self) -> KioskWindow | None:
        poll = self.current_poll()
        if poll is None or poll.state is not PollState.OPEN:
            return None
        self.kiosk = KioskWindow(self.doc, poll.id, self, pin=self.kiosk_pin.text())
        self.kiosk.left.connect(self._kiosk_left)
        self.kiosk.start()
        return self.kiosk

    def teardown(self) -> None:
        """The workshop is closing: the kiosk closes without asking (nothing is lost:
        every confirmed ballot is already stored)."""
        kiosk, self.kiosk = self.kiosk, None
        if kiosk is not None:
            kiosk.left.disconnect(self._kiosk_left)
            kiosk._leaving = True
            kiosk.close()

    def _kiosk_left(self) -> None:
        self.kiosk = None
        self.reload()
