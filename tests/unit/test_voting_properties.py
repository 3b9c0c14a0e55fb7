"""Property tests of the tallies (hypothesis)."""

from __future__ import annotations

import contextlib
import random
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import (
    Ballot,
    Criterion,
    Method,
    PollRules,
    tally,
    validate_ballot,
)

FAST = settings(max_examples=60, deadline=None)

options_st = st.lists(st.integers(1, 10_000), min_size=2, max_size=7, unique=True).map(tuple)


@st.composite
def dot_poll(draw: st.DrawFn) -> tuple[PollRules, list[Ballot]]:
    options = draw(options_st)
    dots = draw(st.integers(1, 8))
    cap = draw(st.none() | st.integers(1, dots))
    rules = PollRules(Method.DOT, options, dots_per_voter=dots, max_per_option=cap)
    ballots = draw(
        st.lists(
            st.dictionaries(st.sampled_from(options), st.integers(0, 10)).map(Ballot.dots),
            max_size=12,
        )
    )
    return rules, ballots


def accepted(rules: PollRules, ballots: list[Ballot]) -> list[Ballot]:
    out = []
    for b in ballots:
        with contextlib.suppress(ValidationError):
            out.append(validate_ballot(rules, b))
    return out


@FAST
@given(dot_poll())
def test_dot_totals_equal_what_was_cast_and_rules_hold(
    case: tuple[PollRules, list[Ballot]],
) -> None:
    rules, ballots = case
    good = accepted(rules, ballots)
    for b in good:  # no accepted ballot breaks the rules
        assert 0 < b.total() <= rules.dots_per_voter
        if rules.max_per_option is not None:
            assert all(v <= rules.max_per_option for v in b.values.values())
    result = tally(rules, good)
    assert sum(r.score for r in result.rows) == sum(b.total() for b in good)
    assert result.ballots == len(good)
    for option in rules.option_ids:
        assert result.row(option).score == sum(b.values.get((option, 0), 0) for b in good)


@FAST
@given(dot_poll())
def test_rejected_ballots_are_exactly_those_breaking_a_rule(
    case: tuple[PollRules, list[Ballot]],
) -> None:
    rules, ballots = case
    for b in ballots:
        total = b.total()
        breaks = (
            total == 0
            or total > rules.dots_per_voter
            or (
                rules.max_per_option is not None
                and any(v > rules.max_per_option for v in b.values.values())
            )
        )
        try:
            validate_ballot(rules, b)
            ok = True
        except ValidationError:
            ok = False
        assert ok is not breaks


@FAST
@given(dot_poll(), st.randoms(use_true_random=False))
def test_ranking_is_deterministic_and_ties_are_ties(
    case: tuple[PollRules, list[Ballot]], rnd: random.Random
) -> None:
    rules, ballots = case
    good = accepted(rules, ballots)
    shuffled = list(good)
    rnd.shuffle(shuffled)
    a, b = tally(rules, good), tally(rules, shuffled)
    assert a == b  # order of ballots does not matter
    rows = a.rows
    position = {o: i for i, o in enumerate(rules.option_ids)}
    for x, y in zip(rows, rows[1:], strict=False):
        assert (x.score, -position[x.option_id]) > (y.score, -position[y.option_id])
        if x.score == y.score:
            assert x.rank == y.rank and x.tied and y.tied
        else:
            assert y.rank == rows.index(y) + 1
    assert rows[0].rank == 1


@FAST
@given(options_st, st.integers(0, 15), st.randoms(use_true_random=False))
def test_borda_totals_equal_voters_times_triangle(
    options: tuple[int, ...], voters: int, rnd: random.Random
) -> None:
    rules = PollRules(Method.RANKED, options)
    ballots = []
    for _ in range(voters):
        order = list(options)
        rnd.shuffle(order)
        ballots.append(validate_ballot(rules, Ballot.ranking(order)))
    result = tally(rules, ballots)
    n = len(options)
    assert sum(r.score for r in result.rows) == voters * n * (n + 1) // 2
    assert sum(r.first_preferences for r in result.rows) == voters
    assert result.ballots == voters


@FAST
@given(
    options_st,
    st.lists(st.lists(st.integers(-2, 8), min_size=2, max_size=2), min_size=1, max_size=8),
)
def test_scores_accepted_only_inside_scale_and_averages_exact(
    options: tuple[int, ...], rows: list[list[int]]
) -> None:
    criteria = (Criterion("a", 1, 5, 2.0), Criterion("b", 0, 3))
    rules = PollRules(Method.SCORE, options, criteria=criteria)
    good = []
    for raw in rows:
        ballot = Ballot.scores({o: raw for o in options})
        inside = 1 <= raw[0] <= 5 and 0 <= raw[1] <= 3
        try:
            good.append(validate_ballot(rules, ballot))
            assert inside
        except ValidationError:
            assert not inside
    result = tally(rules, good)
    if good:
        avg_a = Fraction(sum(b.values[(options[0], 0)] for b in good), len(good))
        avg_b = Fraction(sum(b.values[(options[0], 1)] for b in good), len(good))
        r = result.row(options[0])
        assert r.criterion_averages == (avg_a, avg_b)
        assert r.score == 2 * avg_a + avg_b
        assert all(x.rank == 1 and x.tied for x in result.rows)  # identical ballots: all tie


@FAST
@given(options_st, st.lists(st.sets(st.integers(0, 6)), max_size=10))
def test_approval_counts(options: tuple[int, ...], picks: list[set[int]]) -> None:
    rules = PollRules(Method.APPROVAL, options)
    good = accepted(
        rules, [Ballot.approvals(options[i] for i in p if i < len(options)) for p in picks]
    )
    result = tally(rules, good)
    assert all(b.total() >= 1 for b in good)
    assert sum(r.score for r in result.rows) == sum(b.total() for b in good)
    assert all(r.score <= len(good) for r in result.rows)
