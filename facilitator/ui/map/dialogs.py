"""The map's dialogs: an actor, a relation, and linking notes to a relation as its
evidence. Each has an ``ask()`` classmethod returning the values (None: cancelled);
tests monkeypatch it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.ecosystem import Actor, Contribution, Relation, RelationFields, RelationType
from facilitator.ui.map.labels import contribution_label, relation_label, strength_label
from facilitator.ui.plan.labels import org_kind_label


@dataclass(frozen=True)
class ActorValues:
    name: str
    kind: m.OrganisationKind
    role: str
    contributions: tuple[str, ...]


class ActorDialog(QDialog):
    def __init__(self, actor: Actor | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Actor") if actor else self.tr("New actor"))
        form = QFormLayout()
        self.name = QLineEdit(actor.name if actor else "")
        self.kind = QComboBox()
        for kind in m.OrganisationKind:
            self.kind.addItem(org_kind_label(kind), kind.value)
        if actor:
            self.kind.setCurrentIndex(self.kind.findData(actor.kind.value))
        self.role = QLineEdit(actor.role if actor else "")
        self.role.setPlaceholderText(self.tr("e.g. orchestrates the local ecosystem"))
        grid = QGridLayout()
        self.boxes: dict[Contribution, QCheckBox] = {}
        for n, c in enumerate(Contribution):
            box = QCheckBox(contribution_label(c))
            box.setChecked(bool(actor and c in actor.contributions))
            self.boxes[c] = box
            grid.addWidget(box, n // 4, n % 4)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Role in the ecosystem:"), self.role)
        form.addRow(self.tr("Contributes:"), grid)
        if actor is not None and actor.attended:
            hint = QLabel(
                self.tr("An organisation of the workshop: its name and kind change in People too.")
            )
            hint.setWordWrap(True)
            form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> ActorValues:
        return ActorValues(
            self.name.text(),
            m.OrganisationKind(self.kind.currentData()),
            self.role.text(),
            tuple(c.value for c, box in self.boxes.items() if box.isChecked()),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, actor: Actor | None = None) -> ActorValues | None:
        dialog = cls(actor, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RelationDialog(QDialog):
    def __init__(
        self,
        actors: Sequence[Actor],
        fields: RelationFields | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Relation"))
        self.source = QComboBox()
        self.target = QComboBox()
        for a in actors:
            self.source.addItem(a.name, a.key)
            self.target.addItem(a.name, a.key)
        self.type = QComboBox()
        for t in RelationType:
            self.type.addItem(relation_label(t), t.value)
        self.directed = QCheckBox(self.tr("From the first actor to the second (money, referrals)"))
        self.strength = QComboBox()
        for s in (1, 2, 3):
            self.strength.addItem(strength_label(s), s)
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("e.g. 2021-2027"))
        self.description = QLineEdit()
        if fields is not None:
            self.source.setCurrentIndex(self.source.findData(fields.source))
            self.target.setCurrentIndex(self.target.findData(fields.target))
            self.type.setCurrentIndex(self.type.findData(fields.type.value))
            self.directed.setChecked(fields.directed)
            self.strength.setCurrentIndex(self.strength.findData(fields.strength))
            self.period.setText(fields.period)
            self.description.setText(fields.description)
        else:
            self.strength.setCurrentIndex(1)
            if self.target.count() > 1:
                self.target.setCurrentIndex(1)
        form = QFormLayout()
        form.addRow(self.tr("From:"), self.source)
        form.addRow(self.tr("To:"), self.target)
        form.addRow(self.tr("Type:"), self.type)
        form.addRow("", self.directed)
        form.addRow(self.tr("Strength:"), self.strength)
        form.addRow(self.tr("Period:"), self.period)
        form.addRow(self.tr("Description:"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> RelationFields:
        return RelationFields(
            str(self.source.currentData()),
            str(self.target.currentData()),
            RelationType(self.type.currentData()),
            self.directed.isChecked(),
            int(self.strength.currentData()),
            self.period.text(),
            self.description.text(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        actors: Sequence[Actor],
        fields: RelationFields | None = None,
    ) -> RelationFields | None:
        dialog = cls(actors, fields, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


NEW_RELATION = -1


class LinkEvidenceDialog(QDialog):
    """Pick the relation the selected notes are evidence for (or a new one)."""

    def __init__(
        self, relations: Sequence[Relation], names: dict[str, str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence for a relation"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by actor or type"))
        self.list = QListWidget()
        new = QListWidgetItem(self.tr("New relation…"))
        new.setData(Qt.ItemDataRole.UserRole, NEW_RELATION)
        self.list.addItem(new)
        for r in relations:
            arrow = "→" if r.directed else "↔"
            text = (
                f"{names.get(r.source, r.source)} {arrow} {names.get(r.target, r.target)}"
                f"  ·  {relation_label(r.type)}"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
        self.list.setCurrentRow(1 if relations else 0)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_visible = None
        for row in range(1, self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.list.setCurrentRow(first_visible)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    @classmethod
    def ask(
        cls, parent: QWidget | None, relations: Sequence[Relation], names: dict[str, str]
    ) -> int | None:
        """A relation id, :data:`NEW_RELATION`, or None (cancelled)."""
        dialog = cls(relations, names, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
