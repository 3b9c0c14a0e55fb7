"""Poll results as a bar chart painted with QPainter (QtCharts is not in Essentials).

``ResultsChart`` is the in-app chart; ``PresenterResults`` is the large, short version
for the projector (the lead plugs it into the presenter window).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from facilitator.domain.organise import Poll
from facilitator.domain.voting import Method, PollResult, format_score, shown_total
from facilitator.services.operations import Changes, Kind
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise.labels import method_label, score_heading

WINNER = QColor("#2e7d32")
BAR = QColor("#4a90d9")


class ResultsChart(QWidget):
    """Ranking rows: rank (ties marked "="), option, bar, score; details under each row."""

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0, max_rows: int = 0):
        super().__init__(parent)
        self.scale = scale
        self.max_rows = max_rows
        self.poll: Poll | None = None
        self.result: PollResult | None = None
        self.visible_results = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(int(80 * scale))

    def set_result(self, poll: Poll | None, result: PollResult | None, visible: bool) -> None:
        self.poll = poll
        self.result = result
        self.visible_results = visible
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    # --- texts, kept here for lupdate and for tests --------------------------------------
    def ballots_text(self) -> str:
        n = self.result.ballots if self.result else 0
        return self.tr("Ballots: %1").replace("%1", str(n))

    def hidden_text(self) -> str:
        return self.tr("Results are hidden until the poll closes.")

    def empty_text(self) -> str:
        return self.tr("No ballots yet.")

    def detail_text(self, option_id: int) -> str:
        """The line under a row: per-criterion averages or first preferences."""
        assert self.poll is not None and self.result is not None
        row = self.result.row(option_id)
        if self.poll.method is Method.SCORE:
            parts = [
                f"{c.name} {format_score(a, Method.SCORE)}"
                for c, a in zip(self.poll.criteria, row.criterion_averages, strict=False)
            ]
            return " · ".join(parts)
        if self.poll.method is Method.RANKED:
            return self.tr("first preferences: %1").replace("%1", str(row.first_preferences))
        return ""

    def rows(self) -> list[tuple[str, str, str, float, str]]:
        """(rank text, option, score text, bar fraction 0..1, detail) as painted."""
        if self.poll is None or self.result is None or not self.visible_results:
            return []
        top = float(self.result.max_score) or 1.0
        out = []
        rows = self.result.rows
        if self.max_rows:
            rows = rows[: self.max_rows]
        for r in rows:
            rank = f"={r.rank}" if r.tied else str(r.rank)
            out.append(
                (
                    rank,
                    self.poll.option(r.option_id).label,
                    format_score(
                        shown_total(r, self.poll.criteria)
                        if self.poll.method is Method.SCORE
                        else r.score,
                        self.poll.method,
                    ),
                    max(0.0, float(r.score) / top),
                    self.detail_text(r.option_id),
                )
            )
        return out

    # --- painting ----------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        base.setPointSizeF(size * self.scale)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(size * self.scale * 0.85)
        return base, bold, small

    def _row_height(self) -> tuple[int, int]:
        base, _, small = self._fonts()
        main = QFontMetrics(base).height() + int(10 * self.scale)
        detail = QFontMetrics(small).height() + 2
        has_detail = self.poll is not None and self.poll.method in (Method.SCORE, Method.RANKED)
        return main, detail if has_detail else 0

    def sizeHint(self) -> QSize:
        main, detail = self._row_height()
        n = len(self.rows()) or 1
        header = QFontMetrics(self._fonts()[0]).height() + int(12 * self.scale)
        return QSize(int(480 * self.scale), header + n * (main + detail) + int(8 * self.scale))

    def minimumSizeHint(self) -> QSize:
        return QSize(int(240 * self.scale), int(80 * self.scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_colour)
        muted.setAlpha(150)
        base, bold, small = self._fonts()
        w = self.width()
        margin = int(8 * self.scale)
        y = margin
        p.setFont(base)
        fm = QFontMetrics(base)
        if self.poll is None:
            p.end()
            return
        heading = self.ballots_text()
        if self.visible_results and self.result and self.result.rows:
            heading += "  ·  " + score_heading(self.poll.method)
        p.setPen(muted)
        p.drawText(margin, y + fm.ascent(), heading)
        y += fm.height() + int(6 * self.scale)
        rows = self.rows()
        if not self.visible_results or not rows or not self.result or not self.result.ballots:
            p.setPen(text_colour)
            message = self.hidden_text() if not self.visible_results else self.empty_text()
            p.drawText(
                QRectF(margin, y, w - 2 * margin, fm.height() * 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                message,
            )
            p.end()
            return
        main_h, detail_h = self._row_height()
        rank_w = QFontMetrics(bold).horizontalAdvance("=99") + margin
        label_w = int((w - 2 * margin - rank_w) * 0.45)
        score_w = QFontMetrics(bold).horizontalAdvance("000.00") + margin
        bar_x = margin + rank_w + label_w + margin
        bar_w = max(10, w - bar_x - score_w - margin)
        bold_fm = QFontMetrics(bold)
        for rank, label, score, frac, detail in rows:
            mid = y + main_h / 2
            p.setFont(bold)
            p.setPen(text_colour)
            p.drawText(margin, int(mid + bold_fm.ascent() / 2 - 1), rank)
            p.setFont(base)
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w)
            p.drawText(margin + rank_w, int(mid + fm.ascent() / 2 - 1), elided)
            bar_h = main_h - int(10 * self.scale)
            colour = WINNER if rank in ("1", "=1") else BAR
            p.setPen(Qt.PenStyle.NoPen)
            track = QColor(text_colour)
            track.setAlpha(25)
            p.setBrush(track)
            p.drawRoundedRect(QRectF(bar_x, mid - bar_h / 2, bar_w, bar_h), 3, 3)
            p.setBrush(colour)
            if frac > 0:
                p.drawRoundedRect(
                    QRectF(bar_x, mid - bar_h / 2, max(3.0, bar_w * frac), bar_h), 3, 3
                )
            p.setFont(bold)
            p.setPen(text_colour)
            p.drawText(bar_x + bar_w + margin, int(mid + bold_fm.ascent() / 2 - 1), score)
            y += main_h
            if detail_h:
                p.setFont(small)
                p.setPen(muted)
                p.drawText(
                    QRectF(margin + rank_w, y - 2, w - margin - rank_w - margin, detail_h),
                    int(Qt.AlignmentFlag.AlignLeft),
                    detail,
                )
                y += detail_h
        p.end()


class PresenterResults(QWidget):
    """Large results for the projector: poll title, method, ballots, top rows."""

    def __init__(self, service: WorkshopService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org = OrganiseService(service)
        self.poll_id: int | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        sub = self.subtitle.font()
        sub.setPointSizeF(max(sub.pointSizeF(), 10) * 1.4)
        self.subtitle.setFont(sub)
        self.chart = ResultsChart(self, scale=2.0, max_rows=6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.chart, 1)

    def show_poll(self, poll_id: int | None) -> None:
        self.poll_id = poll_id
        self.reload()

    def reload(self) -> None:
        if self.poll_id is None:
            self.title.clear()
            self.subtitle.clear()
            self.chart.set_result(None, None, False)
            return
        poll = self.org.poll(self.poll_id)
        self.title.setText(poll.title)
        self.subtitle.setText(method_label(poll.method))
        self.chart.set_result(poll, self.org.result(poll.id), poll.results_visible)

    def apply_changes(self, changes: Changes) -> None:
        """Redraw when this poll (its settings, state or ballots) changed, whoever did it."""
        if self.poll_id is None:
            return
        if self.poll_id in changes.ids(Kind.BALLOT) | changes.ids(Kind.POLL):
            if self.poll_id in changes.removed_ids(Kind.POLL):
                self.show_poll(None)
            else:
                self.reload()

    def changeEvent(self, event: Any) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and self.poll_id is not None
            and self.isVisible()
        ):
            self.reload()
        super().changeEvent(event)
