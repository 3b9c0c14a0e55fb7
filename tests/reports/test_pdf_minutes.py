"""PDF minutes and full report, read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from report_helpers import HOSTILE, NOTES_DAY2, T0, outline_titles, reader, squash, text_of

from facilitator.reports.pdf import build_pdf, pdf_bytes
from facilitator.services.snapshot import PollResult, PollRow, ThemeRow, build_snapshot
from facilitator.services.workshop import WorkshopService


def test_day_minutes_hold_every_note_of_the_day_and_no_other(filled) -> None:
    svc, f = filled
    data = pdf_bytes(build_snapshot(svc, f.day1), deterministic=True)
    text = squash(text_of(data))
    for note in f.notes:
        assert squash(note) in text
    assert squash(NOTES_DAY2[0]) not in text


def test_full_report_holds_every_note(filled) -> None:
    svc, f = filled
    text = squash(text_of(pdf_bytes(build_snapshot(svc), deterministic=True)))
    for note in [*f.notes, *NOTES_DAY2]:
        assert squash(note) in text


def test_accents_greek_and_cyrillic_survive(filled) -> None:
    svc, f = filled
    text = text_of(pdf_bytes(build_snapshot(svc, f.day1), deterministic=True))
    for word in (
        "perché",
        "συνεργασία",
        "сотрудничество",
        "współpraca",
        "Čeština",
        "őszintén",
        "ħafna",
        "Ελένη Παπαδοπούλου",
        "Иван Петров",
        "mercoledì 5 novembre 2025",
    ):
        assert word in text


def test_cover_attendance_agenda_and_times(filled) -> None:
    svc, f = filled
    text = text_of(pdf_bytes(build_snapshot(svc, f.day1), deterministic=True))
    assert "Verbale della giornata 1" in text
    assert "Centro di Competenza" in text and "5–7 novembre 2025" in text
    assert "Presenze" in text and "Regione Piemonte" in text
    # not present that day: listed with the absentees only, not with the organisations
    assert text.count("Assente Sempre") == 1 and "Assenti (1): Assente Sempre" in text
    assert "Altro Ente" not in text
    assert "Programma" in text
    assert "09:00–09:30" in text  # planned
    assert "08:05–08:40" in text  # actual, UTC in deterministic mode
    assert "Mario Rossi · 08:10" in text  # speaker and time of a note
    assert "Azioni da svolgere" in text and "Inviare il verbale ai ministeri" in text
    assert "20novembre2025" in squash(text)
    assert "DECISIONE" in text and "Decisioni" in text


def test_hostile_text_prints_literally(svc: WorkshopService) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Titolo <b>con</b> & markup")
    for text in HOSTILE:
        svc.add_note(text, agenda_item_id=item, speaker="<i>Chi</i>")
    text = text_of(pdf_bytes(build_snapshot(svc, day.id), deterministic=True))
    for hostile in HOSTILE:
        assert hostile in text
    assert "Titolo <b>con</b> & markup" in text
    assert "<i>Chi</i>" in text


def test_a_300_character_word_wraps_inside_the_page(svc: WorkshopService) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Parole lunghe")
    word = "".join("abcdefghij"[k % 10] for k in range(300))
    svc.add_note(word, agenda_item_id=item)
    pdf = reader(pdf_bytes(build_snapshot(svc, day.id), deterministic=True))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert word in squash(text)
    assert max(len(line) for line in text.splitlines()) < 120  # broken over several lines
    # every glyph lies inside the page's right margin
    xs: list[float] = []

    def visit(text: str, cm, tm, font, size) -> None:  # noqa: ANN001
        if text.strip():
            xs.append(tm[4])

    for page in pdf.pages:
        page.extract_text(visitor_text=visit)
    assert xs and max(xs) < float(pdf.pages[0].mediabox.width) - 60


def test_a_20000_character_note_continues_across_pages(svc: WorkshopService) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Intervento fiume")
    words = [f"parola{k:05d}" for k in range(1700)]
    note = " ".join(words)
    assert len(note) > 20_000
    svc.add_note(note, agenda_item_id=item)
    pdf = reader(pdf_bytes(build_snapshot(svc, day.id), deterministic=True))
    pages = [p.extract_text() for p in pdf.pages]
    assert len(pages) >= 4
    first = next(i for i, t in enumerate(pages) if "parola00000" in t)
    last = next(i for i, t in enumerate(pages) if "parola01699" in t)
    assert last >= first + 2
    assert re.findall(r"parola\d{5}", "\n".join(pages)) == words  # all of it, in order


def test_missing_glyphs_degrade_visibly(svc: WorkshopService) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "Emoji")
    svc.add_note("prima 🦄 dopo 中文 fine", agenda_item_id=item)
    text = text_of(pdf_bytes(build_snapshot(svc, day.id), deterministic=True))
    assert "prima \ufffd dopo \ufffd\ufffd fine" in text


def test_empty_workshop_is_a_short_valid_document(tmp_path) -> None:
    with WorkshopService.create(tmp_path / "e.workshop", "Vuoto", template=None) as svc:
        snap = build_snapshot(svc)
        day = build_snapshot(svc, svc.days()[0].id)
    for s in (snap, day):
        data = pdf_bytes(s, deterministic=True)
        pdf = reader(data)
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text()
        assert "Vuoto" in text and "Pagina 1 di 1" in text
        assert "Nulla è stato registrato per questa" in text
        for absent in ("Presenze", "Programma", "Decisioni", "Azioni", "Sintesi", "votazioni"):
            assert absent not in text


def test_sections_without_content_are_left_out(filled) -> None:
    svc, f = filled
    text = text_of(pdf_bytes(build_snapshot(svc, f.day2), deterministic=True))
    assert "Secondo giorno" in text
    assert "Decisioni" not in text and "Azioni da svolgere" not in text
    assert "Risultati delle votazioni" not in text and "Temi" not in text


def test_page_x_of_y_on_every_page(filled) -> None:
    svc, f = filled
    pdf = reader(pdf_bytes(build_snapshot(svc), deterministic=True))
    n = len(pdf.pages)
    assert n >= 3
    for k, page in enumerate(pdf.pages, 1):
        assert f"Pagina {k} di {n}" in page.extract_text()
    # the header names the workshop and the day from page 2 on
    day_page = next(
        p.extract_text() for p in pdf.pages if "Apertura dei lavori" in p.extract_text()
    )
    assert "Incontro-studio Torino" in day_page
    assert "Giornata 1 – mercoledì 5 novembre 2025" in day_page


def test_outline_has_each_day_and_item(filled) -> None:
    svc, f = filled
    data = pdf_bytes(build_snapshot(svc), deterministic=True)
    outline = outline_titles(data)
    days = [t for t, level in outline if t.startswith("Giornata")]
    items = [t for t, level in outline if level == 1]
    assert days == [
        "Giornata 1 – mercoledì 5 novembre 2025",
        "Giornata 2 – giovedì 6 novembre 2025",
    ]
    assert items == ["1. Apertura dei lavori", "2. Visita al laboratorio", "1. Lavoro di gruppo"]
    others = [t for t, level in outline if level == 0 and not t.startswith("Giornata")]
    assert others == ["Presenze", "Decisioni", "Azioni da svolgere", "Allegato: dati in cifre"]

    day_outline = outline_titles(pdf_bytes(build_snapshot(svc, f.day1), deterministic=True))
    assert day_outline == [
        ("Giornata 1 – mercoledì 5 novembre 2025", 0),
        ("1. Apertura dei lavori", 1),
        ("2. Visita al laboratorio", 1),
        ("Decisioni", 0),
        ("Azioni da svolgere", 0),
        ("Allegato: dati in cifre", 0),
    ]


def test_metadata(filled) -> None:
    svc, f = filled
    pdf = reader(pdf_bytes(build_snapshot(svc, f.day1), deterministic=True))
    meta = pdf.metadata
    assert (
        meta.title
        == "Incontro-studio Torino – Verbale della giornata 1 – mercoledì 5 novembre 2025"
    )
    assert meta.author == "Centro di Competenza"
    assert meta.subject == "Verbale della giornata 1 di Incontro-studio Torino"
    assert pdf.trailer["/Root"]["/Lang"] == "it-IT"


def test_deterministic_mode_is_byte_stable(filled) -> None:
    svc, f = filled
    snap = build_snapshot(svc)
    later = dataclasses.replace(snap, generated_at=snap.generated_at + dt.timedelta(hours=3))
    assert pdf_bytes(snap, deterministic=True) == pdf_bytes(later, deterministic=True)


def test_normal_mode_states_when_it_was_generated(filled) -> None:
    svc, f = filled
    snap = dataclasses.replace(build_snapshot(svc, f.day1), generated_at=T0)
    text = text_of(pdf_bytes(snap))
    assert "Generato il 5 novembre 2025 alle" in text


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(filled, paper: str, size: tuple[int, int]) -> None:
    svc, f = filled
    pdf = reader(pdf_bytes(build_snapshot(svc, f.day1), paper=paper, deterministic=True))
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_english_report_of_an_italian_workshop(filled) -> None:
    svc, f = filled
    text = text_of(pdf_bytes(build_snapshot(svc, f.day1), lang="en", deterministic=True))
    assert "Minutes of day 1 – Wednesday 5 November 2025" in text
    assert "Attendance" in text and "Agenda" in text and "Page 1 of" in text
    assert "Verbale" not in text


def test_polls_and_themes_are_reported(filled) -> None:
    svc, f = filled
    poll = PollResult(
        title="Priorità per il 2026",
        method="dot",
        rules="Voto a punti: 3 punti a testa, al massimo 2 per opzione.",
        ballots=12,
        rows=(
            PollRow("Sportello unico & <rete>", 17, 1, score_text="17"),
            PollRow("Fondo di garanzia", 9, 2, score_text="9", tied=True),
            PollRow("Formazione congiunta", 9, 2, score_text="9", tied=True),
        ),
        item_id=f.items["visit"],
    )
    theme = ThemeRow("Governance condivisa", notes=("nota uno",), item_id=f.items["opening"])
    snap = build_snapshot(svc, f.day1, polls=[poll], themes=[theme])
    data = pdf_bytes(snap, deterministic=True)
    text = text_of(data)
    assert "Risultati delle votazioni" in text and "Priorità per il 2026" in text
    assert "Voto a punti" in text and "3 punti a testa" in text
    assert "Schede conteggiate: 12" in text
    # page 1 (ranked first), the ranking table and the chart label
    assert text.count("Sportello unico & <rete>") == 3
    assert "2=" in text  # a tie is shown
    assert "Temi" in text and "Governance condivisa" in text
    assert ("1. Priorità per il 2026", 1) in outline_titles(data)


def test_progress_is_reported_up_to_the_end(filled) -> None:
    svc, f = filled
    seen: list[tuple[int, int]] = []
    result = build_pdf(
        build_snapshot(svc),
        io.BytesIO(),
        deterministic=True,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert result.pages >= 3
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
