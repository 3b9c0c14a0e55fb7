"""What the room reads on the projector, in the workshop's language (not the window's).

The projector is read by participants, so its words follow the workshop (Italian or
English) whatever language the facilitator's window speaks, like the phones' page and
the minutes. No Qt here: plain tables and the rows of a poll's results as drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.domain.organise import Poll
from facilitator.domain.voting import Method, PollResult, format_score

_TEXT: dict[str, tuple[str, str]] = {
    # key: (English, Italian)
    "next": ("Next", "A seguire"),
    "paused": ("paused", "in pausa"),
    "ballots": ("{n} ballots", "{n} schede"),
    "ballot": ("1 ballot", "1 scheda"),
    "hidden": (
        "Results will be shown when voting closes.",
        "I risultati saranno mostrati alla chiusura del voto.",
    ),
    "empty": ("No ballots yet.", "Ancora nessuna scheda."),
    "method.dot": ("Dot voting", "Voto a punti"),
    "method.score": ("Multi-criteria scoring", "Valutazione multicriterio"),
    "method.ranked": ("Ranked choice", "Classifica delle preferenze"),
    "method.approval": ("Approval voting", "Voto di approvazione"),
    "unit.dot": ("dots", "punti"),
    "unit.score": ("points", "punti"),
    "unit.ranked": ("points", "punti"),
    "unit.approval": ("approvals", "approvazioni"),
    "first": ("first choice: {n}", "prima scelta: {n}"),
    "share": ("{p}% of ballots", "{p}% delle schede"),
    "wall": ("Your ideas", "Le vostre idee"),
    "no_ideas": ("No ideas accepted yet.", "Ancora nessuna idea accettata."),
    "join.title": ("Join from your phone", "Partecipa dal telefono"),
    "join.open": ("Open", "Apri"),
    "join.code": ("Room code", "Codice della sala"),
    "join.scan": ("or scan", "oppure inquadra"),
    "join.wifi": ("Wi-Fi: {ssid}", "Wi-Fi: {ssid}"),
    "join.closed": ("The room is closed.", "La sala è chiusa."),
    "join.none": (
        "The room is not open: Live › Open the room…",
        "La sala non è aperta: Live › Apri la sala…",
    ),
}


def text(key: str, language: str, **params: object) -> str:
    en, it = _TEXT[key]
    return (it if language == "it" else en).format(**params)


def ballots_text(n: int, language: str) -> str:
    return text("ballot", language) if n == 1 else text("ballots", language, n=n)


@dataclass(frozen=True)
class ResultLine:
    """One option as the projector draws it."""

    rank: str  # "1", "=2"
    label: str
    score: str  # "12", "3.45"
    unit: str  # "dots", "approvals"...
    fraction: float  # bar length, 0..1 of the best score
    detail: str  # per criterion, first choices, share of ballots ("" if none)
    winner: bool


def _number(shown: str, language: str) -> str:
    """A score as the room reads it: Italian writes a decimal comma (11,62), as the
    minutes do."""
    return shown.replace(".", ",") if language == "it" else shown


def result_lines(poll: Poll, result: PollResult, language: str) -> list[ResultLine]:
    """Every option of the poll, best first, with what its method needs to be read."""
    top = float(result.max_score) or 1.0
    unit = text(f"unit.{poll.method.value}", language)
    lines: list[ResultLine] = []
    for row in result.rows:
        detail = ""
        if poll.method is Method.SCORE:
            detail = "  ·  ".join(
                f"{c.name} {_number(format_score(a, Method.SCORE), language)}"
                for c, a in zip(poll.criteria, row.criterion_averages, strict=False)
            )
        elif poll.method is Method.RANKED:
            detail = text("first", language, n=row.first_preferences)
        elif poll.method is Method.APPROVAL and result.ballots:
            share = round(100 * float(row.score) / result.ballots)
            detail = text("share", language, p=share)
        lines.append(
            ResultLine(
                rank=f"={row.rank}" if row.tied else str(row.rank),
                label=poll.option(row.option_id).label,
                score=_number(format_score(row.score, poll.method), language),
                unit=unit,
                fraction=max(0.0, float(row.score) / top),
                detail=detail,
                winner=row.rank == 1 and float(row.score) > 0,
            )
        )
    return lines
