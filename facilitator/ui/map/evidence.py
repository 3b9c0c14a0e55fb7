"""Live's hook into the ecosystem map: "Evidence for a relation…" (Ctrl+Shift+L, and in
the note's menu) links the selected notes, or the last note of the current item when
none is selected, to a relation of the map, or to a new one. One undo step.

This module stays light (no networkx): Live builds it at start-up; the dialogs are
imported when the action is first used."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QTableView, QWidget

from facilitator.ui import actions as hotkeys


class _Live(Protocol):
    """What the hook needs of the Live view (named, not imported: Live imports this)."""

    doc: Any
    notes_view: QTableView
    notes_model: Any

    def selected_note_ids(self) -> list[int]: ...


class EvidenceLink(QObject):
    def __init__(self, live: QWidget) -> None:
        super().__init__(live)
        self.widget = live
        self.live: _Live = live  # type: ignore[assignment]
        self.action = hotkeys.screen_action(live, hotkeys.LINK_EVIDENCE, self.link)
        self.live.notes_view.addAction(self.action)  # the note's menu
        live.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("map", "Evidence for a relation…"))
        self.action.setToolTip(
            QCoreApplication.translate(
                "map", "Link the selected notes to a relation of the ecosystem map"
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def note_ids(self) -> list[int]:
        ids = self.live.selected_note_ids()
        if ids:
            return ids
        model = self.live.notes_model
        rows = model.rowCount()
        return [model.note_id(rows - 1)] if rows else []

    def link(self) -> bool:
        doc = self.live.doc
        if doc is None or doc.read_only:
            return False
        ids = self.note_ids()
        if not ids:
            return False
        from facilitator.services import map_ops
        from facilitator.services.ecosystem import MapService
        from facilitator.ui.map.dialogs import NEW_RELATION, LinkEvidenceDialog, RelationDialog

        eco = MapService(doc.service)
        actors = eco.actors()
        names = {a.key: a.name for a in actors}
        parent = self.widget
        chosen = LinkEvidenceDialog.ask(parent, eco.relations(), names)
        if chosen is None:
            return False
        if chosen == NEW_RELATION:
            if len(actors) < 2:
                return False
            fields = RelationDialog.ask(parent, actors)
            if fields is None:
                return False
            return doc.run(map_ops.AddRelation(fields, ids), parent=parent)
        return doc.run(map_ops.LinkEvidence(chosen, ids), parent=parent)
