"""Participants (a filterable table and a form) and their organisations with kinds."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.services import operations as ops
from facilitator.services.minutes import MinutesService
from facilitator.services.operations import Changes, Kind
from facilitator.ui.collation import CollatedProxy, sorted_by_name
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.plan.common import count_text
from facilitator.ui.plan.labels import org_kind_label, role_label
from facilitator.ui.plan.models import OrganisationsModel, ParticipantsModel


def _table(model: QSortFilterProxyModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # A→Z, the arrow says so
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ParticipantsEditor(QWidget):
    def __init__(self, doc: WorkshopDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.svc = doc.service
        self._editing: int | None = None  # participant id in the form, None = new

        self.model = ParticipantsModel(self)
        self.proxy = CollatedProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, organisation, role, e-mail"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _table(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_form())
        self.count_label = QLabel()
        self.import_button = QPushButton(self.tr("Import participants from CSV…"))
        # join codes for the room's participants' mode (ui/join_codes.py)
        self.print_codes_button = QPushButton(self.tr("Print join codes…"))
        self.print_codes_button.setToolTip(
            self.tr("A badge per participant with the code their phone types to join the room")
        )
        self.new_codes_button = QPushButton(self.tr("New join codes…"))
        self.new_codes_button.setToolTip(
            self.tr("Everyone gets a new code: the printed ones stop working")
        )
        self.new_codes_button.setEnabled(not doc.read_only)
        self.print_codes_button.clicked.connect(self.print_join_codes)
        self.new_codes_button.clicked.connect(self.new_join_codes)

        self.name_edit = QLineEdit()
        self.org_combo = QComboBox()
        self.org_combo.setEditable(True)
        self.org_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.role_combo = QComboBox()
        for role in m.Role:
            self.role_combo.addItem(role_label(role), role.value)
        self.email_edit = QLineEdit()
        self.job_title_edit = QLineEdit()
        self.job_title_edit.setPlaceholderText(self.tr("e.g. Head of unit"))
        self.country_edit = QLineEdit()
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_participant)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        self.name_edit.returnPressed.connect(self.save)
        self.email_edit.returnPressed.connect(self.save)
        self.job_title_edit.returnPressed.connect(self.save)
        self.country_edit.returnPressed.connect(self.save)

        self.form_box = QGroupBox(self.tr("Participant"))
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Organisation"), self.org_combo)
        form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("E-mail"), self.email_edit)
        form.addRow(self.tr("Job title"), self.job_title_edit)
        form.addRow(self.tr("Country"), self.country_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        # organisations
        self.org_model = OrganisationsModel(self)
        self.org_proxy = CollatedProxy(self)
        self.org_proxy.setSourceModel(self.org_model)
        self.org_table = _table(self.org_proxy)
        self.org_table.selectionModel().currentRowChanged.connect(lambda *_: self._load_org())
        self.org_name_edit = QLineEdit()
        self.org_kind_combo = QComboBox()
        for kind in m.OrganisationKind:
            self.org_kind_combo.addItem(org_kind_label(kind), kind.value)
        self.org_save_button = QPushButton(self.tr("Save organisation"))
        self.org_save_button.clicked.connect(self.save_organisation)
        self.org_name_edit.returnPressed.connect(self.save_organisation)
        org_box = QGroupBox(self.tr("Organisations"))
        org_layout = QVBoxLayout(org_box)
        org_layout.addWidget(self.org_table, 1)
        org_form = QFormLayout()
        org_form.addRow(self.tr("Name"), self.org_name_edit)
        org_form.addRow(self.tr("Kind"), self.org_kind_combo)
        org_form.addRow(self.org_save_button)
        org_layout.addLayout(org_form)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.import_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_codes_button)
        bottom.addWidget(self.print_codes_button)
        left_layout.addLayout(bottom)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(org_box, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        doc.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        """An edited participant is one row read and redrawn; anything more (people or
        organisations added or removed) reloads the lists."""
        if not changes.touches(Kind.PARTICIPANT, Kind.ORGANISATION):
            return
        edited = changes.updated_ids(Kind.PARTICIPANT)
        if changes.kinds() == {Kind.PARTICIPANT} and edited == changes.ids(Kind.PARTICIPANT):
            people = [self.svc.participant(pid) for pid in sorted(edited)]
            if all(self.model.replace(p) for p in people):
                if self._editing in edited:
                    self._load_form()
                return
        self.reload()

    def print_join_codes(self) -> bool:
        from facilitator.ui import join_codes

        return join_codes.print_codes(self.doc, self)

    def new_join_codes(self) -> bool:
        from facilitator.ui import join_codes

        return join_codes.reissue_all(self.doc, self)

    def reload(self) -> None:
        keep = self._editing
        people = self.svc.participants()
        self.model.set_participants(people)
        orgs = self.svc.organisations()
        counts: dict[int, int] = {}
        for p in people:
            if p.organisation_id is not None:
                counts[p.organisation_id] = counts.get(p.organisation_id, 0) + 1
        self.org_model.set_organisations(orgs, counts)
        text = self.org_combo.currentText()
        self.org_combo.clear()
        self.org_combo.addItem("")
        self.org_combo.addItems(sorted_by_name(o.name for o in orgs))
        self.org_combo.setCurrentText(text)
        self.count_label.setText(
            count_text(len(people), self.tr("1 participant"), self.tr("%1 participants"))
        )
        for view in (self.table, self.org_table):
            view.resizeColumnsToContents()
            for col in range(view.model().columnCount()):
                view.setColumnWidth(col, min(view.columnWidth(col), 260))
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        else:
            self._load_form()
        self.form_box.setEnabled(not self.doc.read_only)

    def select(self, pid: int) -> None:
        row = self.model.row_of(pid)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._editing = pid
        self._load_form()

    def selected(self) -> m.Participant | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.participant_at(self.proxy.mapToSource(index).row())

    def _load_form(self) -> None:
        p = self.selected()
        self._editing = p.id if p else None
        self.name_edit.setText(p.name if p else "")
        self.org_combo.setCurrentText(p.organisation_name if p else "")
        self.role_combo.setCurrentIndex(
            self.role_combo.findData(p.role.value) if p else self.role_combo.findData("participant")
        )
        self.email_edit.setText(p.email if p else "")
        job, country = (
            MinutesService(self.svc).participant_details().get(p.id, ("", "")) if p else ("", "")
        )
        self.job_title_edit.setText(job)
        self.country_edit.setText(country)
        self.delete_button.setEnabled(p is not None)
        self.form_box.setTitle(self.tr("Participant") if p else self.tr("New participant"))

    def new_participant(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(self.proxy.index(-1, -1))
        self._editing = None
        self._load_form()
        self.name_edit.setFocus()

    def save(self) -> None:
        name = self.name_edit.text()
        org = self.org_combo.currentText()
        role = m.Role(self.role_combo.currentData())
        email = self.email_edit.text()
        details = (self.job_title_edit.text().strip(), self.country_edit.text().strip())
        if self._editing is None:
            cmd = ops.AddParticipant(name, organisation=org, role=role, email=email)
            if self.doc.run(cmd) and cmd.pid is not None:
                if any(details):
                    self.doc.run(ops.EditParticipantDetails(cmd.pid, *details))
                self.select(cmd.pid)
        else:
            p = self.svc.participant(self._editing)
            if (p.name, p.organisation_name, p.role, p.email) != (name, org, role, email):
                self.doc.run(ops.EditParticipant(self._editing, name, org, role, email))
            old = MinutesService(self.svc).participant_details().get(p.id, ("", ""))
            if old != details:
                self.doc.run(ops.EditParticipantDetails(p.id, *details))

    def delete_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self._editing = None
            self.doc.run(ops.DeleteParticipant(p.id))

    # --- organisations ------------------------------------------------------------------

    def selected_organisation(self) -> m.Organisation | None:
        index = self.org_table.currentIndex()
        if not index.isValid():
            return None
        return self.org_model.organisation_at(self.org_proxy.mapToSource(index).row())

    def _load_org(self) -> None:
        o = self.selected_organisation()
        self.org_name_edit.setText(o.name if o else "")
        self.org_kind_combo.setCurrentIndex(
            self.org_kind_combo.findData(o.kind.value if o else m.OrganisationKind.OTHER.value)
        )
        self.org_save_button.setEnabled(o is not None)

    def save_organisation(self) -> None:
        o = self.selected_organisation()
        if o is None:
            return
        kind = m.OrganisationKind(self.org_kind_combo.currentData())
        name = self.org_name_edit.text()
        if (name, kind) != (o.name, o.kind):
            self.doc.run(ops.EditOrganisation(o.id, name, kind))
