"""The "Print join codes" PDF: one badge per participant, ten to an A4 page (two
columns, cut along the dashed lines): the name, the organisation, the join code in a
large monospace font and a short instruction in the workshop's language.

Input: a :class:`~facilitator.domain.joincodes.CodeSheet` (plain data). No Qt, no SQL;
reportlab is imported here only. Text goes through :func:`fonts.printable`, so every
EU language prints in the same DejaVu family as the minutes.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from facilitator.domain.joincodes import CodeSheet
from facilitator.reports import fonts

COLUMNS, ROWS = 2, 5
MARGIN = 30.0
HEADER = 34.0
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#55595e")
EDGE = colors.HexColor("#9a9a9a")

WORDS = {
    "it": {
        "heading": "Codici per entrare nella sala",
        "note": "Un codice per persona, da usare una volta: ritagliate lungo le linee tratteggiate.",
        "instruction": "Entra nella sala dal codice QR del proiettore, "
        "scegli il tuo nome e scrivi questo codice.",
        "page": "pagina {n} di {t}",
    },
    "en": {
        "heading": "Codes to join the room",
        "note": "One code per person, to be used once: cut along the dashed lines.",
        "instruction": "Join the room from the projector's QR code, pick your name, "
        "type this code.",
        "page": "page {n} of {t}",
    },
}


def _style(name: str, font: str, size: float, leading: float, colour: object) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, alignment=TA_CENTER, textColor=colour
    )


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(" ".join(fonts.printable(text).split())), style)


def build_join_codes(sheet: CodeSheet, out: Path, deterministic: bool = False) -> int:
    """Write the badges of ``sheet`` to ``out``. Returns the number of pages."""
    fonts.register()
    words = WORDS.get(sheet.language, WORDS["en"])
    width, height = A4
    cell_w = (width - 2 * MARGIN) / COLUMNS
    cell_h = (height - 2 * MARGIN - HEADER) / ROWS
    pad = 12.0
    name_style = _style("badge_name", fonts.BOLD, 14, 16.5, INK)
    org_style = _style("badge_org", fonts.FAMILY, 9.5, 11.5, MUTED)
    hint_style = _style("badge_hint", fonts.FAMILY, 7.5, 9, MUTED)
    per_page = COLUMNS * ROWS
    badges = list(sheet.badges)
    pages = max(1, -(-len(badges) // per_page))
    canvas = Canvas(
        str(out),
        pagesize=A4,
        invariant=1 if deterministic else 0,
        pageCompression=1,
    )
    canvas.setTitle(fonts.printable(f"{sheet.title} – {words['heading']}"))
    canvas.setAuthor("Facilitator")
    for page in range(pages):
        top = height - MARGIN
        canvas.setFillColor(INK)
        canvas.setFont(fonts.BOLD, 12)
        heading = fonts.printable(f"{words['heading']} · {sheet.title}")
        canvas.drawString(MARGIN, top - 12, _fit(heading, fonts.BOLD, 12, width - 2 * MARGIN))
        canvas.setFont(fonts.FAMILY, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, top - 25, words["note"])
        canvas.drawRightString(width - MARGIN, top - 25, words["page"].format(n=page + 1, t=pages))
        chunk = badges[page * per_page : (page + 1) * per_page]
        for i, badge in enumerate(chunk):
            col, row = i % COLUMNS, i // COLUMNS
            x = MARGIN + col * cell_w
            y = top - HEADER - (row + 1) * cell_h
            canvas.setStrokeColor(EDGE)
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 3)
            canvas.rect(x, y, cell_w, cell_h, stroke=1, fill=0)
            canvas.setDash()
            inner = cell_w - 2 * pad
            cursor = y + cell_h - pad
            for text, style in ((badge.name, name_style), (badge.organisation, org_style)):
                if not text.strip():
                    continue
                p = _para(text, style)
                _, h = p.wrap(inner, cell_h)
                h = min(h, 2 * style.leading + 1)  # at most two lines each
                if p.height > h:
                    p = _para(_fit(text, style.fontName, style.fontSize, inner * 1.9), style)
                    _, h = p.wrap(inner, cell_h)
                cursor -= h
                p.drawOn(canvas, x + pad, cursor)
                cursor -= 3
            canvas.setFillColor(INK)
            canvas.setFont(fonts.MONO, 30)
            code_y = y + pad + 26
            canvas.drawCentredString(x + cell_w / 2, code_y, badge.code)
            hint = _para(words["instruction"], hint_style)
            _, h = hint.wrap(inner, cell_h)
            hint.drawOn(canvas, x + pad, y + pad - 2)
        canvas.showPage()
    canvas.save()
    return pages


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
