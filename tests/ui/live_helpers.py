"""Helpers for the shell and Live view tests: a small workshop and a window on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.domain import model as m
from facilitator.services.workshop import WorkshopService

DAY1 = dt.date(2025, 11, 5)


def build_workshop(path: Path, language: m.Language = m.Language.ITALIAN) -> None:
    """Two days, three items on day 1, two participants, a few notes."""
    with WorkshopService.create(
        path,
        "Incontro-studio Torino",
        organiser="Centro di Competenza",
        place="Torino",
        language=language,
        start_date=DAY1,
        end_date=DAY1 + dt.timedelta(days=1),
    ) as svc:
        d1, d2 = (d.id for d in svc.days())
        anna = svc.add_participant("Anna Rossi", "Comune di Torino", m.Role.SPEAKER)
        svc.add_participant("Marco Bianchi", "Università di Torino")
        i1 = svc.add_item(
            d1,
            "Benvenuto e presentazione",
            kind=m.ItemKind.PLENARY,
            planned_start=dt.time(9, 30),
            duration_min=30,
            speaker_ids=[anna],
        )
        svc.add_item(
            d1,
            "Visita a Casa del Quartiere",
            kind=m.ItemKind.SITE_VISIT,
            duration_min=90,
            location="San Salvario",
        )
        svc.add_item(d1, "Analisi in gruppi", kind=m.ItemKind.GROUP_WORK, duration_min=60)
        svc.add_item(d2, "Restituzione", kind=m.ItemKind.PLENARY, planned_start=dt.time(9, 0))
        cats = svc.categories()
        svc.add_note(
            "La rete dei quartieri collabora con il Comune",
            category_id=cats[0].id,
            agenda_item_id=i1,
            speaker="Anna Rossi",
        )
        svc.add_note("Sfida: risorse stabili", category_id=cats[2].id, agenda_item_id=i1)
