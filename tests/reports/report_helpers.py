"""Helpers for the report tests: a small filled workshop and PDF reading."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from facilitator.services.workshop import WorkshopService

T0 = dt.datetime(2025, 11, 5, 8, 10, tzinfo=dt.UTC)

NOTES_DAY1 = [
    "Collaborazione tra enti: è già attiva, perché più città e più università ne fanno parte.",
    "Ελληνικά: η συνεργασία μεταξύ των φορέων είναι ήδη ενεργή.",
    "Кириллица: сотрудничество между организациями уже активно.",
    "Polski: współpraca już działa; Čeština: spolupráce už funguje; Magyar: őszintén.",
    "Lietuvių: bendradarbiavimas; Română: cooperarea; Malti: il-kooperazzjoni ħafna.",
]
NOTES_DAY2 = ["Secondo giorno: visita alla cooperativa sociale Il Ponte."]
HOSTILE = [
    "a < b && c > d",
    "<b>not bold</b> & <i>not italic</i>",
    '<font color="red">red?</font> </para> <br/> &amp; &lt;',
]


@dataclass
class Filled:
    path: Path
    day1: int
    day2: int
    items: dict[str, int]
    notes: list[str]


def fill(svc: WorkshopService) -> Filled:
    """Two days with items, attendance, notes in many scripts, a decision, an action."""
    d1, d2, _d3 = svc.days()
    cats = svc.categories()
    mario = svc.add_participant("Mario Rossi", "Regione Piemonte")
    eleni = svc.add_participant("Ελένη Παπαδοπούλου", "Υπουργείο Εργασίας")
    ivan = svc.add_participant("Иван Петров", "Министерство")
    svc.add_participant("Assente Sempre", "Altro Ente")
    for pid in (mario, eleni, ivan):
        svc.set_present(d1.id, pid, True)
    svc.set_present(d2.id, mario, True)
    opening = svc.add_item(
        d1.id,
        "Apertura dei lavori",
        planned_start=dt.time(9, 0),
        duration_min=30,
        speaker_ids=[mario],
    )
    visit = svc.add_item(d1.id, "Visita al laboratorio", kind="site_visit", duration_min=60)
    day2_item = svc.add_item(
        d2.id, "Lavoro di gruppo", kind="group_work", planned_start=dt.time(9, 30)
    )
    svc.start_item(opening, T0 - dt.timedelta(minutes=5))
    svc.stop_item(opening, T0 + dt.timedelta(minutes=30))
    notes = []
    for k, text in enumerate(NOTES_DAY1):
        svc.add_note(
            text,
            category_id=cats[k % len(cats)].id,
            agenda_item_id=opening if k < 3 else visit,
            speaker="Mario Rossi" if k % 2 == 0 else "",
            created_at=T0 + dt.timedelta(minutes=k),
        )
        notes.append(text)
    decision = svc.add_note(
        "Decisione: il verbale sarà inviato entro venerdì.",
        agenda_item_id=visit,
        created_at=T0 + dt.timedelta(minutes=40),
    )
    svc.update_note(decision.id, is_decision=True)
    notes.append(decision.text)
    for text in NOTES_DAY2:
        svc.add_note(text, agenda_item_id=day2_item, created_at=T0 + dt.timedelta(days=1))
    svc.add_action(
        "Inviare il verbale ai ministeri",
        owner_id=mario,
        due_date=dt.date(2025, 11, 20),
        agenda_item_id=opening,
    )
    return Filled(
        path=svc.path,
        day1=d1.id,
        day2=d2.id,
        items={"opening": opening, "visit": visit, "day2": day2_item},
        notes=notes,
    )


def reader(data: bytes | Path) -> PdfReader:
    if isinstance(data, Path):
        return PdfReader(str(data))
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes | Path) -> str:
    return "\n".join(page.extract_text() or "" for page in reader(data).pages)


def squash(text: str) -> str:
    """Text without any whitespace: line breaks inserted by wrapping do not matter."""
    return re.sub(r"\s+", "", text)


def outline_titles(data: bytes | Path) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []

    def walk(entries: list, level: int) -> None:  # type: ignore[type-arg]
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                out.append((entry.title, level))

    walk(reader(data).outline, 0)
    return out
