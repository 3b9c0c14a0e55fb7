"""The room's participants' mode with aiohttp's test client, on real files: a phone picks
its name from the list and types the code printed for it; every rule of it."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from room_helpers import CODE, RoomFile, file_rows, make_room_file, open_poll, options
from test_room_server import JSON
from test_room_server import Phone as HttpPhone

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import Limits, Rate, Room, RoomServer, build_app
from facilitator.services import operations as ops

Client = TestClient[Any, web.Application]
MakeClient = Callable[..., Awaitable[Client]]
H = {"X-Room-Code": CODE}
PEOPLE = (
    ("Anna Rossi", "Comune di Torino"),
    ("Ben Weber", "Land Berlin"),
    ("Chiara Neri", "Cooperativa Sociale Arcobaleno"),
)


@pytest.fixture
def people(backend: OwnerThreadBackend) -> dict[str, tuple[int, str]]:
    """Three participants with e-mails, and their codes: name -> (id, code)."""

    def add(room: Any) -> dict[str, tuple[int, str]]:
        for name, org in PEOPLE:
            room.svc.add_participant(name, org, email=f"{name.split()[0].lower()}@example.org")
        ops.IssueJoinCodes().do(room.svc)
        return {c.name: (c.participant_id, c.code) for c in room.codes.codes()}

    return backend.call(add)


def _room(backend: OwnerThreadBackend, limits: Limits | None = None) -> Room:
    room = Room(backend, code=CODE, push_interval=0.05, limits=limits)
    room.participants = True
    return room


async def phone(aiohttp_client: MakeClient, room: Room, lang: str = "it") -> Client:
    client = await aiohttp_client(build_app(room))
    res = await client.post("/api/join", json={"lang": lang}, headers=H)
    assert res.status == 200, await res.text()
    data = await res.json()
    assert data["mode"] == "participants" and data["participant"] == ""
    return client


async def claim(client: Client, pid: object, code: object) -> tuple[int, dict[str, Any]]:
    res = await client.post("/api/claim", json={"participant": pid, "code": code}, headers=H)
    return res.status, await res.json()


async def vote(client: Client, poll: int, entries: list[list[int]], key: str) -> Any:
    res = await client.post(
        "/api/ballot", json={"poll": poll, "key": key, "entries": entries}, headers=H
    )
    return res.status, await res.json()


def live_ballots(rf: RoomFile, poll: int) -> list[tuple[Any, ...]]:
    return file_rows(
        rf.path,
        "SELECT device_id, voter_id FROM ballots WHERE poll_id = ? AND origin = 'room' "
        "AND deleted_at IS NULL",
        (poll,),
    )


async def test_a_phone_picks_its_name_types_its_code_and_is_that_participant(
    backend: OwnerThreadBackend,
    aiohttp_client: MakeClient,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    room = _room(backend)
    client = await phone(aiohttp_client, room)
    res = await client.get("/api/participants", headers=H)
    raw = await res.text()
    listed = (await res.json())["participants"]
    assert [(p["name"], p["org"], p["taken"]) for p in listed] == [
        (name, org, False) for name, org in PEOPLE
    ]
    assert all(set(p) == {"id", "name", "org", "taken"} for p in listed)
    for _, code in people.values():  # no code, no e-mail reaches a phone
        assert code not in raw
    assert "@" not in raw
    anna, code = people["Anna Rossi"]
    status, body = await claim(client, anna, people["Ben Weber"][1])
    assert status == 422 and body["error"] == "wrong_code"
    assert body["message"].startswith("Non è il codice stampato")
    status, body = await claim(client, anna, code[:3].lower() + " " + code[3:])
    assert status == 200 and body["participant"] == "Anna Rossi"
    assert body["message"] == "Sei nella sala come Anna Rossi."
    state = await (await client.get("/api/state", headers=H)).json()
    assert state["participant"] == "Anna Rossi" and state["mode"] == "participants"
    taken = await (await client.get("/api/participants", headers=H)).json()
    assert [p["taken"] for p in taken["participants"]] == [True, False, False]
    # its ideas carry the participant's name
    res = await client.post(
        "/api/idea", json={"key": "idea-anna-1", "text": "Sportello"}, headers=H
    )
    assert res.status == 200
    assert file_rows(room_file.path, "SELECT author FROM room_ideas") == [("Anna Rossi",)]
    assert file_rows(room_file.path, "SELECT participant_id, ended_at FROM room_claims") == [
        (anna, None)
    ]


async def test_a_used_code_says_so_in_the_phones_language(
    backend: OwnerThreadBackend, aiohttp_client: MakeClient, people: dict[str, tuple[int, str]]
) -> None:
    room = _room(backend)
    first = await phone(aiohttp_client, room)
    anna, code = people["Anna Rossi"]
    assert (await claim(first, anna, code))[0] == 200
    assert (await claim(first, anna, code))[0] == 200  # the same phone again: fine
    second = await phone(aiohttp_client, room, lang="en")
    status, body = await claim(second, anna, code)
    assert status == 422 and body["error"] == "code_used"
    assert body["message"] == "This code is already in use on another phone: ask the facilitator."
    status, body = await claim(second, "Anna Rossi", code)  # not an id from the list
    assert status == 422 and body["error"] == "pick_name"


async def test_anonymous_phones_cannot_vote_or_send_ideas_in_this_mode(
    backend: OwnerThreadBackend,
    aiohttp_client: MakeClient,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    yes = options(backend, poll)[0]
    client = await phone(aiohttp_client, _room(backend))
    status, body = await vote(client, poll, [[yes, 0, 1]], "anon-ballot-1")
    assert status == 422 and body["error"] == "pick_name"
    res = await client.post("/api/idea", json={"key": "anon-idea-1", "text": "x"}, headers=H)
    assert res.status == 422 and (await res.json())["error"] == "pick_name"
    assert file_rows(room_file.path, "SELECT count(*) FROM ballots WHERE origin = 'room'") == [(0,)]
    assert file_rows(room_file.path, "SELECT count(*) FROM room_ideas") == [(0,)]


async def test_one_ballot_per_participant_across_two_phones(
    backend: OwnerThreadBackend,
    aiohttp_client: MakeClient,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a, b, c = options(backend, poll)
    room = _room(backend)
    anna, code = people["Anna Rossi"]
    first = await phone(aiohttp_client, room)
    assert (await claim(first, anna, code))[0] == 200
    assert (await vote(first, poll, [[a, 0, 3], [b, 0, 2]], "anna-first-1"))[0] == 200
    # a second phone of Anna's cannot vote again: the code is in use
    second = await phone(aiohttp_client, room)
    assert (await claim(second, anna, code))[1]["error"] == "code_used"
    assert (await vote(second, poll, [[c, 0, 3]], "anna-second-0"))[1]["error"] == "pick_name"
    # her first phone's battery dies: the facilitator frees it, she joins on the second
    first_id = live_ballots(room_file, poll)[0][0]
    backend.call(lambda s: ops.FreeClaim(first_id).do(s.svc))
    assert (await claim(second, anna, code))[0] == 200
    view = await (await second.get("/api/state", headers=H)).json()
    assert view["ballot"] == [[a, 0, 3], [b, 0, 2]]  # her ballot, cast from the other phone
    status, body = await vote(second, poll, [[c, 0, 3]], "anna-second-1")
    assert status == 200 and body["replaced"] is True
    assert (await vote(first, poll, [[a, 0, 1]], "anna-first-2"))[1]["error"] == "pick_name"
    ballots = live_ballots(room_file, poll)
    assert len(ballots) == 1 and ballots[0][0] != first_id
    assert ballots[0][1] is None  # who voted is in poll_voters, not on the ballot
    assert file_rows(
        room_file.path, "SELECT participant_id FROM poll_voters WHERE poll_id = ?", (poll,)
    ) == [(anna,)]
    assert backend.call(lambda s: s.org.result(poll).ballots) == 1


async def test_reissuing_a_code_invalidates_the_old_one(
    backend: OwnerThreadBackend,
    aiohttp_client: MakeClient,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    room = _room(backend)
    finder = await phone(aiohttp_client, room)
    anna, old = people["Anna Rossi"]
    assert (await claim(finder, anna, old))[0] == 200  # someone found her badge
    new = backend.call(
        lambda s: (
            ops.IssueJoinCodes([anna]).do(s.svc),
            {c.participant_id: c.code for c in s.codes.codes()}[anna],
        )[1]
    )
    assert new != old
    state = await (await finder.get("/api/state", headers=H)).json()
    assert state["participant"] is None  # the finder is nobody again
    own = await phone(aiohttp_client, room)
    assert (await claim(own, anna, old))[1]["error"] == "wrong_code"
    assert (await claim(own, anna, new))[0] == 200
    assert file_rows(
        room_file.path,
        "SELECT count(*) FROM room_join_codes WHERE participant_id = ? AND revoked_at IS NULL",
        (anna,),
    ) == [(1,)]


async def test_typing_codes_is_rate_limited_per_phone_and_per_address(
    backend: OwnerThreadBackend,
    aiohttp_client: MakeClient,
    room_file: RoomFile,
    people: dict[str, tuple[int, str]],
) -> None:
    room = _room(backend, Limits(claims_per_device=Rate(3, 60), claims_per_address=Rate(5, 60)))
    guesser = await phone(aiohttp_client, room)
    anna, code = people["Anna Rossi"]
    statuses = [(await claim(guesser, anna, f"XXXX{n:02}"))[0] for n in range(3)]
    assert statuses == [422, 422, 422]
    status, body = await claim(guesser, anna, code)  # even the right code: wait first
    assert status == 429 and body["error"] == "rate"
    # another phone from the same address: the address has had 4 of its 5 tries
    other = await phone(aiohttp_client, room)
    assert (await claim(other, anna, "XXXX99"))[0] == 422
    assert (await claim(other, anna, code))[0] == 429
    assert file_rows(room_file.path, "SELECT count(*) FROM room_claims") == [(0,)]


async def test_the_list_is_only_there_in_the_participants_mode(
    backend: OwnerThreadBackend, aiohttp_client: MakeClient, people: dict[str, tuple[int, str]]
) -> None:
    room = Room(backend, code=CODE)
    client = await aiohttp_client(build_app(room))
    res = await client.post("/api/join", json={}, headers=H)
    assert (await res.json())["mode"] == "anonymous"
    res = await client.get("/api/participants", headers=H)
    assert res.status == 404
    anna, code = people["Anna Rossi"]
    assert (await claim(client, anna, code))[0] == 404
    res = await client.get("/api/participants")  # no room code: nothing
    assert res.status == 403


# --- generated claims ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def claim_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, RoomFile, dict]]:
    rf = make_room_file(tmp_path_factory.mktemp("claims") / "claims.workshop")
    backend = OwnerThreadBackend(rf.path)

    def add(room: Any) -> dict[str, tuple[int, str]]:
        for name, org in PEOPLE:
            room.svc.add_participant(name, org)
        ops.IssueJoinCodes().do(room.svc)
        return {c.name: (c.participant_id, c.code) for c in room.codes.codes()}

    people = backend.call(add)
    limits = Limits(
        requests_per_address=Rate(100_000, 60),
        claims_per_device=Rate(100_000, 60),
        claims_per_address=Rate(100_000, 60),
    )
    server = RoomServer(backend, "127.0.0.1", limits=limits)
    server.room.participants = True
    server.start()
    phone = HttpPhone(server)
    phone.join()
    yield phone, rf, people
    server.stop()
    backend.close()


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_generated_claims_never_claim_without_the_right_code(
    claim_room: tuple[Any, RoomFile, dict[str, tuple[int, str]]], data: st.DataObject
) -> None:
    phone, rf, people = claim_room
    ids = [pid for pid, _ in people.values()]
    codes = [code for _, code in people.values()]
    body = data.draw(
        st.one_of(
            JSON,
            st.fixed_dictionaries(
                {
                    "participant": st.one_of(st.sampled_from(ids), JSON),
                    "code": st.one_of(
                        st.sampled_from(codes),
                        st.sampled_from(codes).map(lambda c: c[:2].lower() + "-" + c[2:]),
                        st.text(alphabet="ACDEFHJKMNPRTWXY3479 -acd", max_size=9),
                        JSON,
                    ),
                }
            ),
        )
    )
    raw = data.draw(st.one_of(st.just(json.dumps(body).encode()), st.binary(max_size=40)))
    status, answer = phone.request("POST", "/api/claim", raw=raw)
    assert status in (200, 400, 415, 422), (status, answer)
    claims = file_rows(rf.path, "SELECT participant_id FROM room_claims")
    if status == 200:  # only the chosen participant's own code, however typed
        given = body if isinstance(body, dict) else {}
        typed = "".join(str(given.get("code")).split()).replace("-", "").upper()
        assert (given.get("participant"), typed) in {(p, c) for p, c in people.values()}
        assert claims == [(given["participant"],)]
    else:
        assert answer["ok"] is False and answer["message"]
        assert len(claims) <= 1
    assert not any(c in json.dumps(answer) for c in codes)
    assert file_rows(rf.path, "PRAGMA quick_check") == [("ok",)]
