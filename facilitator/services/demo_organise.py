"""Demo data of the organise-and-decide features for the Torino study visit.

``add_demo_organise(svc)`` adds themes, solutions, action items and one closed poll of
each method with realistic ballots, all read from the ``organise`` part of
``resources/demo/torino.json``. It finds the demo's notes by their text (Italian or
English) and still works, with fewer links, on a workshop without them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.voting import Ballot, CastMode, Method, default_criteria
from facilitator.services import demo_data
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService


def _demo_notes(svc: WorkshopService) -> dict[int, int]:
    """Index in the demo's notes -> note id in this file (only those found)."""
    by_text = {n.text: n.id for n in svc.notes()}
    found: dict[int, int] = {}
    for index, note in enumerate(demo_data.load()["notes"]):
        for text in note["text"].values():
            if text in by_text:
                found[index] = by_text[text]
    return found


def add_demo_organise(svc: WorkshopService) -> None:
    data: dict[str, Any] = demo_data.load()["organise"]
    lang = "it" if svc.workshop().language is m.Language.ITALIAN else "en"
    org = OrganiseService(svc)
    notes = _demo_notes(svc)
    items = svc.items()

    def item_id(index: int, fallback: int | None) -> int | None:
        return items[index].id if len(items) > index else fallback

    conclusion_item = item_id(data["polls_item"], items[-1].id if items else None)
    group_item = item_id(data["solutions_item"], conclusion_item)
    people = svc.participants()

    def at(hhmm: str) -> dt.datetime:
        return demo_data.venue_time(data["day"], hhmm)

    with svc.file.writing():
        theme_ids: list[int | None] = []
        for theme in data["themes"]:
            ids = [notes[i] for i in theme["notes"] if i in notes]
            theme_ids.append(org.create_theme(theme["title"][lang], ids)[0] if ids else None)
        solution_ids = []
        for solution in data["solutions"]:
            ids = [notes[i] for i in solution["notes"] if i in notes]
            theme = solution["theme"]
            solution_ids.append(
                org.add_solution(
                    solution["title"][lang],
                    solution["description"][lang],
                    note_ids=ids,
                    agenda_item_id=group_item,
                    theme_id=theme_ids[theme] if theme is not None else None,
                )
            )
        for index in data["decisions"]:  # agreed as a decision by a group
            if index in notes:
                org.set_decision(notes[index], True)

        # --- actions: the facilitator's and the note-taker's follow-ups ----------------
        facilitators = [p.id for p in people if p.role is m.Role.FACILITATOR]
        owner = facilitators[0] if facilitators else (people[0].id if people else None)
        for action in data["actions"]:
            role = m.Role(action["owner_role"])
            svc.add_action(
                action["text"][lang],
                owner_id=next((p.id for p in people if p.role is role), owner),
                due_date=dt.date.fromisoformat(action["due"]),
                status=m.ActionStatus(action["status"]),
                note_id=notes.get(action["note"]) if "note" in action else None,
                agenda_item_id=conclusion_item,
            )

        # --- polls: one of each method, closed on the morning of the last day ----------
        options = tuple(("", sid) for sid in solution_ids)
        named = [p.id for p in people if p.role in (m.Role.PARTICIPANT, m.Role.SPEAKER)]
        wanted = data["voters"]
        # participants vote by name; when the workshop has too few, kiosk ballots fill in
        voters: list[int | None] = [*named[:wanted], *[None] * (wanted - len(named[:wanted]))]
        for poll in data["polls"]:
            method = Method(poll["method"])
            settings: dict[str, Any] = {}
            for key in ("dots_per_voter", "max_per_option", "anonymous", "hide_results"):
                if key in poll:
                    settings[key] = poll[key]
            if poll.get("criteria") == "default":
                settings["criteria"] = default_criteria(lang)
            poll_id = org.create_poll(
                PollSettings(
                    title=poll["title"][lang],
                    method=method,
                    options=options[: poll["options"]],
                    agenda_item_id=conclusion_item,
                    **settings,
                )
            )
            org.open_poll(poll_id, at=at(poll["open"]))
            ids = [o.id for o in org.poll(poll_id).options]
            _cast(org, poll_id, ids, voters, poll["ballots"])
            org.close_poll(poll_id, at=at(poll["close"]))
            reopen = poll.get("reopen")
            if reopen:
                org.reopen_poll(poll_id, reopen["reason"][lang], at=at(reopen["at"]))
                _cast(org, poll_id, ids, voters, reopen["ballots"])
                org.close_poll(poll_id, at=at(reopen["close"]))


def _cast(
    org: OrganiseService,
    poll_id: int,
    ids: list[int],
    voters: list[int | None],
    ballots: list[dict[str, Any]],
) -> None:
    """Cast the demo file's ballots; option numbers index ``ids``."""
    for spec in ballots:
        voter = voters[spec["voter"]] if "voter" in spec else None
        if "mode" in spec:
            mode = CastMode(spec["mode"])
        else:
            mode = CastMode.VOTER if voter is not None else CastMode.KIOSK
        if "dots" in spec:
            dots = {ids[int(i)]: n for i, n in spec["dots"].items()}
            ballot = Ballot.dots(dots, voters=spec.get("voters", 1))
        elif "scores" in spec:
            ballot = Ballot.scores({ids[i]: row for i, row in enumerate(spec["scores"])})
        elif "ranking" in spec:
            ballot = Ballot.ranking([ids[i] for i in spec["ranking"]])
        else:
            ballot = Ballot.approvals(ids[i] for i in spec["approve"])
        org.cast_ballot(poll_id, ballot, mode, voter)
