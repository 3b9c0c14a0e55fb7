"""What a phone may see, as plain JSON-ready data. Built on the thread that owns the
workshop (it reads through :class:`RoomService`).

A phone learns: the workshop's title, the current poll (question, options, rules), its
own ballot, the results only once they are visible (poll closed, results not hidden,
or revealed by the facilitator), where an idea goes now, the accepted ideas with their
upvotes, and its own ideas' status. Never another device's identity or name, never
notes, never file paths, never internal uuids.
"""

from __future__ import annotations

from typing import Any

from facilitator.domain.organise import Poll
from facilitator.domain.voting import Method, PollResult, format_score, rules_text
from facilitator.services.room import RoomService


def poll_view(poll: Poll, language: str) -> dict[str, Any]:
    rules = poll.rules
    return {
        "id": poll.id,
        "title": poll.title,
        "method": poll.method.value,
        "state": poll.state.value,
        "options": [{"id": o.id, "label": o.label} for o in poll.options],
        "dots": poll.dots_per_voter if poll.method is Method.DOT else None,
        "cap": poll.max_per_option if poll.method is Method.DOT else None,
        "criteria": [
            {"name": c.name, "min": c.scale_min, "max": c.scale_max} for c in rules.criteria
        ],
        "complete": poll.require_complete,
        "rules": rules_text(rules, language),
    }


def results_view(poll: Poll, result: PollResult) -> dict[str, Any]:
    labels = {o.id: o.label for o in poll.options}
    top = float(result.max_score) or 1.0
    return {
        "poll": poll.id,
        "ballots": result.ballots,
        "rows": [
            {
                "label": labels.get(row.option_id, ""),
                "rank": row.rank,
                "score": format_score(row.score, poll.method),
                "share": round(float(row.score) / top, 4),
                "tied": row.tied,
            }
            for row in result.rows
        ],
    }


def phone_view(room: RoomService, device_id: int, language: str) -> dict[str, Any]:
    view: dict[str, Any] = {"workshop": room.workshop_title(), "lang": language}
    me = room.participant_of(device_id)
    view["participant"] = me[1] if me else None  # the name this phone joined as, if any
    poll = room.shown_poll()
    if poll is None:
        view["poll"] = None
    else:
        view["poll"] = poll_view(poll, language)
        mine = room.my_ballot(device_id, poll.id)
        view["ballot"] = [[o, c, v] for (o, c), v in sorted(mine.values.items())] if mine else None
        view["results"] = (
            results_view(poll, room.results(poll.id)) if room.results_visible(poll) else None
        )
    target = room.target()
    view["target"] = {
        "kind": "question" if target.question else ("item" if target.agenda_item_id else None),
        "title": target.title,
    }
    view["wall"] = [
        {"id": w.id, "text": w.text, "votes": w.votes, "mine": w.mine, "voted": w.voted}
        for w in room.wall(device_id)
    ]
    view["ideas"] = [
        {"text": i.text, "status": i.status.value} for i in room.my_ideas(device_id)[-20:]
    ]
    return view


def live_view(room: RoomService) -> dict[str, Any] | None:
    """The shown poll's live results for the push: (poll, results, visible to phones)."""
    poll = room.shown_poll()
    if poll is None:
        return None
    return {
        "poll": poll.id,
        "visible": room.results_visible(poll),
        "results": results_view(poll, room.results(poll.id)),
    }
