"""Plain data of themes, solutions and polls. No Qt, no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.domain.voting import Ballot, CastMode, Criterion, Method, PollRules, PollState


@dataclass(frozen=True)
class Theme:
    id: int
    uuid: str
    title: str
    agenda_item_id: int | None
    position: int
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Solution:
    id: int
    uuid: str
    title: str
    description: str
    agenda_item_id: int | None
    theme_id: int | None
    position: int
    note_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PollOption:
    id: int
    uuid: str
    position: int
    label: str
    solution_id: int | None


@dataclass(frozen=True)
class PollEvent:
    event: str  # opened, closed, reopened
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class Poll:
    id: int
    uuid: str
    title: str
    method: Method
    agenda_item_id: int | None
    state: PollState
    anonymous: bool
    hide_results: bool
    dots_per_voter: int
    max_per_option: int | None
    require_complete: bool
    options: tuple[PollOption, ...] = ()
    criteria: tuple[Criterion, ...] = ()

    @property
    def rules(self) -> PollRules:
        return PollRules(
            method=self.method,
            option_ids=tuple(o.id for o in self.options),
            state=self.state,
            dots_per_voter=self.dots_per_voter,
            max_per_option=self.max_per_option,
            criteria=self.criteria if self.method is Method.SCORE else (),
            require_complete=self.require_complete,
        )

    def option(self, option_id: int) -> PollOption:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)

    @property
    def results_visible(self) -> bool:
        return self.state is PollState.CLOSED or not self.hide_results


@dataclass(frozen=True)
class BallotRecord:
    id: int
    uuid: str
    poll_id: int
    mode: CastMode
    voter_id: int | None
    voter_name: str
    cast_at: dt.datetime
    ballot: Ballot
