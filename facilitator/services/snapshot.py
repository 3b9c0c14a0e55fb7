"""Everything a report needs, read once from a workshop into plain frozen dataclasses.

A :class:`Snapshot` holds no connection: a PDF can be built from it on another thread
(or after the file is closed). Times stay UTC, as stored; the report formats them.

Themes, poll results and ballots come from ``facilitator.services.organise`` (see
:func:`_organise_extras`). Callers may also pass them in
(``build_snapshot(..., polls=..., themes=...)``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import model as m
from facilitator.domain.ecosystem import MapSnapshot
from facilitator.domain.errors import NotFound
from facilitator.domain.timeutil import utcnow
from facilitator.domain.voting import CastMode, PollState
from facilitator.services.ecosystem import MapService
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
    is_decision: bool
    item_id: int | None
    item_title: str = ""
    day_number: int | None = None


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
    note_ids: tuple[int, ...] = ()


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
) -> NoteRow:
    cat = cats.get(n.category_id) if n.category_id is not None else None
    return NoteRow(
        id=n.id,
        uuid=n.uuid,
        text=n.text,
        category=cat.name if cat else "",
        colour=cat.colour if cat else "#808080",
        speaker=n.speaker_name,
        note_taker=n.note_taker,
        created_at=n.created_at,
        is_decision=n.is_decision,
        item_id=n.agenda_item_id,
        item_title=item.title if item else "",
        day_number=day_number,
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
    people = tuple(
        Person(
            id=p.id,
            name=p.name,
            organisation=p.organisation_name,
            role=p.role.value,
            email=p.email,
            days_present=tuple(number_of[d.id] for d in all_days if p.id in present_by_day[d.id]),
        )
        for p in participants
    )
    people_by_id = {p.id: p for p in people}

    extra_polls, extra_themes, extra_ballots = (
        _organise_extras(svc) if polls is None and themes is None else ((), (), ())
    )
    poll_list = tuple(polls) if polls is not None else extra_polls
    theme_list = tuple(themes) if themes is not None else extra_themes

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
                notes_by_item[n.agenda_item_id].append(_note_row(n, all_cats, owner, d.number))
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
                )
            )
        present = [people_by_id[pid] for pid in present_by_day[d.id] if pid in people_by_id]
        days.append(
            DaySnapshot(
                id=d.id,
                number=d.number,
                date=d.date,
                title=d.title,
                items=tuple(item_snaps),
                attendance=_group_attendance(present),
            )
        )

    chosen_ids = {d.id for d in chosen}
    unassigned: tuple[NoteRow, ...] = ()
    if day_id is None:
        unassigned = tuple(
            _note_row(n, all_cats, None, None) for n in svc.notes() if n.agenda_item_id is None
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
            created_day = day_by_date.get(a.created_at.astimezone().date())
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

    scope_numbers = {d.number for d in chosen}
    if day_id is not None:
        poll_list = tuple(
            p
            for p in poll_list
            if (p.item_id is not None and p.item_id in item_of)
            or (p.item_id is None and p.day_number in scope_numbers)
        )
        day_note_ids = {n.id for d in days for i in d.items for n in i.notes}
        theme_list = tuple(
            t for t in theme_list if t.item_id in item_of or day_note_ids.intersection(t.note_ids)
        )
        extra_ballots = tuple(
            b for b in extra_ballots if b.item_id is not None and b.item_id in item_of
        )
    free_themes = tuple(t for t in theme_list if t.item_id is None or t.item_id not in item_of)

    present_anywhere = [p for p in people if p.days_present]
    return Snapshot(
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


# --- themes, polls and ballots, from the organise service --------------------------------------


def _organise_extras(
    svc: WorkshopService,
) -> tuple[tuple[PollResult, ...], tuple[ThemeRow, ...], tuple[BallotRow, ...]]:
    org = OrganiseService(svc)
    polls = tuple(_poll_from(p) for p in poll_results(svc) if p.state != "draft")
    rows = []
    for theme in org.themes():
        note_ids = list(theme.note_ids)
        by_id = svc.notes_by_ids(note_ids)
        texts = tuple(by_id[i].text for i in note_ids if i in by_id and by_id[i].deleted_at is None)
        if not texts:
            continue  # a theme whose notes all moved elsewhere says nothing
        rows.append(
            ThemeRow(
                title=theme.title,
                notes=texts,
                item_id=theme.agenda_item_id,
                note_ids=tuple(note_ids),
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
    )
