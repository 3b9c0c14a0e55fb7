"""Hostile text that storage accepts goes through every export: the PDF builds and
prints it literally, the CSV gives it back equal, the Markdown keeps it inert."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from test_hostile_text import STORABLE, stored_form

from facilitator.domain.errors import ValidationError
from facilitator.domain.model import ItemKind
from facilitator.reports.csv_export import DANGEROUS
from facilitator.reports.markdown import build_markdown
from facilitator.reports.pdf import build_pdf
from facilitator.services.exporting import export_csv
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService


def _unneutralise(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(DANGEROUS) else cell


def _notes_csv(folder: Path) -> list[dict[str, str]]:
    text = (folder / "notes.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.fixture
def hostile(svc: WorkshopService) -> WorkshopService:
    day = svc.days()[0].id
    item = svc.add_item(
        day, STORABLE[0][:200], kind=ItemKind.DISCUSSION, location=STORABLE[6][:100]
    )
    svc.add_participant("Ana <b>María</b> & Ñúñez", organisation="Ente \u202e & <i>", email="")
    for text in STORABLE:
        svc.add_note(text, agenda_item_id=item, speaker="Ana <b>María</b> & Ñúñez")
    return svc


def test_hostile_text_through_pdf_csv_and_markdown(
    hostile: WorkshopService, tmp_path: Path
) -> None:
    snap = build_snapshot(hostile)
    pdf = tmp_path / "all.pdf"
    result = build_pdf(snap, pdf, deterministic=True)
    assert result.pages >= 2
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    compact = "".join(text.split())
    assert "<script>alert('x')</script>" in compact.replace("’", "'")
    assert "'; DROP TABLE notes; --".replace(" ", "") in compact
    assert "<b>María</b>" in compact  # markup typed by a user prints literally

    export_csv(snap, tmp_path / "csv")
    got = [_unneutralise(r["Testo"]) for r in _notes_csv(tmp_path / "csv")]
    assert got == [stored_form(t) for t in STORABLE]

    md = build_markdown(snap)
    assert "<script>" not in md  # no raw HTML reaches a Markdown renderer
    assert "DROP TABLE notes" in md


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=200
    )
)
def test_any_storable_text_exports(
    svc: WorkshopService, tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    try:
        note = svc.add_note(text)
    except ValidationError:
        return
    folder = tmp_path_factory.mktemp("any")
    try:
        snap = build_snapshot(svc)
        build_pdf(snap, folder / "x.pdf", deterministic=True)
        export_csv(snap, folder / "csv")
        build_markdown(snap)
        by_uuid = {
            next(iter(r.values())): r for r in _notes_csv(folder / "csv")
        }  # 1st column: uuid
        assert _unneutralise(by_uuid[note.uuid]["Testo"]) == svc.note(note.id).text
    finally:
        svc.delete_note(note.id)
