"""Themes, solutions, decisions, polls and ballots on a real workshop file."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method, PollState
from facilitator.services.organise import (
    OrganiseService,
    PollSettings,
    Receipt,
    poll_results,
)
from facilitator.services.workshop import WorkshopService


@pytest.fixture
def org(svc: WorkshopService) -> OrganiseService:
    return OrganiseService(svc)


def notes(svc: WorkshopService, *texts: str) -> list[int]:
    return [svc.add_note(t).id for t in texts]


def test_theme_group_move_rename_ungroup_and_their_inverses(
    svc: WorkshopService, org: OrganiseService
) -> None:
    a, b, c = notes(svc, "a", "b", "c")
    t1, prev = org.create_theme("Funding", [a, b])
    assert prev == {a: None, b: None}
    assert org.theme(t1).note_ids == (a, b)
    t2, _ = org.create_theme("People", [c])
    moved = org.move_notes([b], t2)
    assert moved == {b: t1}
    assert org.theme(t2).note_ids == (b, c)
    org.set_memberships(moved)  # undo the move
    assert org.theme(t1).note_ids == (a, b)
    assert org.rename_theme(t1, "Money") == "Funding"
    assert org.theme(t1).title == "Money"
    members = org.ungroup(t1)
    assert [t.id for t in org.themes()] == [t2]
    assert set(org.ungrouped_note_ids()) == {a, b}
    org.restore_theme(t1, members)
    assert org.theme(t1).note_ids == (a, b)
    org.undo_create_theme(t2, {c: None})
    assert [t.id for t in org.themes()] == [t1]


def test_theme_needs_title_and_notes(svc: WorkshopService, org: OrganiseService) -> None:
    (a,) = notes(svc, "a")
    with pytest.raises(ValidationError, match="title must not be empty"):
        org.create_theme("  ", [a])
    with pytest.raises(ValidationError, match="at least one note"):
        org.create_theme("x", [])
    with pytest.raises(ValidationError, match="unknown note 999"):
        org.create_theme("x", [999])
    assert org.themes() == []


def test_promote_note_and_theme_to_solutions(svc: WorkshopService, org: OrganiseService) -> None:
    item = svc.add_item(svc.days()[0].id, "Visita")
    n1 = svc.add_note("Co-design tables with the third sector\nmore detail", agenda_item_id=item).id
    (n2,) = notes(svc, "b")
    s1 = org.promote_note(n1)
    sol = org.solution(s1)
    assert sol.title == "Co-design tables with the third sector"
    assert sol.note_ids == (n1,) and sol.agenda_item_id == item
    t, _ = org.create_theme("Shared spaces", [n1, n2])
    s2 = org.promote_theme(t)
    assert org.solution(s2).title == "Shared spaces"
    assert org.solution(s2).note_ids == (n1, n2)
    assert org.solution(s2).theme_id == t
    old = org.update_solution(s2, title="Neighbourhood houses", description="why")
    assert old.title == "Shared spaces"
    org.delete_solution(s1)
    assert [s.id for s in org.solutions()] == [s2]
    org.restore_solution(s1)
    assert [s.id for s in org.solutions()] == [s1, s2]


def test_mark_decision(svc: WorkshopService, org: OrganiseService) -> None:
    (a,) = notes(svc, "We adopt the charter")
    assert org.set_decision(a, True) is False
    assert org.decisions() == [a]


def make_poll(org: OrganiseService, method: Method, **kw: object) -> int:
    settings = PollSettings(
        title="Which travels best?",
        method=method,
        options=(("A", None), ("B", None), ("C", None)),
        **kw,  # type: ignore[arg-type]
    )
    if method is Method.SCORE and "criteria" not in kw:
        settings = org.default_settings("x", Method.SCORE).__class__(
            **{**settings.__dict__, "criteria": org.default_settings("x", Method.SCORE).criteria}
        )
    return org.create_poll(settings)


def test_poll_lifecycle_with_recorded_reopening(org: OrganiseService) -> None:
    pid = make_poll(org, Method.DOT, dots_per_voter=3)
    poll = org.poll(pid)
    assert poll.state is PollState.DRAFT
    a = poll.options[0].id
    with pytest.raises(ValidationError, match="not open yet"):
        org.cast_ballot(pid, Ballot.dots({a: 1}))
    org.open_poll(pid)
    org.cast_ballot(pid, Ballot.dots({a: 2}))
    with pytest.raises(ValidationError, match="only a draft"):
        org.update_poll(pid, org.settings_of(org.poll(pid)))
    org.close_poll(pid)
    with pytest.raises(ValidationError, match="closed"):
        org.cast_ballot(pid, Ballot.dots({a: 1}))
    with pytest.raises(ValidationError, match="reopen it explicitly"):
        org.open_poll(pid)
    with pytest.raises(ValidationError, match="reason must not be empty"):
        org.reopen_poll(pid, "")
    org.reopen_poll(pid, "Two voters arrived late")
    events = org.events(pid)
    assert [e.event for e in events] == ["opened", "closed", "reopened"]
    assert events[-1].reason == "Two voters arrived late"
    assert events[-1].at.tzinfo is not None
    org.cast_ballot(pid, Ballot.dots({a: 1}))
    assert org.ballot_count(pid) == 2


def test_bad_ballot_is_rejected_and_nothing_stored(org: OrganiseService) -> None:
    pid = make_poll(org, Method.DOT, dots_per_voter=3, max_per_option=2)
    org.open_poll(pid)
    a, b, _ = (o.id for o in org.poll(pid).options)
    with pytest.raises(ValidationError, match="too many dots: 4 placed, at most 3"):
        org.cast_ballot(pid, Ballot.dots({a: 2, b: 2}))
    with pytest.raises(ValidationError, match="too many dots on one option"):
        org.cast_ballot(pid, Ballot.dots({a: 3}))
    assert org.ballots(pid) == []
    assert org.counts()["ballots"] == 0


def test_per_voter_ballots_once_per_person_and_anonymity(
    svc: WorkshopService, org: OrganiseService
) -> None:
    anna = svc.add_participant("Anna Rossi")
    named = make_poll(org, Method.APPROVAL, anonymous=False)
    anon = make_poll(org, Method.APPROVAL, anonymous=True)
    for pid in (named, anon):
        org.open_poll(pid)
        first = org.poll(pid).options[0].id
        receipt = org.cast_ballot(pid, Ballot.approvals([first]), CastMode.VOTER, anna)
        assert org.voted(pid) == {anna}
        with pytest.raises(ValidationError, match="Anna Rossi has already voted"):
            org.cast_ballot(pid, Ballot.approvals([first]), CastMode.VOTER, anna)
        assert receipt.voter_id == anna
    assert org.ballots(named)[0].voter_name == "Anna Rossi"
    assert org.ballots(anon)[0].voter_id is None  # the ballot does not say who cast it


def test_withdraw_and_restore_ballot_for_undo(svc: WorkshopService, org: OrganiseService) -> None:
    anna = svc.add_participant("Anna")
    pid = make_poll(org, Method.RANKED, anonymous=False)
    org.open_poll(pid)
    ids = [o.id for o in org.poll(pid).options]
    receipt = org.cast_ballot(pid, Ballot.ranking(ids), CastMode.VOTER, anna)
    org.withdraw_ballot(receipt)
    assert org.ballots(pid) == [] and org.voted(pid) == set()
    org.restore_ballot(receipt)
    assert len(org.ballots(pid)) == 1 and org.voted(pid) == {anna}
    org.close_poll(pid)
    with pytest.raises(ValidationError, match="cannot change"):
        org.withdraw_ballot(receipt)
    with pytest.raises(ValidationError, match="cannot change"):
        org.withdraw_ballot(Receipt(receipt.ballot_id, pid, None))


def test_tally_entry_only_for_dot_and_approval(org: OrganiseService) -> None:
    dots = make_poll(org, Method.DOT, dots_per_voter=3)
    ranked = make_poll(org, Method.RANKED)
    org.open_poll(dots)
    org.open_poll(ranked)
    a, b, c = (o.id for o in org.poll(dots).options)
    org.cast_ballot(dots, Ballot.dots({a: 12, b: 9, c: 9}, voters=10), CastMode.TALLY)
    result = org.result(dots)
    assert result.ballots == 10
    assert [(r.rank, r.score) for r in result.rows] == [(1, 12), (2, 9), (2, 9)]
    r = [o.id for o in org.poll(ranked).options]
    with pytest.raises(ValidationError, match="dot and approval"):
        org.cast_ballot(ranked, Ballot.ranking(r), CastMode.TALLY)


def test_poll_settings_are_validated(org: OrganiseService) -> None:
    with pytest.raises(ValidationError, match="at least two options"):
        org.create_poll(PollSettings("x", Method.DOT, (("A", None),)))
    with pytest.raises(ValidationError, match="same text"):
        org.create_poll(PollSettings("x", Method.DOT, (("A", None), ("a", None))))
    with pytest.raises(ValidationError, match="at least one criterion"):
        org.create_poll(PollSettings("x", Method.SCORE, (("A", None), ("B", None))))
    assert org.polls() == []


def test_poll_on_solutions_and_update_in_draft(org: OrganiseService, svc: WorkshopService) -> None:
    a, b = notes(svc, "x", "y")
    org.promote_note(a, "Sol A")
    org.promote_note(b, "Sol B")
    settings = org.default_settings("Vote", Method.SCORE)
    pid = org.create_poll(settings)
    poll = org.poll(pid)
    assert [o.label for o in poll.options] == ["Sol A", "Sol B"]
    assert [c.name for c in poll.criteria] == ["Impatto", "Fattibilità", "Trasferibilità"]
    old = org.update_poll(pid, PollSettings("Vote 2", Method.DOT, settings.options))
    assert old.method is Method.SCORE
    assert org.poll(pid).method is Method.DOT and org.poll(pid).title == "Vote 2"


def test_poll_results_for_reports(org: OrganiseService, svc: WorkshopService) -> None:
    pid = make_poll(org, Method.RANKED)
    hidden = make_poll(org, Method.APPROVAL, hide_results=True)
    org.open_poll(pid)
    org.open_poll(hidden)
    ids = [o.id for o in org.poll(pid).options]
    org.cast_ballot(pid, Ballot.ranking(ids))
    org.cast_ballot(pid, Ballot.ranking(ids[::-1]))
    org.cast_ballot(hidden, Ballot.approvals([org.poll(hidden).options[0].id]))
    org.close_poll(pid)
    reports = poll_results(svc)
    first = reports[0]
    assert first.method == "ranked" and first.ballots == 2
    assert first.rules.startswith("Classifica (Borda)")  # the workshop is Italian
    assert [(r.rank, r.option, r.score, r.tied) for r in first.rows] == [
        (1, "A", "4", True),
        (1, "B", "4", True),
        (1, "C", "4", True),
    ]
    assert [r.first_preferences for r in first.rows] == [1, 0, 1]
    assert reports[1].rows == ()  # hidden until closed
    assert reports[1].ballots == 1
    assert [r.title for r in poll_results(svc, closed_only=True)] == ["Which travels best?"]


def test_everything_survives_reopening_the_file(workshop_path: Path, svc: WorkshopService) -> None:
    org = OrganiseService(svc)
    (a,) = notes(svc, "x")
    t, _ = org.create_theme("T", [a])
    pid = make_poll(org, Method.DOT)
    org.open_poll(pid)
    org.cast_ballot(pid, Ballot.dots({org.poll(pid).options[0].id: 2}))
    svc.close()
    with WorkshopService.open(workshop_path) as again:
        org2 = OrganiseService(again)
        assert org2.theme(t).note_ids == (a,)
        assert org2.ballot_count(pid) == 1


def test_ungroup_frees_deleted_members_too(svc) -> None:  # noqa: ANN001
    from facilitator.services.organise import OrganiseService

    org = OrganiseService(svc)
    a = svc.add_note("nota a")
    b = svc.add_note("nota b")
    theme, _ = org.create_theme("Tema", [a.id, b.id])
    svc.delete_note(a.id)
    previous = org.ungroup(theme)
    svc.restore_note(a.id)
    assert set(org.repo.ungrouped_note_ids()) >= {a.id, b.id}
    org.restore_theme(theme, previous)  # undo of the ungroup puts both back
    assert set(org.repo.all_member_ids(theme)) == {a.id, b.id}
