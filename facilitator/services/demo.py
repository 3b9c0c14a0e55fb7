"""The demo workshop: the three-day study meeting in Torino on the local social-innovation
ecosystem (ESF+ bodies and national competence centres), with fictional people.

``python main.py demo PATH`` writes it; the welcome screen offers it too. The content is
data: ``resources/demo/torino.json`` (see ``services/demo_data.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facilitator.domain.model import ItemKind, Language, OrganisationKind, Role
from facilitator.services import demo_data
from facilitator.services.demo_map import add_demo_map
from facilitator.services.demo_organise import add_demo_organise
from facilitator.services.workshop import WorkshopService


@contextlib.contextmanager
def write_demo(path: Path | str, language: str = "it") -> Iterator[WorkshopService]:
    """Write the demo workshop to a new file at ``path``; yields the open service."""
    lang = Language(language)
    w = demo_data.load()["workshop"]
    start = dt.date.fromisoformat(w["start_date"])
    svc = WorkshopService.create(
        path,
        demo_data.text(w["title"], lang.value),
        language=lang,
        organiser=w["organiser"],
        place=w["place"],
        start_date=start,
        end_date=start + dt.timedelta(days=w["days"] - 1),
        template=w["template"],
        time_zone=w["time_zone"],
    )
    try:
        with svc.file.writing():
            _fill(svc, lang.value)
        yield svc
    finally:
        svc.close()


def _frame(
    svc: WorkshopService, data: dict[str, Any], lang: str, days: list[Any], people: list[int]
) -> None:
    """The minutes' frame: status and version, approval, distribution, next meeting;
    participants' country; an apology for absence."""
    from facilitator.services.minutes import MinutesService

    f = data["minutes_frame"]
    svc.update_workshop(
        minutes_status=f["status"],
        minutes_version=f["version"],
        approval=demo_data.text(f["approval"], lang),
        distribution="\n".join(f["distribution"][lang]),
        next_meeting=demo_data.text(f["next_meeting"], lang),
    )
    frame = MinutesService(svc)
    for pid in people:
        org = svc.participant(pid).organisation_name
        marker = next((k for k in f["countries_by_suffix"] if org.endswith(k)), None)
        country = f["countries_by_suffix"][marker] if marker else f["default_country"]
        frame.set_participant_details(pid, country=country[lang])
    for a in f["apologies"]:
        frame.set_apologies(days[a["day"] - 1].id, people[a["person"]], True)


def _fill(svc: WorkshopService, lang: str) -> None:
    data = demo_data.load()
    w = data["workshop"]

    def t(value: dict[str, str]) -> str:
        return demo_data.text(value, lang)

    svc.update_workshop(description=t(w["description"]))
    days = svc.days()
    for day, title in zip(days, data["day_titles"], strict=True):
        svc.update_day(day.id, day.date, t(title))
    orgs = data["organisations"]
    people: list[int] = []
    for person in data["people"]:
        org = orgs[person["organisation"]]
        people.append(
            svc.add_participant(
                person["name"],
                org["name"],
                Role(person["role"]),
                person["email"],
                organisation_kind=OrganisationKind(org["kind"]),
            )
        )
    absent = {(a["day"], a["person"]) for a in data["absent"]}
    for n, day in enumerate(days):
        for i, pid in enumerate(people):
            svc.set_present(day.id, pid, (n + 1, i) not in absent)
    _frame(svc, data, lang, days, people)
    agenda: list[dict[str, Any]] = data["agenda"]
    item_ids: list[int] = []
    for item in agenda:
        item_ids.append(
            svc.add_item(
                days[item["day"] - 1].id,
                t(item["title"]),
                kind=ItemKind(item["kind"]),
                planned_start=dt.time.fromisoformat(item["start"]),
                duration_min=item["minutes"],
                location=t(item["location"]),
                description=t(item["description"]),
                speaker_ids=[people[s] for s in item["speakers"]],
            )
        )
    for summary in data["session_summaries"]:  # written by the facilitator afterwards
        svc.update_item(item_ids[summary["item"]], summary=t(summary["text"]))
    # The days that are over have actual times recorded, a little late as usual.
    for item_id, item in zip(item_ids, agenda, strict=True):
        actual = item.get("actual")
        if actual:
            late, over = actual["late_minutes"], actual["overrun_minutes"]
            svc.update_item(
                item_id,
                actual_start=demo_data.venue_time(item["day"], item["start"], late),
                actual_end=demo_data.venue_time(
                    item["day"], item["start"], late + item["minutes"] + over
                ),
            )
    categories = svc.categories()
    note_taker = data["people"][w["note_taker"]]["name"]
    for note in data["notes"]:
        item = agenda[note["item"]]
        speaker = note["speaker"]
        created = svc.add_note(
            t(note["text"]),
            category_id=categories[note["category"]].id,
            agenda_item_id=item_ids[note["item"]],
            speaker=data["people"][speaker]["name"] if speaker is not None else "",
            note_taker=note_taker,
            created_at=demo_data.venue_time(
                item["day"], item["start"], note["minutes_after_start"]
            ),
        )
        if note.get("decision"):
            svc.update_note(created.id, is_decision=True)
    for action in data["actions"]:
        svc.add_action(
            t(action["text"]),
            owner_id=people[action["owner"]],
            due_date=dt.date.fromisoformat(action["due"]),
            agenda_item_id=item_ids[action["item"]],
        )
    add_demo_organise(svc)
    add_demo_map(svc)
