"""The Plan screens: workshop details, days, agenda, participants, attendance,
categories and CSV imports. ``PlanView`` is the one widget the main window needs.

``PlanView`` is imported on first use, so that the Live view can use the small
helpers here (labels) without loading every Plan screen at start-up."""

from __future__ import annotations

from typing import Any

__all__ = ["PlanView"]


def __getattr__(name: str) -> Any:
    if name == "PlanView":
        from facilitator.ui.plan.view import PlanView

        return PlanView
    raise AttributeError(name)
