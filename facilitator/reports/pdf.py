"""PDF minutes (one day) and the full-event report, with reportlab platypus.

Input: a :class:`~facilitator.services.snapshot.Snapshot` (plain data, no connection).
Every piece of user text goes through :func:`esc` before it reaches paragraph markup.
reportlab is imported here only; ``import facilitator.reports`` does not load it.
"""

from __future__ import annotations

import dataclasses
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
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.domain.templates import is_action_category, is_decision_category
from facilitator.domain.timeutil import zone
from facilitator.reports import board_grid, fonts
from facilitator.reports.text import Words, lang_of
from facilitator.services.snapshot import (
    ActionRow,
    CategoryGroup,
    DaySnapshot,
    ItemSnapshot,
    NoteRow,
    OrganisationGroup,
    Person,
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
PARA_LINES = 30  # lines per paragraph when a note has many line breaks
SUMMARY_ROWS = 8  # decisions, polls and actions listed on page 1
COMPACT_DECISIONS = 30  # more decisions than this print as dense lines
COMPACT_AFTER = 6  # more notes without a category than this print as dense lines
MAX_PRINTED = 100_000  # characters of one text printed; CSV and Markdown keep it all
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
    lines_split: list[str] = []
    for part in parts:  # at most PARA_LINES lines each, so a table row can split
        lines = part.split("\n")
        for start in range(0, len(lines), PARA_LINES):
            lines_split.append("\n".join(lines[start : start + PARA_LINES]))
    for part in lines_split:
        while len(part) > PARA_CHUNK:
            cut = part.rfind(" ", PARA_CHUNK // 2, PARA_CHUNK)
            if cut <= 0:
                cut = PARA_CHUNK
            out.append(part[:cut])
            part = part[cut:].lstrip(" ")
        out.append(part)
    return out


def _capped(text: str, words: Words) -> str:
    """At most MAX_PRINTED characters of ``text``, then how many more there are: a 50 MB
    note must not make the minutes take minutes (the exports keep the whole text)."""
    if len(text) <= MAX_PRINTED:
        return text
    cut = text.rfind(" ", MAX_PRINTED - 200, MAX_PRINTED)
    cut = cut if cut > 0 else MAX_PRINTED
    return text[:cut].rstrip() + " " + words("more_chars", n=words.count(len(text) - cut))


def _short(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word gap before ``limit`` characters with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:.") + "…"


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


def _link(match: re.Match[str]) -> str:
    url = match.group(0)
    trail = ""
    while url and url[-1] in ".,;:!?)]»”’":
        trail, url = url[-1] + trail, url[:-1]
    if url.endswith("&amp"):  # "&amp;" split by the trailing ';'
        trail, url = url[-4:] + trail, url[:-4]
    href = url if "://" in url else "https://" + url
    return f'<a href="{href}" color="#1f3a5f"><u>{url}</u></a>{trail}'


def _safe(text: str) -> str:
    """User text as paragraph markup: printable, escaped, line breaks kept, and web
    addresses made clickable links."""
    markup = escape(fonts.printable(text).replace("\t", "    ")).replace("\n", "<br/>")
    return _URL.sub(_link, markup) if ("://" in markup or "www." in markup) else markup


def _fit_words(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened at a word gap, with an ellipsis, to fit ``width`` points: a
    running header never ends mid-word ("Presentazio…")."""
    text = " ".join(fonts.printable(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        short = " ".join(words).rstrip(" ,;:.–-·") + "…"
        if stringWidth(short, font, size) <= width:
            return short
    return _fit(text, font, size, width)


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
        bulletFontName=fonts.FAMILY,  # reportlab's default bullet font is Helvetica
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
        "cell_head_num": s(
            "cell_head_num", cell_head, alignment=TA_RIGHT, fontSize=7.5, leading=10
        ),
        "cell_right": s("cell_right", cell, alignment=TA_RIGHT),
        "cell_small": s("cell_small", fontSize=8, leading=10.5, textColor=MUTED),
        "compact": s("compact", fontSize=8.5, leading=11, leftIndent=12, spaceAfter=2),
        "compact_decision": s(
            "compact_decision",
            fontSize=8.5,
            leading=11,
            leftIndent=16,
            bulletIndent=0,
            bulletFontSize=8.5,
            spaceAfter=2,
        ),
        "theme_title": s(
            "theme_title", leftIndent=12, spaceAfter=5, bulletIndent=2, keepWithNext=1
        ),
        "cofunded": s("cofunded", fontName=fonts.BOLD, fontSize=9, leading=11),
        "session_summary": s("session_summary", fontSize=10, leading=14),
        "summary_item": s(
            "summary_item", leftIndent=16, bulletIndent=2, spaceAfter=3, bulletFontName=fonts.FAMILY
        ),
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
        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),  # reportlab's default is Helvetica
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
    session: str = ""  # the session (agenda item) being laid out
    page_session: str = ""  # the session printed in this page's header
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
        session: str | None = None,
    ) -> None:
        super().__init__()
        self.state, self.key, self.title, self.level, self.header = (
            state,
            key,
            title,
            level,
            header,
        )
        # a day or a closing section ends the session; an item's heading starts one
        self.session = session if session is not None else ("" if header is not None else None)
        self.keepWithNext = 1

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        at_top = self.canv.absolutePosition(0, 0)[1] >= self.state.top_y
        if self.header is not None:
            self.state.header_right = self.header
            if at_top:
                self.state.page_header = self.header
        if self.session is not None:
            self.state.session = self.session
            if at_top:
                self.state.page_session = self.session
        if self.title is None or self.key in self.state.bookmarks:
            return
        if not self.state.bookmarks:
            self.canv.showOutline()
        self.state.bookmarks.add(self.key)
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        title = " ".join(fonts.printable(self.title).split())[:120]
        self.canv.addOutlineEntry(title, self.key, level=self.level, closed=False)
        self.state.outline.append((title, self.level))


class TocLine(Flowable):
    """One line of the printed contents: the title, dot leaders and the page number,
    which the canvas writes once every page is laid out; the line links to its section."""

    HEIGHT = 15.0

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.HEIGHT

    def draw(self) -> None:
        canv = self.canv
        indent = 0.0 if self.level == 0 else 8 * mm
        font = fonts.BOLD if self.level == 0 else fonts.FAMILY
        size = 10 if self.level == 0 else 9.5
        number_w = 12 * mm
        room = self.width - indent - number_w - 6
        title = _fit(self.title, font, size, room)
        canv.saveState()
        canv.setFont(font, size)
        canv.setFillColor(INK)
        canv.drawString(indent, 4, title)
        end = indent + stringWidth(title, font, size) + 4
        canv.setFont(fonts.FAMILY, size)
        canv.setFillColor(RULE)
        dot = stringWidth(". ", fonts.FAMILY, size)
        dots = int((self.width - number_w - end) / dot)
        if dots > 0:
            canv.drawRightString(self.width - number_w, 4, ". " * dots)
        canv.restoreState()
        x, y = canv.absolutePosition(self.width, 4)
        page = len(getattr(canv, "_pages", ()))
        slots = getattr(canv, "toc_slots", None)
        if slots is not None:
            slots.append((page, self.key, x, y))
        canv.linkRect("", self.key, (indent, 0, self.width, self.HEIGHT - 2), relative=1)


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
            self.key_pages: dict[str, int] = {}  # bookmark key -> 1-based page
            # printed contents: (0-based page, key, x, y) where a page number goes
            self.toc_slots: list[tuple[int, str, float, float]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def bookmarkPage(self, key: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N802
            # The pages are written only in save(), so the document's page counter
            # still says 1 here: point the destination at the page being laid out.
            dest = super().bookmarkPage(key, *args, **kwargs)
            dest.setPage(PDFObjectReference(f"Page{len(self._pages) + 1}"))
            self.key_pages.setdefault(key, len(self._pages) + 1)
            return dest

        def save(self) -> None:
            total = len(self._pages)
            key_pages, slots = self.key_pages, self.toc_slots
            for index, state in enumerate(self._pages):
                self.__dict__.update(state)
                self._footer(total)
                for page, key, x, y in slots:
                    if page == index and key in key_pages:
                        self.saveState()
                        self.setFont(fonts.FAMILY, 9.5)
                        self.setFillColor(INK)
                        self.drawRightString(x, y, str(key_pages[key]))
                        self.restoreState()
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
        self._by_id: dict[int, Any] | None = None  # notes by id, read once (see _notes_by_id)
        self.w = words
        self.st = _styles()
        self.state = _State()
        self.deterministic = deterministic
        self.story: list[Flowable] = []
        self.toc: list[tuple[str, str, int]] = []  # (key, title, level) of every bookmark
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
        session: str | None = None,
    ) -> None:
        if key is not None or header is not None or session is not None:
            self.story.append(
                Anchor(
                    self.state,
                    key or "",
                    (outline or text) if key else None,
                    level,
                    header,
                    session,
                )
            )
        if key is not None:
            self.toc.append((key, " ".join(fonts.printable(outline or text).split())[:120], level))
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
                    ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
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
    def visibility(self) -> None:
        """The organiser's logo (left) and the EU emblem with "Co-funded by the European
        Union" (right), as the user provided them."""
        snap, w = self.snap, self.w
        if snap.logo is None and snap.emblem is None:
            self.story.append(Spacer(1, 8 * mm))
            return
        left: Any = _image(snap.logo, 50 * mm, 20 * mm) if snap.logo else ""
        right: Any = ""
        right_w = self.width / 2
        if snap.emblem:
            emblem = _image(snap.emblem, 24 * mm, 16 * mm)
            words = self.p(escape(w("cofunded")), "cofunded")
            right = Table([[emblem, words]], colWidths=[emblem.drawWidth + 3 * mm, 46 * mm])
            right.setStyle(
                TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            right_w = emblem.drawWidth + 3 * mm + 46 * mm
        row = Table([[left, right]], colWidths=[self.width - right_w, right_w], hAlign="LEFT")
        row.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        self.story.append(row)
        self.story.append(Spacer(1, 6 * mm))

    def status_line(self) -> str:
        ws, w = self.snap.workshop, self.w
        text = w(f"status_{ws.minutes_status}") if ws.minutes_status in ("draft", "final") else ""
        if ws.minutes_version:
            text += (" · " if text else "") + w("version_short", v=ws.minutes_version)
        return text

    def drafted_by(self) -> str:
        ws = self.snap.workshop
        return ws.drafted_by or ", ".join(self.snap.note_takers)

    def cover(self) -> None:
        ws = self.snap.workshop
        w = self.w
        self.visibility()
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
            (w("doc_status"), self.status_line()),
            (w("drafted_by"), self.drafted_by()),
            (w("next_meeting"), ws.next_meeting),
        ]
        table = self.kv(pairs)
        if table is not None:
            self.story.append(table)
        if ws.description.strip():
            self.story.append(Spacer(1, 4 * mm))
            for chunk in _chunks(_capped(ws.description, self.w)):
                self.story.append(self.p(_safe(chunk)))
        self.conclusions()
        if not self.deterministic:
            self.story.append(Spacer(1, 8 * mm))
            self.story.append(
                self.p(escape(w("generated", when=w.datetime(self.snap.generated_at))), "small")
            )

    def conclusions(self) -> None:
        """Page 1: what was decided, what the polls ranked first, who does what by when
        — written from the data; the counts are in the annex."""
        snap, w = self.snap, self.w
        if snap.is_empty():
            scope = w("scope_day" if snap.is_day else "scope_event")
            self.story.append(Spacer(1, 10 * mm))
            self.story.append(self.p(f"<i>{escape(w('empty', scope=scope))}</i>", "body"))
            return
        self.story.append(Spacer(1, 6 * mm))
        self.story.append(CondPageBreak(40 * mm))
        self.story.append(self.p(escape(w("key_conclusions")), "h2_table"))
        decisions = snap.decisions()
        if decisions:
            self.story.append(self.p(escape(w("decisions_n", n=len(decisions))), "h3"))
            for k, note in enumerate(decisions[:SUMMARY_ROWS], 1):
                self.story.append(
                    self.p(_safe(_short(note.text, 240)), "summary_item", bulletText=f"{k}.")
                )
            if len(decisions) > SUMMARY_ROWS:
                more = w("and_more", n=len(decisions) - SUMMARY_ROWS, section=w("decisions"))
                self.story.append(self.p(f"<i>{escape(more)}</i>", "summary_item"))
        ranked = [poll for poll in snap.polls if poll.rows]
        if ranked:
            self.story.append(self.p(escape(w("top_ranked")), "h3"))
            for poll in ranked[:SUMMARY_ROWS]:
                firsts = []
                for r in poll.rows[:3]:
                    rank = f"{r.rank}=" if r.tied else f"{r.rank}."
                    score = w.score(r.score_text, r.score)
                    firsts.append(f"{rank} {_safe(_short(r.label, 70))} ({_safe(score)})")
                line = f"<b>{_safe(_short(poll.title, 90))}</b>: " + " · ".join(firsts)
                if poll.state == "open":
                    line += f" <i>({escape(w('provisional'))})</i>"
                self.story.append(self.p(line, "summary_item", bulletText="◆"))
        due = sorted(
            (a for a in snap.actions if a.status in ("open", "in_progress")),
            key=lambda a: (a.due_date is None, a.due_date or dt.date.max, a.owner.casefold()),
        )
        if due:
            self.story.append(self.p(escape(w("actions_due", n=len(due))), "h3"))
            rows: list[list[Any]] = [
                [
                    self.p(escape(w("action")), "cell_head"),
                    self.p(escape(w("owner")), "cell_head"),
                    self.p(escape(w("due")), "cell_head"),
                ]
            ]
            for a in due[:SUMMARY_ROWS]:
                rows.append(
                    [
                        self.p(_safe(_short(a.text, 160)), "cell"),
                        self.p(_safe(a.owner) or f"<i>{escape(w('no_owner'))}</i>", "cell"),
                        self.p(escape(w.date(a.due_date)) or "–", "cell"),
                    ]
                )
            self.story.append(_table(rows, [self.width - 86 * mm, 50 * mm, 36 * mm]))
            if len(due) > SUMMARY_ROWS:
                more = w("and_more", n=len(due) - SUMMARY_ROWS, section=w("actions"))
                self.story.append(self.p(f"<i>{escape(more)}</i>", "summary_item"))
        if not (decisions or ranked or due):
            self.story.append(self.p(f"<i>{escape(w('no_conclusions'))}</i>", "body"))

    def approval(self) -> None:
        """Who approves the minutes (with lines to sign) and who receives them."""
        ws, w = self.snap.workshop, self.w
        recipients = [r.strip() for r in ws.distribution.splitlines() if r.strip()]
        if not (ws.approval.strip() or recipients or ws.minutes_status == "final"):
            return
        self.story.append(CondPageBreak(80 * mm))
        title = w("approval_section")
        self.heading(
            title, "h1_section", key="approval", level=0, header=self.section_header(title)
        )
        self.story.append(Rule())
        block: list[Flowable] = [self.p(escape(w("approval")), "h2")]
        if ws.approval.strip():
            block.extend(self.p(_safe(c)) for c in _chunks(ws.approval))
        rows: list[list[Any]] = [
            [
                self.p(escape(w("approved_by")), "cell_head"),
                self.p(escape(w("approval_date")), "cell_head"),
                self.p(escape(w("signature")), "cell_head"),
            ],
            *([self.p("", "cell"), self.p("", "cell"), self.p("", "cell")] for _ in range(2)),
        ]
        signatures = _table(rows, [self.width * 0.45, self.width * 0.2, self.width * 0.35])
        signatures.setStyle(TableStyle([("BOTTOMPADDING", (0, 1), (-1, -1), 22)]))
        block += [Spacer(1, 2 * mm), signatures]
        self.story.append(KeepTogether(block))
        if recipients:
            self.story.append(self.p(escape(w("distribution")), "h2"))
            for r in recipients:
                self.story.append(self.p(_safe(r), "summary_item", bulletText="–"))

    def annex(self) -> None:
        """The counts: key figures and notes per category, with what each count means."""
        snap, w = self.snap, self.w
        if snap.is_empty():
            return
        self.story.append(CondPageBreak(70 * mm))
        self.heading(
            w("annex_figures"),
            "h1_section",
            key="annex",
            level=0,
            header=self.section_header(w("annex_figures")),
        )
        self.story.append(Rule())
        start = len(self.story)
        self.summary()
        notes = []
        decision_cats = [c.name for c in snap.categories if is_decision_category(c.name)]
        action_cats = [c.name for c in snap.categories if is_action_category(c.name)]
        if decision_cats and snap.decisions():
            notes.append(w("figures_decisions", cat=" / ".join(decision_cats)))
        if action_cats and snap.actions:
            notes.append(w("figures_actions", cat=" / ".join(action_cats)))
        for line in notes:
            self.story.append(self.p(_safe(line), "small"))
        # the tables and what their counts mean stay on one page
        self.story[start:] = [KeepTogether(self.story[start:])]

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
            (w("decisions_total"), len(snap.decisions())),
            (w("actions_total"), len(snap.actions)),
        ]
        figures = [(k, v) for k, v in figures if v]
        counts = snap.counts_by_category()
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
                        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
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
        short = w("day", n=day.number) + (f" – {w.date(day.date)}" if day.date else "")
        self.story.append(PageBreak())
        self.heading(label, "h1", key=f"day-{day.number}", level=0, header=short)
        self.story.append(Rule())
        if day.attendance:
            if self.snap.is_day:
                self.attendance(day.attendance, day.present_count)
            else:  # the full report lists attendance once, with the days of each person
                total = self.w("attendance_total", n=day.present_count)
                self.story.append(self.p(escape(total), "meta"))
        if day.absent:
            names = []
            for person in sorted(day.absent, key=lambda p: p.name.casefold()):
                name = _safe(person.name)
                if person.id in day.apologies:
                    name += f" ({escape(w('apologised'))})"
                names.append(name)
            self.story.append(
                self.p(f"<b>{escape(w('absent'))} ({len(names)}):</b> " + ", ".join(names), "meta")
            )
        if day.items:
            self.agenda(day)
            for item in day.items:
                if not _is_empty_break(item):  # "4. Coffee break" with nothing said
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
                names = ", ".join(_person(p) for p in part)
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
                        self.p(_person(person), "cell"),
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
        table = _table(rows, [9 * mm, 25 * mm, 25 * mm, self.width - 59 * mm])
        # the heading and the whole table move to the next page together rather than
        # leave a row (or the heading) alone; a table longer than a page still splits
        heading = self.story.pop()
        self.story.append(KeepTogether([heading, table]))

    def item(self, item: ItemSnapshot) -> None:
        w = self.w
        title = f"{item.number}. {item.title}"
        self.story.append(CondPageBreak(30 * mm))
        self.heading(title, "h2", key=f"item-{item.id}", level=1, session=title)
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
        if item.summary.strip():
            box = Table(
                [
                    [
                        [self.p(f"<b>{escape(w('session_summary'))}</b>", "small")]
                        + [
                            self.p(_safe(c), "session_summary")
                            for c in _chunks(_capped(item.summary, w))
                        ]
                    ]
                ],
                colWidths=[self.width],
                hAlign="LEFT",
            )
            box.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG),
                        ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
                        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),
                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            self.story.append(box)
            self.story.append(Spacer(1, 3 * mm))
        if item.description.strip():
            for chunk in _chunks(_capped(item.description, self.w)):
                self.story.append(self.p(_safe(chunk), "body"))
        for group in item.groups:
            self.group(group)
        if item.themes:
            self.themes(item.themes, "h3", item.id)

    def group(self, group: CategoryGroup) -> None:
        name = _safe(group.category) if group.category else escape(self.w("uncategorised"))
        self.story.append(
            self.p(
                f'<font color="{group.colour}">■</font>&nbsp;&nbsp;{name} '
                f'<font color="#5f6368" size="8.5">({len(group.notes)})</font>',
                "h3",
            )
        )
        if not group.category and len(group.notes) > COMPACT_AFTER:
            self.compact(group.notes)
            return
        for note in group.notes:
            self.note(note, group.colour)

    def compact(self, notes: Sequence[NoteRow]) -> None:
        """Many notes without a category as dense lines (time, speaker, text at 8.5 pt):
        the 5,000-note report read as a transcript with one bulleted paragraph each.
        Paragraphs, not a table: each is laid out once and splits across pages."""
        w = self.w
        for note in notes:
            head = f'<font color="#5f6368">{w.time(note.created_at)}</font>'
            if note.is_decision and not note.in_decision_category:
                head += f' <font color="#9a4a00"><b>{escape(w("decision").upper())}</b></font>'
            if note.speaker:
                head += f" <b>{_safe(note.speaker)}</b>"
                if note.speaker_absent:
                    head += f' <font color="#9a4a00">({escape(w("absent_flag"))})</font>'
            for k, chunk in enumerate(_chunks(_capped(note.text, w))):
                text = _safe(chunk)
                self.story.append(self.p(f"{head} — {text}" if k == 0 else text, "compact"))

    def note(self, note: NoteRow, colour: str) -> None:
        w = self.w
        head = []
        if note.is_decision and not note.in_decision_category:  # its group says it already
            head.append(f'<font color="#9a4a00"><b>{escape(w("decision").upper())}</b></font>')
        if note.speaker:
            speaker = f"<b>{_safe(note.speaker)}</b>"
            if note.speaker_absent:
                speaker += f' <font color="#9a4a00">({escape(w("absent_flag"))})</font>'
            head.append(speaker)
        head.append(f'<font color="#5f6368">{w.time(note.created_at)}</font>')
        prefix = " · ".join(head) + " — "
        chunks = _chunks(_capped(note.text, self.w))
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

    def themes(
        self, themes: Sequence[ThemeRow], style: str | None, item_id: int | None = None
    ) -> None:
        w = self.w
        if style is not None:
            self.story.append(self.p(escape(w("themes")), style))
        for theme in themes:
            self.story.append(self.p(f"<b>{_safe(theme.title)}</b>", "theme_title", bulletText="◆"))
            if theme.description.strip():
                self.story.append(self.p(_safe(theme.description), "theme_note"))
            # its cards as a compact grid, like the theme board (reports/board_grid.py);
            # a note of another session says where it was said
            notes = self._notes_by_id()
            cards = [
                dataclasses.replace(
                    card, text=_capped(card.text, w), source=w.theme_source(theme, k, item_id)
                )
                for k, card in enumerate(board_grid.cards_of(theme, notes))
            ]
            self.story += board_grid.theme_grid(cards, self.width)
            if theme.other_days:
                self.story.append(
                    self.p(f"<i>{escape(w.other_days(theme.other_days))}</i>", "theme_note")
                )

    def _notes_by_id(self) -> dict[int, Any]:
        """The snapshot's notes by id, read once per report (not once per theme)."""
        if self._by_id is None:
            self._by_id = {n.id: n for n in self.snap.all_notes()}
        return self._by_id

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
        compact = len(decisions) > COMPACT_DECISIONS
        for k, note in enumerate(decisions, 1):
            where = []
            if note.item_title:
                item = w("in_item", item=note.item_title)
                if not self.snap.is_day and note.day_number:
                    item = w("day", n=note.day_number) + ", " + item
                where.append(_safe(item))
            if note.speaker:
                where.append(_safe(note.speaker))
            if compact:  # hundreds of decisions: one dense paragraph each
                parts = [_safe(c) for c in _chunks(_capped(note.text, w))]
                if where:
                    parts[-1] += f' <font color="#5f6368" size="7.5">({" · ".join(where)})</font>'
                for n, part in enumerate(parts):
                    self.story.append(
                        self.p(part, "compact_decision", bulletText=f"{k}." if n == 0 else None)
                    )
                continue
            chunks = _chunks(_capped(note.text, self.w))
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
            lines.append(f"<b>{escape(w('rules'))}:</b> {_safe(poll.rules_in(w.lang))}")
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
        rank_w = 13 * mm
        # number columns as narrow as their longest header word allows: the option's
        # name gets the room and stays on one or two lines
        names = [*extras, *([w("first_preferences")] if has_votes else []), w("score")]
        num_ws = [
            min(
                26 * mm,
                max(
                    13 * mm, 9 + max(stringWidth(x, fonts.BOLD, 7.5) for x in name.split() or [""])
                ),
            )
            for name in names
        ]
        label_w = max(56 * mm, self.width - rank_w - sum(num_ws))
        scale = min(1.0, (self.width - rank_w - label_w) / sum(num_ws))
        num_ws = [x * scale for x in num_ws]
        head = [self.p(escape(w("rank")), "cell_head"), self.p(escape(w("option")), "cell_head")]
        head += [self.p(_safe(name), "cell_head_num") for name in extras]
        if has_votes:
            head.append(self.p(escape(w("first_preferences")), "cell_head_num"))
        head.append(self.p(escape(w("score")), "cell_head_num"))
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
        return _table(rows, [rank_w, label_w, *num_ws])

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
        text: list[Any] = [
            self.p(_safe(chunk), "cell") for chunk in _chunks(_capped(a.text, self.w))
        ]
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
        contents_at = len(self.story)
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
        self.approval()
        self.annex()
        if len(self.toc) > 1:
            self.story[contents_at:contents_at] = self.contents()
        return self.story

    def contents(self) -> list[Flowable]:
        """The printed table of contents: the bookmarks, with their page numbers."""
        out: list[Flowable] = [PageBreak(), self.p(escape(self.w("contents")), "h1"), Rule()]
        out.extend(TocLine(key, title, level) for key, title, level in self.toc)
        return out

    def ecosystem(self) -> None:
        """The ecosystem map (reports/map_section.py): in the full report, and in the
        minutes of a day whose notes are evidence for a relation."""
        eco = self.snap.ecosystem
        day_notes = {n.id for n in self.snap.all_notes()}
        if eco is None or not eco.relations:
            return
        if self.snap.is_day:
            if not any(n in day_notes for r in eco.relations for n in r.note_ids):
                return
            # a day's minutes quote that day's notes only as evidence
            eco = dataclasses.replace(
                eco, evidence={k: v for k, v in eco.evidence.items() if k in day_notes}
            )
        from facilitator.reports.map_section import map_flowables, title

        self.story.append(PageBreak())
        name = title(self.w.lang)
        self.heading(name, "h1", key="map", level=0, header=self.section_header(name))
        self.story.extend(map_flowables(eco, self.w.lang, self.width))


def _image(data: bytes, max_w: float, max_h: float) -> Image:
    """A user's PNG or JPEG scaled to fit ``max_w`` × ``max_h``, proportions kept."""
    from reportlab.lib.utils import ImageReader

    width, height = ImageReader(io.BytesIO(data)).getSize()
    scale = min(max_w / width, max_h / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")


def _person(p: Person) -> str:
    """A participant as the list prints them: name, then job title and country."""
    extra = ", ".join(x for x in (p.job_title, p.country) if x)
    return _safe(p.name) + (f' <font color="#5f6368">({_safe(extra)})</font>' if extra else "")


def _is_empty_break(item: ItemSnapshot) -> bool:
    return (
        item.kind == "break"
        and not item.note_count
        and not item.themes
        and not item.description.strip()
        and not getattr(item, "summary", "").strip()
    )


def _bar_chart(poll: PollResult, width: float, w: Words) -> Drawing:
    rows = list(poll.rows)[:12]
    label_w = min(78 * mm, width * 0.48)
    size = 8.5
    labels = [_two_lines(r.label, fonts.FAMILY, size, label_w - 6) for r in reversed(rows)]
    bar_h = 24 if any("\n" in label for label in labels) else 16
    height = bar_h * len(rows) + 40
    d = Drawing(width, height, initialFontName=fonts.FAMILY)  # not Helvetica
    chart = HorizontalBarChart()
    chart.x = label_w + 4
    chart.y = 30
    chart.width = width - label_w - 30
    chart.height = bar_h * len(rows)
    # top rank at the top: the chart draws category 0 at the bottom
    chart.data = [[r.score for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = fonts.FAMILY
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.leading = size + 1.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin = 0
    top = max((r.score for r in rows), default=1) or 1
    chart.valueAxis.valueMax = top * 1.1
    chart.valueAxis.labels.fontName = fonts.FAMILY
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e3e5e8")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: w.number(round(v, 2))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.groupSpacing = 6
    shown = {r.score: w.score(r.score_text, r.score) for r in rows}  # as in the table
    chart.barLabelFormat = lambda v: shown.get(v, w.number(v))
    chart.barLabels.fontName = fonts.FAMILY
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barWidth = 10
    d.add(chart)
    axis = w.table.get(f"axis_{poll.method}", w("score"))
    d.add(
        String(
            chart.x + chart.width / 2,
            4,
            axis,
            fontName=fonts.FAMILY,
            fontSize=8.5,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return d


def _two_lines(text: str, font: str, size: float, width: float) -> str:
    """A chart label on at most two lines of ``width`` points, cut at word gaps."""
    text = " ".join(fonts.printable(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    first: list[str] = []
    while words and stringWidth(" ".join([*first, words[0]]), font, size) <= width:
        first.append(words.pop(0))
    if not first:
        return _fit(text, font, size, width)
    return " ".join(first) + "\n" + _fit_words(" ".join(words), font, size, width)


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
    words = Words(lang or lang_of(snap.workshop.language), zone(snap.workshop.time_zone))
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
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
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
        state.page_session = state.session

    def on_page_end(canv: Canvas, doc: BaseDocTemplate) -> None:
        if canv.getPageNumber() == 1:
            return
        pw, ph = pagesize
        y = ph - MARGIN_TOP + 8 * mm
        canv.saveState()
        canv.setFont(fonts.FAMILY, 8)
        canv.setFillColor(MUTED)
        # left: the workshop; right: the day (or section) and the session on the page,
        # each shortened at a word gap, never mid-word
        room = pw - 2 * MARGIN_X
        left = _fit_words(title, fonts.BOLD, 8, room * 0.34)
        right_room = room - stringWidth(left, fonts.BOLD, 8) - 14
        right = state.page_header
        if state.page_session:
            day = _fit_words(state.page_header, fonts.FAMILY, 8, right_room * 0.45)
            rest = right_room - stringWidth(day + " · ", fonts.FAMILY, 8)
            right = day + " · " + _fit_words(state.page_session, fonts.FAMILY, 8, rest)
        right = _fit_words(right, fonts.FAMILY, 8, right_room)
        canv.drawRightString(pw - MARGIN_X, y, right)
        canv.setFont(fonts.BOLD, 8)
        canv.drawString(MARGIN_X, y, left)
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
    status = builder.status_line()
    footer_left = f"{subtitle} · {status}" if status else subtitle
    canvasmaker = _numbered_canvas(words, footer_left)
    doc.build(story, canvasmaker=canvasmaker)
    pages = doc.page
    from facilitator.reports.pdfa import make_pdfa

    data = make_pdfa(
        buffer.getvalue(),
        lang="it-IT" if words.lang == "it" else "en-GB",
        deterministic=deterministic,
    )
    if isinstance(out, Path | str):
        Path(out).write_bytes(data)
    else:
        out.write(data)
    return PdfResult(pages=pages, outline=list(state.outline))


def pdf_bytes(snap: Snapshot, **kwargs: Any) -> bytes:
    buf = io.BytesIO()
    build_pdf(snap, buf, **kwargs)
    return buf.getvalue()
