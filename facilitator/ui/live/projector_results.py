"""A poll's results for the projector, painted to fit the whole screen.

Every option is drawn (2 to 20 and more): rank, label (wrapped, never cut), a bar sized
to the space left and the score with its unit; a second line per option where the
method needs one (per-criterion averages, first choices, share of ballots). The font
shrinks until every row fits. Colours are fixed, light on black, whatever the desktop
palette: the projector is read from the back of a room.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from facilitator.domain.organise import Poll
from facilitator.domain.voting import PollResult
from facilitator.ui.live import audience

BACKGROUND = QColor("#000000")
FOREGROUND = QColor("#ffffff")
MUTED = QColor("#c8c8c8")  # 12.6:1 on black
BAR = QColor("#4a90d9")
WINNER = QColor("#43a047")
TRACK = QColor("#262626")

_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_TOP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass(frozen=True)
class RowGeometry:
    """Where one option was drawn (for tests and for looking at it)."""

    rank: QRect
    label: QRect
    bar: QRect
    score: QRect
    detail: QRect | None


class ProjectorResults(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProjectorResults")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.language = "it"
        self.poll: Poll | None = None
        self.result: PollResult | None = None
        self.visible_results = True
        self.lines: list[audience.ResultLine] = []
        self.geometry_of_rows: list[RowGeometry] = []
        self.title_rect = QRect()
        self.font_px = 0
        self.columns = 1

    def set_result(
        self, poll: Poll | None, result: PollResult | None, visible: bool, language: str
    ) -> None:
        self.poll, self.result, self.visible_results = poll, result, visible
        self.language = language
        self.lines = (
            audience.result_lines(poll, result, language)
            if poll is not None and result is not None and visible
            else []
        )
        self.update()

    # --- layout ----------------------------------------------------------------------
    @staticmethod
    def _font(px: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setPixelSize(max(9, int(px)))
        f.setBold(bold)
        return f

    def _columns(self, px: int, x0: int, width: int) -> tuple[int, int, int, int]:
        """x of label, bar and score, and the label's width, in a column of ``width``
        starting at ``x0``, for a font of px (the rank starts at x0)."""
        bold = QFontMetrics(self._font(px, True))
        small = QFontMetrics(self._font(px * 0.7))
        rank_w = bold.horizontalAdvance("=20") + px // 2
        score_w = max((bold.horizontalAdvance(ln.score) for ln in self.lines), default=0)
        score_w += max((small.horizontalAdvance(" " + ln.unit) for ln in self.lines), default=0)
        score_w += px // 2
        label_w = int((width - rank_w - score_w) * 0.5)
        label_x = x0 + rank_w
        bar_x = label_x + label_w + px // 2
        score_x = x0 + width - score_w
        return label_x, bar_x, score_x, label_w

    def _row_heights(
        self, px: int, width: int, lines: list[audience.ResultLine]
    ) -> list[tuple[int, int]]:
        """(main height, detail height) of each row at font px, in a column of width."""
        label_x, _, _, label_w = self._columns(px, 0, width)
        detail_w = max(10, width - label_x)
        fm = QFontMetrics(self._font(px))
        small = QFontMetrics(self._font(px * 0.7))
        out = []
        for ln in lines:
            wrapped = fm.boundingRect(QRect(0, 0, max(10, label_w), 100000), _WRAP, ln.label)
            main = max(wrapped.height(), int(px * 1.3)) + int(px * 0.35)
            detail = 0
            if ln.detail:
                detail = small.boundingRect(
                    QRect(0, 0, detail_w, 100000), _WRAP, ln.detail
                ).height()
            out.append((main, detail))
        return out

    def _fit(self, width: int, height: int, lines: list[audience.ResultLine]) -> int:
        """The largest font (px) at which ``lines`` fit in one column of width × height."""
        n = max(1, len(lines))
        px = int(min(self.height() * 0.08, height / n * 0.6, self.width() * 0.045))
        while px > 9:
            if sum(a + b for a, b in self._row_heights(px, width, lines)) <= height:
                return px
            px = int(px * 0.92)
        return 9

    def layout_columns(self, width: int, height: int) -> tuple[int, int]:
        """(columns, font px): one column, or two when many options would otherwise be
        drawn too small to read from the back of the room."""
        one = self._fit(width, height, self.lines)
        if len(self.lines) <= 6:
            return 1, one
        half = (len(self.lines) + 1) // 2
        col_w = (width - int(self.width() * 0.04)) // 2
        two = min(
            self._fit(col_w, height, self.lines[:half]),
            self._fit(col_w, height, self.lines[half:]),
        )
        return (2, two) if two > one * 1.15 else (1, one)

    # --- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), BACKGROUND)
        w, h = self.width(), self.height()
        self.geometry_of_rows = []
        if self.poll is None:
            p.end()
            return
        margin = int(w * 0.03)
        lang = self.language
        # Title (the question asked) and one line: method · ballots.
        title_font = self._font(min(h * 0.065, w * 0.04), True)
        p.setFont(title_font)
        p.setPen(FOREGROUND)
        title_rect = QFontMetrics(title_font).boundingRect(
            QRect(margin, 0, w - 2 * margin, h // 3), _WRAP, self.poll.title
        )
        title_rect.moveTop(int(h * 0.02))
        p.drawText(title_rect, _WRAP, self.poll.title)
        self.title_rect = title_rect
        y = title_rect.bottom() + int(h * 0.01)
        sub_font = self._font(min(h * 0.035, w * 0.022))
        sub_fm = QFontMetrics(sub_font)
        p.setFont(sub_font)
        p.setPen(MUTED)
        ballots = self.result.ballots if self.result else 0
        subtitle = (
            audience.text(f"method.{self.poll.method.value}", lang)
            + "  ·  "
            + audience.ballots_text(ballots, lang)
        )
        p.drawText(QRect(margin, y, w - 2 * margin, sub_fm.height()), _WRAP, subtitle)
        y += sub_fm.height() + int(h * 0.03)
        if not self.lines or not ballots:
            message = audience.text("hidden" if not self.visible_results else "empty", lang)
            p.setFont(self._font(min(h * 0.06, w * 0.04)))
            p.setPen(FOREGROUND)
            p.drawText(QRect(margin, y, w - 2 * margin, h - y), _WRAP, message)
            p.end()
            return
        area = h - y - int(h * 0.02)
        inner = w - 2 * margin
        columns, px = self.layout_columns(inner, area)
        self.font_px, self.columns = px, columns
        gap = int(w * 0.04)
        col_w = inner if columns == 1 else (inner - gap) // 2
        per_column = (len(self.lines) + columns - 1) // columns
        top = y
        for c in range(columns):
            chunk = self.lines[c * per_column : (c + 1) * per_column]
            x0 = margin + c * (col_w + gap)
            self._paint_rows(p, chunk, px, x0, col_w, top)
        p.end()

    def _paint_rows(
        self,
        p: QPainter,
        lines: list[audience.ResultLine],
        px: int,
        x0: int,
        width: int,
        y: int,
    ) -> None:
        label_x, bar_x, score_x, label_w = self._columns(px, x0, width)
        bar_w = max(10, score_x - bar_x - px // 2)
        base, bold, small = self._font(px), self._font(px, True), self._font(px * 0.7)
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for ln, (main, detail) in zip(lines, self._row_heights(px, width, lines), strict=True):
            rank_r = QRect(x0, y, label_x - x0, main)
            label_r = QRect(label_x, y, label_w, main)
            bar_h = max(6, int(px * 0.9))
            bar_r = QRect(bar_x, y + (main - bar_h) // 2, bar_w, bar_h)
            score_r = QRect(score_x, y, x0 + width - score_x, main)
            p.setFont(bold)
            p.setPen(FOREGROUND)
            p.drawText(rank_r, left, ln.rank)
            p.setFont(base)
            p.drawText(label_r, _WRAP, ln.label)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(TRACK)
            p.drawRoundedRect(QRectF(bar_r), 4, 4)
            if ln.fraction > 0:
                p.setBrush(WINNER if ln.winner else BAR)
                filled = QRectF(bar_r)
                filled.setWidth(max(4.0, bar_r.width() * ln.fraction))
                p.drawRoundedRect(filled, 4, 4)
            p.setFont(bold)
            p.setPen(FOREGROUND)
            p.drawText(score_r, left, ln.score)
            score_w = QFontMetrics(bold).horizontalAdvance(ln.score)
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(score_r.adjusted(score_w, 0, 0, 0), left, " " + ln.unit)
            detail_r = None
            if detail:
                detail_r = QRect(label_x, y + main - int(px * 0.2), x0 + width - label_x, detail)
                p.drawText(detail_r, _WRAP, ln.detail)
            self.geometry_of_rows.append(RowGeometry(rank_r, label_r, bar_r, score_r, detail_r))
            y += main + detail


class IdeaWall(QWidget):
    """The room's accepted ideas, most upvoted first, as big as fits (the question on top)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IdeaWall")
        self.heading = ""
        self.ideas: list[tuple[int, str]] = []  # (upvotes, text)
        self.drawn: list[QRect] = []  # where each idea's text went (for tests)
        self.language = "it"

    def set_ideas(self, heading: str, ideas: list[tuple[int, str]], language: str) -> None:
        self.heading, self.ideas, self.language = heading, ideas, language
        self.update()

    def _height(self, px: int, width: int) -> int:
        fm = QFontMetrics(ProjectorResults._font(px))
        votes_w = QFontMetrics(ProjectorResults._font(px, True)).horizontalAdvance("▲ 999")
        return sum(
            fm.boundingRect(QRect(0, 0, max(10, width - votes_w), 100000), _TOP, text).height()
            + int(px * 0.5)
            for _, text in self.ideas
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), BACKGROUND)
        w, h = self.width(), self.height()
        margin = int(w * 0.03)
        self.drawn = []
        title_font = ProjectorResults._font(min(h * 0.065, w * 0.04), True)
        p.setFont(title_font)
        p.setPen(FOREGROUND)
        heading = self.heading or audience.text("wall", self.language)
        title = QFontMetrics(title_font).boundingRect(
            QRect(margin, int(h * 0.02), w - 2 * margin, h // 3), _TOP, heading
        )
        p.drawText(title, _TOP, heading)
        y = title.bottom() + int(h * 0.04)
        if not self.ideas:
            p.setFont(ProjectorResults._font(min(h * 0.05, w * 0.035)))
            p.setPen(MUTED)
            p.drawText(
                QRect(margin, y, w - 2 * margin, h - y),
                _TOP,
                audience.text("no_ideas", self.language),
            )
            p.end()
            return
        inner = w - 2 * margin
        px = int(min(h * 0.06, w * 0.04))
        while px > 9 and self._height(px, inner) > h - y - int(h * 0.02):
            px = int(px * 0.92)
        base, bold = ProjectorResults._font(px), ProjectorResults._font(px, True)
        fm = QFontMetrics(base)
        votes_w = QFontMetrics(bold).horizontalAdvance("▲ 999")
        for votes, text in self.ideas:
            rect = fm.boundingRect(
                QRect(margin + votes_w, y, max(10, inner - votes_w), 100000), _TOP, text
            )
            p.setFont(bold)
            p.setPen(WINNER if votes else MUTED)
            p.drawText(
                QRect(margin, y, votes_w, fm.height()),
                int(Qt.AlignmentFlag.AlignLeft),
                f"▲ {votes}",
            )
            p.setFont(base)
            p.setPen(FOREGROUND)
            p.drawText(rect, _TOP, text)
            self.drawn.append(rect)
            y = rect.bottom() + int(px * 0.5)
            if y > h:
                break
        p.end()
