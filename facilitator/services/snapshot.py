"""Everything a report needs, read once from a workshop into plain frozen dataclasses.

A :class:`Snapshot` holds no connection: a PDF can be built from it on another thread
(or after the file is closed). Times stay UTC, as stored; the report formats them.

Themes, poll results and ballots come from ``facilitator.services.organise`` (see
:func:`_organise_extras`). Callers may also pass them in
(``build_snapshot(..., polls=..., themes=...)``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.ecosystem import MapSnapshot
from facilitator.domain.errors import NotFound
from facilitator.domain.templates import is_decision_category
from facilitator.domain.timeutil import utcnow, zone
from facilitator.domain.voting import CastMode, PollState
from facilitator.services.ecosystem import MapService
from facilitator.services.minutes import MinutesService
from facilitator.services.organise import OrganiseService, PollReport, poll_results
from facilitator.services.workshop import WorkshopService


@dataclass(frozen=True)
class NoteRow:
    id: int
    uuid: str
    text: str
    category: str  # "" when the note has no category
    colour: str
    speaker: str
    note_taker: str
    created_at: dt.datetime  # UTC
    is_decision: bool  # flagged as a decision, or in a decision category
    item_id: int | None
    item_title: str = ""
    day_number: int | None = None
    speaker_absent: bool = False  # the speaker is not on that day's attendance list
    in_decision_category: bool = False


@dataclass(frozen=True)
class CategoryGroup:
    category: str  # "" = notes without a category
    colour: str
    notes: tuple[NoteRow, ...]


@dataclass(frozen=True)
class ActionRow:
    id: int
    uuid: str
    text: str
    owner: str
    due_date: dt.date | None
    status: str  # m.ActionStatus value
    item_id: int | None
    item_title: str
    day_number: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class ThemeRow:
    title: str
    description: str = ""
    notes: tuple[str, ...] = ()
    item_id: int | None = None
    day_number: int | None = None
    note_ids: tuple[int, ...] = ()  # parallel to ``notes``
    note_items: tuple[int | None, ...] = ()  # the agenda item of each note
    note_places: tuple[str, ...] = ()  # that item's title ("" = no item)
    note_days: tuple[int | None, ...] = ()  # the day number of each note
    other_days: int = 0  # day minutes: notes of this theme left out (other days)

    def place_of(self, k: int) -> tuple[int | None, str]:
        if k < len(self.note_items):
            return self.note_items[k], self.note_places[k]
        return None, ""


@dataclass(frozen=True)
class PollRow:
    label: str
    score: float  # for the bar chart
    rank: int
    votes: int | None = None  # ranked choice: first preferences
    score_text: str = ""  # the score as the voting rules format it ("3", "4.25")
    tied: bool = False
    extras: tuple[str, ...] = ()  # scoring: the average of each criterion


@dataclass(frozen=True)
class PollResult:
    title: str
    method: str  # dot, score, ranked, approval (or a free text)
    rules: str  # one sentence, e.g. "Dot voting: 5 dots per voter, at most 2 per option."
    ballots: int
    rows: tuple[PollRow, ...]
    item_id: int | None = None
    day_number: int | None = None
    closed_at: dt.datetime | None = None
    state: str = "closed"  # draft, open, closed
    extra_headers: tuple[str, ...] = ()  # criterion names, one per ``PollRow.extras``
    reopened: tuple[tuple[dt.datetime | None, str], ...] = ()  # (when, UTC; reason)
    rules_by_language: tuple[tuple[str, str], ...] = ()  # ("en", "Dot voting: …")

    def rules_in(self, lang: str) -> str:
        """The rules in the report's language (``rules`` when only that is known)."""
        return dict(self.rules_by_language).get(lang, self.rules)


@dataclass(frozen=True)
class BallotRow:
    """One value of one ballot (a dot count, an approval, a rank, a score)."""

    poll: str
    ballot: str  # the ballot's uuid
    mode: str  # kiosk, voter, tally
    voter: str  # "" for anonymous polls
    voters: int  # > 1 for a paper tally
    cast_at: dt.datetime
    option: str
    criterion: str  # scoring polls: the criterion's name
    value: int
    item_id: int | None = None


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    organisation: str
    role: str
    email: str
    days_present: tuple[int, ...] = ()  # day numbers
    job_title: str = ""
    country: str = ""


