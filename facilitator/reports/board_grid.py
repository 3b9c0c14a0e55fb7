"""A theme's notes as a compact grid of cards in the PDF minutes, like the theme board:
each card with its category's colour down its left edge, its speaker and its whole text.

``theme_grid(cards, width)`` returns reportlab flowables (one table; a tall card may
split across pages, so no note is ever cut short or refused). ``cards_of(theme, notes)``
makes the cards of a snapshot's theme. No Qt, no SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from facilitator.reports import fonts
from facilitator.services.snapshot import NoteRow, ThemeRow

COLUMNS = 3
CARD_FILL = colors.HexColor("#fffdf5")
EDGE = colors.HexColor("#c9c3b0")
MUTED = colors.HexColor("#5f6368")
INK = colors.HexColor("#1a1a1a")
NO_CATEGORY = colors.HexColor("#d0d0d0")
GAP = 5.0  # points between cards


@dataclass(frozen=True)
class GridCard:
    text: str
    speaker: str = ""
    colour: str = ""  # "#rrggbb", "" = no category
    source: str = ""  # where it was said, when the minutes must say so (another session)


def cards_of(theme: ThemeRow, notes: Mapping[int, NoteRow]) -> list[GridCard]:
    """The cards of ``theme``: colour and speaker from the snapshot's notes where known
    (a note outside these minutes' day keeps its text only)."""
    rows = [notes[i] for i in theme.note_ids if i in notes]
    if [r.text for r in rows] == list(theme.notes):
        return [GridCard(r.text, r.speaker, r.colour) for r in rows]
    return [GridCard(text) for text in theme.notes]


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    text = ParagraphStyle(
        "board_card",
        fontName=fonts.FAMILY,
        fontSize=8.5,
        leading=11,
        textColor=INK,
        splitLongWords=1,
    )
    speaker = ParagraphStyle(
        "board_speaker", parent=text, fontName=fonts.BOLD, fontSize=7.5, textColor=MUTED
    )
    return text, speaker


def _safe(text: str) -> str:
    return escape(fonts.printable(text).replace("\t", "    ")).replace("\n", "<br/>")


def _colour(value: str) -> colors.Color:
    try:
        return colors.HexColor(value) if value else NO_CATEGORY
    except ValueError:
        return NO_CATEGORY


def theme_grid(cards: Sequence[GridCard], width: float, columns: int = COLUMNS) -> list[Flowable]:
    """The cards in rows of ``columns`` across ``width`` points."""
    if not cards:
        return []
    fonts.register()
    text_style, speaker_style = _styles()
    # real columns of cards, with thin empty columns between them as gaps
    card_w = (width - GAP * (columns - 1)) / columns
    col_widths: list[float] = []
    for c in range(columns):
        col_widths.append(card_w)
        if c < columns - 1:
            col_widths.append(GAP)
    rows: list[list[object]] = []
    heights: list[float | None] = []  # None: as tall as the row's longest card
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),  # empty cells too: no Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for start in range(0, len(cards), columns):
        r = len(rows)
        if r:  # a thin empty row between rows of cards
            rows.append([""] * len(col_widths))
            heights.append(GAP)
            commands.append(("TOPPADDING", (0, r), (-1, r), 0))
            commands.append(("BOTTOMPADDING", (0, r), (-1, r), 0))
            r += 1
        row: list[object] = []
        for c in range(columns):
            index = start + c
            if index < len(cards):
                card = cards[index]
                cell: list[Flowable] = []
                if card.speaker.strip():
                    cell.append(Paragraph(_safe(card.speaker), speaker_style))
                cell.append(Paragraph(_safe(card.text), text_style))
                if card.source:
                    cell.append(Paragraph(f"<i>{_safe(card.source)}</i>", speaker_style))
                row.append(cell)
                col = 2 * c
                commands += [
                    ("BACKGROUND", (col, r), (col, r), CARD_FILL),
                    ("BOX", (col, r), (col, r), 0.5, EDGE),
                    ("LINEBEFORE", (col, r), (col, r), 3.5, _colour(card.colour)),
                ]
            else:
                row.append("")
            if c < columns - 1:
                row.append("")
        rows.append(row)
        heights.append(None)
    table = Table(rows, colWidths=col_widths, rowHeights=heights, splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return [table, Spacer(1, 6)]
