"""The ecosystem map screen: who works with whom, as a network.

Actors are discs coloured by kind and sized by how many partners they have (a dashed rim:
it did not attend); relations are lines styled by type, thicker when stronger, with an
arrow when they have a direction. Drag actors to place them (one undo step per drag; the
places are stored in the workshop); filter by relation type and actor kind; focus on one
actor and its neighbours (double-click it). Actors never placed are laid out by a seeded
spring layout (networkx): the same map always gets the same picture. The panel on the
right explains what the network says (degree, brokers, isolated actors, collaborations
between kinds) and lists the relations with their evidence notes.

This module imports networkx: the window imports it only when the Map tab is first shown.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import ecosystem as e
from facilitator.domain.ecosystem_analysis import Analysis, analyse, layout
from facilitator.domain.model import OrganisationKind
from facilitator.services import map_ops
from facilitator.services.ecosystem import MapService
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui import actions as hotkeys
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.flow import FlowLayout
from facilitator.ui.map.dialogs import ActorDialog, RelationDialog
from facilitator.ui.map.labels import contribution_label, relation_label, strength_label
from facilitator.ui.map.scene import EdgeItem, NodeItem, populate
from facilitator.ui.organise.base import OrganiseBase
from facilitator.ui.plan.labels import org_kind_label


class MapCanvas(QGraphicsView):
    """The network. ``moved`` is emitted once per drag with the nodes that moved."""

    moved = Signal(object)  # list[NodeItem]
    node_activated = Signal(str)  # double-click: actor key

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#fbfbf8"))
        self._pressed: dict[str, QPointF] = {}
        self.fitted = False  # the whole map is in view the first time it is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.fitted:
            # after the layout has given the view its size
            QTimer.singleShot(0, self._first_fit)

    def _first_fit(self) -> None:
        if not self.fitted and self.isVisible() and self.scene().items():
            self.fitted = True
            self.fit()
            if self.transform().m11() > 1:  # a small map: its natural size, centred
                centre = self.mapToScene(self.viewport().rect().center())
                self.resetTransform()
                self.centerOn(centre)

    def nodes(self) -> list[NodeItem]:
        return [i for i in self.scene().items() if isinstance(i, NodeItem)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = {n.key: n.pos() for n in self.nodes()}
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = [
            n for n in self.nodes() if n.key in self._pressed and n.pos() != self._pressed[n.key]
        ]
        self._pressed = {}
        if moved:
            self.moved.emit(moved)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem):
            self.node_activated.emit(item.key)
            return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)

    def fit(self) -> None:
        visible = [i for i in self.scene().items() if i.isVisible()]
        if not visible:
            return
        rect = visible[0].sceneBoundingRect()
        for item in visible[1:]:
            rect = rect.united(item.sceneBoundingRect())
        self.fitInView(rect.adjusted(-30, -30, 30, 30), Qt.AspectRatioMode.KeepAspectRatio)


class ProjectorMap(QGraphicsView):
    """The map on the projector (the presenter window): the Map tab's picture with its
    filters and focus, fitted to the screen, names in large type, not editable."""

    LABEL_SIZE = 15.0  # points, on screen, when few actors are shown (a focus)
    SCREEN_LABELS_UP_TO = 10  # more actors than this: names scale with the map

    def __init__(self, view: MapView) -> None:
        super().__init__()
        self.map_view = view
        self.setScene(QGraphicsScene(self))
        self.setInteractive(False)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("background: #fbfbf8; border: none;")
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[int, EdgeItem] = {}
        view.redrawn.connect(self.follow)
        self.follow()

    def follow(self) -> None:
        v = self.map_view
        if v.analysis is None:
            return
        few = len(v.visible_keys()) <= self.SCREEN_LABELS_UP_TO
        self.nodes, self.edges = populate(
            self.scene(),
            v.actors,
            v.relations,
            v.positions,
            v.analysis.degree,
            self.LABEL_SIZE if few else 11.0,
            screen_labels=few,
        )
        for key, node in self.nodes.items():
            node.setVisible(v.nodes[key].isVisible())
        for rid, edge in self.edges.items():
            edge.setVisible(v.edges[rid].isVisible())
        self.fit()

    def fit(self) -> None:
        discs = [n for n in self.nodes.values() if n.isVisible()]
        if not discs:
            return
        rect = discs[0].sceneBoundingRect()
        for n in discs[1:]:
            rect = rect.united(n.sceneBoundingRect())
        margin = max(rect.width(), rect.height()) * 0.12 + 20
        rect = rect.adjusted(-margin, -margin * 0.6, margin, margin)  # room for the names
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        # the presenter's timer is big: the map asks for most of the window's height
        window = self.window()
        if window is not self:
            self.setMinimumHeight(int(window.height() * 0.62))
        super().showEvent(event)
        self.fit()


class MapView(OrganiseBase):
    """``present_requested``: show the map on the projector (the main window puts a
    :class:`ProjectorMap` of this view in the presenter window)."""

    present_requested = Signal()
    redrawn = Signal()  # the picture changed: rebuilt, filtered or focused

    shows = frozenset({Kind.ACTOR, Kind.RELATION, Kind.ORGANISATION, Kind.NOTE, Kind.PARTICIPANT})

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
        font_size: float = 9.0,
    ) -> None:
        super().__init__(service, undo_stack, parent, document=document)
        self.map = MapService(service)
        self.font_size = font_size
        self.hidden_types: set[e.RelationType] = set()
        self.hidden_kinds: set[OrganisationKind] = set()
        self.focus: str | None = None
        self.actors: dict[str, e.Actor] = {}
        self.relations: list[e.Relation] = []
        self.analysis: Analysis | None = None
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[int, EdgeItem] = {}
        self._build()
        self.reload()

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        self.scene = QGraphicsScene(self)
        self.canvas = MapCanvas(self.scene, self)
        self.canvas.moved.connect(self._nodes_moved)
        self.canvas.node_activated.connect(self.set_focus)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(self._canvas_menu)
        self.delete_action = hotkeys.screen_action(
            self.canvas, hotkeys.DELETE, self.delete_selected
        )

        self.add_actor_button = QPushButton()
        self.add_actor_button.clicked.connect(self.add_actor)
        self.add_relation_button = QPushButton()
        self.add_relation_button.clicked.connect(lambda: self.add_relation())
        self.types_button = QToolButton()
        self.types_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.types_menu = QMenu(self)
        self.types_button.setMenu(self.types_menu)
        self.type_actions: dict[e.RelationType, QAction] = {}
        for t in e.RelationType:
            action = self.types_menu.addAction("")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, t=t: self.set_type_visible(t, on))
            self.type_actions[t] = action
        self.kinds_button = QToolButton()
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self)
        self.kinds_button.setMenu(self.kinds_menu)
        self.kind_actions: dict[OrganisationKind, QAction] = {}
        for k in OrganisationKind:
            action = self.kinds_menu.addAction("")
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, k=k: self.set_kind_visible(k, on))
            self.kind_actions[k] = action
        self.focus_label = QLabel()
        self.focus_combo = QComboBox()
        # as wide as 24 characters, not as the longest actor's name (the window would
        # grow wider than a 1024-pixel screen)
        self.focus_combo.setMinimumContentsLength(24)
        self.focus_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.focus_combo.activated.connect(
            lambda i: self.set_focus(self.focus_combo.itemData(i) or None)
        )
        self.layout_button = QPushButton()
        self.layout_button.clicked.connect(self.lay_out_again)
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self.canvas.fit)
        self.present_button = QPushButton()
        self.present_button.clicked.connect(self.present_requested)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_graphml_action = self.export_menu.addAction("", lambda: self.export("graphml"))
        self.export_csv_action = self.export_menu.addAction("", lambda: self.export("csv"))
        self.export_button.setMenu(self.export_menu)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = FlowLayout()  # wraps in a narrow window instead of widening it
        for w in (
            self.add_actor_button,
            self.add_relation_button,
            self.types_button,
            self.kinds_button,
        ):
            bar.addWidget(w)
        bar.addWidget(self.focus_label)
        bar.addWidget(self.focus_combo)
        bar.addWidget(self.layout_button)
        bar.addWidget(self.fit_button)
        bar.addWidget(self.present_button)
        bar.addWidget(self.export_button)

        self.side = QTabWidget()
        self.analysis_text = QTextBrowser()
        self.analysis_text.setOpenLinks(False)
        self.relations_tree = QTreeWidget()
        self.relations_tree.setRootIsDecorated(True)
        self.relations_tree.setWordWrap(True)
        self.relations_tree.itemDoubleClicked.connect(self._tree_activated)
        self.side.addTab(self.analysis_text, "")
        self.side.addTab(self.relations_tree, "")
        splitter = QSplitter()
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        layout_ = QVBoxLayout(self)
        layout_.addLayout(bar)
        layout_.addWidget(splitter, 1)
        layout_.addWidget(self.status)
        self.retranslate()
        writable = not self.doc.read_only
        for w in (self.add_actor_button, self.add_relation_button, self.layout_button):
            w.setEnabled(writable)
        self.delete_action.setEnabled(writable)

    def retranslate(self) -> None:
        self.add_actor_button.setText(self.tr("Add actor…"))
        self.add_actor_button.setToolTip(
            self.tr("An actor that did not attend (a ministry, a foundation)")
        )
        self.add_relation_button.setText(self.tr("Add relation…"))
        self.types_button.setText(self.tr("Relation types"))
        self.kinds_button.setText(self.tr("Actor kinds"))
        for t, action in self.type_actions.items():
            action.setText(relation_label(t))
        for k, action in self.kind_actions.items():
            action.setText(org_kind_label(k))
        self.focus_label.setText(self.tr("Focus:"))
        self.layout_button.setText(self.tr("Lay out again"))
        self.layout_button.setToolTip(
            self.tr("Place every actor by the automatic layout (undo puts them back)")
        )
        self.fit_button.setText(self.tr("Fit"))
        self.present_button.setText(self.tr("On the projector"))
        self.present_button.setToolTip(
            self.tr("Show the map in the presenter window, with these filters and focus (F5)")
        )
        self.delete_action.setText(self.tr("Delete"))
        self.export_button.setText(self.tr("Export"))
        self.export_graphml_action.setText(self.tr("GraphML (Gephi, yEd, networkx)…"))
        self.export_csv_action.setText(self.tr("Nodes and edges, CSV (Gephi, Kumu)…"))
        self.side.setTabText(0, self.tr("Analysis"))
        self.side.setTabText(1, self.tr("Relations"))
        self.relations_tree.setHeaderLabels(
            [self.tr("Relation"), self.tr("Type"), self.tr("Strength"), self.tr("Period")]
        )
        if self.actors:
            self.refresh_later()  # a hidden screen may outlive its file: only when shown

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        selected = {i.key for i in self.scene.selectedItems() if isinstance(i, NodeItem)}
        self.actors = {a.key: a for a in self.map.actors()}
        self.relations = [
            r for r in self.map.relations() if r.source in self.actors and r.target in self.actors
        ]
        if self.focus not in self.actors:
            self.focus = None
        self.analysis = analyse(list(self.actors.values()), self.relations)
        self.positions = self._positions()
        self.nodes, self.edges = populate(
            self.scene,
            self.actors,
            self.relations,
            self.positions,
            self.analysis.degree,
            self.font_size,
        )
        for key, node in self.nodes.items():
            node.setFlag(node.GraphicsItemFlag.ItemIsMovable, not self.doc.read_only)
            node.setSelected(key in selected)
        self._fill_focus_combo()
        self._apply_filters()
        self._fill_analysis()
        self._fill_relations()

    def _positions(self) -> dict[str, tuple[float, float]]:
        fixed = {k: (float(a.x or 0), float(a.y or 0)) for k, a in self.actors.items() if a.placed}
        return layout(list(self.actors.values()), self.relations, fixed)

    def _fill_focus_combo(self) -> None:
        self.focus_combo.blockSignals(True)
        self.focus_combo.clear()
        self.focus_combo.addItem(self.tr("Everyone"), "")
        for a in self.actors.values():
            self.focus_combo.addItem(a.name, a.key)
        self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(self.focus or "")))
        self.focus_combo.blockSignals(False)

    # --- filters and focus ------------------------------------------------------------

    def set_type_visible(self, kind: e.RelationType, visible: bool) -> None:
        (self.hidden_types.discard if visible else self.hidden_types.add)(kind)
        self.type_actions[kind].blockSignals(True)
        self.type_actions[kind].setChecked(visible)
        self.type_actions[kind].blockSignals(False)
        self._apply_filters()

    def set_kind_visible(self, kind: OrganisationKind, visible: bool) -> None:
        (self.hidden_kinds.discard if visible else self.hidden_kinds.add)(kind)
        self.kind_actions[kind].blockSignals(True)
        self.kind_actions[kind].setChecked(visible)
        self.kind_actions[kind].blockSignals(False)
        self._apply_filters()

    def set_focus(self, key: str | None) -> None:
        """Show only ``key`` and its neighbours (None: everyone)."""
        self.focus = key if key in self.actors else None
        self.focus_combo.setCurrentIndex(max(0, self.focus_combo.findData(self.focus or "")))
        self._apply_filters()

    def _apply_filters(self) -> None:
        shown = {k for k, a in self.actors.items() if a.kind not in self.hidden_kinds}
        live_edges = [
            r
            for r in self.relations
            if r.type not in self.hidden_types and r.source in shown and r.target in shown
        ]
        if self.focus is not None and self.focus in shown:
            near = {self.focus}
            for r in live_edges:
                if self.focus in (r.source, r.target):
                    near.update((r.source, r.target))
            shown &= near
            live_edges = [r for r in live_edges if self.focus in (r.source, r.target)]
        elif self.focus is not None:
            shown = set()
            live_edges = []
        ids = {r.id for r in live_edges}
        for key, node in self.nodes.items():
            node.setVisible(key in shown)
        for rid, edge in self.edges.items():
            edge.setVisible(rid in ids)
        self.redrawn.emit()

    def visible_keys(self) -> set[str]:
        return {k for k, n in self.nodes.items() if n.isVisible()}

    def visible_relations(self) -> set[int]:
        return {i for i, edge in self.edges.items() if edge.isVisible()}

    # --- changes ----------------------------------------------------------------------

    def _nodes_moved(self, moved: list[NodeItem]) -> None:
        """One drag: the moved actors' new places, and the places of every actor still
        laid out automatically (so that nothing else jumps), as one undo step."""
        if self.doc.read_only:
            self.reload()
            return
        positions = {n.key: (round(n.pos().x(), 1), round(n.pos().y(), 1)) for n in moved}
        for key, a in self.actors.items():
            if not a.placed and key not in positions:
                x, y = self.positions[key]
                positions[key] = (round(x, 1), round(y, 1))
        if not self.run(map_ops.MoveActors(positions)):
            self.reload()

    def move_actors(self, positions: dict[str, tuple[float, float]]) -> bool:
        return self.run(map_ops.MoveActors(positions))

    def export(self, kind: str, target: Path | None = None) -> Path | None:
        """Write the map as GraphML (a file) or as nodes.csv and edges.csv (a folder);
        ``target`` None asks where. Says what happened under the map."""
        from facilitator.services import exporting

        if target is None:
            target = ask_export_target(self, kind, self.service.path)
            if target is None:
                return None
        try:
            snap = self.map.snapshot()
            if kind == "graphml":
                exporting.export_graphml(snap, target, workshop=self.service.path)
                self.status.setText(self.tr("Saved “%1”.").replace("%1", str(target)))
            else:
                exporting.export_map_csv(snap, target, workshop=self.service.path)
                self.status.setText(
                    self.tr("Saved nodes.csv and edges.csv in “%1”.").replace("%1", str(target))
                )
        except exporting.ExportRefused as exc:
            self.status.setText(self._refusal(exc))
            return None
        except OSError as exc:
            self.status.setText(
                self.tr("The map could not be written: %1").replace("%1", exc.strerror or str(exc))
            )
            return None
        return target

    def _refusal(self, exc: Any) -> str:
        name = exc.path.name or str(exc.path)
        if exc.reason == "workshop":
            return self.tr("“%1” is the workshop file itself: choose another name.").replace(
                "%1", name
            )
        if exc.reason == "database":
            return self.tr(
                "“%1” is a database (another workshop?): it will not be overwritten. "
                "Choose another name."
            ).replace("%1", name)
        if exc.reason == "no_folder":
            return self.tr("The folder “%1” does not exist.").replace("%1", str(exc.path))
        if exc.reason == "not_folder":
            return self.tr("“%1” is a file: choose a folder for the CSV files.").replace("%1", name)
        return self.tr("“%1” cannot be written: choose another name.").replace("%1", name)

    def lay_out_again(self) -> None:
        placed = layout(list(self.actors.values()), self.relations)
        self.run(
            map_ops.MoveActors({k: (round(x, 1), round(y, 1)) for k, (x, y) in placed.items()})
        )

    def add_actor(self) -> bool:
        values = ActorDialog.ask(self)
        if values is None:
            return False
        return self.run(
            map_ops.AddActor(values.name, values.kind, values.role, values.contributions)
        )

    def edit_actor(self, key: str) -> bool:
        values = ActorDialog.ask(self, self.actors[key])
        if values is None:
            return False
        return self.run(
            map_ops.EditActor(key, values.name, values.kind, values.role, values.contributions)
        )

    def add_relation(self, source: str | None = None) -> bool:
        if len(self.actors) < 2:
            return False
        actors = list(self.actors.values())
        start = None
        if source is not None:
            other = next(a.key for a in actors if a.key != source)
            start = e.RelationFields(source, other, e.RelationType.PARTNERSHIP)
        fields = RelationDialog.ask(self, actors, start)
        if fields is None:
            return False
        return self.run(map_ops.AddRelation(fields))

    def edit_relation(self, relation_id: int) -> bool:
        r = next((r for r in self.relations if r.id == relation_id), None)
        if r is None:
            return False
        fields = RelationDialog.ask(
            self,
            list(self.actors.values()),
            e.RelationFields(
                r.source, r.target, r.type, r.directed, r.strength, r.period, r.description
            ),
        )
        if fields is None:
            return False
        return self.run(map_ops.EditRelation(relation_id, fields))

    def delete_selected(self) -> None:
        ops_: list[map_ops.Operation] = []
        for item in self.scene.selectedItems():
            if isinstance(item, EdgeItem):
                ops_.append(map_ops.DeleteRelation(item.relation.id))
        for item in self.scene.selectedItems():
            if isinstance(item, NodeItem) and not item.actor.attended:
                ops_.append(map_ops.DeleteActor(item.key))
        if len(ops_) == 1:
            self.run(ops_[0])
        elif ops_:
            from facilitator.services.operations import Batch

            self.run(Batch(ops_, self.tr("Delete from the map")))

    def _canvas_menu(self, pos: QPoint) -> None:
        item = self.canvas.itemAt(pos)
        while item is not None and not isinstance(item, NodeItem | EdgeItem):
            item = item.parentItem()
        menu = QMenu(self)
        writable = not self.doc.read_only
        if isinstance(item, NodeItem):
            key = item.key
            menu.addAction(self.tr("Edit actor…"), lambda: self.edit_actor(key)).setEnabled(
                writable
            )
            menu.addAction(self.tr("Focus on this actor"), lambda: self.set_focus(key))
            menu.addAction(
                self.tr("New relation from here…"), lambda: self.add_relation(key)
            ).setEnabled(writable)
            if not item.actor.attended:
                menu.addAction(
                    self.tr("Delete actor"), lambda: self.run(map_ops.DeleteActor(key))
                ).setEnabled(writable)
        elif isinstance(item, EdgeItem):
            rid = item.relation.id
            menu.addAction(self.tr("Edit relation…"), lambda: self.edit_relation(rid)).setEnabled(
                writable
            )
            menu.addAction(
                self.tr("Delete relation"), lambda: self.run(map_ops.DeleteRelation(rid))
            ).setEnabled(writable)
        else:
            menu.addAction(self.tr("Show everyone"), lambda: self.set_focus(None))
            menu.addAction(self.tr("Add actor…"), self.add_actor).setEnabled(writable)
        menu.popup(self.canvas.viewport().mapToGlobal(pos))

    def _tree_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        rid = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(rid, int) and not self.doc.read_only:
            self.edit_relation(rid)

    def apply_changes(self, changes: Changes) -> None:
        if changes.kinds() <= {Kind.NOTE} and not self._touches_evidence(changes):
            return  # a note taken in Live that is no relation's evidence: nothing to redraw
        self.reload()

    def _touches_evidence(self, changes: Changes) -> bool:
        ids = changes.ids(Kind.NOTE)
        return any(n in ids for r in self.relations for n in r.note_ids) or bool(
            changes.removed_ids(Kind.NOTE) | changes.added_ids(Kind.NOTE)
        )

    # --- the side panel ---------------------------------------------------------------

    def _name(self, key: str) -> str:
        a = self.actors.get(key)
        return a.name if a else key

    def _fill_relations(self) -> None:
        self.relations_tree.clear()
        notes = self.service.notes_by_ids(sorted({n for r in self.relations for n in r.note_ids}))
        for r in self.relations:
            arrow = "→" if r.directed else "↔"
            item = QTreeWidgetItem(
                [
                    f"{self._name(r.source)} {arrow} {self._name(r.target)}",
                    relation_label(r.type),
                    strength_label(r.strength),
                    r.period,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            if r.description:
                item.setToolTip(0, r.description)
            self.relations_tree.addTopLevelItem(item)
            for n in r.note_ids:
                note = notes.get(n)
                if note is not None and note.deleted_at is None:
                    child = QTreeWidgetItem(["“" + note.text + "”"])
                    child.setToolTip(0, note.text)
                    item.addChild(child)
                    child.setFirstColumnSpanned(True)  # the whole width for the note
        header = self.relations_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.relations_tree.expandAll()

    def _fill_analysis(self) -> None:
        a = self.analysis
        assert a is not None
        name = self._name
        parts: list[str] = []
        legend = self.tr("Legend")
        parts.append(f"<h3>{html.escape(legend)}</h3><p>")
        for kind in a.kinds:
            colour = e.KIND_COLOURS[kind]
            parts.append(
                f"<span style='color:{colour}'>●</span> {html.escape(org_kind_label(kind))}&nbsp;&nbsp; "
            )
        parts.append("<br>")
        for t in e.RelationType:
            colour, dashes = e.RELATION_STYLES[t]
            line = "━━" if not dashes else "╍╍"
            parts.append(
                f"<span style='color:{colour}'>{line}</span> {html.escape(relation_label(t))}&nbsp;&nbsp; "
            )
        parts.append(
            "<br><small>"
            + html.escape(
                self.tr(
                    "Larger discs have more partners; thicker lines are stronger relations; "
                    "arrows show a direction; a dashed rim marks an actor that did not attend."
                )
            )
            + "</small></p>"
        )
        total = len(self.actors)
        parts.append(
            "<p>"
            + html.escape(
                self.tr("%1 actors, %2 relations.")
                .replace("%1", str(total))
                .replace("%2", str(len(self.relations)))
            )
            + "</p>"
        )

        def section(title: str, explanation: str, rows: list[str]) -> None:
            parts.append(f"<h3>{html.escape(title)}</h3>")
            parts.append(f"<p><i>{html.escape(explanation)}</i></p>")
            if rows:
                parts.append("<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")
            else:
                parts.append("<p>–</p>")

        section(
            self.tr("Most connected"),
            self.tr(
                "Degree: how many different actors each one has a relation with. The most "
                "connected hold the ecosystem together."
            ),
            [
                html.escape(
                    self.tr("%1: %2 partners")
                    .replace("%1", name(k))
                    .replace("%2", str(a.degree[k]))
                )
                for k in a.most_connected()
            ],
        )
        section(
            self.tr("Who brokers"),
            self.tr(
                "Betweenness: the share of shortest paths between two other actors that pass "
                "through this one. A broker links actors that would otherwise lose touch."
            ),
            [html.escape(f"{name(k)}: {a.betweenness[k]:.0%}") for k in a.brokers()],
        )
        groups = [c for c in a.components if len(c) > 1]
        section(
            self.tr("Groups and isolated actors"),
            self.tr(
                "Components: groups of actors linked to each other directly or through others. "
                "An isolated actor has no recorded relation with anyone."
            ),
            [
                html.escape(
                    self.tr("Group of %1: %2")
                    .replace("%1", str(len(c)))
                    .replace("%2", ", ".join(name(k) for k in c))
                )
                for c in groups[1:]
            ]
            + (
                [
                    html.escape(
                        self.tr("Main group: %1 of %2 actors")
                        .replace("%1", str(len(groups[0])))
                        .replace("%2", str(total))
                    )
                ]
                if groups
                else []
            )
            + [
                html.escape(
                    self.tr("Isolated: %1").replace("%1", ", ".join(name(k) for k in a.isolated))
                )
            ]
            * bool(a.isolated),
        )
        between = self.tr("Collaboration between kinds")
        parts.append(f"<h3>{html.escape(between)}</h3>")
        parts.append(
            "<p><i>"
            + html.escape(
                self.tr(
                    "How many relations link each pair of actor kinds. Empty cells are "
                    "collaborations the map does not show (yet)."
                )
            )
            + "</i></p>"
        )
        head = "".join(f"<th style='padding:2px 6px'>{n}</th>" for n in range(1, len(a.kinds) + 1))
        rows = []
        for n, k1 in enumerate(a.kinds, 1):
            cells = "".join(
                f"<td align='center' style='padding:2px 6px'>{a.matrix.get((k1, k2), '') or ''}</td>"
                for k2 in a.kinds
            )
            rows.append(
                f"<tr><th align='left' style='padding:2px 6px'>{n}. "
                f"{html.escape(org_kind_label(k1))}</th>{cells}</tr>"
            )
        parts.append(
            f"<table border='1' cellspacing='0'><tr><th></th>{head}</tr>{''.join(rows)}</table>"
        )
        contributions: dict[e.Contribution, int] = {}
        for actor in self.actors.values():
            for c in actor.contributions:
                contributions[c] = contributions.get(c, 0) + 1
        if contributions:
            heading = self.tr("Contributions")
            parts.append(f"<h3>{html.escape(heading)}</h3><p>")
            parts.append(
                ", ".join(
                    html.escape(f"{contribution_label(c)} ({n})")
                    for c, n in sorted(contributions.items(), key=lambda cn: -cn[1])
                )
            )
            parts.append("</p>")
        self.analysis_text.setHtml("".join(parts))


def ask_export_target(parent: QWidget, kind: str, workshop: Path) -> Path | None:
    """Where to write the map (tests monkeypatch this function)."""
    start = str(workshop.with_suffix(".graphml" if kind == "graphml" else ""))
    if kind == "graphml":
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("MapView", "Export the map"),
            start,
            "GraphML (*.graphml)",
        )
    else:
        name = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("MapView", "Export the map"), str(workshop.parent)
        )
    return Path(name) if name else None
