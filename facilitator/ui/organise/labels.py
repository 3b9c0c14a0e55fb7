"""Translated names of methods, states, statuses and modes (one place for lupdate)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.domain import model as m
from facilitator.domain.voting import Method, PollState


def method_label(method: Method) -> str:
    return {
        Method.DOT: QCoreApplication.translate("organise", "Dot voting"),
        Method.SCORE: QCoreApplication.translate("organise", "Multi-criteria scoring"),
        Method.RANKED: QCoreApplication.translate("organise", "Ranked choice (Borda)"),
        Method.APPROVAL: QCoreApplication.translate("organise", "Approval voting"),
    }[Method(method)]


def state_label(state: PollState) -> str:
    return {
        PollState.DRAFT: QCoreApplication.translate("organise", "Draft"),
        PollState.OPEN: QCoreApplication.translate("organise", "Open"),
        PollState.CLOSED: QCoreApplication.translate("organise", "Closed"),
    }[PollState(state)]


def status_label(status: m.ActionStatus) -> str:
    return {
        m.ActionStatus.OPEN: QCoreApplication.translate("organise", "To do"),
        m.ActionStatus.IN_PROGRESS: QCoreApplication.translate("organise", "In progress"),
        m.ActionStatus.DONE: QCoreApplication.translate("organise", "Done"),
        m.ActionStatus.CANCELLED: QCoreApplication.translate("organise", "Cancelled"),
    }[m.ActionStatus(status)]


def score_heading(method: Method) -> str:
    return {
        Method.DOT: QCoreApplication.translate("organise", "Dots"),
        Method.SCORE: QCoreApplication.translate("organise", "Weighted total"),
        Method.RANKED: QCoreApplication.translate("organise", "Borda points"),
        Method.APPROVAL: QCoreApplication.translate("organise", "Approvals"),
    }[Method(method)]
