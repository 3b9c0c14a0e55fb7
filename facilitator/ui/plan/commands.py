"""Plan-screen QUndoCommands not in facilitator/ui/undo.py: days, organisations,
category templates and CSV imports. Each wraps one service call and its inverse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from facilitator.domain import model as m
from facilitator.services import importing as imp
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.undo import ServiceCommand


class AddDayCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, date: dt.date | None, title: str = "") -> None:
        super().__init__(doc, QCoreApplication.translate("plan", "Add day"))
        self.date = date
        self.title = title
        self.day_id: int | None = None

    def do(self) -> None:
        if self.day_id is None:
            self.day_id = self.svc.add_day(self.date, self.title)
        else:
            self.svc.restore_day(self.day_id)
        self.doc.agenda_changed.emit(0)

    def undo_do(self) -> None:
        assert self.day_id is not None
        self.svc.delete_day(self.day_id)
        self.doc.agenda_changed.emit(0)


class UpdateDayCommand(ServiceCommand):
    def __init__(
        self, doc: WorkshopDocument, day_id: int, date: dt.date | None, title: str
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("plan", "Edit day"))
        self.day_id = day_id
        self.new = (date, title)
        self.old: tuple[dt.date | None, str] | None = None

    def do(self) -> None:
        if self.old is None:
            day = self.svc.day(self.day_id)
            self.old = (day.date, day.title)
        self.svc.update_day(self.day_id, *self.new)
        self.doc.agenda_changed.emit(0)

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_day(self.day_id, *self.old)
        self.doc.agenda_changed.emit(0)


class DeleteDayCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, day_id: int) -> None:
        super().__init__(doc, QCoreApplication.translate("plan", "Delete day"))
        self.day_id = day_id

    def do(self) -> None:
        self.svc.delete_day(self.day_id)
        self.doc.agenda_changed.emit(0)

    def undo_do(self) -> None:
        self.svc.restore_day(self.day_id)
        self.doc.agenda_changed.emit(0)


class UpdateOrganisationCommand(ServiceCommand):
    def __init__(
        self, doc: WorkshopDocument, org_id: int, name: str, kind: m.OrganisationKind
    ) -> None:
        super().__init__(doc, QCoreApplication.translate("plan", "Edit organisation"))
        self.org_id = org_id
        self.new = (name, m.OrganisationKind(kind))
        self.old: tuple[str, m.OrganisationKind] | None = None

    def do(self) -> None:
        if self.old is None:
            org = next(o for o in self.svc.organisations() if o.id == self.org_id)
            self.old = (org.name, org.kind)
        self.svc.update_organisation(self.org_id, *self.new)
        self.doc.participants_changed.emit()

    def undo_do(self) -> None:
        assert self.old is not None
        self.svc.update_organisation(self.org_id, *self.old)
        self.doc.participants_changed.emit()


class ApplyTemplateCommand(ServiceCommand):
    def __init__(self, doc: WorkshopDocument, template: str) -> None:
        super().__init__(doc, QCoreApplication.translate("plan", "Add categories from a template"))
        self.template = template
        self.ids: list[int] | None = None

    def do(self) -> None:
        if self.ids is None:
            self.ids = self.svc.apply_template(self.template)
        else:
            for cat_id in self.ids:
                self.svc.restore_category(cat_id)
        self.doc.categories_changed.emit()

    def undo_do(self) -> None:
        assert self.ids is not None
        for cat_id in self.ids:
            self.svc.delete_category(cat_id)
        self.doc.categories_changed.emit()


class ImportCommand(ServiceCommand):
    """Import the valid rows of a CSV preview (all or nothing); undo removes them."""

    def __init__(self, doc: WorkshopDocument, preview: imp.ImportPreview) -> None:
        if preview.kind is imp.ImportKind.PARTICIPANTS:
            text = QCoreApplication.translate("plan", "Import participants")
        else:
            text = QCoreApplication.translate("plan", "Import agenda")
        super().__init__(doc, text)
        self.preview = preview
        self.result: imp.ImportResult | None = None

    def _set(self, deleted: bool) -> None:
        assert self.result is not None
        r = self.result
        if r.kind is imp.ImportKind.PARTICIPANTS:
            self.svc.set_imported_deleted(
                deleted, participants=r.ids, organisations=r.organisation_ids
            )
        else:
            self.svc.set_imported_deleted(deleted, items=r.ids, days=r.day_ids)

    def _emit(self) -> None:
        if self.preview.kind is imp.ImportKind.PARTICIPANTS:
            self.doc.participants_changed.emit()
        else:
            self.doc.agenda_changed.emit(0)

    def do(self) -> None:
        if self.result is None:
            self.result = imp.apply_import(self.svc, self.preview)
        else:
            self._set(False)
        self._emit()

    def undo_do(self) -> None:
        self._set(True)
        self._emit()
