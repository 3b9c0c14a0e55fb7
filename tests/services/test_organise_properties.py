"""Property: on a real file, every ballot is either stored whole or refused with nothing
stored, and the stored results equal the tally of what was accepted."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method, tally
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService

ballots_st = st.lists(
    st.tuples(
        st.dictionaries(st.integers(0, 3), st.integers(-1, 4), max_size=4),
        st.integers(1, 3),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(ballots_st)
def test_dot_ballots_stored_whole_or_not_at_all(
    svc: WorkshopService, raw: list[tuple[dict[int, int], int]]
) -> None:
    org = OrganiseService(svc)
    pid = org.create_poll(
        PollSettings(
            "Q",
            Method.DOT,
            (("A", None), ("B", None), ("C", None)),
            dots_per_voter=3,
            max_per_option=2,
        )
    )
    org.open_poll(pid)
    options = [o.id for o in org.poll(pid).options]
    accepted: list[Ballot] = []
    for values, voters in raw:
        # index 3 is not an option of the poll: such ballots must be refused
        ids = {(options[i] if i < 3 else 10_000 + i): v for i, v in values.items()}
        ballot = Ballot.dots(ids, voters=voters)
        before = org.ballot_count(pid)
        mode = CastMode.TALLY if voters > 1 else CastMode.KIOSK
        try:
            org.cast_ballot(pid, ballot, mode)
        except ValidationError:
            assert org.ballot_count(pid) == before
            continue
        assert org.ballot_count(pid) == before + voters
        accepted.append(ballot)
        total = sum(v for v in values.values())
        assert 0 < total <= 3 * voters
        assert all(0 <= v <= 2 * voters for v in values.values())
    stored = org.result(pid)
    expected = tally(org.poll(pid).rules, accepted)
    assert [(r.option_id, r.score, r.rank) for r in stored.rows] == [
        (r.option_id, r.score, r.rank) for r in expected.rows
    ]
    org.close_poll(pid)
