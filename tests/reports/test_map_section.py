"""The ecosystem map in the PDF minutes, read back with pypdf and rendered with pdftoppm:
the network is vector graphics (no picture embedded), with the legend, the analysis with
its explanations, the actors' roles and the relations with their evidence notes, in
Italian and in English."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from facilitator.domain.ecosystem import KIND_COLOURS
from facilitator.domain.model import OrganisationKind
from facilitator.services import exporting
from facilitator.services.demo import write_demo
from facilitator.services.ecosystem import MapService
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService

WORDS = {
    "it": [
        "Mappa dell'ecosistema",
        "Legenda",
        "Chi fa da ponte",
        "Collaborazioni tra tipi",
        "Attori, ruoli e contributi",
        "Relazioni e note che le documentano",
        "Co-progettazione",
        "non presente",
    ],
    "en": [
        "Ecosystem map",
        "Legend",
        "Who brokers",
        "Collaboration between kinds",
        "Actors, roles and contributions",
        "Relations and their evidence",
        "Co-design",
        "did not attend",
    ],
}


def _pdf(tmp_path: Path, lang: str, day: int | None = None) -> tuple[Path, list[str]]:
    path = tmp_path / f"demo-{lang}.workshop"
    if not path.exists():
        with write_demo(path, language=lang):
            pass
    out = tmp_path / f"minutes-{lang}-{day}.pdf"
    with WorkshopService.open(path, read_only=True) as svc:
        day_id = svc.day_by_number(day).id if day else None
        snap = build_snapshot(svc, day_id)
    exporting.write_pdf(snap, out, workshop=path, lang=lang, deterministic=True)
    return out, [p.extract_text() for p in PdfReader(out).pages]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_full_report_has_the_map_section(tmp_path: Path, lang: str) -> None:
    out, pages = _pdf(tmp_path, lang)
    start = next(i for i, t in enumerate(pages) if WORDS[lang][0] in t and WORDS[lang][1] in t)
    section = " ".join(pages[start:])
    for word in WORDS[lang]:
        assert word in section, word
    with WorkshopService.open(tmp_path / f"demo-{lang}.workshop", read_only=True) as svc:
        snap = MapService(svc).snapshot()
    flat = " ".join(section.split())
    for a in snap.actors:  # every actor is named (on the map and in the table)
        assert " ".join(a.name.split())[:20] in flat, a.name
    pacts = next(r for r in snap.relations if len(r.note_ids) == 2 and r.type.value == "co_design")
    for n in pacts.note_ids:
        assert " ".join(snap.evidence[n].text.split())[:40] in flat
    # the network is drawn, not pasted: no image on the map's page
    page = PdfReader(out).pages[start]
    xobjects = page["/Resources"].get("/XObject", {})
    assert not any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_map_page_renders_with_the_kind_colours(tmp_path: Path) -> None:
    out, pages = _pdf(tmp_path, "en")
    start = next(i for i, t in enumerate(pages) if "Ecosystem map" in t and "Legend" in t)
    png = tmp_path / "map"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(start + 1), "-l", str(start + 1), out, png],
        check=True,
        timeout=60,
    )
    image = Image.open(next(tmp_path.glob("map*.png"))).convert("RGB")
    counts = {rgb: n for n, rgb in image.getcolors(maxcolors=1 << 24) or []}

    def near(hex_colour: str) -> int:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return sum(
            n
            for (pr, pg, pb), n in counts.items()
            if abs(pr - r) < 12 and abs(pg - g) < 12 and abs(pb - b) < 12
        )

    for kind in (
        OrganisationKind.PUBLIC_AUTHORITY,
        OrganisationKind.THIRD_SECTOR,
        OrganisationKind.COMPETENCE_CENTRE,
    ):
        assert near(KIND_COLOURS[kind]) > 150, kind  # discs (not only the legend) drawn


def test_day_minutes_carry_the_map_only_where_its_evidence_was_taken(tmp_path: Path) -> None:
    _out, day1 = _pdf(tmp_path, "en", day=1)
    assert any("Ecosystem map" in t and "Legend" in t for t in day1)  # evidence from day 1
    with WorkshopService.open(tmp_path / "demo-en.workshop") as svc:
        eco = MapService(svc)
        for r in eco.relations():
            eco.set_relations_deleted([r.id], True)
    _out, again = _pdf(tmp_path, "en", day=1)
    assert not any("Ecosystem map" in t for t in again)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=120).filter(lambda t: t.strip()))
def test_any_text_in_the_map_builds_a_readable_section(text: str) -> None:
    from reportlab.platypus import SimpleDocTemplate

    from facilitator.domain.ecosystem import Actor, EvidenceNote, MapSnapshot, Relation
    from facilitator.domain.ecosystem import RelationType as T
    from facilitator.reports.map_section import map_flowables

    actors = (
        Actor("a1", 1, None, text, OrganisationKind.PRIVATE, text),
        Actor("o2", 2, 2, "Città <di> Torino & co", OrganisationKind.PUBLIC_AUTHORITY),
    )
    relation = Relation(1, "u", "a1", "o2", T.FUNDING, True, 2, text[:40], text, (7,))
    snap = MapSnapshot("t", "it", actors, (relation,), {7: EvidenceNote(7, text, text)})
    import io

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf)
    doc.build(map_flowables(snap, "it", doc.width))
    pages = PdfReader(buf).pages
    flat = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "Città <di> Torino & co" in flat


def test_no_two_names_overlap_on_the_printed_map(tmp_path: Path) -> None:
    """Every actor's name on the PDF's network is readable: none is drawn over another
    (a long one is cut with "…"; the table of actors gives it whole)."""
    from reportlab.graphics.shapes import String
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from facilitator.domain.ecosystem_analysis import analyse
    from facilitator.reports.map_section import network_drawing

    path = tmp_path / "demo.workshop"
    with write_demo(path, language="it"):
        pass
    with WorkshopService.open(path, read_only=True) as svc:
        eco = build_snapshot(svc, None).ecosystem
    assert eco is not None
    width = 170 * mm  # A4's text width
    drawing = network_drawing(eco, analyse(list(eco.actors), list(eco.relations)), width, 150 * mm)
    boxes = []
    for s in drawing.contents:
        if isinstance(s, String):
            w = stringWidth(s.text, s.fontName, s.fontSize)
            boxes.append((s.text, s.x - w / 2, s.y, s.x + w / 2, s.y + s.fontSize))
    assert len(boxes) == len(eco.actors)
    # on the page, and using its width (a tall network is stretched sideways)
    assert all(b[1] >= -30 and b[3] <= width + 30 and 0 <= b[2] <= 150 * mm for b in boxes)
    assert max(b[3] for b in boxes) - min(b[1] for b in boxes) > 0.7 * width
    overlapping = [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]
    assert overlapping == []
