"""The theme board: notes as cards on a canvas, themes as labelled areas (issue 16).

- drag a card onto a card: a new theme of both; onto a theme (or a card in one): it joins;
  onto empty board: out of its theme, where it was dropped;
- drag themes; rubber-band (or Ctrl+click) several and move them at once;
- wheel + Ctrl zooms, dragging with the middle button (or Space held) pans; a card's
  whole text shows on hover (tooltip) and, large, on a double-click;
- every drop is one operation (``services/board_ops.py``), so Ctrl+Z undoes it;
- filters: day, agenda item, category, not yet grouped. Positions are kept per board
  (whole workshop, a day, an item: ``domain/board.py``) in the workshop file.

One ``QGraphicsItem`` per visible note (a board is a picture of at most a few thousand
cards), painted from cached text; themes are parents of their cards, so moving a theme
moves one item.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QShowEvent,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import board as b
from facilitator.domain import model as m
from facilitator.services import board_ops
from facilitator.services import operations as ops
from facilitator.services.board import BoardService
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.organise.base import OrganiseBase
from facilitator.ui.organise.dialogs import ask_text

CARD_W = 220.0
CARD_H = 120.0
GAP = 14.0
READABLE_ZOOM = 0.75  # below this a card's text is too small to read at arm's length
THEME_COLS = 3
THEME_PAD = 12.0
THEME_HEADER = 44.0
COLLAPSED_H = THEME_HEADER + 10.0
FREE_COLS = 6
BAND = 8.0  # the category colour strip on a card's left edge
TEXT_LINES = 4

CARD_FILL = QColor("#fffdf5")
CARD_TEXT = QColor("#1b1b1b")
MUTED_TEXT = QColor("#555555")
THEME_FILL = QColor("#dde5f0")  # opaque: reads the same on the projector's black
THEME_EDGE = QColor("#4a6fa5")
TARGET_EDGE = QColor("#e07b00")
SELECTED_EDGE = QColor("#1565c0")
PROPOSAL_EDGE = QColor("#2e7d32")


def _font(px: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(max(6, int(px)))
    f.setBold(bold)
    return f


@dataclass(frozen=True)
class CardData:
    note_id: int
    text: str
    speaker: str
    colour: str  # "#rrggbb", "" = no category
    category: str


_WIDTHS: dict[tuple[int, str], float] = {}  # (font px, word) -> width: words repeat


def _advance(metrics: QFontMetricsF, px: int, word: str) -> float:
    key = (px, word)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) > 200_000:
            _WIDTHS.clear()
        width = _WIDTHS[key] = metrics.horizontalAdvance(word)
    return width


def _wrap(text: str, metrics: QFontMetricsF, width: float, lines: int, px: int = 0) -> list[str]:
    """The first ``lines`` lines of ``text`` word-wrapped into ``width``; the last one
    elided if text is left over. (Line widths are sums of cached word widths.)"""
    space = _advance(metrics, px, " ")
    out: list[str] = []
    current: list[str] = []
    used = 0.0
    words = text.split()
    i = 0
    while i < len(words) and len(out) < lines:
        word = words[i]
        w = _advance(metrics, px, word)
        needed = w if not current else used + space + w
        if needed <= width:
            current.append(word)
            used = needed
            i += 1
            continue
        if not current:  # one word wider than the card: cut it
            current = [metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)]
            i += 1
        out.append(" ".join(current))
        current, used = [], 0.0
    if current and len(out) < lines:
        out.append(" ".join(current))
        current = []
    if (i < len(words) or current) and out:
        out[-1] = metrics.elidedText(out[-1] + " …", Qt.TextElideMode.ElideRight, width)
        if not out[-1].endswith("…"):
            out[-1] = out[-1].rstrip() + "…"
    return out


class CardItem(QGraphicsItem):
    """One note: category strip, speaker, the first lines; the whole text as tooltip."""

    def __init__(self, data: CardData, scale: float = 1.0) -> None:
        super().__init__()
        self.data_ = data
        self.note_id = data.note_id
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        tip = data.text if not data.speaker else f"{data.text}\n— {data.speaker}"
        self.setToolTip(tip)
        self.highlight = ""  # "", "target", "proposal"
        self.text_px = 15.0 * scale
        text_font = _font(self.text_px)
        self._text_font = text_font
        self._speaker_font = _font(12.5 * scale, bold=True)
        metrics = QFontMetricsF(text_font)
        head = 22.0 if data.speaker else 6.0
        room = CARD_H - head - 6
        lines = max(1, min(TEXT_LINES + 2, int(room // metrics.lineSpacing())))
        self._lines = _wrap(data.text, metrics, CARD_W - BAND - 16, lines, int(self.text_px))
        self._head = head
        self._speaker = QFontMetricsF(self._speaker_font).elidedText(
            data.speaker, Qt.TextElideMode.ElideRight, CARD_W - BAND - 16
        )
        self._line_h = metrics.lineSpacing()
        self._ascent = metrics.ascent()

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, CARD_W + 4, CARD_H + 4)

    def theme(self) -> ThemeItem | None:
        parent = self.parentItem()
        return parent if isinstance(parent, ThemeItem) else None

    def set_highlight(self, kind: str) -> None:
        if kind != self.highlight:
            self.highlight = kind
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = QRectF(0, 0, CARD_W, CARD_H)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        painter.fillPath(path, CARD_FILL)
        if self.data_.colour:
            painter.save()
            painter.setClipPath(path)
            painter.fillRect(QRectF(0, 0, BAND, CARD_H), QColor(self.data_.colour))
            painter.restore()
        if self.isSelected():
            pen = QPen(SELECTED_EDGE, 3)
        elif self.highlight == "target":
            pen = QPen(TARGET_EDGE, 3)
        elif self.highlight == "proposal":
            pen = QPen(PROPOSAL_EDGE, 3, Qt.PenStyle.DashLine)
        else:
            pen = QPen(QColor("#b8b2a0"), 1)
        painter.setPen(pen)
        painter.drawPath(path)
        x = BAND + 8
        if self.data_.speaker:
            painter.setFont(self._speaker_font)
            painter.setPen(MUTED_TEXT)
            painter.drawText(QPointF(x, 17), self._speaker)
        painter.setFont(self._text_font)
        painter.setPen(CARD_TEXT)
        y = self._head + self._ascent
        for line in self._lines:
            painter.drawText(QPointF(x, y), line)
            y += self._line_h

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene):
            scene.zoom_requested.emit(self.note_id)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene):
            scene.card_menu(self, event.screenPos())


class ThemeItem(QGraphicsItem):
    """A theme: a labelled area holding its cards in a grid."""

    def __init__(
        self, theme_id: int, title: str, count: int, collapsed: bool, scale: float
    ) -> None:
        super().__init__()
        self.theme_id = theme_id
        self.title = title
        self.count = count
        self.collapsed = collapsed
        self.highlight = ""
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        )
        self._title_font = _font(20 * scale, bold=True)
        self._count_font = _font(13 * scale)
        self.cards: list[CardItem] = []
        self._rect = QRectF(0, 0, THEME_COLS * (CARD_W + GAP) - GAP + 2 * THEME_PAD, COLLAPSED_H)
        self.setToolTip(title)

    def add_cards(self, cards: Sequence[CardItem]) -> None:
        self.cards = list(cards)
        for card in self.cards:
            card.setParentItem(self)
        self.layout()

    def layout(self) -> None:
        """Cards in a grid under the title (in the order given)."""
        self.prepareGeometryChange()
        for n, card in enumerate(self.cards):
            row, col = divmod(n, THEME_COLS)
            card.setPos(
                THEME_PAD + col * (CARD_W + GAP), THEME_HEADER + row * (CARD_H + GAP) + GAP / 2
            )
            card.setVisible(not self.collapsed)
        rows = math.ceil(len(self.cards) / THEME_COLS)
        height = (
            COLLAPSED_H
            if self.collapsed or not rows
            else THEME_HEADER + rows * (CARD_H + GAP) + THEME_PAD
        )
        self._rect.setHeight(height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def set_highlight(self, kind: str) -> None:
        if kind != self.highlight:
            self.highlight = kind
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        path = QPainterPath()
        path.addRoundedRect(self._rect, 12, 12)
        painter.fillPath(path, THEME_FILL)
        if self.highlight == "target":
            pen = QPen(TARGET_EDGE, 4)
        elif self.isSelected():
            pen = QPen(SELECTED_EDGE, 3)
        else:
            pen = QPen(THEME_EDGE, 2)
        painter.setPen(pen)
        painter.drawPath(path)
        count = f"{self.count}"
        painter.setFont(self._count_font)
        count_w = QFontMetricsF(self._count_font).horizontalAdvance(count) + 8
        painter.setPen(MUTED_TEXT)
        painter.drawText(
            QRectF(self._rect.right() - count_w - THEME_PAD, 8, count_w, THEME_HEADER - 12),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            count,
        )
        painter.setFont(self._title_font)
        painter.setPen(QColor("#16324f"))
        title_w = self._rect.width() - 2 * THEME_PAD - count_w
        title = QFontMetricsF(self._title_font).elidedText(
            self.title, Qt.TextElideMode.ElideRight, title_w
        )
        painter.drawText(
            QRectF(THEME_PAD, 6, title_w, THEME_HEADER - 10),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene) and event.pos().y() <= THEME_HEADER:
            scene.rename_requested.emit(self.theme_id)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene):
            scene.theme_menu(self, event.screenPos())


@dataclass(frozen=True)
class Drop:
    """What a drag ended as, in board terms (the scene turns it into an operation)."""

    cards: dict[int, tuple[float, float]]  # moved cards' new top-left corners
    themes: dict[int, tuple[float, float]]
    target_card: int | None = None  # dropped on a card that is in no theme
    target_theme: int | None = None  # dropped on a theme (or a card in it)
    at: tuple[float, float] = (0.0, 0.0)  # where the drop happened


class BoardScene(QGraphicsScene):
    """Cards and themes; reports each finished drag as a :class:`Drop`."""

    dropped = Signal(object)  # Drop
    rename_requested = Signal(int)  # theme id
    ungroup_requested = Signal(int)  # theme id
    out_requested = Signal(list)  # note ids
    zoom_requested = Signal(int)  # note id: show its whole text, large

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.scale_ = scale
        self.cards: dict[int, CardItem] = {}
        self.themes: dict[int, ThemeItem] = {}
        self._pressed: dict[QGraphicsItem, QPointF] = {}
        self._target: CardItem | ThemeItem | None = None
        self._placed_cards: set[int] = set()
        self._placed_themes: set[int] = set()
        self.menu_texts = {"rename": "Rename theme…", "ungroup": "Ungroup", "out": "Out of theme"}
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    # --- building ------------------------------------------------------------------------
    def build(
        self,
        free: Sequence[CardData],
        themes: Sequence[tuple[int, str, Sequence[CardData], int]],
        card_pos: dict[int, tuple[float, float]],
        theme_pos: dict[int, tuple[float, float]],
        collapsed: bool = False,
    ) -> None:
        """Everything again. ``themes``: (id, title, visible cards, count of all its
        cards). Items with no stored position are laid out: themes in rows at the top,
        free cards in a grid under them."""
        self._pressed.clear()
        self._target = None
        self.clear()
        self.cards = {}
        self.themes = {}
        scale = self.scale_
        x = y = row_h = 0.0
        per_row = max(4, math.ceil(math.sqrt(len(themes) * 1.5)))
        width_limit = per_row * (THEME_COLS * (CARD_W + GAP) + 2 * THEME_PAD)
        auto_bottom = 0.0
        for theme_id, title, cards, count in themes:
            item = ThemeItem(theme_id, title, count, collapsed, scale)
            items = [CardItem(c, scale) for c in cards]
            item.add_cards(items)
            for card in items:
                self.cards[card.note_id] = card
            self.addItem(item)
            self.themes[theme_id] = item
            if theme_id in theme_pos:
                item.setPos(*theme_pos[theme_id])
                continue
            w, h = item.boundingRect().width(), item.boundingRect().height()
            if x and x + w > width_limit:
                x, y, row_h = 0.0, y + row_h + 2 * GAP, 0.0
            item.setPos(x, y)
            x += w + 2 * GAP
            row_h = max(row_h, h)
            auto_bottom = max(auto_bottom, y + h)
        start_y = auto_bottom + 3 * GAP if themes else 0.0
        # free cards in a grid about as wide as a screen is (16:9) for their number
        unplaced = sum(1 for d in free if d.note_id not in card_pos)
        ratio = (CARD_H + GAP) / (CARD_W + GAP) * 16 / 9
        columns = max(FREE_COLS, math.ceil(math.sqrt(unplaced * ratio)))
        n = 0
        for data in free:
            card = CardItem(data, scale)
            card.setZValue(1)
            self.addItem(card)
            self.cards[data.note_id] = card
            if data.note_id in card_pos:
                card.setPos(*card_pos[data.note_id])
                continue
            row, col = divmod(n, columns)
            card.setPos(col * (CARD_W + GAP), start_y + row * (CARD_H + GAP))
            n += 1
        self._placed_cards = {n for n in card_pos if n in self.cards}
        self._placed_themes = {t for t in theme_pos if t in self.themes}
        self.grow_rect()

    def visible_bounds(self) -> QRectF:
        """What is shown: themes' areas and free cards (not the hidden cards of themes
        folded by "not yet grouped")."""
        rect = QRectF()
        for theme in self.themes.values():
            rect = rect.united(theme.sceneBoundingRect())
        for card in self.cards.values():
            if card.theme() is None and card.isVisible():
                rect = rect.united(card.sceneBoundingRect())
        return rect

    def grow_rect(self) -> None:
        rect = self.visible_bounds().adjusted(-400, -300, 400, 300)
        self.setSceneRect(self.sceneRect().united(rect) if self.sceneRect().isValid() else rect)

    def place(
        self, card_pos: dict[int, tuple[float, float]], theme_pos: dict[int, tuple[float, float]]
    ) -> bool:
        """Move items to stored positions (after a move or its undo) without rebuilding.
        False (nothing moved) if an item lost its position: the layout must be rebuilt."""
        free = {n: c for n, c in self.cards.items() if c.theme() is None}
        if any(n not in card_pos for n in self._placed_cards & free.keys()) or any(
            t not in theme_pos for t in self._placed_themes & self.themes.keys()
        ):
            return False
        moved = QRectF()
        for note_id, card in free.items():
            point = card_pos.get(note_id)
            if point is not None and (card.x(), card.y()) != point:
                card.setPos(*point)
                moved = moved.united(card.sceneBoundingRect())
        for theme_id, theme in self.themes.items():
            point = theme_pos.get(theme_id)
            if point is not None and (theme.x(), theme.y()) != point:
                theme.setPos(*point)
                moved = moved.united(theme.sceneBoundingRect())
        self._placed_cards = set(card_pos) & free.keys()
        self._placed_themes = set(theme_pos) & self.themes.keys()
        if not moved.isNull():  # room around what moved (the rest was there already)
            self.setSceneRect(self.sceneRect().united(moved.adjusted(-400, -300, 400, 300)))
        return True

    # --- dragging ------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._pressed = {}
        if event.button() != Qt.MouseButton.LeftButton:
            return
        for item in self.selectedItems():
            self._pressed[item] = item.scenePos()
        for item in self._pressed:
            top = item.topLevelItem() or item
            top.setZValue(10)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._pressed and event.buttons() & Qt.MouseButton.LeftButton:
            target = self.target_at(event.scenePos(), self._pressed)
            if target is not self._target:
                if self._target is not None:
                    self._target.set_highlight("")
                if target is not None:
                    target.set_highlight("target")
                self._target = target

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        if self._target is not None:
            self._target.set_highlight("")
            self._target = None
        for item in pressed:
            top = item.topLevelItem() or item
            top.setZValue(1 if isinstance(top, CardItem) else 0)
        moved = [i for i, start in pressed.items() if i.scenePos() != start]
        if not moved or event.button() != Qt.MouseButton.LeftButton:
            return
        drop = self.drop_of(moved, event.scenePos())
        # after the view has finished with this mouse event: the board is rebuilt
        QTimer.singleShot(0, lambda: self.dropped.emit(drop))

    def target_at(
        self, pos: QPointF, dragged: Iterable[QGraphicsItem]
    ) -> CardItem | ThemeItem | None:
        """The card or theme under ``pos`` that is not being dragged (nor inside one
        being dragged)."""
        skip = set(dragged)
        for item in self.items(pos):
            if item in skip or (item.parentItem() is not None and item.parentItem() in skip):
                continue
            if isinstance(item, CardItem):
                theme = item.theme()
                return theme if theme is not None else item
            if isinstance(item, ThemeItem):
                return item
        return None

    def drop_of(self, moved: Sequence[QGraphicsItem], pos: QPointF) -> Drop:
        themes = {i.theme_id: (i.pos().x(), i.pos().y()) for i in moved if isinstance(i, ThemeItem)}
        moved_themes = {i for i in moved if isinstance(i, ThemeItem)}
        cards = {
            i.note_id: (i.scenePos().x(), i.scenePos().y())
            for i in moved
            if isinstance(i, CardItem) and i.parentItem() not in moved_themes
        }
        target = None if themes else self.target_at(pos, moved)
        return Drop(
            cards,
            themes,
            target_card=target.note_id if isinstance(target, CardItem) else None,
            target_theme=target.theme_id if isinstance(target, ThemeItem) else None,
            at=(pos.x(), pos.y()),
        )

    def snap_back(self) -> None:
        """A drag that changes nothing (a card dropped back in its own theme)."""
        for theme in self.themes.values():
            theme.layout()

    # --- menus ---------------------------------------------------------------------------
    def card_menu(self, card: CardItem, screen_pos: object) -> None:
        theme = card.theme()
        if theme is None:
            return
        if not card.isSelected():
            self.clearSelection()
            card.setSelected(True)
        menu = QMenu()
        out = menu.addAction(self.menu_texts["out"])
        ids = [c.note_id for c in self.selectedItems() if isinstance(c, CardItem) and c.theme()]
        out.triggered.connect(lambda _=False: self.out_requested.emit(ids))
        menu.exec(screen_pos)  # type: ignore[call-overload]

    def theme_menu(self, theme: ThemeItem, screen_pos: object) -> None:
        menu = QMenu()
        rename = menu.addAction(self.menu_texts["rename"])
        rename.triggered.connect(lambda _=False: self.rename_requested.emit(theme.theme_id))
        ungroup = menu.addAction(self.menu_texts["ungroup"])
        ungroup.triggered.connect(lambda _=False: self.ungroup_requested.emit(theme.theme_id))
        menu.exec(screen_pos)  # type: ignore[call-overload]


class WholeText(QLabel):
    """A note's whole text over the board; a click, Esc or a click on the board closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Return):
            self.hide()
            return
        super().keyPressEvent(event)


