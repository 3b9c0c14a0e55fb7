"""Undo/redo of themes, solutions, decisions, actions and ballots on a bare QUndoStack."""

from __future__ import annotations

import datetime as dt

import pytest
from organise_helpers import Errors, open_poll, shown_errors  # noqa: F401
from PySide6.QtGui import QUndoStack

from facilitator.domain import model as m
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import operations as ops
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.undo import OperationCommand


def cmd(svc: WorkshopService, op: ops.Operation) -> OperationCommand:
    """The undo command of ``op``, for a bare stack (``push`` performs it)."""
    return OperationCommand(op, svc)


@pytest.fixture
def org(svc: WorkshopService) -> OrganiseService:
    return OrganiseService(svc)


def test_theme_commands_undo_and_redo(
    qapp: object, svc: WorkshopService, org: OrganiseService
) -> None:
    stack = QUndoStack()
    a, b, d = (svc.add_note(t).id for t in ("a", "b", "d"))
    stack.push(cmd(svc, ops.CreateTheme("Funding", [a, b])))
    (theme,) = org.themes()
    stack.push(cmd(svc, ops.MoveNotes([d], theme.id)))
    stack.push(cmd(svc, ops.RenameTheme(theme.id, "Money")))
    assert org.theme(theme.id).title == "Money"
    assert org.theme(theme.id).note_ids == (a, b, d)
    stack.push(cmd(svc, ops.Ungroup(theme.id)))
    assert org.themes() == []
    stack.undo()  # ungroup
    assert org.theme(theme.id).note_ids == (a, b, d)
    stack.undo()  # rename
    assert org.theme(theme.id).title == "Funding"
    stack.undo()  # move
    assert org.theme(theme.id).note_ids == (a, b)
    stack.undo()  # create
    assert org.themes() == [] and set(org.ungrouped_note_ids()) == {a, b, d}
    for _ in range(4):
        stack.redo()
    assert org.themes() == []
    stack.undo()
    assert org.theme(theme.id).title == "Money"


def test_solution_decision_and_action_commands(
    qapp: object, svc: WorkshopService, org: OrganiseService
) -> None:
    stack = QUndoStack()
    note = svc.add_note("Revolving fund")
    anna = svc.add_participant("Anna")
    add = ops.AddSolution("Revolving fund", note_ids=[note.id])
    stack.push(cmd(svc, add))
    assert add.solution_id is not None
    stack.push(cmd(svc, ops.EditSolution(add.solution_id, title="Fund")))
    stack.push(cmd(svc, ops.SetDecision(note.id, True)))
    act = ops.AddAction("Call the bank", owner_id=anna, due_date=dt.date(2025, 12, 1))
    stack.push(cmd(svc, act))
    assert act.action_id is not None
    stack.push(cmd(svc, ops.EditAction(act.action_id, "Call", anna, None, m.ActionStatus.DONE)))
    assert svc.action(act.action_id).status is m.ActionStatus.DONE
    stack.undo()
    assert svc.action(act.action_id).due_date == dt.date(2025, 12, 1)
    stack.push(cmd(svc, ops.DeleteAction(act.action_id)))
    assert svc.actions() == []
    stack.undo()
    stack.undo()  # add action
    assert svc.actions() == []
    stack.undo()  # decision
    assert svc.note(note.id).is_decision is False
    stack.undo()  # edit solution
    assert org.solution(add.solution_id).title == "Revolving fund"
    stack.undo()  # add solution
    assert org.solutions() == []
    stack.redo()
    assert [s.id for s in org.solutions()] == [add.solution_id]


def test_ballot_command_undo_withdraws_and_redo_restores(
    qapp: object, svc: WorkshopService, org: OrganiseService
) -> None:
    stack = QUndoStack()
    pid = open_poll(org, Method.DOT, dots_per_voter=3)
    a = org.poll(pid).options[0].id
    stack.push(cmd(svc, ops.CastBallot(pid, Ballot.dots({a: 3}), CastMode.KIOSK)))
    assert org.ballot_count(pid) == 1
    stack.undo()
    assert org.ballot_count(pid) == 0
    stack.redo()
    assert org.ballot_count(pid) == 1


def test_undo_of_a_ballot_after_closing_is_refused_with_a_message(
    qapp: object,
    svc: WorkshopService,
    org: OrganiseService,
    shown_errors: Errors,  # noqa: F811
) -> None:
    stack = QUndoStack()
    pid = open_poll(org, Method.APPROVAL)
    a = org.poll(pid).options[0].id
    stack.push(cmd(svc, ops.CastBallot(pid, Ballot.approvals([a]), CastMode.KIOSK)))
    org.close_poll(pid)
    stack.undo()
    assert org.ballot_count(pid) == 1
    assert "cannot change" in str(shown_errors.shown[0])


def test_run_refuses_a_bad_ballot_without_touching_the_stack(
    qapp: object,
    svc: WorkshopService,
    org: OrganiseService,
    shown_errors: Errors,  # noqa: F811
) -> None:
    doc = WorkshopDocument(svc)
    stack = doc.undo_stack
    pid = open_poll(org, Method.DOT, dots_per_voter=2)
    a = org.poll(pid).options[0].id
    ok = doc.run(ops.CastBallot(pid, Ballot.dots({a: 5}), CastMode.KIOSK))
    assert ok is False and stack.count() == 0
    assert org.ballot_count(pid) == 0
    assert "too many dots" in str(shown_errors.shown[0])


def test_poll_commands(qapp: object, svc: WorkshopService, org: OrganiseService) -> None:
    stack = QUndoStack()
    settings = PollSettings("Q", Method.DOT, (("A", None), ("B", None)))
    create = ops.CreatePoll(settings)
    stack.push(cmd(svc, create))
    assert create.poll_id is not None
    stack.push(
        cmd(
            svc, ops.EditPoll(create.poll_id, PollSettings("Q2", Method.APPROVAL, settings.options))
        )
    )
    assert org.poll(create.poll_id).method is Method.APPROVAL
    stack.undo()
    assert org.poll(create.poll_id).method is Method.DOT
    stack.push(cmd(svc, ops.DeletePoll(create.poll_id)))
    assert org.polls() == []
    stack.undo()
    stack.undo()
    assert org.polls() == []
