"""Use cases of organising and deciding: themes, solutions, decisions, polls, ballots.

No Qt, no SQL. Every method validates first (``ValidationError`` with a sentence,
nothing written) and every undoable method returns what its inverse needs:

- ``create_theme`` → (theme id, previous memberships); undo with ``undo_create_theme``;
- ``move_notes``/``ungroup`` → previous memberships for ``set_memberships``;
- ``rename_theme``/``update_solution``/``update_poll`` → the old record;
- ``cast_ballot`` → a :class:`Receipt`; undo with ``withdraw_ballot``.

Poll state changes are not undoable: they are events recorded in the file
(``poll_events``), and reopening a closed poll needs a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from facilitator.domain import validation as v
from facilitator.domain.errors import NotFound, ValidationError
from facilitator.domain.organise import BallotRecord, Poll, PollEvent, Solution, Theme
from facilitator.domain.voting import (
    Ballot,
    CastMode,
    Criterion,
    Method,
    PollResult,
    PollRules,
    PollState,
    check_rules,
    default_criteria,
    format_score,
    rules_text,
    shown_total,
    tally,
    validate_ballot,
)
from facilitator.services.workshop import WorkshopService
from facilitator.storage.organise import OrganiseRepository

Memberships = dict[int, int | None]  # note id -> theme id (None: in no theme)


@dataclass(frozen=True)
class Receipt:
    """What casting a ballot did, so it can be withdrawn (undo) and cast again (redo)."""

    ballot_id: int
    poll_id: int
    voter_id: int | None  # recorded in poll_voters (also for anonymous polls)


@dataclass(frozen=True)
class PollVersion:
    """A draft poll exactly as stored (its option and criterion rows with their ids), so
    an edit can be undone and redone without new rows."""

    settings: PollSettings
    options: tuple[Any, ...]
    criteria: tuple[Any, ...]


@dataclass(frozen=True)
class PollSettings:
    title: str
    method: Method
    options: tuple[tuple[str, int | None], ...]  # (label, solution id or None)
    agenda_item_id: int | None = None
    anonymous: bool = True
    hide_results: bool = True
    dots_per_voter: int = 5
    max_per_option: int | None = None
    require_complete: bool = True
    criteria: tuple[Criterion, ...] = ()


class OrganiseService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = OrganiseRepository(svc.file)

    @property
    def language(self) -> str:
        return self.svc.workshop().language.value

    # --- themes -------------------------------------------------------------------------

    def themes(self) -> list[Theme]:
        return self.repo.list_themes()

    def theme(self, theme_id: int) -> Theme:
        t = self.repo.get_theme(theme_id)
        if t is None:
            raise NotFound(f"no theme {theme_id}")
        return t

    def ungrouped_note_ids(self) -> list[int]:
        return self.repo.ungrouped_note_ids()

    def _check_notes(self, note_ids: Iterable[int]) -> list[int]:
        ids = list(dict.fromkeys(note_ids))
        found = self.svc.notes_by_ids(ids)
        for n in ids:
            if n not in found or found[n].deleted_at is not None:
                raise ValidationError("notes", f"unknown note {n}")
        return ids

    def create_theme(
        self, title: str, note_ids: Sequence[int], agenda_item_id: int | None = None
    ) -> tuple[int, Memberships]:
        """Group notes into a new theme. Returns (theme id, the notes' previous themes)."""
        title = v.clean_line(title, "title")
        ids = self._check_notes(note_ids)
        if not ids:
            raise ValidationError("notes", "select at least one note to make a theme")
        if agenda_item_id is None:
            agenda_item_id = self._common_item(ids)
        with self.svc.file.writing():
            theme_id = self.repo.add_theme(title, agenda_item_id)
            previous = self.set_memberships(dict.fromkeys(ids, theme_id))
        return theme_id, previous

    def undo_create_theme(self, theme_id: int, previous: Mapping[int, int | None]) -> None:
        with self.svc.file.writing():
            self.repo.set_memberships(previous)
            self.repo.set_theme_deleted(theme_id, True)

    def redo_create_theme(self, theme_id: int, note_ids: Iterable[int]) -> Memberships:
        with self.svc.file.writing():
            self.repo.set_theme_deleted(theme_id, False)
            return self.set_memberships(dict.fromkeys(note_ids, theme_id))

    def set_memberships(self, memberships: Mapping[int, int | None]) -> Memberships:
        """Put notes in themes (None: out of any theme). Returns the previous memberships."""
        for theme_id in {t for t in memberships.values() if t is not None}:
            self.theme(theme_id)
        previous = self.repo.theme_of_notes(memberships)
        self.repo.set_memberships(memberships)
        return previous

    def move_notes(self, note_ids: Sequence[int], theme_id: int | None) -> Memberships:
        """Move notes into ``theme_id`` (None: take them out of their theme)."""
        ids = self._check_notes(note_ids)
        return self.set_memberships(dict.fromkeys(ids, theme_id))

    def rename_theme(self, theme_id: int, title: str) -> str:
        old = self.theme(theme_id)
        self.repo.rename_theme(theme_id, v.clean_line(title, "title"))
        return old.title

    def ungroup(self, theme_id: int) -> Memberships:
        """Dissolve a theme; its notes become ungrouped. Returns the memberships to restore
        (undo: ``restore_theme`` then ``set_memberships``)."""
        self.theme(theme_id)
        # Every member, deleted notes too: none may stay filed under a deleted theme.
        members = self.repo.all_member_ids(theme_id)
        previous: Memberships = dict.fromkeys(members, theme_id)
        with self.svc.file.writing():
            self.repo.set_memberships(dict.fromkeys(members))
            self.repo.set_theme_deleted(theme_id, True)
        return previous

    def restore_theme(self, theme_id: int, memberships: Mapping[int, int | None] = {}) -> None:
        with self.svc.file.writing():
            self.repo.set_theme_deleted(theme_id, False)
            self.repo.set_memberships(memberships)

    def _common_item(self, note_ids: Sequence[int]) -> int | None:
        notes = self.svc.notes_by_ids(list(note_ids))
        items = Counter(n.agenda_item_id for n in notes.values() if n.agenda_item_id)
        return items.most_common(1)[0][0] if items else None

    # --- decisions ------------------------------------------------------------------------

    def set_decision(self, note_id: int, is_decision: bool) -> bool:
        """Mark a note as a decision (or not). Returns the previous flag."""
        return self.svc.update_note(note_id, is_decision=is_decision).is_decision

    def decisions(self) -> list[int]:
        return [n.id for n in self.svc.notes() if n.is_decision]

    # --- solutions ------------------------------------------------------------------------

    def solutions(self) -> list[Solution]:
        return self.repo.list_solutions()

    def solution(self, solution_id: int) -> Solution:
        s = self.repo.get_solution(solution_id)
        if s is None:
            raise NotFound(f"no solution {solution_id}")
        return s

    def add_solution(
        self,
        title: str,
        description: str = "",
        *,
        note_ids: Sequence[int] = (),
        agenda_item_id: int | None = None,
        theme_id: int | None = None,
    ) -> int:
        title = v.clean_line(title, "title")
        description = v.clean_text(description, "description", required=False, max_len=20_000)
        ids = self._check_notes(note_ids)
        if agenda_item_id is not None:
            self.svc.item(agenda_item_id)
        if theme_id is not None:
            self.theme(theme_id)
        return self.repo.add_solution(title, description.strip(), agenda_item_id, theme_id, ids)

    def promote_note(self, note_id: int, title: str | None = None, description: str = "") -> int:
        """Make a solution from one note: the note's first line is the default title."""
        note = self.svc.note(note_id)
        if title is None:
            title = _title_from(note.text)
        return self.add_solution(
            title,
            description or (note.text if len(note.text) > len(title) else ""),
            note_ids=[note_id],
            agenda_item_id=note.agenda_item_id,
        )

    def promote_theme(self, theme_id: int, title: str | None = None, description: str = "") -> int:
        theme = self.theme(theme_id)
        return self.add_solution(
            title or theme.title,
            description,
            note_ids=theme.note_ids,
            agenda_item_id=theme.agenda_item_id,
            theme_id=theme_id,
        )

    def update_solution(self, solution_id: int, **fields: Any) -> Solution:
        """Change title, description, agenda_item_id or note_ids. Returns the old solution."""
        old = self.solution(solution_id)
        unknown = set(fields) - {"title", "description", "agenda_item_id", "note_ids"}
        if unknown:
            raise ValidationError("solution", f"unknown solution fields: {sorted(unknown)}")
        title = v.clean_line(fields.get("title", old.title), "title")
        description = v.clean_text(
            fields.get("description", old.description),
            "description",
            required=False,
            max_len=20_000,
        )
        item = fields.get("agenda_item_id", old.agenda_item_id)
        if item is not None:
            self.svc.item(item)
        notes = self._check_notes(fields.get("note_ids", old.note_ids))
        self.repo.update_solution(solution_id, title, description.strip(), item, notes)
        return old

    def delete_solution(self, solution_id: int) -> None:
        self.solution(solution_id)
        self.repo.set_solution_deleted(solution_id, True)

    def restore_solution(self, solution_id: int) -> None:
        self.repo.set_solution_deleted(solution_id, False)

    # --- polls -----------------------------------------------------------------------------

    def polls(self) -> list[Poll]:
        return self.repo.list_polls()

    def poll(self, poll_id: int) -> Poll:
        p = self.repo.get_poll(poll_id)
        if p is None:
            raise NotFound(f"no poll {poll_id}")
        return p

    def default_settings(self, title: str, method: Method) -> PollSettings:
        """A poll on every current solution, with the house defaults."""
        options = tuple((s.title, s.id) for s in self.solutions())
        return PollSettings(
            title=title,
            method=method,
            options=options,
            criteria=default_criteria(self.language) if method is Method.SCORE else (),
        )

    def _clean_settings(self, s: PollSettings) -> PollSettings:
        title = v.clean_line(s.title, "title")
        method = Method(s.method)
        options: list[tuple[str, int | None]] = []
        for label, solution_id in s.options:
            if solution_id is not None:
                sol = self.solution(solution_id)
                label = label or sol.title
            options.append((v.clean_line(label, "option"), solution_id))
        labels = [lab.lower() for lab, _ in options]
        if len(set(labels)) != len(labels):
            raise ValidationError("options", "two options have the same text")
        criteria = tuple(replace(c, name=v.clean_line(c.name, "criterion")) for c in s.criteria)
        if s.agenda_item_id is not None:
            self.svc.item(s.agenda_item_id)
        clean = replace(
            s,
            title=title,
            method=method,
            options=tuple(options),
            criteria=criteria if method is Method.SCORE else (),
            max_per_option=s.max_per_option if method is Method.DOT else None,
        )
        check_rules(
            PollRules(
                method=method,
                option_ids=tuple(range(len(options))),
                dots_per_voter=clean.dots_per_voter,
                max_per_option=clean.max_per_option,
                criteria=clean.criteria,
                require_complete=clean.require_complete,
            )
        )
        return clean

    def create_poll(self, settings: PollSettings) -> int:
        s = self._clean_settings(settings)
        return self.repo.add_poll(
            s.title,
            s.method,
            s.agenda_item_id,
            s.anonymous,
            s.hide_results,
            s.dots_per_voter,
            s.max_per_option,
            s.require_complete,
            s.options,
            s.criteria,
        )

    def settings_of(self, poll: Poll) -> PollSettings:
        return PollSettings(
            title=poll.title,
            method=poll.method,
            options=tuple((o.label, o.solution_id) for o in poll.options),
            agenda_item_id=poll.agenda_item_id,
            anonymous=poll.anonymous,
            hide_results=poll.hide_results,
            dots_per_voter=poll.dots_per_voter,
            max_per_option=poll.max_per_option,
            require_complete=poll.require_complete,
            criteria=poll.criteria,
        )

    def update_poll(self, poll_id: int, settings: PollSettings) -> PollSettings:
        """Change a draft poll. Returns its old settings (undo: update with them)."""
        poll = self._draft(poll_id)
        s = self._clean_settings(settings)
        self.repo.update_poll(
            poll_id,
            s.title,
            s.method,
            s.agenda_item_id,
            s.anonymous,
            s.hide_results,
            s.dots_per_voter,
            s.max_per_option,
            s.require_complete,
            s.options,
            s.criteria,
        )
        return self.settings_of(poll)

    def poll_version(self, poll_id: int) -> PollVersion:
        options, criteria = self.repo.poll_rows(poll_id)
        return PollVersion(self.settings_of(self.poll(poll_id)), options, criteria)

    def set_poll_version(self, poll_id: int, version: PollVersion) -> None:
        """Put a draft poll back as it was stored (undo/redo of an edit)."""
        self._draft(poll_id)
        s = version.settings
        with self.svc.file.writing():
            self.repo.update_poll(
                poll_id,
                s.title,
                Method(s.method),
                s.agenda_item_id,
                s.anonymous,
                s.hide_results,
                s.dots_per_voter,
                s.max_per_option,
                s.require_complete,
                (),
                (),
            )
            self.repo.put_poll_rows(poll_id, version.options, version.criteria)

    def _draft(self, poll_id: int) -> Poll:
        """The poll, if it is still a draft (only drafts can be changed)."""
        poll = self.poll(poll_id)
        if poll.state is not PollState.DRAFT:
            raise ValidationError(
                "poll", "only a draft poll can be changed: this one has been opened"
            )
        return poll

    def delete_poll(self, poll_id: int) -> None:
        self.poll(poll_id)
        self.repo.set_poll_deleted(poll_id, True)

    def restore_poll(self, poll_id: int) -> None:
        self.repo.set_poll_deleted(poll_id, False)

    def open_poll(self, poll_id: int, at: dt.datetime | None = None) -> None:
        poll = self.poll(poll_id)
        if poll.state is PollState.OPEN:
            return
        if poll.state is PollState.CLOSED:
            raise ValidationError(
                "poll", "the poll is closed: reopen it explicitly, giving a reason"
            )
        self.repo.set_poll_state(poll_id, PollState.OPEN, "opened", "", at)

    def close_poll(self, poll_id: int, at: dt.datetime | None = None) -> None:
        poll = self.poll(poll_id)
        if poll.state is not PollState.OPEN:
            raise ValidationError("poll", "only an open poll can be closed")
        self.repo.set_poll_state(poll_id, PollState.CLOSED, "closed", "", at)

    def reopen_poll(self, poll_id: int, reason: str, at: dt.datetime | None = None) -> None:
        """Reopen a closed poll. The time and the reason are recorded in the file."""
        poll = self.poll(poll_id)
        if poll.state is not PollState.CLOSED:
            raise ValidationError("poll", "only a closed poll can be reopened")
        reason = v.clean_line(reason, "reason")
        self.repo.set_poll_state(poll_id, PollState.OPEN, "reopened", reason, at)

    def events(self, poll_id: int) -> list[PollEvent]:
        return self.repo.poll_events(poll_id)

    # --- ballots -----------------------------------------------------------------------

    def ballots(self, poll_id: int) -> list[BallotRecord]:
        return self.repo.list_ballots(poll_id)

    def ballot_count(self, poll_id: int) -> int:
        return self.repo.count_ballots(poll_id)

    def voted(self, poll_id: int) -> set[int]:
        """Participants who have voted (named or anonymous polls alike)."""
        return self.repo.voted(poll_id)

    def check_ballot(self, poll_id: int, ballot: Ballot, mode: CastMode) -> Ballot:
        poll = self.poll(poll_id)
        if mode is not CastMode.TALLY and ballot.voters != 1:
            raise ValidationError("voters", "one voter casts one ballot")
        if mode is CastMode.TALLY and poll.method not in (Method.DOT, Method.APPROVAL):
            raise ValidationError(
                "mode", "paper tallies are possible for dot and approval polls only"
            )
        return validate_ballot(poll.rules, ballot)

    def cast_ballot(
        self,
        poll_id: int,
        ballot: Ballot,
        mode: CastMode = CastMode.KIOSK,
        voter_id: int | None = None,
    ) -> Receipt:
        """Store one ballot (or one paper tally). Nothing is stored if it breaks a rule."""
        poll = self.poll(poll_id)
        clean = self.check_ballot(poll_id, ballot, mode)
        if mode is CastMode.VOTER:
            if voter_id is None:
                raise ValidationError("voter", "choose who is voting")
            voter = self.svc.participant(voter_id)
            if voter_id in self.repo.voted(poll_id):
                raise ValidationError(
                    "voter", f"{voter.name} has already voted in this poll", voter=voter.name
                )
        elif voter_id is not None:
            raise ValidationError("voter", "kiosk and tally ballots carry no voter")
        with self.svc.file.writing():
            stored_voter = None if poll.anonymous else voter_id
            ballot_id = self.repo.add_ballot(poll_id, mode, stored_voter, clean)
            if voter_id is not None:
                self.repo.set_voted(poll_id, voter_id, True)
        return Receipt(ballot_id, poll_id, voter_id)

    def _check_open_for(self, ballot_id: int) -> int:
        found = self.repo.ballot_poll(ballot_id)
        if found is None:
            raise NotFound(f"no ballot {ballot_id}")
        poll = self.poll(found[0])
        if poll.state is not PollState.OPEN:
            raise ValidationError("poll", "the poll is closed: its ballots cannot change")
        return found[0]

    def withdraw_ballot(self, receipt: Receipt) -> None:
        """Remove a ballot of an open poll (undo of a cast, or a wrong entry)."""
        self._check_open_for(receipt.ballot_id)
        with self.svc.file.writing():
            if not self.repo.set_ballot_deleted(receipt.ballot_id, True):
                raise NotFound(f"ballot {receipt.ballot_id} was withdrawn already")
            if receipt.voter_id is not None:
                self.repo.set_voted(receipt.poll_id, receipt.voter_id, False)

    def restore_ballot(self, receipt: Receipt) -> None:
        """Put a withdrawn ballot back (redo of a cast)."""
        self._check_open_for(receipt.ballot_id)
        if receipt.voter_id is not None and receipt.voter_id in self.repo.voted(receipt.poll_id):
            raise ValidationError("voter", "this participant has voted again meanwhile")
        with self.svc.file.writing():
            self.repo.set_ballot_deleted(receipt.ballot_id, False)
            if receipt.voter_id is not None:
                self.repo.set_voted(receipt.poll_id, receipt.voter_id, True)

    def receipt_for(self, record: BallotRecord) -> Receipt:
        return Receipt(record.id, record.poll_id, record.voter_id)

    # --- results ------------------------------------------------------------------------

    def result(self, poll_id: int) -> PollResult:
        poll = self.poll(poll_id)
        return tally(poll.rules, [b.ballot for b in self.ballots(poll_id)])

    def rules_text(self, poll: Poll) -> str:
        return rules_text(poll.rules, self.language)

    def counts(self) -> dict[str, int]:
        return self.repo.counts()


def _title_from(text: str, limit: int = 80) -> str:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


# --- for reports ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultLine:
    rank: int
    option: str
    score: str  # formatted: whole numbers for dots/approvals/Borda, 2 decimals for scores
    tied: bool
    first_preferences: int | None  # ranked choice only
    criterion_averages: tuple[str, ...]  # scoring only, formatted, in criteria order


@dataclass(frozen=True)
class PollReport:
    title: str
    method: str  # dot, score, ranked, approval
    state: str  # draft, open, closed
    agenda_item_id: int | None
    rules: str  # one sentence in the workshop's language
    ballots: int
    criteria: tuple[str, ...]  # criterion names (scoring only)
    rows: tuple[ResultLine, ...]
    reopened: tuple[str, ...]  # "2025-11-07T16:02:00Z: reason" for each reopening
    # the rules in every report language: a report in English of an Italian workshop
    # says them in English
    rules_by_language: tuple[tuple[str, str], ...] = ()


def poll_results(svc: WorkshopService, *, closed_only: bool = False) -> list[PollReport]:
    """Every poll with its results as plain data, for the PDF and Markdown reports.

    Polls whose results are hidden until closing and that are not closed have no rows.
    """
    org = OrganiseService(svc)
    out: list[PollReport] = []
    for poll in org.polls():
        if closed_only and poll.state is not PollState.CLOSED:
            continue
        result = org.result(poll.id)
        rows: tuple[ResultLine, ...] = ()
        if poll.results_visible:
            rows = tuple(
                ResultLine(
                    rank=r.rank,
                    option=poll.option(r.option_id).label,
                    score=format_score(
                        shown_total(r, poll.criteria) if poll.method is Method.SCORE else r.score,
                        poll.method,
                    ),
                    tied=r.tied,
                    first_preferences=r.first_preferences if poll.method is Method.RANKED else None,
                    criterion_averages=tuple(
                        format_score(a, Method.SCORE) for a in r.criterion_averages
                    ),
                )
                for r in result.rows
            )
        out.append(
            PollReport(
                title=poll.title,
                method=poll.method.value,
                state=poll.state.value,
                agenda_item_id=poll.agenda_item_id,
                rules=org.rules_text(poll),
                rules_by_language=tuple(
                    (lang, rules_text(poll.rules, lang)) for lang in ("it", "en")
                ),
                ballots=result.ballots,
                criteria=tuple(c.name for c in poll.criteria)
                if poll.method is Method.SCORE
                else (),
                rows=rows,
                reopened=tuple(
                    f"{e.at.isoformat(timespec='minutes')}: {e.reason}"
                    for e in org.events(poll.id)
                    if e.event == "reopened"
                ),
            )
        )
    return out
