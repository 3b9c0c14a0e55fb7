"""Organise and decide: themes, solutions, polls, ballots, results and action items.

Each screen is a QWidget built from ``(service, document=the open WorkshopDocument)``
(in tests, ``(service, undo_stack)`` gives it a document of its own). It changes the
workshop through operations and follows the document's change stream for the kinds it
shows (``shows``); ``reload()`` rebuilds it:

- :class:`OrganiseView` — notes grouped into themes, solutions;
- :class:`PollsView` — polls, casting (tally, per voter, kiosk), results chart;
- :class:`ActionsView` — action items;
- :class:`PresenterResults` — large results for the presenter window (``show_poll``).
"""

from __future__ import annotations

from facilitator.ui.organise.actions_view import ActionsView
from facilitator.ui.organise.chart import PresenterResults, ResultsChart
from facilitator.ui.organise.organise_view import OrganiseView
from facilitator.ui.organise.polls_view import PollsView

__all__ = ["ActionsView", "OrganiseView", "PollsView", "PresenterResults", "ResultsChart"]
