"""Markdown minutes: same structure as the PDF, user text kept literal."""

from __future__ import annotations

from report_helpers import NOTES_DAY2

from facilitator.reports.markdown import build_markdown, md
from facilitator.services.snapshot import PollResult, PollRow, build_snapshot
from facilitator.services.workshop import WorkshopService


def test_day_minutes_structure(filled) -> None:
    svc, f = filled
    text = build_markdown(build_snapshot(svc, f.day1))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "# Incontro-studio Torino"
    assert headings[1:4] == [
        "## Sintesi",
        "## Giornata 1 – mercoledì 5 novembre 2025",
        "### Presenze",
    ]
    assert "### Programma" in headings
    assert "### 1. Apertura dei lavori" in headings and "### 2. Visita al laboratorio" in headings
    assert headings[-2:] == ["## Decisioni", "## Azioni da svolgere"]
    for note in f.notes:
        assert md(note) in text
    assert md(NOTES_DAY2[0]) not in text
    assert "| 1 | 09:00–09:30 | 08:05–08:40 | Apertura dei lavori | Mario Rossi |" in text
    assert "**Mario Rossi** · 08:10 — " in text


def test_full_report_has_every_day(filled) -> None:
    svc, f = filled
    text = build_markdown(build_snapshot(svc), lang="en")
    assert "## Day 1 – Wednesday 5 November 2025" in text
    assert "## Day 2 – Thursday 6 November 2025" in text
    assert "## Attendance" in text
    assert md(NOTES_DAY2[0]) in text


def test_markup_typed_by_users_stays_literal(svc: WorkshopService) -> None:
    day = svc.days()[0]
    item = svc.add_item(day.id, "# not a heading | pipe")
    svc.add_note(
        "<script>alert(1)</script> **not bold** [link](http://x) & co", agenda_item_id=item
    )
    svc.add_note("- not a list\n1. not numbered", agenda_item_id=item)
    text = build_markdown(build_snapshot(svc, day.id))
    assert "<script>" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\*\\*not bold\\*\\*" in text and "x) & co" in text  # "&" prints as itself
    assert "\\# not a heading \\| pipe" in text
    assert "— \\- not a list  \n  \\1. not numbered" in text


def test_polls_in_markdown(filled) -> None:
    svc, f = filled
    poll = PollResult(
        "Priorità",
        "dot",
        "3 punti a testa.",
        7,
        (PollRow("A", 10, 1, score_text="10"), PollRow("B", 5, 2, score_text="5")),
    )
    text = build_markdown(build_snapshot(svc, polls=[poll]))
    assert "## Risultati delle votazioni" in text
    assert "- **Metodo:** Voto a punti" in text and "Schede conteggiate: 7" in text
    assert "| 1 | A | 10 | " + "█" * 20 + " |" in text
    assert "| 2 | B | 5 | " + "█" * 10 + " |" in text


def test_empty_workshop(tmp_path) -> None:
    with WorkshopService.create(tmp_path / "e.workshop", "Vuoto", template=None) as svc:
        text = build_markdown(build_snapshot(svc))
    assert text.startswith("# Vuoto\n")
    assert "##" not in text
