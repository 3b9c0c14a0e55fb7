"""The ecosystem map in the minutes: the network drawn as vector graphics
(reportlab.graphics) with its legend, what the analysis says (with a short explanation of
each measure), the actors' roles and contributions, and the relations with the notes that
are their evidence. In Italian and English. No Qt, no SQL.

``map_flowables(snap, lang, width)`` returns the flowables; ``reports/pdf.py`` puts them
under its own heading (``title(lang)``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from facilitator.domain.ecosystem import (
    KIND_COLOURS,
    RELATION_STYLES,
    Contribution,
    MapSnapshot,
    RelationType,
    node_radius,
)
from facilitator.domain.ecosystem_analysis import MIN_GAP, NAME_WIDTH, Analysis, analyse
from facilitator.domain.model import OrganisationKind
from facilitator.reports import fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b8bcc2")
HEAD_BG = colors.HexColor("#eef0f3")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Ecosystem map",
        "intro": "{actors} actors ({absent} did not attend the workshop) and {relations} "
        "relations between them, recorded during the workshop. Each relation lists the "
        "notes that are its evidence.",
        "legend": "Legend",
        "legend_note": "Disc size: number of partners. Line thickness: strength. Arrow: "
        "direction (money, referrals). Dashed rim: did not attend.",
        "analysis": "What the map shows",
        "degree": "Most connected",
        "degree_why": "Degree: how many different actors each one has a relation with. The "
        "most connected hold the ecosystem together.",
        "partners": "{name}: {n} partners",
        "brokers": "Who brokers",
        "brokers_why": "Betweenness: the share of shortest paths between two other actors "
        "that pass through this one. A broker links actors that would otherwise lose touch.",
        "groups": "Groups and isolated actors",
        "groups_why": "Components: groups of actors linked directly or through others. An "
        "isolated actor has no recorded relation with anyone.",
        "main_group": "Main group: {n} of {total} actors.",
        "group": "A separate group of {n}: {names}.",
        "isolated": "Isolated: {names}.",
        "none": "None.",
        "matrix": "Collaboration between kinds of actors",
        "matrix_why": "How many relations link each pair of actor kinds (a relation within "
        "one kind counts once on the diagonal). Empty cells are collaborations the map does "
        "not show.",
        "actors": "Actors, roles and contributions",
        "actor": "Actor",
        "kind": "Kind",
        "role": "Role in the ecosystem",
        "contributes": "Contributes",
        "relations": "Relations and their evidence",
        "relation": "Relation",
        "type": "Type",
        "strength": "Strength",
        "period": "Period",
        "evidence": "Evidence (notes)",
        "no_evidence": "no note recorded",
        "absent_mark": "did not attend",
    },
    "it": {
        "title": "Mappa dell'ecosistema",
        "intro": "{actors} attori ({absent} non presenti all'incontro) e {relations} "
        "relazioni tra loro, registrate durante l'incontro. Per ogni relazione sono "
        "riportate le note che la documentano.",
        "legend": "Legenda",
        "legend_note": "Dimensione del cerchio: numero di partner. Spessore della linea: "
        "intensità. Freccia: direzione (risorse, invii). Bordo tratteggiato: non presente.",
        "analysis": "Che cosa mostra la mappa",
        "degree": "I più collegati",
        "degree_why": "Grado: con quanti attori diversi ciascuno ha una relazione. I più "
        "collegati tengono insieme l'ecosistema.",
        "partners": "{name}: {n} partner",
        "brokers": "Chi fa da ponte",
        "brokers_why": "Intermediazione (betweenness): la quota dei percorsi più brevi tra "
        "due altri attori che passa da questo. Chi fa da ponte collega attori che "
        "altrimenti perderebbero il contatto.",
        "groups": "Gruppi e attori isolati",
        "groups_why": "Componenti: gruppi di attori collegati direttamente o tramite altri. "
        "Un attore isolato non ha alcuna relazione registrata.",
        "main_group": "Gruppo principale: {n} attori su {total}.",
        "group": "Un gruppo a parte di {n}: {names}.",
        "isolated": "Isolati: {names}.",
        "none": "Nessuno.",
        "matrix": "Collaborazioni tra tipi di attori",
        "matrix_why": "Quante relazioni collegano ogni coppia di tipi di attori (una "
        "relazione nello stesso tipo conta una volta sulla diagonale). Le caselle vuote "
        "sono collaborazioni che la mappa non mostra.",
        "actors": "Attori, ruoli e contributi",
        "actor": "Attore",
        "kind": "Tipo",
        "role": "Ruolo nell'ecosistema",
        "contributes": "Contribuisce con",
        "relations": "Relazioni e note che le documentano",
        "relation": "Relazione",
        "type": "Tipo",
        "strength": "Intensità",
        "period": "Periodo",
        "evidence": "Evidenze (note)",
        "no_evidence": "nessuna nota registrata",
        "absent_mark": "non presente",
    },
}

KINDS = {
    "en": {
        OrganisationKind.PUBLIC_AUTHORITY: "Public authority",
        OrganisationKind.MANAGING_AUTHORITY: "Managing authority",
        OrganisationKind.COMPETENCE_CENTRE: "Competence centre",
        OrganisationKind.THIRD_SECTOR: "Third sector",
        OrganisationKind.PRIVATE: "Private (incl. foundations)",
        OrganisationKind.UNIVERSITY: "University or research",
        OrganisationKind.CITIZENS: "Citizens",
        OrganisationKind.OTHER: "Other",
    },
    "it": {
        OrganisationKind.PUBLIC_AUTHORITY: "Ente pubblico",
        OrganisationKind.MANAGING_AUTHORITY: "Autorità di gestione",
        OrganisationKind.COMPETENCE_CENTRE: "Centro di competenza",
        OrganisationKind.THIRD_SECTOR: "Terzo settore",
        OrganisationKind.PRIVATE: "Privato (anche fondazioni)",
        OrganisationKind.UNIVERSITY: "Università o ricerca",
        OrganisationKind.CITIZENS: "Cittadini",
        OrganisationKind.OTHER: "Altro",
    },
}
TYPES = {
    "en": {
        RelationType.FUNDING: "Funding",
        RelationType.PARTNERSHIP: "Partnership",
        RelationType.CO_DESIGN: "Co-design",
        RelationType.SERVICE_DELIVERY: "Service delivery",
        RelationType.REFERRAL: "Referral",
        RelationType.KNOWLEDGE_EXCHANGE: "Knowledge exchange",
        RelationType.GOVERNANCE: "Governance",
    },
    "it": {
        RelationType.FUNDING: "Finanziamento",
        RelationType.PARTNERSHIP: "Partenariato",
        RelationType.CO_DESIGN: "Co-progettazione",
        RelationType.SERVICE_DELIVERY: "Erogazione di servizi",
        RelationType.REFERRAL: "Invio",
        RelationType.KNOWLEDGE_EXCHANGE: "Scambio di conoscenze",
        RelationType.GOVERNANCE: "Governance",
    },
}
CONTRIBUTIONS = {
    "en": {c: c.value for c in Contribution},
    "it": {
        Contribution.FUNDING: "risorse economiche",
        Contribution.SPACE: "spazi",
        Contribution.STAFF: "personale",
        Contribution.KNOWLEDGE: "conoscenze",
        Contribution.USERS: "utenti",
        Contribution.SERVICES: "servizi",
        Contribution.NETWORK: "rete",
        Contribution.LEGITIMACY: "legittimazione",
    },
}
STRENGTHS = {
    "en": {1: "weak", 2: "medium", 3: "strong"},
    "it": {1: "debole", 2: "media", 3: "forte"},
}


def _lang(lang: str) -> str:
    return lang if lang in WORDS else "en"


def title(lang: str) -> str:
    return WORDS[_lang(lang)]["title"]


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    body = ParagraphStyle(
        "map_body",
        fontName=fonts.FAMILY,
        bulletFontName=fonts.FAMILY,  # reportlab's default bullet font is Helvetica
        fontSize=9.5,
        leading=13,
        textColor=INK,
    )
    return {
        "body": body,
        "h2": ParagraphStyle(
            "map_h2",
            body,
            fontName=fonts.BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "map_h3",
            body,
            fontName=fonts.BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            keepWithNext=1,
        ),
        "why": ParagraphStyle(
            "map_why",
            body,
            fontName=fonts.ITALIC,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle("map_cell", body, fontSize=8.5, leading=11),
        "cell_head": ParagraphStyle(
            "map_cell_head", body, fontName=fonts.BOLD, fontSize=8, leading=10
        ),
        "small": ParagraphStyle("map_small", body, fontSize=7.5, leading=9.5, textColor=MUTED),
    }


def _safe(text: str) -> str:
    """Paragraph markup of any user text (characters the fonts cannot draw replaced)."""
    return escape(fonts.printable(text).replace("\t", " ")).replace("\n", "<br/>")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_safe(text), style)


def _table(rows: list[list[Any]], widths: Sequence[float]) -> Table:
    t = Table(rows, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=24)
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),  # empty cells too: no Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def _fit(text: str, size: float, width: float) -> str:
    if stringWidth(text, fonts.FAMILY, size) <= width:
        return text
    while text and stringWidth(text + "…", fonts.FAMILY, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# --- the drawing -----------------------------------------------------------------------------


def network_drawing(snap: MapSnapshot, analysis: Analysis, width: float, height: float) -> Drawing:
    """The network: the same places as on screen (stored, or the seeded layout),
    stretched sideways when the network is taller than the page is wide."""
    fonts.register()
    d = Drawing(width, height, initialFontName=fonts.FAMILY)  # not Helvetica
    pos = snap.positions()
    if not pos:
        return d
    label_size = 6.5
    radius = {k: node_radius(analysis.degree.get(k, 0)) for k in pos}
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    pad = 48.0  # map units around the outermost discs: room for their names
    x0, x1 = min(xs) - pad, max(xs) + pad
    y0, y1 = min(ys) - pad, max(ys) + pad
    scale = min(width / max(x1 - x0, 1), height / max(y1 - y0, 1))
    # A tall network is stretched sideways, up to twice, to use the page's width: the
    # same places relative to each other, and more room for the names.
    x_scale = min(width / max(x1 - x0, 1), 2 * scale)
    ox = (width - (x1 - x0) * x_scale) / 2
    oy = (height - (y1 - y0) * scale) / 2

    def at(key: str) -> tuple[float, float]:
        x, y = pos[key]
        return ox + (x - x0) * x_scale, height - (oy + (y - y0) * scale)  # y grows upwards

    r_scale = max(0.45, min(1.0, scale))
    # the room the layout keeps between two actors side by side: a longer name is cut
    # there (with "…"; the table below gives it whole) rather than drawn over its neighbour's
    name_room = min(150.0, NAME_WIDTH * MIN_GAP * x_scale - 6)
    seen: dict[frozenset[str], int] = {}
    for rel in snap.relations:
        if rel.source not in pos or rel.target not in pos:
            continue
        (ax, ay), (bx, by) = at(rel.source), at(rel.target)
        length = math.hypot(bx - ax, by - ay)
        if length < 1:
            continue
        ux, uy = (bx - ax) / length, (by - ay) / length
        sx, sy = ax + ux * radius[rel.source] * r_scale, ay + uy * radius[rel.source] * r_scale
        ex, ey = bx - ux * radius[rel.target] * r_scale, by - uy * radius[rel.target] * r_scale
        pair = frozenset((rel.source, rel.target))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        colour, dashes = RELATION_STYLES[rel.type]
        stroke = colors.HexColor(colour)
        sw = 0.5 + 0.55 * rel.strength
        dash = [v * sw for v in dashes] if dashes else None
        tx, ty = ux, uy
        if n == 0:
            d.add(Line(sx, sy, ex, ey, strokeColor=stroke, strokeWidth=sw, strokeDashArray=dash))
        else:
            bend = 12.0 * ((n + 1) // 2) * (1 if n % 2 else -1)
            mx, my = (sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend
            path = Path(strokeColor=stroke, strokeWidth=sw, fillColor=None, strokeDashArray=dash)
            path.moveTo(sx, sy)
            path.curveTo(mx, my, mx, my, ex, ey)
            d.add(path)
            tl = math.hypot(ex - mx, ey - my) or 1
            tx, ty = (ex - mx) / tl, (ey - my) / tl
        if rel.directed:
            size = 4.0 + 0.8 * rel.strength
            angle = math.atan2(ty, tx)
            d.add(
                Polygon(
                    [
                        ex,
                        ey,
                        ex - size * math.cos(angle - 0.4),
                        ey - size * math.sin(angle - 0.4),
                        ex - size * math.cos(angle + 0.4),
                        ey - size * math.sin(angle + 0.4),
                    ],
                    fillColor=stroke,
                    strokeColor=None,
                )
            )
    for a in snap.actors:
        if a.key not in pos:
            continue
        x, y = at(a.key)
        r = radius[a.key] * r_scale
        d.add(
            Circle(
                x,
                y,
                r,
                fillColor=colors.HexColor(KIND_COLOURS[a.kind]),
                strokeColor=colors.white if a.attended else colors.HexColor("#333333"),
                strokeWidth=1.0,
                strokeDashArray=None if a.attended else [2, 1.5],
            )
        )
    for a in snap.actors:
        if a.key not in pos:
            continue
        x, y = at(a.key)
        r = radius[a.key] * r_scale
        text = _fit(" ".join(fonts.printable(a.name).split()), label_size, name_room)
        tw = stringWidth(text, fonts.FAMILY, label_size)
        d.add(  # a light plate: the name stays readable over the lines
            Rect(
                x - tw / 2 - 1.5,
                y - r - label_size - 2,
                tw + 3,
                label_size + 2,
                fillColor=colors.Color(1, 1, 1, alpha=0.8),
                strokeColor=None,
            )
        )
        d.add(
            String(
                x,
                y - r - label_size - 0.5,
                text,
                fontName=fonts.FAMILY,
                fontSize=label_size,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    return d


def legend_drawing(snap: MapSnapshot, lang: str, width: float) -> Drawing:
    kinds = [k for k in OrganisationKind if any(a.kind is k for a in snap.actors)]
    types = [t for t in RelationType if any(r.type is t for r in snap.relations)]
    rows = max(len(kinds), len(types))
    line_h = 11.0
    d = Drawing(width, rows * line_h + 4, initialFontName=fonts.FAMILY)
    top = rows * line_h
    for n, k in enumerate(kinds):
        y = top - n * line_h - 4
        d.add(Circle(6, y + 2.5, 4, fillColor=colors.HexColor(KIND_COLOURS[k]), strokeColor=None))
        d.add(String(15, y, KINDS[lang][k], fontName=fonts.FAMILY, fontSize=7.5, fillColor=INK))
    col = width / 2
    for n, t in enumerate(types):
        y = top - n * line_h - 4
        colour, dashes = RELATION_STYLES[t]
        d.add(
            Line(
                col,
                y + 2.5,
                col + 26,
                y + 2.5,
                strokeColor=colors.HexColor(colour),
                strokeWidth=1.6,
                strokeDashArray=[v * 1.6 for v in dashes] if dashes else None,
            )
        )
        d.add(
            String(col + 32, y, TYPES[lang][t], fontName=fonts.FAMILY, fontSize=7.5, fillColor=INK)
        )
    return d


# --- the section ---------------------------------------------------------------------------


def map_flowables(snap: MapSnapshot, lang: str, width: float) -> list[Flowable]:
    lang = _lang(lang)
    w = WORDS[lang]
    st = _styles()
    actors = list(snap.actors)
    analysis = analyse(actors, list(snap.relations))
    name = {a.key: a.name for a in actors}
    out: list[Flowable] = []
    out.append(
        _p(
            w["intro"].format(
                actors=len(actors),
                absent=sum(not a.attended for a in actors),
                relations=len(snap.relations),
            ),
            st["body"],
        )
    )
    out.append(Spacer(1, 3 * mm))
    out.append(network_drawing(snap, analysis, width, min(width * 0.85, 150 * mm)))
    out.append(Spacer(1, 2 * mm))
    out.append(
        KeepTogether(
            [
                _p(w["legend"], st["h3"]),
                legend_drawing(snap, lang, width),
                _p(w["legend_note"], st["small"]),
            ]
        )
    )

    out.append(CondPageBreak(40 * mm))
    out.append(_p(w["analysis"], st["h2"]))

    def measure(head: str, why: str, lines: list[str]) -> None:
        block: list[Flowable] = [_p(head, st["h3"]), _p(why, st["why"])]
        block += [
            Paragraph(_safe(line), st["body"], bulletText="•") for line in lines or [w["none"]]
        ]
        out.append(KeepTogether(block))

    measure(
        w["degree"],
        w["degree_why"],
        [
            w["partners"].format(name=name[k], n=analysis.degree[k])
            for k in analysis.most_connected()
        ],
    )
    measure(
        w["brokers"],
        w["brokers_why"],
        [f"{name[k]}: {analysis.betweenness[k]:.0%}" for k in analysis.brokers()],
    )
    groups = [c for c in analysis.components if len(c) > 1]
    lines = []
    if groups:
        lines.append(w["main_group"].format(n=len(groups[0]), total=len(actors)))
        lines += [
            w["group"].format(n=len(c), names=", ".join(name[k] for k in c)) for c in groups[1:]
        ]
    if analysis.isolated:
        lines.append(w["isolated"].format(names=", ".join(name[k] for k in analysis.isolated)))
    measure(w["groups"], w["groups_why"], lines)
    out.append(_matrix(analysis, lang, width, st))

    out.append(CondPageBreak(40 * mm))
    out.append(_p(w["actors"], st["h2"]))
    rows: list[list[Any]] = [
        [_p(w[k], st["cell_head"]) for k in ("actor", "kind", "role", "contributes")]
    ]
    for a in actors:
        label = a.name + ("" if a.attended else f" ({w['absent_mark']})")
        rows.append(
            [
                _p(label, st["cell"]),
                _p(KINDS[lang][a.kind], st["cell"]),
                _p(a.role, st["cell"]),
                _p(", ".join(CONTRIBUTIONS[lang][c] for c in a.contributions), st["cell"]),
            ]
        )
    out.append(_table(rows, [0.32 * width, 0.2 * width, 0.28 * width, 0.2 * width]))

    out.append(CondPageBreak(40 * mm))
    out.append(_p(w["relations"], st["h2"]))
    rows = [[_p(w[k], st["cell_head"]) for k in ("relation", "type", "strength", "evidence")]]
    for r in snap.relations:
        arrow = "→" if r.directed else "↔"
        first = [
            _p(f"{name.get(r.source, r.source)} {arrow} {name.get(r.target, r.target)}", st["cell"])
        ]
        if r.description:
            first.append(_p(r.description, st["small"]))
        type_cell = [_p(TYPES[lang][r.type], st["cell"])]
        if r.period:
            type_cell.append(_p(r.period, st["small"]))
        notes = [snap.evidence[n] for n in r.note_ids if n in snap.evidence]
        evidence: list[Flowable] = [
            Paragraph(
                _safe(n.text) + (f" <i>({_safe(n.speaker)})</i>" if n.speaker else ""),
                st["cell"],
                bulletText="–",
            )
            for n in notes
        ] or [_p(w["no_evidence"], st["small"])]
        rows.append(
            [first, type_cell, _p(STRENGTHS[lang].get(r.strength, ""), st["cell"]), evidence]
        )
    out.append(_table(rows, [0.28 * width, 0.2 * width, 0.12 * width, 0.4 * width]))
    return out


def _matrix(analysis: Analysis, lang: str, width: float, st: dict[str, ParagraphStyle]) -> Flowable:
    w = WORDS[lang]
    kinds = analysis.kinds
    first = 0.34 * width
    cell = (width - first) / max(len(kinds), 1)
    rows: list[list[Any]] = [[""] + [_p(str(n), st["cell_head"]) for n in range(1, len(kinds) + 1)]]
    for n, k1 in enumerate(kinds, 1):
        rows.append(
            [_p(f"{n}. {KINDS[lang][k1]}", st["cell"])]
            + [str(analysis.matrix.get((k1, k2), "") or "") for k2 in kinds]
        )
    t = Table(rows, colWidths=[first] + [cell] * len(kinds), hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.FAMILY),  # empty cells too: no Helvetica
                ("GRID", (0, 0), (-1, -1), 0.25, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (1, 1), (-1, -1), fonts.FAMILY),
                ("FONTSIZE", (1, 1), (-1, -1), 8.5),
            ]
        )
    )
    return KeepTogether([_p(w["matrix"], st["h3"]), _p(w["matrix_why"], st["why"]), t])
