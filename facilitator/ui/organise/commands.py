"""QUndoCommands for themes, solutions, decisions, actions, polls and ballots.

Each command wraps one service call and its inverse. Use :func:`run` to perform a
command and push it (a refused change shows its message and never reaches the stack),
or push it on a bare ``QUndoStack`` (``push`` performs the change) in tests.
Poll state changes (open, close, reopen) are events recorded in the file, not commands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from facilitator.domain import model as m
from facilitator.domain.voting import Ballot, CastMode
from facilitator.services.organise import Memberships, OrganiseService, PollSettings, Receipt
from facilitator.ui.undo import GuardedCommand, perform_and_push


class OrganiseCommand(GuardedCommand):
    """Base: subclasses implement ``do()`` and ``undo_do()`` (see :class:`GuardedCommand`)."""

    def __init__(self, org: OrganiseService, text: str) -> None:
        super().__init__(text)
        self.org = org
        self.svc = org.svc
        self._error_parent: QWidget | None = None

    def error_parent(self) -> QWidget | None:
        return self._error_parent


def run(stack: QUndoStack, cmd: OrganiseCommand, parent: QWidget | None = None) -> bool:
    """Perform ``cmd``; on success push it (without doing it twice). Errors are shown."""
    cmd._error_parent = parent
    return perform_and_push(stack, cmd, parent)


# --- themes ----------------------------------------------------------------------------


class CreateThemeCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, title: str, note_ids: Sequence[int]) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Group notes into a theme"))
        self.title = title
        self.note_ids = list(note_ids)
        self.theme_id: int | None = None
        self.previous: Memberships = {}

    def do(self) -> None:
        if self.theme_id is None:
            self.theme_id, self.previous = self.org.create_theme(self.title, self.note_ids)
        else:
            self.org.redo_create_theme(self.theme_id, self.note_ids)

    def undo_do(self) -> None:
        assert self.theme_id is not None
        self.org.undo_create_theme(self.theme_id, self.previous)


class MoveNotesCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, note_ids: Sequence[int], theme_id: int | None) -> None:
        super().__init__(
            org,
            QCoreApplication.translate("organise", "Move notes to a theme")
            if theme_id
            else QCoreApplication.translate("organise", "Take notes out of their theme"),
        )
        self.note_ids = list(note_ids)
        self.theme_id = theme_id
        self.previous: Memberships | None = None

    def do(self) -> None:
        previous = self.org.move_notes(self.note_ids, self.theme_id)
        if self.previous is None:
            self.previous = previous

    def undo_do(self) -> None:
        assert self.previous is not None
        self.org.set_memberships(self.previous)


class RenameThemeCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, theme_id: int, title: str) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Rename theme"))
        self.theme_id = theme_id
        self.title = title
        self.old: str | None = None

    def do(self) -> None:
        old = self.org.rename_theme(self.theme_id, self.title)
        if self.old is None:
            self.old = old

    def undo_do(self) -> None:
        assert self.old is not None
        self.org.rename_theme(self.theme_id, self.old)


class UngroupCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, theme_id: int) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Ungroup theme"))
        self.theme_id = theme_id
        self.members: Memberships = {}

    def do(self) -> None:
        self.members = self.org.ungroup(self.theme_id)

    def undo_do(self) -> None:
        self.org.restore_theme(self.theme_id, self.members)


# --- decisions -------------------------------------------------------------------------


class SetDecisionCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, note_id: int, is_decision: bool) -> None:
        super().__init__(
            org,
            QCoreApplication.translate("organise", "Mark as decision")
            if is_decision
            else QCoreApplication.translate("organise", "Unmark decision"),
        )
        self.note_id = note_id
        self.flag = is_decision
        self.old: bool | None = None

    def do(self) -> None:
        old = self.org.set_decision(self.note_id, self.flag)
        if self.old is None:
            self.old = old

    def undo_do(self) -> None:
        assert self.old is not None
        self.org.set_decision(self.note_id, self.old)


# --- solutions -------------------------------------------------------------------------


class AddSolutionCommand(OrganiseCommand):
    """A new solution: from scratch, or promoted from a note or from a theme."""

    def __init__(
        self,
        org: OrganiseService,
        title: str,
        description: str = "",
        *,
        note_ids: Sequence[int] = (),
        agenda_item_id: int | None = None,
        theme_id: int | None = None,
    ) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Add solution"))
        self.args = (title, description)
        self.kw = dict(note_ids=list(note_ids), agenda_item_id=agenda_item_id, theme_id=theme_id)
        self.solution_id: int | None = None

    def do(self) -> None:
        if self.solution_id is None:
            self.solution_id = self.org.add_solution(*self.args, **self.kw)  # type: ignore[arg-type]
        else:
            self.org.restore_solution(self.solution_id)

    def undo_do(self) -> None:
        assert self.solution_id is not None
        self.org.delete_solution(self.solution_id)


class UpdateSolutionCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, solution_id: int, **fields: Any) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Edit solution"))
        self.solution_id = solution_id
        self.fields = fields
        self.old: dict[str, Any] | None = None

    def do(self) -> None:
        before = self.org.update_solution(self.solution_id, **self.fields)
        if self.old is None:
            self.old = {k: getattr(before, k) for k in self.fields}

    def undo_do(self) -> None:
        assert self.old is not None
        self.org.update_solution(self.solution_id, **self.old)


class DeleteSolutionCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, solution_id: int) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Delete solution"))
        self.solution_id = solution_id

    def do(self) -> None:
        self.org.delete_solution(self.solution_id)

    def undo_do(self) -> None:
        self.org.restore_solution(self.solution_id)


# --- action items ----------------------------------------------------------------------


class AddActionCommand(OrganiseCommand):
    def __init__(
        self,
        org: OrganiseService,
        text: str,
        *,
        owner_id: int | None = None,
        due_date: dt.date | None = None,
        status: m.ActionStatus = m.ActionStatus.OPEN,
        note_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Add action item"))
        self.text_ = text
        self.kw: dict[str, Any] = dict(
            owner_id=owner_id,
            due_date=due_date,
            status=status,
            note_id=note_id,
            agenda_item_id=agenda_item_id,
        )
        self.action_id: int | None = None

    def do(self) -> None:
        if self.action_id is None:
            self.action_id = self.svc.add_action(self.text_, **self.kw)
        else:
            self.svc.restore_action(self.action_id)

    def undo_do(self) -> None:
        assert self.action_id is not None
        self.svc.delete_action(self.action_id)


class UpdateActionCommand(OrganiseCommand):
    def __init__(
        self,
        org: OrganiseService,
        action_id: int,
        text: str,
        owner_id: int | None,
        due_date: dt.date | None,
        status: m.ActionStatus,
    ) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Edit action item"))
        self.action_id = action_id
        self.new = (text, owner_id, due_date, status)
        self.old: tuple[str, int | None, dt.date | None, m.ActionStatus] | None = None

    def do(self) -> None:
        before = self.svc.update_action(self.action_id, *self.new)
        if self.old is None:
            self.old = (before.text, before.owner_id, before.due_date, before.status)

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_action(self.action_id, *self.old)


class DeleteActionCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, action_id: int) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Delete action item"))
        self.action_id = action_id

    def do(self) -> None:
        self.svc.delete_action(self.action_id)

    def undo_do(self) -> None:
        self.svc.restore_action(self.action_id)


# --- polls and ballots -----------------------------------------------------------------


class CreatePollCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, settings: PollSettings) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Create poll"))
        self.settings = settings
        self.poll_id: int | None = None

    def do(self) -> None:
        if self.poll_id is None:
            self.poll_id = self.org.create_poll(self.settings)
        else:
            self.org.restore_poll(self.poll_id)

    def undo_do(self) -> None:
        assert self.poll_id is not None
        self.org.delete_poll(self.poll_id)


class UpdatePollCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, poll_id: int, settings: PollSettings) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Edit poll"))
        self.poll_id = poll_id
        self.settings = settings
        self.old: PollSettings | None = None

    def do(self) -> None:
        old = self.org.update_poll(self.poll_id, self.settings)
        if self.old is None:
            self.old = old

    def undo_do(self) -> None:
        assert self.old is not None
        self.org.update_poll(self.poll_id, self.old)


class DeletePollCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, poll_id: int) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Delete poll"))
        self.poll_id = poll_id

    def do(self) -> None:
        self.org.delete_poll(self.poll_id)

    def undo_do(self) -> None:
        self.org.restore_poll(self.poll_id)


class CastBallotCommand(OrganiseCommand):
    """Cast a ballot (tally, per voter or kiosk). Undo withdraws it while the poll is open."""

    def __init__(
        self,
        org: OrganiseService,
        poll_id: int,
        ballot: Ballot,
        mode: CastMode,
        voter_id: int | None = None,
    ) -> None:
        text = {
            CastMode.TALLY: QCoreApplication.translate("organise", "Enter paper tally"),
            CastMode.VOTER: QCoreApplication.translate("organise", "Cast ballot"),
            CastMode.KIOSK: QCoreApplication.translate("organise", "Cast kiosk ballot"),
        }[mode]
        super().__init__(org, text)
        self.poll_id = poll_id
        self.ballot = ballot
        self.mode = mode
        self.voter_id = voter_id
        self.receipt: Receipt | None = None

    def do(self) -> None:
        if self.receipt is None:
            self.receipt = self.org.cast_ballot(self.poll_id, self.ballot, self.mode, self.voter_id)
        else:
            self.org.restore_ballot(self.receipt)

    def undo_do(self) -> None:
        assert self.receipt is not None
        self.org.withdraw_ballot(self.receipt)


class WithdrawBallotCommand(OrganiseCommand):
    def __init__(self, org: OrganiseService, receipt: Receipt) -> None:
        super().__init__(org, QCoreApplication.translate("organise", "Withdraw ballot"))
        self.receipt = receipt

    def do(self) -> None:
        self.org.withdraw_ballot(self.receipt)

    def undo_do(self) -> None:
        self.org.restore_ballot(self.receipt)
