"""Ballot rules and tallies: examples a facilitator would check by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import (
    Ballot,
    Criterion,
    Method,
    PollRules,
    PollState,
    check_rules,
    default_criteria,
    format_score,
    rules_text,
    tally,
    validate_ballot,
)

OPTS = (10, 20, 30)


def dot(**kw: object) -> PollRules:
    return PollRules(Method.DOT, OPTS, dots_per_voter=3, **kw)  # type: ignore[arg-type]


def test_dot_ballot_within_limits_is_accepted_and_zeroes_dropped() -> None:
    b = validate_ballot(dot(), Ballot.dots({10: 2, 20: 1, 30: 0}))
    assert dict(b.values) == {(10, 0): 2, (20, 0): 1}


def test_too_many_dots_is_refused_with_the_numbers() -> None:
    with pytest.raises(ValidationError, match="too many dots: 4 placed, at most 3"):
        validate_ballot(dot(), Ballot.dots({10: 2, 20: 2}))


def test_cap_per_option_is_enforced() -> None:
    with pytest.raises(ValidationError, match="too many dots on one option: 2, at most 1"):
        validate_ballot(dot(max_per_option=1), Ballot.dots({10: 2}))


def test_tally_multiplies_limits_by_voters() -> None:
    rules = dot(max_per_option=2)
    validate_ballot(rules, Ballot.dots({10: 10, 20: 5}, voters=5))
    with pytest.raises(ValidationError, match="at most 15"):
        validate_ballot(rules, Ballot.dots({10: 10, 20: 6}, voters=5))


def test_vote_on_closed_or_draft_poll_is_refused() -> None:
    with pytest.raises(ValidationError, match="closed"):
        validate_ballot(dot(state=PollState.CLOSED), Ballot.dots({10: 1}))
    with pytest.raises(ValidationError, match="not open"):
        validate_ballot(dot(state=PollState.DRAFT), Ballot.dots({10: 1}))


def test_unknown_option_and_negative_values_are_refused() -> None:
    with pytest.raises(ValidationError, match="not in this poll"):
        validate_ballot(dot(), Ballot.dots({99: 1}))
    with pytest.raises(ValidationError, match="negative"):
        validate_ballot(dot(), Ballot.dots({10: -1, 20: 2}))


def test_empty_ballots_are_refused() -> None:
    with pytest.raises(ValidationError, match="empty"):
        validate_ballot(dot(), Ballot.dots({}))
    with pytest.raises(ValidationError, match="empty"):
        validate_ballot(PollRules(Method.APPROVAL, OPTS), Ballot.approvals([]))


def test_ranked_duplicate_and_incomplete_rankings_are_refused() -> None:
    rules = PollRules(Method.RANKED, OPTS)
    with pytest.raises(ValidationError, match="two options share rank 1"):
        validate_ballot(rules, Ballot({(10, 0): 1, (20, 0): 1, (30, 0): 2}))
    with pytest.raises(ValidationError, match="rank every option: 2 of 3"):
        validate_ballot(rules, Ballot.ranking([10, 20]))
    partial = PollRules(Method.RANKED, OPTS, require_complete=False)
    validate_ballot(partial, Ballot.ranking([30]))
    with pytest.raises(ValidationError, match="rank 1 is missing"):
        validate_ballot(partial, Ballot({(10, 0): 2}))


def test_ranked_tally_is_refused() -> None:
    with pytest.raises(ValidationError, match="dot and approval"):
        validate_ballot(
            PollRules(Method.RANKED, OPTS), Ballot({(10, 0): 1, (20, 0): 2, (30, 0): 3}, 2)
        )


def test_score_outside_scale_names_the_criterion() -> None:
    rules = PollRules(Method.SCORE, OPTS, criteria=default_criteria())
    with pytest.raises(ValidationError, match="score 6 is outside the scale 1–5 of “Impact”"):
        validate_ballot(rules, Ballot.scores({10: [6, 1, 1], 20: [1, 1, 1], 30: [1, 1, 1]}))
    with pytest.raises(ValidationError, match="score every option on every criterion: 3 of 9"):
        validate_ballot(rules, Ballot.scores({10: [1, 2, 3]}))


def test_score_zero_is_valid_on_a_zero_based_scale() -> None:
    rules = PollRules(Method.SCORE, (1, 2), criteria=(Criterion("x", 0, 3),))
    b = validate_ballot(rules, Ballot.scores({1: [0], 2: [3]}))
    assert b.values[(1, 0)] == 0


def test_dot_tally_ranking_with_ties_sharing_a_rank() -> None:
    rules = dot()
    result = tally(rules, [Ballot.dots({10: 1, 20: 2}), Ballot.dots({20: 1, 30: 3})])
    assert [(r.option_id, r.rank, r.score) for r in result.rows] == [
        (20, 1, 3),
        (30, 1, 3),
        (10, 3, 1),
    ]
    assert result.rows[0].tied and result.rows[1].tied and not result.rows[2].tied
    assert result.ballots == 2


def test_borda_points_and_first_preferences() -> None:
    rules = PollRules(Method.RANKED, OPTS)
    result = tally(rules, [Ballot.ranking([30, 10, 20]), Ballot.ranking([10, 30, 20])])
    row = {r.option_id: r for r in result.rows}
    assert (row[10].score, row[30].score, row[20].score) == (5, 5, 2)
    assert (row[10].first_preferences, row[30].first_preferences) == (1, 1)
    assert [r.option_id for r in result.rows] == [10, 30, 20]  # tie: poll order
    assert row[10].rank == row[30].rank == 1


def test_weighted_scores_and_criterion_averages() -> None:
    rules = PollRules(
        Method.SCORE,
        (1, 2),
        criteria=(Criterion("Impact", weight=2.0), Criterion("Feasibility")),
    )
    result = tally(
        rules, [Ballot.scores({1: [5, 1], 2: [3, 3]}), Ballot.scores({1: [4, 2], 2: [3, 4]})]
    )
    r1, r2 = result.row(1), result.row(2)
    assert r1.criterion_averages == (Fraction(9, 2), Fraction(3, 2))
    assert r1.score == 2 * Fraction(9, 2) + Fraction(3, 2)  # 10.5
    assert r2.score == 2 * 3 + Fraction(7, 2)  # 9.5
    assert format_score(r1.score, Method.SCORE) == "10.50"


def test_rules_must_make_sense() -> None:
    with pytest.raises(ValidationError, match="at least two options"):
        check_rules(PollRules(Method.DOT, (1,)))
    with pytest.raises(ValidationError, match="cap per option"):
        check_rules(PollRules(Method.DOT, (1, 2), dots_per_voter=3, max_per_option=4))
    with pytest.raises(ValidationError, match="at least one criterion"):
        check_rules(PollRules(Method.SCORE, (1, 2)))
    with pytest.raises(ValidationError, match="scale"):
        check_rules(PollRules(Method.SCORE, (1, 2), criteria=(Criterion("a", 5, 1),)))


def test_rules_text_in_both_languages() -> None:
    rules = PollRules(Method.DOT, (1, 2), dots_per_voter=5, max_per_option=2)
    assert rules_text(rules) == "Dot voting: 5 dots per voter, at most 2 per option."
    assert rules_text(rules, "it") == "Voto a punti: 5 punti a testa, al massimo 2 per opzione."
    assert "Impatto" in rules_text(
        PollRules(Method.SCORE, (1, 2), criteria=default_criteria("it")), "it"
    )
