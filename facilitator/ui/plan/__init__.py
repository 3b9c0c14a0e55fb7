"""The Plan screens: workshop details, days, agenda, participants, attendance,
categories and CSV imports. ``PlanView`` is the one widget the main window needs."""

from facilitator.ui.plan.view import PlanView

__all__ = ["PlanView"]