class BoardCanvas(QGraphicsView):
    """The view: Ctrl+wheel zooms around the cursor, the middle button (or Space held)
    pans, the left button selects (rubber band on the empty board) and drags."""

    zoomed = Signal()
    pressed = Signal()

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setBackgroundBrush(QBrush(QColor("#eef0f3")))
        self._panning: QPointF | None = None
        self._space = False
        self.placed = False  # the first view, once there is something to show

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.placed:
            QTimer.singleShot(0, self.first_view)  # once the layout has sized the view

    def first_view(self) -> None:
        """The board as a user expects it when it first appears: all of it if it is
        readable so, otherwise at its natural size from its top-left corner (Fit and the
        zoom buttons show the rest)."""
        scene = self.scene()
        assert isinstance(scene, BoardScene)
        if self.placed or not self.isVisible() or not scene.visible_bounds().isValid():
            return
        self.placed = True
        self.fit_all()
        if self.zoom_level() > 1:  # a small board: its natural size, centred
            centre = scene.visible_bounds().center()
            self.resetTransform()
            self.centerOn(centre)
            self.zoomed.emit()
        elif self.zoom_level() < READABLE_ZOOM:
            self.resetTransform()
            corner = scene.visible_bounds().topLeft() - QPointF(GAP, GAP)
            size = self.viewport().size()
            self.centerOn(corner + QPointF(size.width() / 2, size.height() / 2))
            self.zoomed.emit()

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.1, min(4.0, current * factor)) / current
        self.scale(factor, factor)
        self.zoomed.emit()

    def zoom_level(self) -> float:
        return self.transform().m11()

    def fit_all(self) -> None:
        scene = self.scene()
        assert isinstance(scene, BoardScene)
        rect = scene.visible_bounds().adjusted(-GAP, -GAP, GAP, GAP)
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom_level() > 1.5:
                self.resetTransform()
                self.scale(1.5, 1.5)
                self.centerOn(rect.center())
        self.zoomed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._panning = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.pan(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._panning = None
            self.unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + int(dx))
        v.setValue(v.value() + int(dy))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.zoomed.emit()

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()


