"""Helpers of the room tests: a real workshop file with one poll per method, and ways to
read the file as a second (read-only) user. (A module of its own: test files import it
by name; ``from conftest import`` picked whichever conftest was imported first.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.domain.voting import Criterion, Method
from facilitator.room.backend import OwnerThreadBackend
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService

CODE = "ABC234"


@dataclass(frozen=True)
class RoomFile:
    path: Path
    polls: dict[str, int]  # method -> poll id
    item_id: int
    category_id: int


def make_room_file(path: Path, language: str = "it", hide_results: bool = True) -> RoomFile:
    from facilitator.domain.model import Language

    with WorkshopService.create(
        path, "Laboratorio in sala", language=Language(language), start_date=dt.date(2026, 3, 2)
    ) as svc:
        org = OrganiseService(svc)
        day = svc.days()[0]
        item = svc.add_item(day.id, "Sfide dell'ecosistema")
        svc.start_item(item)
        labels = (("Sportello unico", None), ("Tavolo permanente", None), ("Fondo rotativo", None))
        polls = {
            "dot": org.create_poll(
                PollSettings(
                    "Dove mettere i punti?",
                    Method.DOT,
                    labels,
                    dots_per_voter=5,
                    max_per_option=3,
                    hide_results=hide_results,
                )
            ),
            "score": org.create_poll(
                PollSettings(
                    "Valutate le soluzioni",
                    Method.SCORE,
                    labels,
                    criteria=(Criterion("Impatto", 1, 5), Criterion("Fattibilità", 1, 5)),
                    hide_results=hide_results,
                )
            ),
            "ranked": org.create_poll(
                PollSettings("Mettete in ordine", Method.RANKED, labels, hide_results=hide_results)
            ),
            "approval": org.create_poll(
                PollSettings("Quali approvate?", Method.APPROVAL, labels, hide_results=hide_results)
            ),
        }
        category = svc.categories()[0].id
    return RoomFile(path, polls, item, category)


def open_poll(backend: OwnerThreadBackend, poll_id: int) -> None:
    backend.call(lambda s: s.org.open_poll(poll_id))


def options(backend: OwnerThreadBackend, poll_id: int) -> list[int]:
    return backend.call(lambda s: [o.id for o in s.org.poll(poll_id).options])


def read_file(path: Path) -> WorkshopService:
    """The file as another program sees it (a read-only connection of its own)."""
    return WorkshopService.open(path, read_only=True)


def room_ballots(path: Path, poll_id: int) -> list[dict[str, Any]]:
    """Every ballot of ``poll_id`` from phones, as stored, read with plain sqlite3."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT id, device_id, idempotency_key, deleted_at, mode FROM ballots "
            "WHERE poll_id = ? AND origin = 'room' ORDER BY id",
            (poll_id,),
        ).fetchall()
        out = []
        for bid, device, key, deleted, mode in rows:
            entries = conn.execute(
                "SELECT option_id, criterion, value FROM ballot_entries WHERE ballot_id = ? "
                "ORDER BY option_id, criterion",
                (bid,),
            ).fetchall()
            out.append(
                {
                    "device": device,
                    "key": key,
                    "deleted": deleted is not None,
                    "mode": mode,
                    "entries": [list(e) for e in entries],
                }
            )
        return out
    finally:
        conn.close()


def file_rows(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