@dataclass(frozen=True)
class OrganisationGroup:
    organisation: str  # "" = no organisation
    people: tuple[Person, ...]


@dataclass(frozen=True)
class ItemSnapshot:
    id: int
    uuid: str
    number: int  # 1-based within its day
    day_number: int
    kind: str
    title: str
    description: str
    location: str
    planned_start: dt.time | None
    planned_end: dt.time | None
    duration_min: int
    actual_start: dt.datetime | None  # UTC
    actual_end: dt.datetime | None  # UTC
    speakers: tuple[str, ...]
    groups: tuple[CategoryGroup, ...]
    themes: tuple[ThemeRow, ...] = ()
    summary: str = ""

    @property
    def note_count(self) -> int:
        return sum(len(g.notes) for g in self.groups)

    @property
    def notes(self) -> tuple[NoteRow, ...]:
        return tuple(n for g in self.groups for n in g.notes)


@dataclass(frozen=True)
class DaySnapshot:
    id: int
    number: int
    date: dt.date | None
    title: str
    items: tuple[ItemSnapshot, ...]
    attendance: tuple[OrganisationGroup, ...]
    absent: tuple[Person, ...] = ()  # registered, not present that day
    apologies: tuple[int, ...] = ()  # ids of the absent who sent apologies

    @property
    def present_count(self) -> int:
        return sum(len(g.people) for g in self.attendance)


@dataclass(frozen=True)
class Snapshot:
    workshop: m.Workshop
    scope_day: int | None  # the day number of day minutes; None = the full event
    days: tuple[DaySnapshot, ...]
    categories: tuple[m.Category, ...]
    participants: tuple[Person, ...]
    attendance: tuple[OrganisationGroup, ...]  # whole event: everyone present at least once
    unassigned_notes: tuple[NoteRow, ...]  # full event only: notes with no agenda item
    actions: tuple[ActionRow, ...]
    polls: tuple[PollResult, ...] = ()
    themes: tuple[ThemeRow, ...] = ()  # themes not tied to an item
    ballots: tuple[BallotRow, ...] = ()  # for the CSV export; only of polls showing results
    generated_at: dt.datetime = field(default_factory=utcnow)
    logo: bytes | None = None  # the organiser's logo (PNG or JPEG), as the user gave it
    emblem: bytes | None = None  # the EU emblem, printed with "Co-funded by the EU"
    note_takers: tuple[str, ...] = ()  # who took the notes in scope
    ecosystem: MapSnapshot | None = None  # the ecosystem map (reports/map_section.py)

    @property
    def is_day(self) -> bool:
        return self.scope_day is not None

    def all_notes(self) -> list[NoteRow]:
        out = [n for d in self.days for i in d.items for n in i.notes]
        out.extend(self.unassigned_notes)
        return out

    def decisions(self) -> list[NoteRow]:
        return [n for n in self.all_notes() if n.is_decision]

    def counts_by_category(self) -> list[tuple[str, str, int]]:
        """``(category, colour, count)`` in category order, uncategorised last; no zeros."""
        counter = Counter(n.category for n in self.all_notes())
        out = [(c.name, c.colour, counter[c.name]) for c in self.categories if counter[c.name]]
        known = {c.name for c in self.categories}
        for name, count in sorted(counter.items()):
            if name and name not in known:
                out.append((name, "#808080", count))
        if counter[""]:
            out.append(("", "#808080", counter[""]))
        return out

    def is_empty(self) -> bool:
        return not (
            any(d.items or d.attendance for d in self.days)
            or self.unassigned_notes
            or self.actions
            or self.polls
            or self.themes
        )


def _group_attendance(people: Iterable[Person]) -> tuple[OrganisationGroup, ...]:
    by_org: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        by_org[p.organisation].append(p)
    named = sorted((k for k in by_org if k), key=str.casefold)
    keys = named + ([""] if "" in by_org else [])
    return tuple(
        OrganisationGroup(k, tuple(sorted(by_org[k], key=lambda p: p.name.casefold())))
        for k in keys
    )


