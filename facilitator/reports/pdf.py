"""PDF minutes (one day) and the full-event report, with reportlab platypus.

Input: a :class:`~facilitator.services.snapshot.Snapshot` (plain data, no connection).
Every piece of user text goes through :func:`esc` before it reaches paragraph markup.
reportlab is imported here only; ``import facilitator.reports`` does not load it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.reports import fonts
from facilitator.reports.text import Words, lang_of
from facilitator.services.snapshot import (
    ActionRow,
    CategoryGroup,
    DaySnapshot,
    ItemSnapshot,
    NoteRow,
    OrganisationGroup,
    PollResult,
    Snapshot,
    ThemeRow,
    group_notes,
)

PAPERS = {"a4": A4, "letter": LETTER}
Progress = Callable[[int, int], None]

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b8bcc2")
HEAD_BG = colors.HexColor("#eef0f3")
ACCENT = colors.HexColor("#1f3a5f")
DECISION = colors.HexColor("#9a4a00")

MARGIN_X = 24 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 22 * mm
PARA_CHUNK = 2500  # characters per paragraph when a note is very long
NAMES_PER_ROW = 20  # attendance rows stay short enough to never exceed a page

# --- text ------------------------------------------------------------------------------


def esc(text: str) -> str:
    """User text as safe paragraph markup: printable, escaped, line breaks kept."""
    text = fonts.printable(text).replace("\t", "    ")
    return escape(text).replace("\n", "<br/>")


def _chunks(text: str) -> list[str]:
    """A long note as several paragraphs (split at blank lines, then at word gaps)."""
    text = fonts.printable(text)
    parts = [p for p in re.split(r"\n\s*\n", text) if p.strip()] or [text]
    out: list[str] = []
    for part in parts:
        while len(part) > PARA_CHUNK:
            cut = part.rfind(" ", PARA_CHUNK // 2, PARA_CHUNK)
            if cut <= 0:
                cut = PARA_CHUNK
            out.append(part[:cut])
            part = part[cut:].lstrip(" ")
        out.append(part)
    return out


def _safe(text: str) -> str:
    return escape(fonts.printable(text).replace("\t", "    ")).replace("\n", "<br/>")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points on one line."""
    text = " ".join(fonts.printable(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# --- styles ------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=fonts.FAMILY,
        fontSize=10,
        leading=14,
        textColor=INK,
        splitLongWords=1,
        alignment=TA_LEFT,
    )

    def s(name: str, parent: ParagraphStyle = base, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    h1 = s(
        "h1",
        fontName=fonts.BOLD,
        fontSize=16,
        leading=21,
        textColor=ACCENT,
        spaceBefore=4,
        spaceAfter=8,
        keepWithNext=1,
    )
    h2_table = s(
        "h2_table",
        fontName=fonts.BOLD,
        fontSize=12.5,
        leading=17,
        textColor=INK,
        spaceBefore=14,
        spaceAfter=3,
    )
    meta = s("meta", fontSize=8.5, leading=12, textColor=MUTED, spaceAfter=4)
    cell = s("cell", fontSize=9, leading=12)
    cell_head = s("cell_head", fontName=fonts.BOLD, fontSize=8.5, leading=11)
    return {
        "body": base,
        "title": s("title", fontName=fonts.BOLD, fontSize=24, leading=30, textColor=ACCENT),
        "subtitle": s("subtitle", fontSize=14, leading=19, textColor=INK, spaceBefore=6),
        "cover_meta": s("cover_meta", fontSize=10.5, leading=15),
        "small": s("small", fontSize=8.5, leading=11, textColor=MUTED),
        "h1": h1,
        "h1_section": s("h1_section", h1, spaceBefore=22),
        "h2_table": h2_table,
        "h2": s("h2", h2_table, keepWithNext=1),
        "h3": s(
            "h3",
            fontName=fonts.BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "meta": meta,
        "decision_meta": s("decision_meta", meta, spaceAfter=7, leftIndent=18),
        "note": s("note", leftIndent=12, spaceAfter=5, bulletIndent=2, bulletFontSize=7),
        "note_cont": s("note_cont", leftIndent=12, spaceAfter=5),
        "theme_note": s(
            "theme_note", fontSize=9.5, leading=13, leftIndent=26, bulletIndent=14, spaceAfter=3
        ),
        "cell": cell,
        "cell_head": cell_head,
        "cell_head_right": s("cell_head_right", cell_head, alignment=TA_RIGHT),
        "cell_right": s("cell_right", cell, alignment=TA_RIGHT),
        "cell_small": s("cell_small", fontSize=8, leading=10.5, textColor=MUTED),
        "decision": s(
            "decision",
            leftIndent=18,
            spaceAfter=3,
            bulletIndent=0,
            bulletFontName=fonts.BOLD,
        ),
    }


def _table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    numeric_cols: Sequence[int] = (),
    total_row: bool = False,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1, splitInRow=24, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, RULE))
    table.setStyle(TableStyle(style))
    return table


# --- flowables ------------------------------------------------------------------------------


@dataclass
class _State:
    """Shared by the flowables and the page callbacks while a document is built."""

    header_right: str = ""  # the label of the section being laid out
    page_header: str = ""  # the label printed on this page: the section it starts in
    top_y: float = 0.0  # an anchor drawn above this starts its page
    bookmarks: set[str] = field(default_factory=set)
    outline: list[tuple[str, int]] = field(default_factory=list)


class Anchor(Flowable):
    """A zero-height mark: an outline entry (bookmark), and the header's day label."""

    def __init__(
        self,
        state: _State,
        key: str,
        title: str | None,
        level: int = 0,
        header: str | None = None,
    ) -> None:
        super().__init__()
        self.state, self.key, self.title, self.level, self.header = (
            state,
            key,
            title,
            level,
            header,
        )
        self.keepWithNext = 1

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.header is not None:
            self.state.header_right = self.header
            if self.canv.absolutePosition(0, 0)[1] >= self.state.top_y:
                self.state.page_header = self.header
        if self.title is None or self.key in self.state.bookmarks:
            return
        if not self.state.bookmarks:
            self.canv.showOutline()
        self.state.bookmarks.add(self.key)
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        title = " ".join(fonts.printable(self.title).split())[:120]
        self.canv.addOutlineEntry(title, self.key, level=self.level, closed=False)
        self.state.outline.append((title, self.level))


class Rule(Flowable):
    def __init__(self, width_fraction: float = 1.0, thickness: float = 0.8) -> None:
        super().__init__()
        self.fraction, self.thickness = width_fraction, thickness

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw * self.fraction
        return self.width, self.thickness + 10

    def draw(self) -> None:
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(self.thickness)
        y = self.thickness + 8
        self.canv.line(0, y, self.width, y)


def _numbered_canvas(words: Words, footer_left: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps every page until the end, to print "page X of Y" in each footer."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = MARGIN_BOTTOM - 12 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
            self.setFont(fonts.FAMILY, 8)
            self.setFillColor(MUTED)
            page = words("page_of", page=self._pageNumber, total=total)
            self.drawRightString(width - MARGIN_X, y, page)
            room = width - 2 * MARGIN_X - stringWidth(page, fonts.FAMILY, 8) - 12
            self.drawString(MARGIN_X, y, _fit(footer_left, fonts.FAMILY, 8, room))
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):
    def __init__(self, target: Any, progress: Progress | None, total: int, **kw: Any) -> None:
        super().__init__(target, **kw)
        self._progress = progress
        self._total = max(total, 1)
        self._done = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if self._progress is not None:
            self._done += 1
            self._progress(min(self._done, self._total), self._total)


# --- the document ----------------------------------------------------------------------------


@dataclass
class PdfResult:
    pages: int
    outline: list[tuple[str, int]]


class _Builder:
    def __init__(self, snap: Snapshot, words: Words, deterministic: bool) -> None:
        self.snap = snap
        self.w = words
        self.st = _styles()
        self.state = _State()
        self.deterministic = deterministic
        self.story: list[Flowable] = []
        self.width = 0.0

    # helpers
    def p(self, markup: str, style: str = "body", **kw: Any) -> Paragraph:
        return Paragraph(markup, self.st[style], **kw)

    def heading(
        self,
        text: str,
        style: str,
        key: str | None = None,
        level: int = 0,
        header: str | None = None,
        outline: str | None = None,
    ) -> None:
        if key is not None or header is not None:
            self.story.append(
                Anchor(self.state, key or "", (outline or text) if key else None, level, header)
            )
        self.story.append(self.p(_safe(text), style))

    def kv(self, pairs: Sequence[tuple[str, str]]) -> Table | None:
        rows = [
            [self.p(escape(k), "cell_head"), self.p(_safe(v), "cover_meta")] for k, v in pairs if v
        ]
        if not rows:
            return None
        t = Table(rows, colWidths=[38 * mm, self.width - 38 * mm], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return t

    def organisation_markup(self, group: OrganisationGroup) -> str:
        if group.organisation:
            return _safe(group.organisation)
        return f"<i>{escape(self.w('no_organisation'))}</i>"

    def section_header(self, name: str) -> str | None:
        """Closing sections name themselves in the header of the full report; in day
        minutes the header keeps the day."""
        return None if self.snap.is_day else name

    def subtitle(self) -> str:
        snap = self.snap
        if snap.is_day:
            day = snap.days[0]
            text = self.w("day_minutes", n=day.number)
            if day.date:
                text += " – " + self.w.date(day.date, weekday=True)
            return text
        return self.w("full_report")

    # sections
    def cover(self) -> None:
        ws = self.snap.workshop
        w = self.w
        self.story.append(Spacer(1, 8 * mm))
        self.story.append(
            self.p(escape(w("minutes" if self.snap.is_day else "report")).upper(), "small")
        )
        self.story.append(Spacer(1, 3 * mm))
        self.story.append(self.p(_safe(ws.title), "title"))
        self.story.append(Spacer(1, 2 * mm))
        self.story.append(Rule(0.25, 2))
        self.story.append(self.p(escape(self.subtitle()), "subtitle"))
        if self.snap.is_day and self.snap.days[0].title:
            self.story.append(self.p(_safe(self.snap.days[0].title), "subtitle"))
        self.story.append(Spacer(1, 10 * mm))
        pairs = [
            (w("organiser"), ws.organiser),
            (w("place"), ws.place),
            (w("dates"), w.date_range(ws.start_date, ws.end_date)),
        ]
        table = self.kv(pairs)
        if table is not None:
            self.story.append(table)
        if ws.description.strip():
            self.story.append(Spacer(1, 4 * mm))
            for chunk in _chunks(ws.description):
                self.story.append(self.p(_safe(chunk)))
        self.summary()
        if not self.deterministic:
            self.story.append(Spacer(1, 8 * mm))
            self.story.append(
                self.p(escape(w("generated", when=w.datetime(self.snap.generated_at))), "small")
            )

    def summary(self) -> None:
        snap, w = self.snap, self.w
        notes = snap.all_notes()
        items = sum(len(d.items) for d in snap.days)
        present = (
            snap.days[0].present_count
            if snap.is_day
            else sum(1 for p in snap.participants if p.days_present)
        )
        figures = [
            (w("days_total"), len(snap.days) if not snap.is_day else 0),
            (w("items_total"), items),
            (w("participants_total"), present),
            (w("notes_total"), len(notes)),
            (w("decisions_total"), sum(1 for n in notes if n.is_decision)),
            (w("actions_total"), len(snap.actions)),
        ]
        figures = [(k, v) for k, v in figures if v]
        counts = snap.counts_by_category()
        if snap.is_empty():
            scope = w("scope_day" if snap.is_day else "scope_event")
            self.story.append(Spacer(1, 10 * mm))
            self.story.append(self.p(f"<i>{escape(w('empty', scope=scope))}</i>", "body"))
            return
        self.story.append(Spacer(1, 8 * mm))
        self.story.append(CondPageBreak(45 * mm))
        self.story.append(self.p(escape(w("summary")), "h2_table"))
        gap = 10 * mm
        half = (self.width - gap) / 2
        left: Table | None = None
        right: Table | None = None
        if figures:
            rows = [
                [self.p(escape(w("figures")), "cell_head"), self.p("", "cell_head")],
                *([self.p(escape(k), "cell"), self.p(str(v), "cell_right")] for k, v in figures),
            ]
            left = _table(rows, [half - 18 * mm, 18 * mm])
        if counts:
            rows = [
                [
                    self.p(escape(w("category")), "cell_head"),
                    self.p(escape(w("notes")), "cell_head_right"),
                ]
            ]
            for name, colour, n in counts:
                label = _safe(name) if name else escape(w("uncategorised"))
                rows.append(
                    [
                        self.p(f'<font color="{colour}">■</font>&nbsp;&nbsp;{label}', "cell"),
                        self.p(str(n), "cell_right"),
                    ]
                )
            rows.append(
                [
                    self.p(f"<b>{escape(w('total'))}</b>", "cell"),
                    self.p(f"<b>{sum(c[2] for c in counts)}</b>", "cell_right"),
                ]
            )
            right = _table(rows, [half - 18 * mm, 18 * mm], total_row=True)
        if left is not None and right is not None and len(counts) <= 16:
            outer = Table([[left, "", right]], colWidths=[half, gap, half], hAlign="LEFT")
            outer.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            self.story.append(outer)
            return
        for table in (left, right):
            if table is not None:
                self.story.append(table)
                self.story.append(Spacer(1, 4 * mm))

    def day(self, day: DaySnapshot) -> None:
        w = self.w
        label = w.day_label(day.number, day.date, day.title)
        self.story.append(PageBreak())
        self.heading(label, "h1", key=f"day-{day.number}", level=0, header=label)
        self.story.append(Rule())
        if day.attendance:
            if self.snap.is_day:
                self.attendance(day.attendance, day.present_count)
            else:  # the full report lists attendance once, with the days of each person
                total = self.w("attendance_total", n=day.present_count)
                self.story.append(self.p(escape(total), "meta"))
        if day.items:
            self.agenda(day)
            for item in day.items:
                self.item(item)

    def attendance(self, groups: Sequence[OrganisationGroup], total: int) -> None:
        w = self.w
        self.story.append(CondPageBreak(45 * mm))
        self.story.append(self.p(escape(w("attendance")), "h2_table"))
        self.story.append(self.p(escape(w("attendance_total", n=total)), "meta"))
        rows: list[list[Any]] = [
            [
                self.p(escape(w("organisation")), "cell_head"),
                self.p(escape(w("participants")), "cell_head"),
                self.p(escape(w("count")), "cell_head_right"),
            ]
        ]
        for g in groups:
            org = self.organisation_markup(g)
            people = list(g.people)
            for start in range(0, len(people), NAMES_PER_ROW):
                part = people[start : start + NAMES_PER_ROW]
                names = ", ".join(_safe(p.name) for p in part)
                first = start == 0
                rows.append(
                    [
                        self.p(org, "cell") if first else "",
                        self.p(names, "cell"),
                        self.p(str(len(people)), "cell_right") if first else "",
                    ]
                )
        self.story.append(_table(rows, [0.34 * self.width, 0.56 * self.width, 0.10 * self.width]))

    def event_attendance(self) -> None:
        snap, w = self.snap, self.w
        if not snap.attendance:
            return
        self.story.append(PageBreak())
        title = w("attendance")
        self.heading(title, "h1", key="attendance", level=0, header=title)
        self.story.append(Rule())
        total = sum(len(g.people) for g in snap.attendance)
        self.story.append(self.p(escape(w("attendance_total", n=total)), "meta"))
        rows: list[list[Any]] = [
            [
                self.p(escape(w("organisation")), "cell_head"),
                self.p(escape(w("participant")), "cell_head"),
                self.p(escape(w("days_present")), "cell_head"),
            ]
        ]
        for g in snap.attendance:
            org = self.organisation_markup(g)
            for k, person in enumerate(g.people):
                rows.append(
                    [
                        self.p(org, "cell") if k == 0 else "",
                        self.p(_safe(person.name), "cell"),
                        self.p(", ".join(str(n) for n in person.days_present), "cell"),
                    ]
                )
        self.story.append(_table(rows, [0.38 * self.width, 0.42 * self.width, 0.20 * self.width]))

    def agenda(self, day: DaySnapshot) -> None:
        w = self.w
        self.story.append(CondPageBreak(45 * mm))
        self.story.append(self.p(escape(w("agenda")), "h2_table"))
        rows: list[list[Any]] = [
            [
                self.p("#", "cell_head"),
                self.p(escape(w("planned")), "cell_head"),
                self.p(escape(w("actual")), "cell_head"),
                self.p(escape(w("item")), "cell_head"),
            ]
        ]
        for item in day.items:
            planned = w.span(item.planned_start, item.planned_end)
            actual = w.span(item.actual_start, item.actual_end)
            detail = [escape(w.kind(item.kind))]
            if item.speakers:
                detail.append(_safe(", ".join(item.speakers)))
            if item.location:
                detail.append(_safe(item.location))
            rows.append(
                [
                    self.p(str(item.number), "cell"),
                    self.p(planned or "–", "cell"),
                    self.p(actual or '<font color="#5f6368">–</font>', "cell"),
                    [
                        self.p(_safe(item.title), "cell"),
                        self.p(" · ".join(detail), "cell_small"),
                    ],
                ]
            )
        self.story.append(_table(rows, [9 * mm, 25 * mm, 25 * mm, self.width - 59 * mm]))

    def item(self, item: ItemSnapshot) -> None:
        w = self.w
        title = f"{item.number}. {item.title}"
        self.story.append(CondPageBreak(30 * mm))
        self.heading(title, "h2", key=f"item-{item.id}", level=1)
        meta = [escape(w.kind(item.kind))]
        planned = w.span(item.planned_start, item.planned_end)
        if planned:
            meta.append(f"{escape(w('planned'))} {planned}")
        actual = w.span(item.actual_start, item.actual_end)
        if actual:
            meta.append(f"{escape(w('actual'))} {actual}")
        if item.speakers:
            meta.append(f"{escape(w('speakers'))}: {_safe(', '.join(item.speakers))}")
        if item.location:
            meta.append(f"{escape(w('location'))}: {_safe(item.location)}")
        self.story.append(self.p(" · ".join(meta), "meta"))
        if item.description.strip():
            for chunk in _chunks(item.description):
                self.story.append(self.p(_safe(chunk), "body"))
        for group in item.groups:
            self.group(group)
        if item.themes:
            self.themes(item.themes, "h3")

    def group(self, group: CategoryGroup) -> None:
        name = _safe(group.category) if group.category else escape(self.w("uncategorised"))
        self.story.append(
            self.p(
                f'<font color="{group.colour}">■</font>&nbsp;&nbsp;{name} '
                f'<font color="#5f6368" size="8.5">({len(group.notes)})</font>',
                "h3",
            )
        )
        for note in group.notes:
            self.note(note, group.colour)

    def note(self, note: NoteRow, colour: str) -> None:
        w = self.w
        head = []
        if note.is_decision:
            head.append(f'<font color="#9a4a00"><b>{escape(w("decision").upper())}</b></font>')
        if note.speaker:
            head.append(f"<b>{_safe(note.speaker)}</b>")
        head.append(f'<font color="#5f6368">{w.time(note.created_at)}</font>')
        prefix = " · ".join(head) + " — "
        chunks = _chunks(note.text)
        for k, chunk in enumerate(chunks):
            body = _safe(chunk)
            if k == 0:
                self.story.append(
                    Paragraph(prefix + body, self._note_style(colour), bulletText="●")
                )
            else:
                self.story.append(self.p(body, "note_cont"))

    def _note_style(self, colour: str) -> ParagraphStyle:
        key = "note" + colour
        if key not in self.st:
            try:
                bullet = colors.HexColor(colour)
            except ValueError:
                bullet = MUTED
            self.st[key] = ParagraphStyle(key, parent=self.st["note"], bulletColor=bullet)
        return self.st[key]

    def themes(self, themes: Sequence[ThemeRow], style: str | None) -> None:
        w = self.w
        if style is not None:
            self.story.append(self.p(escape(w("themes")), style))
        for theme in themes:
            self.story.append(self.p(f"<b>{_safe(theme.title)}</b>", "note", bulletText="◆"))
            if theme.description.strip():
                self.story.append(self.p(_safe(theme.description), "theme_note"))
            for text in theme.notes:
                self.story.append(self.p(_safe(text), "theme_note", bulletText="–"))

    def decisions(self) -> None:
        decisions = self.snap.decisions()
        if not decisions:
            return
        w = self.w
        self.story.append(CondPageBreak(50 * mm))
        self.heading(
            w("decisions"),
            "h1_section",
            key="decisions",
            level=0,
            header=self.section_header(w("decisions")),
        )
        self.story.append(Rule())
        for k, note in enumerate(decisions, 1):
            where = []
            if note.item_title:
                item = w("in_item", item=note.item_title)
                if not self.snap.is_day and note.day_number:
                    item = w("day", n=note.day_number) + ", " + item
                where.append(_safe(item))
            if note.speaker:
                where.append(_safe(note.speaker))
            chunks = _chunks(note.text)
            for i, chunk in enumerate(chunks):
                self.story.append(
                    self.p(_safe(chunk), "decision", bulletText=f"{k}." if i == 0 else None)
                )
            if where:
                self.story.append(self.p(" · ".join(where), "decision_meta"))

    def polls(self) -> None:
        polls = self.snap.polls
        if not polls:
            return
        w = self.w
        self.story.append(PageBreak())
        self.heading(w("polls"), "h1", key="polls", level=0, header=self.section_header(w("polls")))
        self.story.append(Rule())
        for k, poll in enumerate(polls, 1):
            self.poll(poll, k)

    def poll(self, poll: PollResult, k: int) -> None:
        w = self.w
        self.story.append(CondPageBreak(60 * mm))
        outer, self.story = self.story, []  # the poll's flowables, kept together below
        self.heading(f"{k}. {poll.title}", "h2", key=f"poll-{k}", level=1)
        lines = []
        if poll.method:
            lines.append(f"<b>{escape(w('method'))}:</b> {_safe(w.method(poll.method))}")
        if poll.rules:
            lines.append(f"<b>{escape(w('rules'))}:</b> {_safe(poll.rules)}")
        lines.append(escape(w("ballots", n=poll.ballots)))
        if poll.state == "open":
            lines.append(f"<i>{escape(w('poll_open'))}</i>")
        for when, reason in poll.reopened:
            lines.append(_safe(w.reopening(when, reason)))
        for line in lines:
            self.story.append(self.p(line, "body"))
        if poll.rows:
            self.story.append(Spacer(1, 3 * mm))
            self.story.append(self._ranking(poll))
            self.story.append(Spacer(1, 4 * mm))
            self.story.append(_bar_chart(poll, self.width, w))
        elif poll.ballots:
            self.story.append(self.p(f"<i>{escape(w('results_hidden'))}</i>", "body"))
        # heading, rules, ranking and chart on one page when they fit on one
        outer.append(KeepTogether(self.story))
        self.story = outer

    def _ranking(self, poll: PollResult) -> Table:
        w = self.w
        has_votes = any(r.votes is not None for r in poll.rows)
        extras = list(poll.extra_headers)
        n_num = 1 + int(has_votes) + len(extras)
        rank_w = 18 * mm
        num_w = 26 * mm if extras else 22 * mm
        label_w = max(40 * mm, self.width - rank_w - num_w * n_num)
        num_w = min(num_w, (self.width - rank_w - label_w) / n_num)
        head = [self.p(escape(w("rank")), "cell_head"), self.p(escape(w("option")), "cell_head")]
        head += [self.p(_safe(name), "cell_head_right") for name in extras]
        if has_votes:
            head.append(self.p(escape(w("first_preferences")), "cell_head_right"))
        head.append(self.p(escape(w("score")), "cell_head_right"))
        rows: list[list[Any]] = [head]
        for r in poll.rows:
            rank = f"{r.rank}=" if r.tied else str(r.rank)
            row = [self.p(rank, "cell"), self.p(_safe(r.label), "cell")]
            row += [
                self.p(_safe(w.score(r.extras[i], 0)) if i < len(r.extras) else "", "cell_right")
                for i in range(len(extras))
            ]
            if has_votes:
                row.append(self.p("" if r.votes is None else str(r.votes), "cell_right"))
            score = w.score(r.score_text, r.score)
            row.append(self.p(f"<b>{_safe(score)}</b>", "cell_right"))
            rows.append(row)
        return _table(rows, [rank_w, label_w] + [num_w] * n_num)

    def actions(self) -> None:
        actions = self.snap.actions
        if not actions:
            return
        w = self.w
        self.story.append(CondPageBreak(50 * mm))
        self.heading(
            w("actions"),
            "h1_section",
            key="actions",
            level=0,
            header=self.section_header(w("actions")),
        )
        self.story.append(Rule())
        rows: list[list[Any]] = [
            [
                self.p(escape(w("action")), "cell_head"),
                self.p(escape(w("owner")), "cell_head"),
                self.p(escape(w("due")), "cell_head"),
                self.p(escape(w("status")), "cell_head"),
            ]
        ]
        for a in actions:
            rows.append(self._action_row(a))
        self.story.append(_table(rows, [self.width - 98 * mm, 38 * mm, 36 * mm, 24 * mm]))

    def _action_row(self, a: ActionRow) -> list[Any]:
        w = self.w
        text: list[Any] = [self.p(_safe(chunk), "cell") for chunk in _chunks(a.text)]
        if a.item_title:
            where = w("in_item", item=a.item_title)
            if not self.snap.is_day and a.day_number:
                where = w("day", n=a.day_number) + ", " + where
            text.append(self.p(_safe(where), "cell_small"))
        return [
            text,
            self.p(_safe(a.owner), "cell"),
            self.p(escape(w.date(a.due_date)), "cell"),
            self.p(escape(w.status(a.status)), "cell"),
        ]

    def unassigned(self) -> None:
        notes = self.snap.unassigned_notes
        if not notes:
            return
        w = self.w
        self.story.append(PageBreak())
        self.heading(
            w("unassigned"),
            "h1",
            key="unassigned",
            level=0,
            header=self.section_header(w("unassigned")),
        )
        self.story.append(Rule())

        for group in group_notes(notes, self.snap.categories):
            self.group(group)

    def free_themes(self) -> None:
        if not self.snap.themes:
            return
        self.story.append(CondPageBreak(40 * mm))
        self.heading(
            self.w("themes"),
            "h1_section",
            key="themes",
            level=0,
            header=self.section_header(self.w("themes")),
        )
        self.story.append(Rule())
        self.themes(self.snap.themes, None)

    def build(self, width: float) -> list[Flowable]:
        self.width = width
        self.cover()
        if not self.snap.is_day:
            self.event_attendance()
        for day in self.snap.days:
            if day.items or day.attendance:
                self.day(day)
        self.unassigned()
        self.free_themes()
        self.decisions()
        self.actions()
        self.polls()
        self.ecosystem()
        return self.story

    def ecosystem(self) -> None:
        """The ecosystem map (reports/map_section.py): in the full report, and in the
        minutes of a day whose notes are evidence for a relation."""
        eco = self.snap.ecosystem
        day_notes = {n.id for n in self.snap.all_notes()}
        if eco is None or not eco.relations:
            return
        if self.snap.is_day and not any(n in day_notes for r in eco.relations for n in r.note_ids):
            return
        from facilitator.reports.map_section import map_flowables, title

        self.story.append(PageBreak())
        name = title(self.w.lang)
        self.heading(name, "h1", key="map", level=0, header=self.section_header(name))
        self.story.extend(map_flowables(eco, self.w.lang, self.width))


def _bar_chart(poll: PollResult, width: float, w: Words) -> Drawing:
    rows = list(poll.rows)[:12]
    label_w = min(70 * mm, width * 0.42)
    bar_h = 14
    height = bar_h * len(rows) + 28
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = label_w + 4
    chart.y = 18
    chart.width = width - label_w - 24
    chart.height = bar_h * len(rows)
    # top rank at the top: the chart draws category 0 at the bottom
    chart.data = [[r.score for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [
        _fit(r.label, fonts.FAMILY, 8, label_w - 6) for r in reversed(rows)
    ]
    chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = max((r.score for r in rows), default=1) or 1
    chart.valueAxis.valueMax = top * 1.1
    chart.valueAxis.labels.fontName = fonts.FAMILY
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e5e8")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: w.number(round(v, 2))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda v: w.number(v)
    chart.barLabels.fontName = fonts.FAMILY
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    d.add(String(0, 2, "", fontName=fonts.FAMILY, fontSize=1))
    return d


def build_pdf(
    snap: Snapshot,
    out: Path | str | IO[bytes],
    *,
    lang: str | None = None,
    paper: str = "a4",
    deterministic: bool = False,
    progress: Progress | None = None,
) -> PdfResult:
    """Write the minutes (day snapshot) or the full report to ``out``. Returns the page
    count and the outline entries ``(title, level)``."""
    fonts.register()
    words = Words(lang or lang_of(snap.workshop.language), dt.UTC if deterministic else None)
    pagesize = PAPERS[paper]
    builder = _Builder(snap, words, deterministic)
    width = pagesize[0] - 2 * MARGIN_X
    story = builder.build(width)
    title = snap.workshop.title
    subtitle = builder.subtitle()
    if snap.is_day:
        subject = words("subject_day", n=snap.days[0].number, title=title)
    else:
        subject = words("subject_event", title=title)
    target: Any = str(out) if isinstance(out, Path | str) else out
    doc = _Doc(
        target,
        progress,
        len(story),
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=fonts.printable(f"{title} – {subtitle}"),
        author=fonts.printable(snap.workshop.organiser or "Facilitator"),
        subject=fonts.printable(subject),
        creator="Facilitator",
        producer="Facilitator (reportlab)",
        keywords=words("minutes"),
        lang="it-IT" if words.lang == "it" else "en-GB",
        invariant=1 if deterministic else 0,
        initialFontName=fonts.FAMILY,
        displayDocTitle=1,
    )
    state = builder.state
    state.header_right = subtitle if snap.is_day else ""
    state.top_y = pagesize[1] - MARGIN_TOP - 40

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        state.page_header = state.header_right

    def on_page_end(canv: Canvas, doc: BaseDocTemplate) -> None:
        if canv.getPageNumber() == 1:
            return
        pw, ph = pagesize
        y = ph - MARGIN_TOP + 8 * mm
        canv.saveState()
        canv.setFont(fonts.FAMILY, 8)
        canv.setFillColor(MUTED)
        right = _fit(state.page_header, fonts.FAMILY, 8, (pw - 2 * MARGIN_X) * 0.5)
        canv.drawRightString(pw - MARGIN_X, y, right)
        room = pw - 2 * MARGIN_X - stringWidth(right, fonts.FAMILY, 8) - 12
        canv.setFont(fonts.BOLD, 8)
        canv.drawString(MARGIN_X, y, _fit(title, fonts.BOLD, 8, room))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y - 4, pw - MARGIN_X, y - 4)
        canv.restoreState()

    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width,
        pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [PageTemplate(id="page", frames=[frame], onPage=on_page, onPageEnd=on_page_end)]
    )
    footer_left = subtitle
    canvasmaker = _numbered_canvas(words, footer_left)
    doc.build(story, canvasmaker=canvasmaker)
    pages = doc.page
    return PdfResult(pages=pages, outline=list(state.outline))


def pdf_bytes(snap: Snapshot, **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    build_pdf(snap, buf, **kwargs)
    return buf.getvalue()