def card_data(
    notes: Iterable[m.Note], categories: dict[int, m.Category], participants: dict[int, str]
) -> dict[int, CardData]:
    out = {}
    for n in notes:
        cat = categories.get(n.category_id) if n.category_id is not None else None
        speaker = n.speaker_name or (
            participants.get(n.speaker_id, "") if n.speaker_id is not None else ""
        )
        out[n.id] = CardData(
            n.id, n.text, speaker, cat.colour if cat else "", cat.name if cat else ""
        )
    return out


class _Relay(QObject):
    """Carries a worker thread's proposals to the GUI thread (a queued signal)."""

    done = Signal(int, object)  # generation, [(label, note ids)]


class BoardView(OrganiseBase):
    """The board tab of *Themes and solutions*: filters, the canvas, group proposals."""

    shows = frozenset(
        {Kind.NOTE, Kind.THEME, Kind.CATEGORY, Kind.ITEM, Kind.DAY, Kind.PARTICIPANT, Kind.BOARD}
    )
    present_requested = Signal()
    proposals_ready = Signal()

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
    ) -> None:
        super().__init__(service, undo_stack, parent, document=document)
        self.boards = BoardService(service)
        self.scene = BoardScene(self)
        self.canvas = BoardCanvas(self.scene, self)
        self.scene.dropped.connect(self.on_drop)
        self.scene.rename_requested.connect(self.rename_theme)
        self.scene.ungroup_requested.connect(self.ungroup_theme)
        self.scene.out_requested.connect(self.take_out)
        self.scene.zoom_requested.connect(self.show_whole)
        self.whole = WholeText(self)  # a note's whole text, large (double-click a card)
        self.canvas.pressed.connect(self.whole.hide)
        self.whole.setWordWrap(True)
        self.whole.setTextFormat(Qt.TextFormat.PlainText)
        self.whole.setMargin(18)
        self.whole.setStyleSheet(
            "QLabel { background: #fffdf5; color: #1b1b1b; border: 2px solid #4a6fa5; }"
        )
        self.whole.setFont(_font(22))

        self.day_filter = QComboBox(self)
        self.item_filter = QComboBox(self)
        self.category_filter = QComboBox(self)
        self.ungrouped_only = QCheckBox(self)
        for combo in (self.day_filter, self.item_filter, self.category_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_filter.currentIndexChanged.connect(self._on_day)
        self.item_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.category_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.ungrouped_only.toggled.connect(lambda _on: self.reload())
        self.day_label = QLabel(self)
        self.item_label = QLabel(self)
        self.category_label = QLabel(self)

        self.btn_zoom_in = QToolButton(self)
        self.btn_zoom_in.clicked.connect(lambda: self.canvas.zoom_by(1.25))
        self.btn_zoom_out = QToolButton(self)
        self.btn_zoom_out.clicked.connect(lambda: self.canvas.zoom_by(0.8))
        self.btn_fit = QToolButton(self)
        self.btn_fit.clicked.connect(self.canvas.fit_all)
        self.btn_suggest = QPushButton(self)
        self.btn_suggest.clicked.connect(self.suggest_groups)
        self.btn_present = QPushButton(self)
        self.btn_present.clicked.connect(self.present_requested.emit)

        filters = QHBoxLayout()
        for label, combo in (
            (self.day_label, self.day_filter),
            (self.item_label, self.item_filter),
            (self.category_label, self.category_filter),
        ):
            filters.addWidget(label)
            filters.addWidget(combo)
        filters.addWidget(self.ungrouped_only)
        filters.addStretch(1)
        for button in (self.btn_zoom_out, self.btn_zoom_in, self.btn_fit):
            filters.addWidget(button)
        filters.addWidget(self.btn_suggest)
        filters.addWidget(self.btn_present)

        self.proposals_box = QWidget(self)
        side = QVBoxLayout(self.proposals_box)
        side.setContentsMargins(0, 0, 0, 0)
        self.proposals_label = QLabel(self.proposals_box)
        self.proposals_label.setWordWrap(True)
        self.proposals_list = QListWidget(self.proposals_box)
        self.proposals_list.setWordWrap(True)
        self.proposals_list.currentRowChanged.connect(self._show_proposal)
        self.btn_accept = QPushButton(self.proposals_box)
        self.btn_accept.clicked.connect(self.accept_proposal)
        self.btn_reject = QPushButton(self.proposals_box)
        self.btn_reject.clicked.connect(self.reject_proposal)
        row = QHBoxLayout()
        row.addWidget(self.btn_accept)
        row.addWidget(self.btn_reject)
        side.addWidget(self.proposals_label)
        side.addWidget(self.proposals_list, 1)
        side.addLayout(row)
        self.proposals_box.hide()
        self.proposals: list[tuple[str, list[int]]] = []
        self._generation = 0
        self._relay = _Relay()  # no parent: outlives this view while a worker runs
        self._relay.done.connect(self._show_proposals)

        splitter = QSplitter(self)
        splitter.addWidget(self.canvas)
        splitter.addWidget(self.proposals_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.board = b.WORKSHOP_BOARD
        self._filling = False
        self.retranslate()
        self._fill_filters()
        self.reload()

    # --- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day"))
        self.item_label.setText(self.tr("Item"))
        self.category_label.setText(self.tr("Category"))
        self.ungrouped_only.setText(self.tr("Not yet grouped"))
        self.btn_zoom_in.setText("+")
        self.btn_zoom_in.setToolTip(self.tr("Zoom in (Ctrl+wheel)"))
        self.btn_zoom_out.setText("−")
        self.btn_zoom_out.setToolTip(self.tr("Zoom out (Ctrl+wheel)"))
        self.btn_fit.setText(self.tr("Fit"))
        self.btn_fit.setToolTip(self.tr("Show the whole board"))
        self.btn_suggest.setText(self.tr("Suggest groups"))
        self.btn_suggest.setToolTip(
            self.tr("Propose themes for the visible notes not yet grouped, by shared words")
        )
        self.btn_present.setText(self.tr("On the projector"))
        self.btn_present.setToolTip(self.tr("Show this board in the presenter window"))
        self.proposals_label.setText(
            self.tr("Proposed themes: accept or reject each one. Nothing changes until you accept.")
        )
        self.btn_accept.setText(self.tr("Accept"))
        self.btn_reject.setText(self.tr("Reject"))
        self.canvas.setToolTip("")
        self.scene.menu_texts = {
            "rename": self.tr("Rename theme…"),
            "ungroup": self.tr("Ungroup"),
            "out": self.tr("Out of the theme"),
        }
        if self.day_filter.count():
            self.day_filter.setItemText(0, self.tr("all days"))
            self.item_filter.setItemText(0, self.tr("all items"))
            self.category_filter.setItemText(0, self.tr("all categories"))

    # --- filters -------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        self._filling = True
        try:
            day, cat = self.day_filter.currentData(), self.category_filter.currentData()
            self.day_filter.clear()
            self.day_filter.addItem(self.tr("all days"), None)
            for d in self.service.days():
                label = self.tr("Day %1").replace("%1", str(d.number))
                if d.date is not None:
                    label += f" ({d.date.strftime('%d/%m')})"
                self.day_filter.addItem(label, d.id)
            self.day_filter.setCurrentIndex(max(self.day_filter.findData(day), 0))
            self.category_filter.clear()
            self.category_filter.addItem(self.tr("all categories"), None)
            for c in self.service.categories():
                self.category_filter.addItem(c.name, c.id)
            self.category_filter.setCurrentIndex(max(self.category_filter.findData(cat), 0))
            self._fill_items()
        finally:
            self._filling = False

    def _fill_items(self) -> None:
        current = self.item_filter.currentData()
        self.item_filter.blockSignals(True)
        self.item_filter.clear()
        self.item_filter.addItem(self.tr("all items"), None)
        day_id = self.day_filter.currentData()
        days = {d.id: d.number for d in self.service.days()}
        for item in self.service.items(day_id):
            self.item_filter.addItem(f"{days.get(item.day_id, '?')}. {item.title}", item.id)
        self.item_filter.setCurrentIndex(max(self.item_filter.findData(current), 0))
        self.item_filter.blockSignals(False)

    def _on_day(self, _index: int) -> None:
        if self._filling:
            return
        self._fill_items()
        self.reload()

    def set_filters(
        self,
        day_id: int | None = None,
        item_id: int | None = None,
        category_id: int | None = None,
        ungrouped: bool = False,
    ) -> None:
        """Choose the filters as a user would (tests, the presenter)."""
        self.day_filter.setCurrentIndex(max(self.day_filter.findData(day_id), 0))
        self.item_filter.setCurrentIndex(max(self.item_filter.findData(item_id), 0))
        self.category_filter.setCurrentIndex(max(self.category_filter.findData(category_id), 0))
        self.ungrouped_only.setChecked(ungrouped)

    def current_board(self) -> str:
        item_id, day_id = self.item_filter.currentData(), self.day_filter.currentData()
        if item_id is not None:
            return b.board_key(item_uuid=self.service.item(item_id).uuid)
        if day_id is not None:
            return b.board_key(day_uuid=self.service.day(day_id).uuid)
        return b.WORKSHOP_BOARD

    # --- building ------------------------------------------------------------------------
    def visible_notes(self) -> list[m.Note]:
        item_id, day_id = self.item_filter.currentData(), self.day_filter.currentData()
        notes = self.service.notes(agenda_item_id=item_id, day_id=None if item_id else day_id)
        cat = self.category_filter.currentData()
        if cat is not None:
            notes = [n for n in notes if n.category_id == cat]
        return notes

    def reload(self) -> None:
        if self._filling:
            return
        self.board = self.current_board()
        notes = self.visible_notes()
        cats = {c.id: c for c in self.service.categories()}
        people = {p.id: p.name for p in self.service.participants()}
        data = card_data(notes, cats, people)
        grouped: set[int] = set()
        themes = []
        ungrouped_only = self.ungrouped_only.isChecked()
        for theme in self.org.themes():
            members = [data[n] for n in theme.note_ids if n in data]
            grouped.update(theme.note_ids)
            if members:
                themes.append((theme.id, theme.title, members, len(theme.note_ids)))
        free = [data[n.id] for n in notes if n.id not in grouped]
        self.scene.build(
            free,
            themes,
            self.boards.card_positions(self.board),
            self.boards.theme_positions(self.board),
            collapsed=ungrouped_only,
        )
        if self.service.read_only:  # a file open read-only: look, do not move
            for item in (*self.scene.cards.values(), *self.scene.themes.values()):
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self.btn_suggest.setEnabled(not self.service.read_only)
        self._mark_proposal()
        self.canvas.first_view()  # if the board was shown before it had anything

    def apply_changes(self, changes: Changes) -> None:
        if changes.kinds() == {Kind.BOARD} and self.scene.place(
            self.boards.card_positions(self.board), self.boards.theme_positions(self.board)
        ):
            return
        if changes.touches(Kind.DAY, Kind.ITEM, Kind.CATEGORY):
            self._fill_filters()
        self.reload()

    def show_whole(self, note_id: int) -> None:
        """The note's whole text, large, over the board (Esc or a click closes it)."""
        card = self.scene.cards.get(note_id)
        if card is None:
            return
        data = card.data_
        text = data.text if not data.speaker else f"{data.speaker}\n\n{data.text}"
        self.whole.setText(text)
        self.whole.setFixedWidth(min(720, max(360, self.width() // 2)))
        self.whole.adjustSize()
        centre = self.canvas.geometry().center()
        self.whole.move(centre.x() - self.whole.width() // 2, centre.y() - self.whole.height() // 2)
        self.whole.show()
        self.whole.raise_()
        self.whole.setFocus()

    # --- drops -----------------------------------------------------------------------------
    def on_drop(self, drop: Drop) -> None:
        """Turn a finished drag into one operation (one undo step)."""
        board = self.board
        ids = list(drop.cards)
        in_theme = {
            n: card.theme().theme_id  # type: ignore[union-attr]
            for n, card in self.scene.cards.items()
            if n in drop.cards and card.theme() is not None
        }
        if drop.themes:  # themes moved (with any cards selected with them): a move
            place = board_ops.PlaceOnBoard(board, drop.cards, drop.themes)
            members = [n for n in ids if n in in_theme]  # selected in another theme: out
            op: ops.Operation = (
                ops.Batch([ops.MoveNotes(members, None), place]) if members else place
            )
            self._run(op, self.tr("Move on the board"))
            return
        if drop.target_theme is not None:
            joining = [n for n in ids if in_theme.get(n) != drop.target_theme]
            if not joining:
                self.scene.snap_back()
                return
            self._run(ops.MoveNotes(joining, drop.target_theme), self.tr("Add to theme"))
            return
        if drop.target_card is not None:
            target = self.scene.cards[drop.target_card]
            existing = {t.title for t in self.org.themes()}
            language = self.service.workshop().language.value
            number = len(existing) + 1
            while b.default_theme_title(language, number) in existing:
                number += 1
            title = b.default_theme_title(language, number)
            at = (target.scenePos().x() - THEME_PAD, target.scenePos().y() - THEME_HEADER)
            self._run(
                board_ops.GroupOnBoard(board, title, [drop.target_card, *ids], at),
                self.tr("New theme"),
            )
            return
        place = board_ops.PlaceOnBoard(board, drop.cards)
        leaving = [n for n in ids if n in in_theme]
        if leaving:
            self._run(
                ops.Batch([ops.MoveNotes(leaving, None), place]), self.tr("Take out of theme")
            )
        else:
            self._run(place, self.tr("Move on the board"))

    def _run(self, op: ops.Operation, text: str) -> None:
        if not self.doc.run(op, text, parent=self):
            self.reload()  # refused: show the board as stored

    def rename_theme(self, theme_id: int) -> None:
        old = self.org.theme(theme_id).title
        title = ask_text(self, self.tr("Rename theme"), self.tr("Name of the theme:"), old)
        if title is not None and title != old:
            self._run(ops.RenameTheme(theme_id, title), self.tr("Rename theme"))

    def ungroup_theme(self, theme_id: int) -> None:
        self._run(ops.Ungroup(theme_id), self.tr("Ungroup"))

    def take_out(self, note_ids: list[int]) -> None:
        """Out of their themes, beside the theme's area (menu of a card)."""
        if not note_ids:
            return
        positions = {}
        for n, note_id in enumerate(note_ids):
            card = self.scene.cards[note_id]
            theme = card.theme()
            base = theme.scenePos() if theme is not None else card.scenePos()
            width = theme.boundingRect().width() if theme is not None else 0.0
            positions[note_id] = (base.x() + width + GAP, base.y() + n * (CARD_H / 3))
        self._run(
            ops.Batch(
                [ops.MoveNotes(note_ids, None), board_ops.PlaceOnBoard(self.board, positions)]
            ),
            self.tr("Take out of theme"),
        )

    # --- proposals -------------------------------------------------------------------------
    def suggest_groups(self) -> None:
        """Cluster the visible cards that are in no theme by shared words (offline), on a
        worker thread: the board stays usable meanwhile (seconds for thousands of
        notes); :attr:`proposals_ready` is emitted when they are shown."""
        import threading

        from facilitator.domain.clustering import suggest_groups

        free = [(n, c.data_.text) for n, c in self.scene.cards.items() if c.theme() is None]
        names = [c.name for c in self.service.categories()]
        self._generation += 1
        generation, relay = self._generation, self._relay

        def work() -> None:
            groups = suggest_groups(free, ignore=names)
            relay.done.emit(generation, [(g.label, list(g.note_ids)) for g in groups])

        self.btn_suggest.setEnabled(False)
        self.btn_suggest.setText(self.tr("Looking for groups…"))
        threading.Thread(target=work, name="suggest-groups", daemon=True).start()

    def _show_proposals(self, generation: int, proposals: list[tuple[str, list[int]]]) -> None:
        if generation != self._generation:
            return  # asked again meanwhile: the newer answer counts
        self.btn_suggest.setText(self.tr("Suggest groups"))
        self.btn_suggest.setEnabled(not self.service.read_only)
        self.proposals = proposals
        self.proposals_list.clear()
        for label, ids in self.proposals:
            self.proposals_list.addItem(
                QListWidgetItem(
                    self.tr("%1 (%2 notes)").replace("%1", label).replace("%2", str(len(ids)))
                )
            )
        if not self.proposals:
            self.proposals_list.addItem(self.tr("No groups found: too few shared words."))
        self.proposals_box.show()
        self.proposals_list.setCurrentRow(0)
        self._update_proposal_buttons()
        self.proposals_ready.emit()

    def _update_proposal_buttons(self) -> None:
        has = 0 <= self.proposals_list.currentRow() < len(self.proposals)
        self.btn_accept.setEnabled(has)
        self.btn_reject.setEnabled(has)

    def _show_proposal(self, row: int) -> None:
        self._mark_proposal()
        self._update_proposal_buttons()
        if 0 <= row < len(self.proposals):
            cards = [self.scene.cards[n] for n in self.proposals[row][1] if n in self.scene.cards]
            if cards:
                self.canvas.ensureVisible(cards[0])

    def _mark_proposal(self) -> None:
        row = self.proposals_list.currentRow()
        ids = set(self.proposals[row][1]) if 0 <= row < len(self.proposals) else set()
        for n, card in self.scene.cards.items():
            card.set_highlight("proposal" if n in ids else "")

    def accept_proposal(self) -> None:
        row = self.proposals_list.currentRow()
        if not 0 <= row < len(self.proposals):
            return
        label, ids = self.proposals[row]
        ids = [n for n in ids if n in self.scene.cards and self.scene.cards[n].theme() is None]
        if len(ids) < 2:
            self.reject_proposal()
            return
        rect = self.scene.visible_bounds()
        at = (rect.right() + 3 * GAP, rect.top())
        title = label[:1].upper() + label[1:]
        del self.proposals[row]
        self.proposals_list.takeItem(row)
        self._run(board_ops.GroupOnBoard(self.board, title, ids, at), self.tr("New theme"))
        self._update_proposal_buttons()

    def reject_proposal(self) -> None:
        row = self.proposals_list.currentRow()
        if not 0 <= row < len(self.proposals):
            return
        del self.proposals[row]
        self.proposals_list.takeItem(row)
        self._mark_proposal()
        self._update_proposal_buttons()
