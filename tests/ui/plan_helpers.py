"""Shared set-up of the plan-screen UI tests (``shown_errors`` is in conftest.py)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from facilitator.services.workshop import WorkshopService
from facilitator.ui.plan import PlanView


def plan_view(qtbot, svc: WorkshopService, *, show: bool = True) -> PlanView:  # type: ignore[no-untyped-def]
    """A PlanView on ``svc`` with its own undo stack, closed with the test."""
    v = PlanView(svc, QUndoStack())
    qtbot.addWidget(v)
    if show:
        v.show()
    return v