def _note_row(
    n: m.Note,
    cats: dict[int, m.Category],
    item: m.AgendaItem | None,
    day_number: int | None,
    present: set[int] | None = None,
) -> NoteRow:
    cat = cats.get(n.category_id) if n.category_id is not None else None
    in_decisions = cat is not None and is_decision_category(cat.name)
    return NoteRow(
        id=n.id,
        uuid=n.uuid,
        text=n.text,
        category=cat.name if cat else "",
        colour=cat.colour if cat else "#808080",
        speaker=n.speaker_name,
        note_taker=n.note_taker,
        created_at=n.created_at,
        is_decision=n.is_decision or in_decisions,
        item_id=n.agenda_item_id,
        item_title=item.title if item else "",
        day_number=day_number,
        # only where attendance was taken that day: no list, nobody is "absent"
        speaker_absent=bool(present)
        and n.speaker_id is not None
        and n.speaker_id not in (present or set()),
        in_decision_category=in_decisions,
    )


def group_notes(
    notes: Sequence[NoteRow], categories: Sequence[m.Category]
) -> tuple[CategoryGroup, ...]:
    by_cat: dict[str, list[NoteRow]] = defaultdict(list)
    for n in notes:
        by_cat[n.category].append(n)
    out = []
    for c in categories:
        if by_cat.get(c.name):
            out.append(CategoryGroup(c.name, c.colour, tuple(by_cat.pop(c.name))))
    for name in sorted(k for k in by_cat if k):
        out.append(CategoryGroup(name, "#808080", tuple(by_cat.pop(name))))
    if by_cat.get(""):
        out.append(CategoryGroup("", "#808080", tuple(by_cat.pop(""))))
    return tuple(out)


