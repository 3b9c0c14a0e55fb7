"""Property: whatever a note-taker types, the PDF builds and keeps the text."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_helpers import reader, squash

from facilitator.domain import model as m
from facilitator.reports import fonts
from facilitator.reports.pdf import pdf_bytes
from facilitator.services.snapshot import (
    CategoryGroup,
    DaySnapshot,
    ItemSnapshot,
    NoteRow,
    Snapshot,
)

WORKSHOP = m.Workshop("u", "Proprietà", "Ente", "Torino", m.Language.ITALIAN, None, None)
T0 = dt.datetime(2025, 11, 5, 8, 0, tzinfo=dt.UTC)


def snapshot_with(text: str, title: str = "Punto") -> Snapshot:
    note = NoteRow(1, "n", text, "Sfide", "#d62728", "Chi", "", T0, False, 1)
    item = ItemSnapshot(
        1,
        "i",
        1,
        1,
        "discussion",
        title,
        "",
        "",
        None,
        None,
        30,
        None,
        None,
        (),
        (CategoryGroup("Sfide", "#d62728", (note,)),),
    )
    day = DaySnapshot(1, 1, dt.date(2025, 11, 5), "", (item,), ())
    return Snapshot(WORKSHOP, 1, (day,), (), (), (), (), ())


# What the official EU languages write: Latin-1 and Latin Extended-A (Polish, Czech,
# Hungarian, Baltic, Maltese...), Romanian ș ț, modern Greek, Bulgarian Cyrillic.
EU_RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x218, 0x21B), (0x386, 0x3CE), (0x400, 0x45F))
EU_ALPHABET = st.one_of(
    *(
        st.characters(min_codepoint=a, max_codepoint=b, categories=("L", "N", "P", "S", "Zs"))
        for a, b in EU_RANGES
    ),
    st.sampled_from("<>&\n"),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=200))
def test_any_text_builds_a_readable_pdf(text: str) -> None:
    data = pdf_bytes(snapshot_with(text, title=text[:80] or "x"), deterministic=True)
    assert data.startswith(b"%PDF")
    pdf = reader(data)
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        page.extract_text()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(EU_ALPHABET, min_size=1, max_size=300).filter(lambda t: t.strip()))
def test_latin_greek_cyrillic_text_comes_back_intact(text: str) -> None:
    data = pdf_bytes(snapshot_with(text), deterministic=True)
    got = squash("".join(p.extract_text() for p in reader(data).pages))
    wanted = squash(fonts.printable(text))
    assert "\ufffd" not in wanted  # every character of these scripts is in the font
    assert unicodedata.normalize("NFC", wanted) in unicodedata.normalize("NFC", got)
