"""Every endpoint and rule of the room server, with aiohttp's test client, on real
workshop files (read back by a second, read-only connection)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from room_helpers import CODE, RoomFile, file_rows, open_poll, options, room_ballots

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import COOKIE, CSP, Limits, Rate, Room, build_app

Client = TestClient[Any, web.Application]
MakeClient = Callable[..., Awaitable[Client]]


@pytest.fixture
async def room(backend: OwnerThreadBackend) -> Room:
    room = Room(backend, code=CODE, push_interval=0.05)
    room.ask_name = True
    return room


@pytest.fixture
async def client(room: Room, aiohttp_client: MakeClient) -> Client:
    # room (and the backend under it) first: the server stops before the file closes
    return await aiohttp_client(build_app(room))


H = {"X-Room-Code": CODE}


async def join(client: Client, name: str | None = None, lang: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if name is not None:
        body["name"] = name
    if lang is not None:
        body["lang"] = lang
    res = await client.post("/api/join", json=body, headers=H)
    assert res.status == 200, await res.text()
    return await res.json()


async def state(client: Client) -> dict[str, Any]:
    res = await client.get("/api/state", headers=H)
    assert res.status == 200, await res.text()
    return await res.json()


async def cast(client: Client, poll: int, entries: list[list[int]], key: str) -> Any:
    return await client.post(
        "/api/ballot", json={"poll": poll, "key": key, "entries": entries}, headers=H
    )


# --- the page, static files and headers -----------------------------------------------


async def test_page_and_static_files_carry_a_strict_csp(client: Client) -> None:
    for path in ("/", f"/j/{CODE}", "/static/room.js", "/static/room.css", "/nothing"):
        res = await client.get(path)
        assert res.headers["Content-Security-Policy"] == CSP, path
        assert res.headers["X-Content-Type-Options"] == "nosniff"
        assert "Server" not in res.headers
    page = await (await client.get("/")).text()
    assert "/static/room.js" in page and "http" not in page.replace("http-equiv", "")
    api = await client.get("/api/state")
    assert api.status == 403 and api.headers["Content-Security-Policy"] == CSP


async def test_page_is_small_and_has_no_external_assets(client: Client) -> None:
    total = 0
    for path in ("/", "/static/room.js", "/static/room.css"):
        body = await (await client.get(path)).read()
        total += len(body)
        assert b"https://" not in body and b"//cdn" not in body
    assert total <= 100 * 1024


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../db/schema.sql",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/room.js/../../README.md",
        "/static/.hidden",
        "/static/index.html",
        "/static//etc/passwd",
        "/static/%00room.js",
        "/resources/room/room.js",
        "/../../etc/passwd",
    ],
)
async def test_nothing_outside_the_static_list_is_served(client: Client, path: str) -> None:
    res = await client.get(path)
    assert res.status == 404
    body = await res.text()
    assert "[project]" not in body and "CREATE TABLE" not in body and "root:" not in body


# --- the room code, the device cookie, CSRF --------------------------------------------


async def test_nothing_is_reached_without_the_room_code(client: Client) -> None:
    for headers in ({}, {"X-Room-Code": "ZZZZZZ"}, {"X-Room-Code": CODE + "X"}):
        res = await client.post("/api/join", json={}, headers=headers)
        assert res.status == 403
        assert (await res.json())["error"] == "code"
        assert COOKIE not in res.cookies
    # The code is typed off a projector: case and spaces do not matter.
    res = await client.post("/api/join", json={}, headers={"X-Room-Code": " abc 234 "})
    assert res.status == 200


async def test_api_needs_the_device_cookie_and_the_code(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    res = await client.get("/api/state", headers=H)
    assert res.status == 401
    await join(client)
    assert (await client.get("/api/state", headers=H)).status == 200
    assert (await client.get("/api/state")).status == 403
    client.session.cookie_jar.clear()
    client.session.cookie_jar.update_cookies({COOKIE: "forged-token"})
    assert (await client.get("/api/state", headers=H)).status == 401


async def test_state_changes_need_json_the_code_header_and_our_origin(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a, b, _ = options(backend, poll)
    await join(client)
    body = {"poll": poll, "key": "k" * 10, "entries": [[a, 0, 1]]}
    # a cross-site form: no custom header, form encoding
    res = await client.post("/api/ballot", data={"poll": str(poll)})
    assert res.status == 403
    res = await client.post("/api/ballot", data=json.dumps(body), headers=H)
    assert res.status == 415
    res = await client.post(
        "/api/ballot", json=body, headers={**H, "Origin": "http://evil.example"}
    )
    assert res.status == 403
    assert room_ballots(room_file.path, poll) == []
    res = await cast(client, poll, [[a, 0, 1], [b, 0, 1]], "k" * 10)
    assert res.status == 200


async def test_wrong_host_is_refused(
    backend: OwnerThreadBackend, aiohttp_client: MakeClient
) -> None:
    room = Room(backend, code=CODE, allowed_hosts={"192.168.1.20"})
    client = await aiohttp_client(build_app(room))
    res = await client.get("/", headers={"Host": "attacker.example"})
    assert res.status == 421
    ok = await client.get("/", headers={"Host": "192.168.1.20:8000"})
    assert ok.status == 200


# --- voting -------------------------------------------------------------------------------


async def test_dot_ballot_is_stored_replaced_and_never_double_counted(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a, b, c = options(backend, poll)
    await join(client, name="Giulia")
    res = await cast(client, poll, [[a, 0, 3], [b, 0, 2]], "first-key-1")
    assert res.status == 200
    assert (await res.json())["status"] == "recorded"
    stored = room_ballots(room_file.path, poll)
    assert [s["entries"] for s in stored] == [[[a, 0, 3], [b, 0, 2]]]
    assert stored[0]["mode"] == "kiosk"
    # the same submission again (a retry after a lost answer): nothing new
    res = await cast(client, poll, [[a, 0, 3], [b, 0, 2]], "first-key-1")
    assert (await res.json())["status"] == "already"
    # a retried key with other content is still the same submission
    res = await cast(client, poll, [[c, 0, 1]], "first-key-1")
    assert (await res.json())["status"] == "already"
    assert len(room_ballots(room_file.path, poll)) == 1
    # voting again replaces the ballot
    res = await cast(client, poll, [[c, 0, 3]], "second-key-2")
    assert (await res.json())["replaced"] is True
    stored = room_ballots(room_file.path, poll)
    live = [s for s in stored if not s["deleted"]]
    assert [s["entries"] for s in live] == [[[c, 0, 3]]]
    got = await state(client)
    assert got["ballot"] == [[c, 0, 3]]
    total = file_rows(
        room_file.path,
        "SELECT count(*) FROM ballots WHERE poll_id = ? AND deleted_at IS NULL",
        (poll,),
    )
    assert total == [(1,)]


@pytest.mark.parametrize(
    ("entries", "rule"),
    [
        ([[0, 0, 4]], "over_cap"),
        ([[0, 0, 3], [1, 0, 3]], "too_many_dots"),
        ([], "empty"),
        ([[0, 0, -1]], "invalid"),
        ([[99999, 0, 1]], "invalid"),
        ([[0, 1, 1]], "invalid"),
    ],
)
async def test_dot_rules_are_the_domains(
    client: Client,
    backend: OwnerThreadBackend,
    room_file: RoomFile,
    entries: list[list[int]],
    rule: str,
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    ids = options(backend, poll)
    await join(client, lang="it")
    real = [[ids[o] if o < 3 else o, c, v] for o, c, v in entries]
    res = await cast(client, poll, real, "bad-ballot-1")
    assert res.status == 422
    data = await res.json()
    assert data["error"] == rule
    assert data["message"] and "Traceback" not in data["message"]
    assert room_ballots(room_file.path, poll) == []


async def test_dot_message_is_in_the_phones_language(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a, b, _ = options(backend, poll)
    await join(client, lang="en")
    res = await cast(client, poll, [[a, 0, 3], [b, 0, 3]], "too-many-1")
    assert (await res.json())["message"] == "Too many dots: 6 placed, at most 5."
    await join(client, lang="it")
    res = await cast(client, poll, [[a, 0, 3], [b, 0, 3]], "too-many-2")
    assert (await res.json())["message"] == "Troppi punti: 6 assegnati, al massimo 5."


async def test_score_ranked_and_approval_ballots(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    await join(client)
    cases = {
        "score": (
            lambda a, b, c: [[a, 0, 5], [a, 1, 4], [b, 0, 3], [b, 1, 3], [c, 0, 1], [c, 1, 2]],
            lambda a, b, c: [[a, 0, 6], [a, 1, 4], [b, 0, 3], [b, 1, 3], [c, 0, 1], [c, 1, 2]],
            "outside_scale",
        ),
        "ranked": (
            lambda a, b, c: [[c, 0, 1], [a, 0, 2], [b, 0, 3]],
            lambda a, b, c: [[c, 0, 1], [a, 0, 1], [b, 0, 3]],
            "shared_rank",
        ),
        "approval": (
            lambda a, b, c: [[a, 0, 1], [c, 0, 1]],
            lambda a, b, c: [],
            "empty",
        ),
    }
    for n, (method, (good, bad, rule)) in enumerate(cases.items()):
        poll = room_file.polls[method]
        open_poll(backend, poll)
        a, b, c = options(backend, poll)
        res = await cast(client, poll, bad(a, b, c), f"bad-key-{n:04}")
        assert res.status == 422, method
        assert (await res.json())["error"] == rule
        res = await cast(client, poll, good(a, b, c), f"good-key-{n:04}")
        assert res.status == 200, await res.text()
        stored = room_ballots(room_file.path, poll)
        assert [s["entries"] for s in stored] == [sorted(good(a, b, c))], method
        view = await state(client)
        assert view["poll"]["id"] == poll and view["poll"]["method"] == method


async def test_only_the_rooms_current_poll_takes_ballots(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    await join(client)
    dot, approval = room_file.polls["dot"], room_file.polls["approval"]
    a = options(backend, approval)[0]
    res = await cast(client, approval, [[a, 0, 1]], "draft-poll-1")
    assert res.status == 422 and (await res.json())["error"] == "not_current"
    open_poll(backend, dot)
    open_poll(backend, approval)  # opened last: the room's poll
    assert (await state(client))["poll"]["id"] == approval
    x = options(backend, dot)[0]
    res = await cast(client, dot, [[x, 0, 1]], "older-poll-1")
    assert res.status == 422
    backend.call(lambda s: s.org.close_poll(approval))
    res = await cast(client, approval, [[a, 0, 1]], "closed-poll-1")
    assert (await res.json())["error"] == "closed"
    assert room_ballots(room_file.path, approval) == []


async def test_results_stay_hidden_until_revealed_or_closed(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a, b, _ = options(backend, poll)
    await join(client)
    await cast(client, poll, [[a, 0, 1]], "approve-a-1")
    view = await state(client)
    assert view["results"] is None
    assert "ballots" not in json.dumps(view["poll"])
    backend.call(lambda s: s.reveal(poll))
    view = await state(client)
    assert view["results"]["ballots"] == 1
    assert view["results"]["rows"][0]["label"] == "Sportello unico"
    backend.call(lambda s: s.reveal(poll, False))
    assert (await state(client))["results"] is None
    backend.call(lambda s: s.org.close_poll(poll))
    view = await state(client)  # closed: its results stay on the phones
    assert view["poll"]["state"] == "closed" and view["results"]["ballots"] == 1
    res = await cast(client, poll, [[b, 0, 1]], "after-close-1")
    assert (await res.json())["error"] == "closed"
    open_poll(backend, room_file.polls["dot"])  # until another poll opens
    view = await state(client)
    assert view["poll"]["id"] == room_file.polls["dot"] and view["results"] is None


async def test_a_phone_learns_nothing_it_should_not(
    client: Client,
    aiohttp_client: MakeClient,
    room: Room,
    backend: OwnerThreadBackend,
    room_file: RoomFile,
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a = options(backend, poll)[0]
    other = await aiohttp_client(build_app(room))
    await join(other, name="Segretissimo Rossi")
    res = await other.post(
        "/api/idea", json={"key": "idea-key-01", "text": "Un'idea dal fondo"}, headers=H
    )
    assert res.status == 200
    await cast(other, poll, [[a, 0, 2]], "rossi-vote-1")
    idea_id = backend.call(lambda s: s.pending()[0].id)
    backend.call(lambda s: s.accept(idea_id))
    backend.call(lambda s: s.svc.add_note("Nota riservata del facilitatore"))
    await join(client, name="Io")
    text = json.dumps(await state(client), ensure_ascii=False)
    assert "Un'idea dal fondo" in text  # accepted ideas are on the wall
    for secret in (
        "Segretissimo",
        "Rossi",
        "riservata",
        str(room_file.path),
        str(room_file.path.parent),
        "uuid",
        "token",
        "device_id",
    ):
        assert secret not in text, secret
    assert '"ballot": null' in text and '"results": null' in text


# --- ideas ------------------------------------------------------------------------------


async def test_idea_goes_to_moderation_then_becomes_a_note(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    await join(client, name="Marta")
    res = await client.post(
        "/api/idea", json={"key": "idea-key-01", "text": "  Più sportelli nei comuni  "}, headers=H
    )
    assert res.status == 200 and (await res.json())["status"] == "sent"
    # a retry of the same submission
    res = await client.post(
        "/api/idea", json={"key": "idea-key-01", "text": "  Più sportelli nei comuni  "}, headers=H
    )
    assert res.status == 200
    rows = file_rows(room_file.path, "SELECT text, author, status, agenda_item_id FROM room_ideas")
    assert rows == [("Più sportelli nei comuni", "Marta", "pending", room_file.item_id)]
    assert (await state(client))["ideas"] == [
        {"text": "Più sportelli nei comuni", "status": "pending"}
    ]
    idea_id = backend.call(lambda s: s.pending()[0].id)
    note_id = backend.call(lambda s: s.accept(idea_id, room_file.category_id))
    notes = file_rows(
        room_file.path,
        "SELECT text, speaker_name, category_id, agenda_item_id FROM notes WHERE id = ?",
        (note_id,),
    )
    assert notes == [
        ("Più sportelli nei comuni", "Marta", room_file.category_id, room_file.item_id)
    ]
    view = await state(client)
    assert view["wall"] == [
        {
            "id": idea_id,
            "text": "Più sportelli nei comuni",
            "votes": 0,
            "mine": True,
            "voted": False,
        }
    ]


async def test_question_anonymous_reject_merge_and_upvotes(
    client: Client,
    aiohttp_client: MakeClient,
    room: Room,
    backend: OwnerThreadBackend,
    room_file: RoomFile,
) -> None:
    qid = backend.call(lambda s: s.ask("Quali sfide avete incontrato?"))
    await join(client)
    view = await state(client)
    assert view["target"] == {"kind": "question", "title": "Quali sfide avete incontrato?"}
    for n, text in enumerate(["Poco tempo", "Mancanza di tempo", "Spam spam"]):
        res = await client.post("/api/idea", json={"key": f"idea-{n:06}", "text": text}, headers=H)
        assert res.status == 200
    first, dup, spam = (i.id for i in backend.call(lambda s: s.pending()))
    assert file_rows(room_file.path, "SELECT DISTINCT question_id FROM room_ideas") == [(qid,)]
    # upvoting a waiting idea is refused
    res = await client.post("/api/upvote", json={"idea": first}, headers=H)
    assert res.status == 422
    note_id = backend.call(lambda s: s.accept(first))
    backend.call(lambda s: s.reject(spam))
    assert file_rows(room_file.path, "SELECT speaker_name FROM notes WHERE id = ?", (note_id,)) == [
        ("anonimo",)
    ]
    # two phones upvote; each counts once
    other = await aiohttp_client(build_app(room))
    await join(other)
    for phone in (client, other, other):
        res = await phone.post("/api/upvote", json={"idea": first}, headers=H)
        assert res.status == 200
    assert file_rows(room_file.path, "SELECT count(*) FROM room_idea_votes") == [(2,)]
    # the duplicate is merged into the accepted idea
    backend.call(lambda s: s.merge(dup, first))
    assert file_rows(
        room_file.path, "SELECT status, merged_into FROM room_ideas WHERE id = ?", (dup,)
    ) == [("merged", first)]
    wall = (await state(other))["wall"]
    assert [(w["text"], w["votes"], w["voted"], w["mine"]) for w in wall] == [
        ("Poco tempo", 2, True, False)
    ]
    mine = [i["status"] for i in (await state(client))["ideas"]]
    assert mine == ["accepted", "merged", "rejected"]
    wall = await room.backend.projector_wall()
    assert [(i.text, i.votes) for i in wall] == [("Poco tempo", 2)]


async def test_removed_device_can_no_longer_write(
    client: Client, backend: OwnerThreadBackend, room: Room, room_file: RoomFile
) -> None:
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a = options(backend, poll)[0]
    await join(client)
    device_id = backend.call(lambda s: s.devices()[0].id)
    backend.call(lambda s: s.remove_device(device_id))
    res = await cast(client, poll, [[a, 0, 1]], "after-removal")
    assert res.status == 422 and (await res.json())["error"] == "removed"
    assert room_ballots(room_file.path, poll) == []
    room.forget_device(device_id)  # what the window does after removing a phone
    assert (await client.get("/api/state", headers=H)).status == 401
    res = await client.post("/api/join", json={}, headers=H)
    assert res.status == 422 and (await res.json())["error"] == "removed"


async def test_names_only_when_the_facilitator_asks(
    client: Client, room: Room, room_file: RoomFile
) -> None:
    room.ask_name = False
    data = await join(client, name="Chiara")
    assert data["ask_name"] is False and data["name"] == ""
    room.ask_name = True
    data = await join(client, name="Chiara")
    assert data["ask_name"] is True and data["name"] == "Chiara"
    assert file_rows(room_file.path, "SELECT name FROM room_devices") == [("Chiara",)]
    data = await join(client)  # no name sent: the name stays
    assert data["name"] == "Chiara"
    data = await join(client, name="")  # an empty name: anonymous again
    assert file_rows(room_file.path, "SELECT name FROM room_devices") == [("",)]


async def test_joining_can_be_closed(
    client: Client, aiohttp_client: MakeClient, room: Room
) -> None:
    await join(client)
    room.joining_open = False
    late = await aiohttp_client(build_app(room))
    res = await late.post("/api/join", json={}, headers=H)
    assert res.status == 403 and (await res.json())["error"] == "joining_closed"
    await join(client)  # a phone already in may come back (e.g. to change its language)


# --- limits -------------------------------------------------------------------------------


async def test_rate_limits_per_device_and_per_address(
    backend: OwnerThreadBackend, aiohttp_client: MakeClient, room_file: RoomFile
) -> None:
    limits = Limits(ideas_per_device=Rate(3, 60), join_per_address=Rate(4, 60))
    room = Room(backend, code=CODE, limits=limits)
    client = await aiohttp_client(build_app(room))
    await join(client)
    codes = []
    for n in range(5):
        res = await client.post("/api/idea", json={"key": f"rate-{n:06}", "text": "x"}, headers=H)
        codes.append(res.status)
    assert codes == [200, 200, 200, 429, 429]
    assert file_rows(room_file.path, "SELECT count(*) FROM room_ideas") == [(3,)]
    joins = [(await client.post("/api/join", json={}, headers=H)).status for _ in range(4)]
    assert joins[-1] == 429


async def test_request_size_is_limited(
    client: Client, backend: OwnerThreadBackend, room_file: RoomFile
) -> None:
    await join(client)
    res = await client.post(
        "/api/idea",
        data=json.dumps({"key": "big-idea-1", "text": "x" * 40_000}),
        headers={**H, "Content-Type": "application/json"},
    )
    assert res.status == 413
    assert file_rows(room_file.path, "SELECT count(*) FROM room_ideas") == [(0,)]
    res = await client.post("/api/idea", json={"key": "long-idea-1", "text": "y" * 1001}, headers=H)
    assert res.status == 422 and (await res.json())["error"] == "too_long"


async def test_the_phones_language(client: Client, aiohttp_client: MakeClient, room: Room) -> None:
    res = await client.post(
        "/api/join", json={}, headers={**H, "Accept-Language": "en-GB,en;q=0.9"}
    )
    assert (await res.json())["lang"] == "en"
    other = await aiohttp_client(build_app(room))
    res = await other.post(
        "/api/join", json={}, headers={**H, "Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}
    )
    assert (await res.json())["lang"] == "it"  # not Italian/English first: the workshop's
    view = await (await other.get("/api/state", headers=H)).json()
    assert view["lang"] == "it"


# --- live results ----------------------------------------------------------------------


async def test_websocket_needs_code_and_device(client: Client) -> None:
    res = await client.get("/api/ws")
    assert res.status == 403
    res = await client.get(f"/api/ws?code={CODE}")
    assert res.status == 401


async def test_results_are_pushed_only_when_visible(
    client: Client, backend: OwnerThreadBackend, room: Room, room_file: RoomFile
) -> None:
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a, b, _ = options(backend, poll)
    await join(client)
    ws = await client.ws_connect(f"/api/ws?code={CODE}")
    await cast(client, poll, [[a, 0, 1]], "hidden-vote-1")
    await room.push_once()
    with pytest.raises(TimeoutError):
        await ws.receive(timeout=0.3)  # results hidden: nothing pushed
    backend.call(lambda s: s.reveal(poll))
    room.mark_changed()
    got: list[dict[str, Any]] = []
    for _ in range(10):  # bounded: the pusher runs every 0.05 s here
        msg = await ws.receive(timeout=2)
        got.append(json.loads(msg.data))
        if any(m["t"] == "results" for m in got):
            break
    results = next(m for m in got if m["t"] == "results")["results"]
    assert results["poll"] == poll and results["ballots"] == 1
    assert {"t": "changed"} in got
    await ws.close()


async def test_projector_listener_gets_live_results_even_when_hidden(
    client: Client, backend: OwnerThreadBackend, room: Room, room_file: RoomFile
) -> None:
    poll = room_file.polls["dot"]
    open_poll(backend, poll)
    a, _, _ = options(backend, poll)
    seen: list[dict[str, Any]] = []
    room.add_results_listener(seen.append)
    await join(client)
    await cast(client, poll, [[a, 0, 2]], "projector-1")
    await room.push_once()
    assert seen[-1]["visible"] is False
    assert seen[-1]["results"]["rows"][0]["score"] == "2"


async def test_a_full_disk_refuses_the_ballot_and_keeps_the_previous_one(
    backend: OwnerThreadBackend, aiohttp_client: MakeClient, room_file: RoomFile
) -> None:
    room = Room(backend, code=CODE, limits=Limits(ballots_per_device=Rate(10_000, 60)))
    client = await aiohttp_client(build_app(room))
    poll = room_file.polls["approval"]
    open_poll(backend, poll)
    a, b, c = options(backend, poll)
    await join(client)

    def fill_up(s: Any) -> None:
        conn = s.svc.file.db.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    backend.call(fill_up)
    failed = None
    for n in range(400):  # bounded: a few pages fill up long before
        res = await cast(
            client, poll, [[a, 0, 1], [b, 0, 1]] if n % 2 else [[c, 0, 1]], f"full-{n:06}"
        )
        if res.status != 200:
            failed = (n, res.status, await res.json())
            break
    assert failed is not None
    n, status, data = failed
    assert status == 503 and data["error"] == "busy" and data["ok"] is False
    stored = room_ballots(room_file.path, poll)
    live = [x for x in stored if not x["deleted"]]
    assert len(live) == 1 and live[0]["key"] == f"full-{n - 1:06}"  # the last one that was saved
    assert all(x["entries"] for x in stored)  # no ballot without its content
    assert f"full-{n:06}" not in {x["key"] for x in stored}
    backend.call(lambda s: s.svc.file.db.conn.execute("PRAGMA max_page_count = 1073741823"))
    res = await cast(client, poll, [[c, 0, 1]], f"full-{n:06}")  # the phone's retry
    assert (await res.json())["status"] == "recorded"
    assert file_rows(room_file.path, "PRAGMA integrity_check") == [("ok",)]