def build_snapshot(
    svc: WorkshopService,
    day_id: int | None = None,
    *,
    polls: Sequence[PollResult] | None = None,
    themes: Sequence[ThemeRow] | None = None,
) -> Snapshot:
    """Read what the minutes of one day (``day_id``) or of the whole event need."""
    workshop = svc.workshop()
    venue = zone(workshop.time_zone)
    all_days = svc.days()
    number_of = {d.id: d.number for d in all_days}
    if day_id is not None:
        chosen = [d for d in all_days if d.id == day_id]
        if not chosen:
            chosen = [svc.day(day_id)]  # raises NotFound
    else:
        chosen = list(all_days)
    all_cats = {c.id: c for c in svc.categories_with_deleted()}
    categories = tuple(svc.categories())
    participants = svc.participants()
    present_by_day = {d.id: svc.present(d.id) for d in all_days}
    frame = MinutesService(svc)
    details = frame.participant_details()
    people = tuple(
        Person(
            id=p.id,
            name=p.name,
            organisation=p.organisation_name,
            role=p.role.value,
            email=p.email,
            days_present=tuple(number_of[d.id] for d in all_days if p.id in present_by_day[d.id]),
            job_title=details.get(p.id, ("", ""))[0],
            country=details.get(p.id, ("", ""))[1],
        )
        for p in participants
    )
    people_by_id = {p.id: p for p in people}

    every_item = {it.id: it for d in all_days for it in svc.items(d.id)}
    day_of_date = {d.date: d.number for d in all_days if d.date is not None}

    def day_of(note: m.Note) -> int | None:
        """The day a note belongs to: its item's, else the day of its date at the venue."""
        if note.agenda_item_id is not None:
            item = every_item.get(note.agenda_item_id)
            return number_of.get(item.day_id) if item is not None else None
        return day_of_date.get(note.created_at.astimezone(venue).date())

    def title_of(item_id: int | None) -> str:
        item = every_item.get(item_id) if item_id is not None else None
        return item.title if item is not None else ""

    extra_polls, extra_themes, extra_ballots = (
        _organise_extras(svc, day_of, title_of)
        if polls is None and themes is None
        else ((), (), ())
    )
    poll_list = tuple(polls) if polls is not None else extra_polls
    theme_list = tuple(themes) if themes is not None else extra_themes
    if day_id is not None:
        day_items = {it.id for it in every_item.values() if it.day_id in {d.id for d in chosen}}
        theme_list = tuple(
            t
            for t in (_theme_of_days(t, {d.number for d in chosen}) for t in theme_list)
            if t.notes or t.item_id in day_items
        )

    item_of: dict[int, m.AgendaItem] = {}
    days: list[DaySnapshot] = []
    for d in chosen:
        items = svc.items(d.id)
        for it in items:
            item_of[it.id] = it
        notes_by_item: dict[int, list[NoteRow]] = defaultdict(list)
        for n in svc.notes(day_id=d.id):
            if n.agenda_item_id is not None:
                owner = item_of.get(n.agenda_item_id)
                notes_by_item[n.agenda_item_id].append(
                    _note_row(n, all_cats, owner, d.number, present_by_day[d.id])
                )
        item_snaps = []
        for k, it in enumerate(items, start=1):
            item_snaps.append(
                ItemSnapshot(
                    id=it.id,
                    uuid=it.uuid,
                    number=k,
                    day_number=d.number,
                    kind=it.kind.value,
                    title=it.title,
                    description=it.description,
                    location=it.location,
                    planned_start=it.planned_start,
                    planned_end=it.planned_end,
                    duration_min=it.duration_min,
                    actual_start=it.actual_start,
                    actual_end=it.actual_end,
                    speakers=it.speaker_names,
                    groups=group_notes(notes_by_item.get(it.id, []), categories),
                    themes=tuple(t for t in theme_list if t.item_id == it.id),
                    summary=it.summary,
                )
            )
        present = [people_by_id[pid] for pid in present_by_day[d.id] if pid in people_by_id]
        # absentees only where attendance was taken that day
        absent = tuple(p for p in people if p.id not in present_by_day[d.id]) if present else ()
        days.append(
            DaySnapshot(
                id=d.id,
                number=d.number,
                date=d.date,
                title=d.title,
                items=tuple(item_snaps),
                attendance=_group_attendance(present),
                absent=absent,
                apologies=tuple(sorted(frame.apologies(d.id))),
            )
        )

    chosen_ids = {d.id for d in chosen}
    scope_numbers = {d.number for d in chosen}
    present_on = {number_of[d.id]: present_by_day[d.id] for d in all_days}
    unassigned = tuple(
        _note_row(n, all_cats, None, day_of(n), present_on.get(day_of(n) or 0))
        for n in svc.notes()
        if n.agenda_item_id is None and (day_id is None or day_of(n) in scope_numbers)
    )

    day_by_date = {d.date: d for d in chosen if d.date is not None}
    actions = []
    for a in svc.actions():
        item = item_of.get(a.agenda_item_id) if a.agenda_item_id is not None else None
        if item is None and a.note_id is not None:
            try:
                note = svc.note(a.note_id)
            except NotFound:
                note = None
            if note is not None and note.agenda_item_id is not None:
                item = item_of.get(note.agenda_item_id)
        if item is not None:
            belongs = item.day_id in chosen_ids
            number: int | None = number_of.get(item.day_id)
        elif a.agenda_item_id is not None:
            belongs, number = False, None  # an item of another day (or deleted)
        else:
            created_day = day_by_date.get(a.created_at.astimezone(venue).date())
            belongs = day_id is None or created_day is not None
            number = created_day.number if created_day else None
        if belongs:
            actions.append(
                ActionRow(
                    id=a.id,
                    uuid=a.uuid,
                    text=a.text,
                    owner=a.owner_name,
                    due_date=a.due_date,
                    status=a.status.value,
                    item_id=item.id if item else None,
                    item_title=item.title if item else "",
                    day_number=number,
                    created_at=a.created_at,
                )
            )

    if day_id is not None:
        poll_list = tuple(
            p
            for p in poll_list
            if (p.item_id is not None and p.item_id in item_of)
            or (p.item_id is None and p.day_number in scope_numbers)
        )
        extra_ballots = tuple(
            b for b in extra_ballots if b.item_id is not None and b.item_id in item_of
        )
    free_themes = tuple(t for t in theme_list if t.item_id is None or t.item_id not in item_of)

    present_anywhere = [p for p in people if p.days_present]
    takers = sorted(
        {n.note_taker.strip() for d in days for i in d.items for n in i.notes if n.note_taker}
        | {n.note_taker.strip() for n in unassigned if n.note_taker},
        key=str.casefold,
    )
    return Snapshot(
        logo=frame.image("logo"),
        emblem=frame.image("emblem"),
        note_takers=tuple(t for t in takers if t),
        workshop=workshop,
        scope_day=chosen[0].number if day_id is not None else None,
        days=tuple(days),
        categories=categories,
        participants=people,
        attendance=_group_attendance(present_anywhere),
        unassigned_notes=unassigned,
        actions=tuple(actions),
        polls=poll_list,
        themes=free_themes,
        ballots=extra_ballots,
        ecosystem=MapService(svc).snapshot(),
    )


