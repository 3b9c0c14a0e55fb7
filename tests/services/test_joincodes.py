"""Join codes on a real file: issuing, replacing, claiming, freeing, and one ballot per
participant whichever phone casts it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.domain import joincodes as jc
from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services import operations as ops
from facilitator.services.joincodes import JoinCodeService
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.room import RoomService
from facilitator.services.workshop import WorkshopService


@pytest.fixture
def svc(tmp_path: Path) -> WorkshopService:
    s = WorkshopService.create(tmp_path / "w.workshop", "Codici")
    for name, org in (
        ("Anna Rossi", "Comune di Torino"),
        ("Ben Weber", "Land Berlin"),
        ("Chiara Neri", ""),
    ):
        s.add_participant(name, org, email=f"{name.split()[0].lower()}@example.org")
    yield s
    s.close()


def _codes(svc: WorkshopService) -> dict[str, str]:
    return {c.name: c.code for c in JoinCodeService(svc).codes()}


def _rule(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value.params.get("rule"))


def _device(svc: WorkshopService, n: int) -> int:
    op = ops.JoinRoom(f"{n:064d}", None, "it")
    op.do(svc)
    return int(op.result.id)


def _pid(svc: WorkshopService, name: str) -> int:
    return next(p.id for p in svc.participants() if p.name == name)


def test_codes_are_short_unambiguous_unique_and_kept_in_the_file(svc: WorkshopService) -> None:
    assert all(c.code == "" for c in JoinCodeService(svc).codes())
    ops.IssueJoinCodes().do(svc)
    codes = _codes(svc)
    assert len(set(codes.values())) == 3
    for code in codes.values():
        assert len(code) == jc.LENGTH and set(code) <= set(jc.ALPHABET)
        assert not set(code) & set("0O1IL2Z5S8BG6UV")
    path = svc.file.path
    svc.close()
    again = WorkshopService.open(path)
    try:
        assert _codes(again) == codes  # printed again: the same codes
    finally:
        again.close()


def test_new_codes_never_repeat_an_old_one() -> None:
    picks = iter("AAAAAA" + "AAAAAA" + "CCCCCC")
    assert jc.new_code({"AAAAAA"}, choice=lambda _: next(picks)) == "CCCCCC"


def test_issuing_again_replaces_every_code_and_missing_only_fills_gaps(
    svc: WorkshopService,
) -> None:
    ops.IssueJoinCodes().do(svc)
    first = _codes(svc)
    svc.add_participant("Dario Blu")
    ops.IssueJoinCodes(missing_only=True).do(svc)
    second = _codes(svc)
    assert {k: second[k] for k in first} == first and second["Dario Blu"]
    ops.IssueJoinCodes().do(svc)
    third = _codes(svc)
    assert not set(third.values()) & set(second.values())


def test_a_phone_claims_a_code_once_and_the_rules_say_why_not(svc: WorkshopService) -> None:
    ops.IssueJoinCodes().do(svc)
    codes = _codes(svc)
    anna, ben = _pid(svc, "Anna Rossi"), _pid(svc, "Ben Weber")
    phone, other = _device(svc, 1), _device(svc, 2)
    with pytest.raises(ValidationError) as wrong:
        ops.ClaimJoinCode(phone, anna, codes["Ben Weber"]).do(svc)  # Ben's code, Anna's name
    assert _rule(wrong) == "wrong_code"
    with pytest.raises(ValidationError) as wrong:
        ops.ClaimJoinCode(phone, anna, "").do(svc)
    assert _rule(wrong) == "wrong_code"
    typed = codes["Anna Rossi"].lower()[:3] + " - " + codes["Anna Rossi"].lower()[3:]
    claim = ops.ClaimJoinCode(phone, anna, typed)
    changes = claim.do(svc)
    assert claim.result.name == "Anna Rossi" and changes.ids(ops.Kind.JOIN_CODE) == {anna}
    assert ops.ClaimJoinCode(phone, anna, codes["Anna Rossi"]).do(svc) == ops.NO_CHANGES
    with pytest.raises(ValidationError) as used:
        ops.ClaimJoinCode(other, anna, codes["Anna Rossi"]).do(svc)
    assert _rule(used) == "code_used"
    with pytest.raises(ValidationError) as taken:  # a phone is only ever one participant
        ops.ClaimJoinCode(phone, ben, codes["Ben Weber"]).do(svc)
    assert _rule(taken) == "phone_taken"
    listed = {p.name: p.taken for p in JoinCodeService(svc).listed()}
    assert listed == {"Anna Rossi": True, "Ben Weber": False, "Chiara Neri": False}
    # freed (Anna's battery died): the same code works on her other phone
    assert ops.FreeClaim(phone).do(svc).ids(ops.Kind.JOIN_CODE) == {anna}
    ops.ClaimJoinCode(other, anna, codes["Anna Rossi"]).do(svc)
    assert RoomService(svc).participant_of(other) == (anna, "Anna Rossi")
    assert RoomService(svc).participant_of(phone) is None


def test_reissuing_a_lost_badge_invalidates_the_old_code_and_its_phone(
    svc: WorkshopService,
) -> None:
    ops.IssueJoinCodes().do(svc)
    anna = _pid(svc, "Anna Rossi")
    old = _codes(svc)["Anna Rossi"]
    finder = _device(svc, 1)
    ops.ClaimJoinCode(finder, anna, old).do(svc)
    reissue = ops.IssueJoinCodes([anna])
    reissue.do(svc)
    new = _codes(svc)["Anna Rossi"]
    assert new != old and _codes(svc)["Ben Weber"]  # the others keep theirs
    assert RoomService(svc).participant_of(finder) is None
    with pytest.raises(ValidationError) as wrong:
        ops.ClaimJoinCode(_device(svc, 2), anna, old).do(svc)
    assert _rule(wrong) == "wrong_code"
    anna_phone = _device(svc, 3)
    ops.ClaimJoinCode(anna_phone, anna, new).do(svc)
    with pytest.raises(ValidationError) as refused:  # used meanwhile: not undone
        reissue.undo(svc)
    assert _rule(refused) == "code_used"
    rows = sqlite3.connect(f"file:{svc.file.path}?mode=ro", uri=True).execute(
        "SELECT code, revoked_at IS NOT NULL FROM room_join_codes WHERE participant_id = ?",
        (anna,),
    )
    assert sorted(rows) == sorted([(old, 1), (new, 0)])


def test_a_deleted_participants_phone_is_nobody(svc: WorkshopService) -> None:
    ops.IssueJoinCodes().do(svc)
    chiara = _pid(svc, "Chiara Neri")
    phone = _device(svc, 1)
    ops.ClaimJoinCode(phone, chiara, _codes(svc)["Chiara Neri"]).do(svc)
    ops.DeleteParticipant(chiara).do(svc)
    assert RoomService(svc).participant_of(phone) is None
    assert [p.name for p in JoinCodeService(svc).listed()] == ["Anna Rossi", "Ben Weber"]
    with pytest.raises(ValidationError) as refused:
        ops.SendIdea(phone, "key-chiara-1", "x", True).do(svc)
    assert _rule(refused) == "pick_name"


def test_a_removed_phone_frees_its_participant(svc: WorkshopService) -> None:
    ops.IssueJoinCodes().do(svc)
    anna = _pid(svc, "Anna Rossi")
    code = _codes(svc)["Anna Rossi"]
    phone = _device(svc, 1)
    ops.ClaimJoinCode(phone, anna, code).do(svc)
    changes = ops.RemoveDevice(phone).do(svc)
    # the other phones' lists must show the name free again: the change names her
    assert anna in changes.ids(ops.Kind.JOIN_CODE)
    with pytest.raises(ValidationError):
        ops.ClaimJoinCode(phone, anna, code).do(svc)
    ops.ClaimJoinCode(_device(svc, 2), anna, code).do(svc)


def test_one_ballot_per_participant_whichever_phone_casts_it(svc: WorkshopService) -> None:
    org = OrganiseService(svc)
    poll = org.create_poll(PollSettings("Voto", Method.APPROVAL, (("Sì", None), ("No", None))))
    org.open_poll(poll)
    yes, no = (o.id for o in org.poll(poll).options)
    ops.IssueJoinCodes().do(svc)
    anna, ben = _pid(svc, "Anna Rossi"), _pid(svc, "Ben Weber")
    code = _codes(svc)
    first, second, anonymous = _device(svc, 1), _device(svc, 2), _device(svc, 3)
    ops.ClaimJoinCode(first, anna, code["Anna Rossi"]).do(svc)
    ops.CastFromPhone(first, poll, Ballot({(yes, 0): 1}), "key-first-1", True).do(svc)
    ops.FreeClaim(first).do(svc)
    ops.ClaimJoinCode(second, anna, code["Anna Rossi"]).do(svc)
    assert RoomService(svc).my_ballot(second, poll) == Ballot({(yes, 0): 1})
    cast = ops.CastFromPhone(second, poll, Ballot({(no, 0): 1}), "key-second-1", True)
    cast.do(svc)
    assert cast.result.replaced
    with pytest.raises(ValidationError) as refused:
        ops.CastFromPhone(anonymous, poll, Ballot({(no, 0): 1}), "key-anon-1", True).do(svc)
    assert _rule(refused) == "pick_name"
    with pytest.raises(ValidationError) as refused:
        ops.SendIdea(anonymous, "key-anon-2", "un'idea", True).do(svc)
    assert _rule(refused) == "pick_name"
    idea = ops.SendIdea(second, "key-idea-1", "Uno sportello unico", True)
    idea.do(svc)
    assert idea.result.author == "Anna Rossi"
    assert org.ballot_count(poll) == 1 and org.result(poll).ballots == 1
    assert org.voted(poll) == {anna}
    with pytest.raises(ValidationError):  # nor can the laptop enter a second one for her
        ops.CastBallot(poll, Ballot({(yes, 0): 1}), CastMode.VOTER, anna).do(svc)
    # Ben's ballot was entered on the laptop: his phone cannot add a second one
    ops.CastBallot(poll, Ballot({(yes, 0): 1}), CastMode.VOTER, ben).do(svc)
    ben_phone = _device(svc, 4)
    ops.ClaimJoinCode(ben_phone, ben, code["Ben Weber"]).do(svc)
    with pytest.raises(ValidationError) as refused:
        ops.CastFromPhone(ben_phone, poll, Ballot({(no, 0): 1}), "key-ben-1", True).do(svc)
    assert _rule(refused) == "voted_on_laptop"
    assert org.ballot_count(poll) == 2


def test_a_redo_after_an_old_code_was_claimed_again_leaves_one_phone_per_participant(
    svc: WorkshopService,
) -> None:
    """Re-issue Anna's code, undo it (the old code and its phone come back), free that
    phone, let another phone claim the old code, then redo: the new code is Anna's only
    code and no two phones are Anna."""
    ops.IssueJoinCodes().do(svc)
    anna = _pid(svc, "Anna Rossi")
    old = _codes(svc)["Anna Rossi"]
    first = _device(svc, 1)
    ops.ClaimJoinCode(first, anna, old).do(svc)
    reissue = ops.IssueJoinCodes([anna])
    reissue.do(svc)
    reissue.undo(svc)
    assert RoomService(svc).participant_of(first) is not None
    ops.FreeClaim(first).do(svc)
    second = _device(svc, 2)
    ops.ClaimJoinCode(second, anna, old).do(svc)
    reissue.do(svc)  # redo
    assert RoomService(svc).participant_of(second) is None  # the old code's claim ended
    third = _device(svc, 3)
    ops.ClaimJoinCode(third, anna, _codes(svc)["Anna Rossi"]).do(svc)
    live = sqlite3.connect(f"file:{svc.file.path}?mode=ro", uri=True).execute(
        "SELECT count(*) FROM room_claims WHERE participant_id = ? AND ended_at IS NULL", (anna,)
    )
    assert live.fetchone()[0] == 1
    assert [c.name for c in JoinCodeService(svc).codes()].count("Anna Rossi") == 1


def test_a_huge_participant_number_is_refused_not_a_crash(svc: WorkshopService) -> None:
    ops.IssueJoinCodes().do(svc)
    phone = _device(svc, 1)
    with pytest.raises(ValidationError) as refused:
        ops.ClaimJoinCode(phone, 10**30, "ACDEFH").do(svc)
    assert _rule(refused) == "pick_name"
