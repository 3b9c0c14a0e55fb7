"""The minutes show each theme's cards as a compact grid (reports/board_grid.py): read
back with pypdf (every card's whole text, in three columns) and rendered with pdftoppm
(the category colours are on the page)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from report_helpers import reader, squash, text_of

from facilitator.reports.pdf import pdf_bytes
from facilitator.services.organise import OrganiseService
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService

TEXTS = [
    "Fondi rotativi per anticipare i pagamenti alle cooperative.",
    "Un unico sportello regionale per la coprogettazione.",
    "La fondazione copre il rischio iniziale.",
    "Il fondo rotativo gestito da una banca pubblica regionale.",
]


def _themed(svc: WorkshopService, texts: list[str]) -> tuple[int, list[str]]:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Finanziamenti")
    cats = svc.categories()
    svc.add_participant("Anna Rossi")
    ids = [
        svc.add_note(t, agenda_item_id=item, category_id=cats[n % 3].id, speaker="Anna Rossi").id
        for n, t in enumerate(texts)
    ]
    OrganiseService(svc).create_theme("Risorse condivise", ids)
    return day.id, [c.colour for c in cats[:3]]


def _x_of_lines(data: bytes, starts: list[str]) -> dict[str, float]:
    """The x position where each of ``starts`` begins on the page."""
    found: dict[str, float] = {}

    def visit(text: str, cm, tm, font, size) -> None:  # type: ignore[no-untyped-def]
        for s in starts:
            if text.startswith(s) and s not in found:
                found[s] = tm[4] * cm[0] + cm[4]

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_themes_cards_are_a_grid_of_three_columns_with_their_whole_text(
    svc: WorkshopService,
) -> None:
    day_id, _ = _themed(svc, TEXTS)
    data = pdf_bytes(build_snapshot(svc, day_id), deterministic=True)
    text = squash(text_of(data))
    theme_at = text.index(squash("Risorse condivise"))
    for t in TEXTS:  # in the grid, after the theme's title (and in the item's notes before)
        assert squash(t) in text[theme_at:]
    xs = _x_of_lines(data, [t.split()[0] + " " + t.split()[1] for t in TEXTS])
    # the grid comes last on the page: its lines are the last seen for each text
    columns = sorted({round(x) for x in xs.values()})
    assert len(xs) == 4
    assert len(columns) == 3  # three columns; the fourth card starts a second row
    assert round(xs["Il fondo"]) == columns[0]


def test_a_very_long_note_in_a_theme_splits_across_pages_and_is_never_cut(
    svc: WorkshopService,
) -> None:
    long = " ".join(f"parola{n}" for n in range(1200))  # a few pages of one card
    day_id, _ = _themed(svc, [TEXTS[0], long])
    data = pdf_bytes(build_snapshot(svc, day_id), deterministic=True)
    text = squash(text_of(data))
    theme_at = text.index(squash("Risorse condivise"))
    # every word, in order, between the pages' headers and footers
    assert re.findall(r"parola\d+", text[theme_at:]) == long.split()
    assert len(reader(data).pages) > 3


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_cards_carry_their_category_colours_on_the_rendered_page(
    svc: WorkshopService, tmp_path: Path
) -> None:
    day_id, colours = _themed(svc, TEXTS)
    pdf = tmp_path / "day.pdf"
    pdf.write_bytes(pdf_bytes(build_snapshot(svc, day_id), deterministic=True))
    pages = len(reader(pdf).pages)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(pages), "-l", str(pages), pdf, tmp_path / "p"],
        check=True,
    )
    png = next(tmp_path.glob("p-*.png"))
    image = Image.open(png).convert("RGB")
    width, height = image.size
    px = image.load()
    assert px is not None

    def edge(hexcolour: str) -> bool:
        """A vertical stripe of the colour, as tall as a card (bullets are dots)."""
        want = tuple(int(hexcolour[i : i + 2], 16) for i in (1, 3, 5))
        for x in range(width):
            run = 0
            for y in range(height):
                p = px[x, y]
                if sum(abs(a - b) for a, b in zip(p, want, strict=True)) < 40:  # type: ignore[arg-type]
                    run += 1
                    if run >= 25:
                        return True
                else:
                    run = 0
        return False

    assert "Risorse condivise" in (reader(pdf).pages[-1].extract_text() or "")
    assert all(edge(c) for c in colours), colours