def _theme_of_days(theme: ThemeRow, numbers: set[int]) -> ThemeRow:
    """``theme`` with only the notes of the days ``numbers``; the others are counted."""
    if not theme.note_days:
        return theme  # given by the caller without days: nothing to filter on
    keep = [k for k, day in enumerate(theme.note_days) if day in numbers]
    if len(keep) == len(theme.notes):
        return theme

    def pick(values: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(values[k] for k in keep if k < len(values))

    return dataclasses.replace(
        theme,
        notes=pick(theme.notes),
        note_ids=pick(theme.note_ids),
        note_items=pick(theme.note_items),
        note_places=pick(theme.note_places),
        note_days=pick(theme.note_days),
        other_days=theme.other_days + len(theme.notes) - len(keep),
    )


# --- themes, polls and ballots, from the organise service --------------------------------------


def _organise_extras(
    svc: WorkshopService,
    day_of: Callable[[m.Note], int | None] = lambda n: None,
    title_of: Callable[[int | None], str] = lambda i: "",
) -> tuple[tuple[PollResult, ...], tuple[ThemeRow, ...], tuple[BallotRow, ...]]:
    org = OrganiseService(svc)
    polls = tuple(_poll_from(p) for p in poll_results(svc) if p.state != "draft")
    rows = []
    for theme in org.themes():
        note_ids = list(theme.note_ids)
        by_id = svc.notes_by_ids(note_ids)
        live = [by_id[i] for i in note_ids if i in by_id and by_id[i].deleted_at is None]
        if not live:
            continue  # a theme whose notes all moved elsewhere says nothing
        rows.append(
            ThemeRow(
                title=theme.title,
                notes=tuple(n.text for n in live),
                item_id=theme.agenda_item_id,
                note_ids=tuple(n.id for n in live),
                note_items=tuple(n.agenda_item_id for n in live),
                note_places=tuple(title_of(n.agenda_item_id) for n in live),
                note_days=tuple(day_of(n) for n in live),
            )
        )
    return polls, tuple(rows), _ballots(org)


def _ballots(org: OrganiseService) -> tuple[BallotRow, ...]:
    out: list[BallotRow] = []
    for poll in org.polls():
        if poll.state is PollState.DRAFT or not poll.results_visible:
            continue  # hidden results stay hidden in exports too
        labels = {o.id: o.label for o in poll.options}
        criteria = [c.name for c in poll.criteria]
        for record in org.ballots(poll.id):
            for (option_id, criterion), value in sorted(record.ballot.values.items()):
                out.append(
                    BallotRow(
                        poll=poll.title,
                        ballot=record.uuid,
                        mode=CastMode(record.mode).value,
                        voter="" if poll.anonymous else record.voter_name,
                        voters=int(record.ballot.voters),
                        cast_at=record.cast_at,
                        option=labels.get(option_id, str(option_id)),
                        criterion=criteria[criterion] if 0 <= criterion < len(criteria) else "",
                        value=int(value),
                        item_id=poll.agenda_item_id,
                    )
                )
    return tuple(out)


def _number(text: Any) -> float:
    try:
        return float(str(text).replace(",", "."))
    except ValueError:
        return 0.0


_STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?): ?(.*)$", re.DOTALL)


def _reopening(value: Any) -> tuple[dt.datetime | None, str]:
    """``"2025-11-07T16:02+00:00: reason"`` (as organise writes it) → (time, reason)."""
    if isinstance(value, tuple) and len(value) == 2:
        return value[0], str(value[1])
    text = str(value)
    match = _STAMP.match(text)
    if match is None:
        return None, text
    try:
        when = dt.datetime.fromisoformat(match.group(1).replace("Z", "+00:00"))
    except ValueError:
        return None, text
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when, match.group(2)


def _poll_from(report: PollReport) -> PollResult:
    """An ``organise.PollReport`` as the :class:`PollResult` the reports draw."""
    rows = tuple(
        PollRow(
            label=r.option,
            score=_number(r.score),
            rank=r.rank,
            votes=r.first_preferences,
            score_text=r.score,
            tied=r.tied,
            extras=r.criterion_averages,
        )
        for r in report.rows
    )
    return PollResult(
        title=report.title,
        method=report.method,
        rules=report.rules,
        ballots=report.ballots,
        rows=rows,
        item_id=report.agenda_item_id,
        state=report.state,
        extra_headers=report.criteria,
        reopened=tuple(_reopening(x) for x in report.reopened),
        rules_by_language=report.rules_by_language,
    )
