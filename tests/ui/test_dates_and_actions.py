"""One date format in the window (actions' due dates too), overdue actions highlighted
and filterable, and the new-workshop form's title message that goes once a title is
typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QUndoStack

from facilitator.domain import model as m
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.contrast import AA, contrast_ratio
from facilitator.ui.dates import date_format
from facilitator.ui.dialogs import NewWorkshopDialog
from facilitator.ui.organise import ActionsView
from facilitator.ui.organise.dialogs import ActionDialog
from facilitator.ui.organise.models import ActionsModel, OverdueRole


def _italian() -> QLocale:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    return before


def test_due_dates_use_the_same_locale_format_as_every_date_box(
    qtbot,
    svc: WorkshopService,  # noqa: ANN001
) -> None:
    before = _italian()
    try:
        svc.add_action("Mandare il rapporto", due_date=dt.date(2025, 11, 20))
        view = ActionsView(svc, QUndoStack())
        qtbot.addWidget(view)
        due = view.model.index(0, ActionsModel.DUE).data()
        assert due == "20/11/2025"
        new = NewWorkshopDialog("it")
        qtbot.addWidget(new)
        action = ActionDialog(OrganiseService(svc))
        qtbot.addWidget(action)
        assert new.start.displayFormat() == action.due_edit.displayFormat() == date_format()
        assert date_format() == "dd/MM/yyyy"
    finally:
        QLocale.setDefault(before)


def test_overdue_actions_are_highlighted_and_filterable(
    qtbot,
    svc: WorkshopService,  # noqa: ANN001
) -> None:
    late = svc.add_action("In ritardo", due_date=dt.date(2025, 11, 1))
    svc.add_action("Fatta in ritardo", due_date=dt.date(2025, 11, 1), status=m.ActionStatus.DONE)
    svc.add_action("Per dopo", due_date=dt.date(2025, 12, 1))
    svc.add_action("Senza data")
    view = ActionsView(svc, QUndoStack())
    qtbot.addWidget(view)
    view.show()
    view.model.today = lambda: dt.date(2025, 11, 10)
    view.reload()
    overdue = [
        view.model.action(r).text
        for r in range(view.model.rowCount())
        if view.model.index(r, 0).data(OverdueRole)
    ]
    assert overdue == ["In ritardo"]
    row = view.model.row_of(late)
    colour = view.model.index(row, ActionsModel.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor)
    assert contrast_ratio(colour, QColor("#ffffff")) >= AA
    assert view.model.index(row, ActionsModel.DUE).data(Qt.ItemDataRole.FontRole).bold()
    assert "1" in view.only_overdue.text()
    view.only_overdue.setChecked(True)
    assert [view.model.action(r).text for r in range(view.model.rowCount())] == ["In ritardo"]
    view.only_overdue.setChecked(False)
    assert view.model.rowCount() == 4
    # Done and cancelled ones are muted, still readable.
    done_row = next(r for r in range(4) if view.model.action(r).text == "Fatta in ritardo")
    muted = view.model.index(done_row, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert contrast_ratio(muted, view.palette().color(view.palette().ColorRole.Base)) >= AA


def test_the_title_message_goes_once_a_title_is_typed(qtbot) -> None:  # noqa: ANN001
    dialog = NewWorkshopDialog("en")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "title" in dialog.error.text()
    qtbot.keyClicks(dialog.title, "Study visit")
    assert dialog.error.text() == ""
