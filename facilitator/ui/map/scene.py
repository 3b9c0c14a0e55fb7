"""The map's graphics items: an actor is a disc (coloured by kind, sized by how many
partners it has) with its name under it; a relation is a line between two discs (styled
by type, as thick as it is strong, with an arrow when it has a direction)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from facilitator.domain.ecosystem import (
    KIND_COLOURS,
    RELATION_STYLES,
    Actor,
    Relation,
    node_radius,
)


class NodeItem(QGraphicsEllipseItem):
    """One actor. Movable and selectable; its edges follow it."""

    def __init__(
        self, actor: Actor, degree: int, font_size: float = 9.0, screen_labels: bool = False
    ) -> None:
        r = node_radius(degree)
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.actor = actor
        self.key = actor.key
        self.radius = r
        self.edges: list[EdgeItem] = []
        colour = QColor(KIND_COLOURS[actor.kind])
        self.setBrush(QBrush(colour))
        pen = QPen(QColor("#ffffff") if actor.attended else QColor("#333333"), 2.0)
        if not actor.attended:  # did not attend: a dashed rim
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(2)
        self.setToolTip(actor.name + (f"\n{actor.role}" if actor.role else ""))
        self.plate = QGraphicsRectItem(self)  # the name on a light plate: readable over lines
        self.plate.setBrush(QColor(255, 255, 255, 215))
        self.plate.setPen(QPen(Qt.PenStyle.NoPen))
        self.label = QGraphicsSimpleTextItem(_short(actor.name), self.plate)
        font = QFont()
        font.setPointSizeF(font_size)
        self.label.setFont(font)
        box = self.label.boundingRect()
        self.plate.setRect(-box.width() / 2 - 2, 0, box.width() + 4, box.height())
        self.label.setPos(-box.width() / 2, 0)
        self.plate.setPos(0, r + 2)
        if screen_labels:  # the projector: names keep their size however small the map is
            self.plate.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(self.brush())
        painter.setPen(QPen(QColor("#ff3b30"), 3.5) if self.isSelected() else self.pen())
        painter.drawEllipse(self.rect())


def _short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


class EdgeItem(QGraphicsPathItem):
    """One relation between two nodes (a curve when two actors share several)."""

    def __init__(
        self, relation: Relation, source: NodeItem, target: NodeItem, bend: float = 0.0
    ) -> None:
        super().__init__()
        self.relation = relation
        self.source = source
        self.target = target
        self.bend = bend
        colour, dashes = RELATION_STYLES[relation.type]
        pen = QPen(QColor(colour), 0.8 + 1.1 * relation.strength)
        if dashes:
            pen.setDashPattern(list(dashes))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.setPen(pen)
        self.setZValue(1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        source.edges.append(self)
        target.edges.append(self)
        self.arrow = QPolygonF()
        self.adjust()

    def adjust(self) -> None:
        a, b = self.source.pos(), self.target.pos()
        line = QLineF(a, b)
        length = line.length()
        path = QPainterPath()
        self.arrow = QPolygonF()
        if length < 1:
            self.setPath(path)
            return
        # from rim to rim
        ux, uy = (b.x() - a.x()) / length, (b.y() - a.y()) / length
        start = QPointF(a.x() + ux * self.source.radius, a.y() + uy * self.source.radius)
        end = QPointF(b.x() - ux * self.target.radius, b.y() - uy * self.target.radius)
        path.moveTo(start)
        if self.bend:
            mid = QPointF(
                (start.x() + end.x()) / 2 - uy * self.bend,
                (start.y() + end.y()) / 2 + ux * self.bend,
            )
            path.quadTo(mid, end)
            tx, ty = end.x() - mid.x(), end.y() - mid.y()
        else:
            path.lineTo(end)
            tx, ty = ux, uy
        self.setPath(path)
        if self.relation.directed:
            angle = math.atan2(ty, tx)
            size = 7.0 + 1.5 * self.relation.strength
            p1 = QPointF(
                end.x() - size * math.cos(angle - 0.4), end.y() - size * math.sin(angle - 0.4)
            )
            p2 = QPointF(
                end.x() - size * math.cos(angle + 0.4), end.y() - size * math.sin(angle + 0.4)
            )
            self.arrow = QPolygonF([end, p1, p2])

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self.arrow.boundingRect()).adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        stroke = QPainterPath(self.path())
        from PySide6.QtGui import QPainterPathStroker

        s = QPainterPathStroker()
        s.setWidth(max(8.0, self.pen().widthF() + 6))
        return s.createStroke(stroke)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(self.pen())
        if self.isSelected():
            pen.setColor(QColor("#ff3b30"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        if not self.arrow.isEmpty():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pen.color())
            painter.drawPolygon(self.arrow)


def bends(relations: list[Relation]) -> Callable[[Relation], float]:
    """Relations sharing a pair of actors fan out as curves, not on top of each other."""
    seen: dict[frozenset[str], int] = {}
    out: dict[int, float] = {}
    for r in relations:
        pair = frozenset((r.source, r.target))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        sign = 1 if r.source < r.target else -1
        out[r.id] = 0.0 if n == 0 else sign * 22.0 * ((n + 1) // 2) * (1 if n % 2 else -1)
    return lambda r: out.get(r.id, 0.0)


def populate(
    scene: QGraphicsScene,
    actors: Mapping[str, Actor],
    relations: Sequence[Relation],
    positions: Mapping[str, tuple[float, float]],
    degree: Mapping[str, int],
    font_size: float = 9.0,
    screen_labels: bool = False,
) -> tuple[dict[str, NodeItem], dict[int, EdgeItem]]:
    """Fill ``scene`` with the map: a node per actor, an edge per relation."""
    scene.clear()
    nodes: dict[str, NodeItem] = {}
    edges: dict[int, EdgeItem] = {}
    for key, a in actors.items():
        node = NodeItem(a, degree.get(key, 0), font_size, screen_labels)
        node.setPos(*positions[key])
        scene.addItem(node)
        nodes[key] = node
    bend = bends(list(relations))
    for r in relations:
        edge = EdgeItem(r, nodes[r.source], nodes[r.target], bend(r))
        scene.addItem(edge)
        edges[r.id] = edge
    return nodes, edges
