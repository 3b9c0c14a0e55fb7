"""CSV exports: one file per table, UTF-8 with BOM, a header row, formula-safe cells.

Spreadsheet programs run a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return as a formula; such text cells are prefixed with a single quote.
The delimiter follows the report language: ``;`` for Italian (what Italian
spreadsheets expect), ``,`` for English.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from facilitator.reports.text import Words
from facilitator.services.snapshot import Snapshot

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with ``'``. The rule is
    applied after Unicode NFKC folding: a full-width ``＝`` (or ``﹢``, ``－``, ``＠``…)
    is folded to ``=`` by some spreadsheets and run like one."""
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(DANGEROUS) or unicodedata.normalize("NFKC", value[:4]).startswith(
        DANGEROUS
    ):
        return "'" + value
    return value


def delimiter_for(lang: str) -> str:
    return ";" if lang == "it" else ","


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ","
) -> int:
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in row])
            n += 1
    return n


def _iso(value: dt.datetime | None, words: Words) -> str:
    if value is None:
        return ""
    return words.local(value).isoformat(timespec="seconds")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _planned(day: dt.date | None, value: dt.time | None, words: Words) -> str:
    """A planned (venue wall-clock) time as an ISO instant in the venue's zone, like the
    actual times beside it; "HH:MM" only when the day has no date."""
    if value is None:
        return ""
    if day is None or words.tz is None:
        return f"{value.hour:02d}:{value.minute:02d}"
    return dt.datetime.combine(day, value, tzinfo=words.tz).isoformat(timespec="seconds")


def tables(snap: Snapshot, words: Words) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """``{file stem: (header, rows)}`` of every table there is to export."""
    w = words
    out: dict[str, tuple[list[str], list[list[Any]]]] = {}
    day_date = {d.number: d.date for d in snap.days}
    notes = []
    for n in snap.all_notes():
        notes.append(
            [
                n.uuid,
                n.day_number or "",
                n.item_title,
                n.category,
                n.speaker,
                n.note_taker,
                _iso(n.created_at, w),
                w("yes") if n.is_decision else w("no"),
                n.text,
            ]
        )
    out["notes"] = (
        [
            w("id"),
            w("day_col"),
            w("item"),
            w("category"),
            w("speaker"),
            w("note_taker"),
            w("time"),
            w("decision"),
            w("text"),
        ],
        notes,
    )
    out["participants"] = (
        [w("participant"), w("organisation"), w("role"), w("email"), w("days_present")],
        [
            [p.name, p.organisation, w.role(p.role), p.email, " ".join(map(str, p.days_present))]
            for p in snap.participants
        ],
    )
    attendance = []
    for d in snap.days:
        for g in d.attendance:
            for p in g.people:
                attendance.append([d.number, _date(day_date.get(d.number)), p.name, p.organisation])
    out["attendance"] = ([w("day_col"), w("date"), w("participant"), w("organisation")], attendance)
    agenda = []
    for d in snap.days:
        for i in d.items:
            agenda.append(
                [
                    d.number,
                    i.number,
                    i.title,
                    w.kind(i.kind),
                    _planned(d.date, i.planned_start, w),
                    _planned(d.date, i.planned_end, w),
                    i.duration_min,
                    _iso(i.actual_start, w),
                    _iso(i.actual_end, w),
                    ", ".join(i.speakers),
                    i.location,
                ]
            )
    out["agenda"] = (
        [
            w("day_col"),
            w("position"),
            w("title"),
            w("kind"),
            w("planned_start"),
            w("planned_end"),
            w("duration"),
            w("actual_start"),
            w("actual_end"),
            w("speakers"),
            w("location"),
        ],
        agenda,
    )
    out["action_items"] = (
        [w("action"), w("owner"), w("due"), w("status"), w("day_col"), w("item")],
        [
            [
                a.text,
                a.owner,
                a.due_date.isoformat() if a.due_date else "",
                w.status(a.status),
                a.day_number or "",
                a.item_title,
            ]
            for a in snap.actions
        ],
    )
    if snap.polls:
        out["poll_results"] = (
            [
                w("poll"),
                w("method"),
                w("rules"),
                w("ballots", n="").rstrip(": "),
                w("rank"),
                w("option"),
                w("score"),
                w("first_preferences"),
            ],
            [
                [
                    p.title,
                    w.method(p.method),
                    p.rules_in(w.lang),
                    p.ballots,
                    r.rank,
                    r.label,
                    w.score(r.score_text, r.score),
                    "" if r.votes is None else r.votes,
                ]
                for p in snap.polls
                for r in p.rows
            ],
        )
    if snap.ballots:
        out["ballots"] = (
            [
                w("poll"),
                w("ballot"),
                w("mode"),
                w("participant"),
                w("voters"),
                w("time"),
                w("option"),
                w("criterion"),
                w("value"),
            ],
            [
                [
                    b.poll,
                    b.ballot,
                    w.table.get(f"mode_{b.mode}", b.mode),
                    b.voter,
                    b.voters,
                    _iso(b.cast_at, w),
                    b.option,
                    b.criterion,
                    b.value,
                ]
                for b in snap.ballots
            ],
        )
    return out
