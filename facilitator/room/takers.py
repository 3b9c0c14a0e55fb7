"""The hub's side of linked copies (issue 15 A): note-takers' laptops join the room with
their own code and send their notes; every note-taker's notes are pushed to every copy.

Routes (all under ``/api/taker/``; none is reachable with the phones' code):

- ``POST join`` — header ``X-Taker-Code`` (the note-takers' code, shown on the
  facilitator's screen only) and ``{"name": ...}`` → ``{"token", "client_uuid",
  "workshop_uuid"}``. The token (random; only its hash is stored, in ``linked_clients``)
  is the laptop's credential from then on, also after the room reopens with new codes;
- ``GET copy`` — the whole workshop file (a consistent copy), the start of a copy;
- ``GET feed?since=CURSOR`` — the mirror (agenda, categories, participants, the
  workshop's details) and the notes changed since the cursor;
- ``POST notes`` — ``{"notes": [entry, ...]}``: a batch of note states, applied in order
  in one transaction through the backend (in the window: ``document.submit``);
  answered only once committed, with each note's state on the hub;
- ``GET ws`` — a WebSocket that says ``{"t": "changed"}`` whenever notes or the mirror
  change (the copy then asks for the feed).

Every request after joining carries ``Authorization: Bearer TOKEN``. The laptop is not a
browser: no cookie is used, and pages of other sites cannot send that header.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import tempfile
from pathlib import Path

from aiohttp import WSMsgType, web

from facilitator.room.server import ROOM_KEY, PhoneError, Room, _address, _body, token_hash
from facilitator.services.operations import ApplyTakerNotes
from facilitator.storage.linked import Client

TAKER_CODE_HEADER = "X-Taker-Code"
TAKER_CODE_LENGTH = 8
MAX_NOTES_BODY = 4 * 1024 * 1024  # a batch of notes (the phones' limit is far smaller)


class TakerHub:
    """The note-takers' sockets of one room, and the push that tells them of changes."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.sockets: set[web.WebSocketResponse] = set()
        self._task: asyncio.Task[None] | None = None
        self._version = ""

    def nudge(self) -> None:
        """Something changed (a batch was applied): tell every copy now."""
        self._version = ""

    def ensure_pushing(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._push())

    async def _push(self) -> None:
        while self.sockets:
            try:
                version = await self.room.backend.taker_version()
                if version != self._version:
                    self._version = version
                    message = json.dumps({"t": "changed"})
                    await asyncio.gather(
                        *(ws.send_str(message) for ws in list(self.sockets) if not ws.closed),
                        return_exceptions=True,
                    )
            except asyncio.CancelledError:
                raise
            except Exception:  # tried again at the next tick
                pass
            await asyncio.sleep(self.room.push_interval)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        closing = [ws.close(code=1001, message=b"room closed") for ws in list(self.sockets)]
        if closing:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.gather(*closing, return_exceptions=True), 0.5)


def _room(request: web.Request) -> Room:
    return request.app[ROOM_KEY]


def _error(status: int, rule: str) -> PhoneError:
    return PhoneError(status, rule)


async def _client(request: web.Request) -> Client:
    auth = request.headers.get("Authorization", "")
    token = auth[7:] if auth.startswith("Bearer ") else ""
    if not token or len(token) > 100:
        raise _error(401, "no_device")
    client = await _room(request).backend.taker(token_hash(token))
    if client is None or client.removed:
        raise _error(401, "no_device")
    return client


async def join(request: web.Request) -> web.Response:
    room = _room(request)
    if not room.limiter.allow("taker_join", _address(request), room.limits.join_per_address):
        raise _error(429, "rate")
    if not room.taker_code_matches(request.headers.get(TAKER_CODE_HEADER)):
        raise _error(403, "code")
    data = await _body(request)
    token = secrets.token_urlsafe(32)
    client = await room.backend.taker_join(token_hash(token), data.get("name"))
    info = await room.backend.taker_feed("~")  # only the workshop's UUID is needed
    return web.json_response(
        {
            "ok": True,
            "token": token,
            "client_uuid": client.uuid,
            "name": client.name,
            "workshop_uuid": info["workshop_uuid"],
        }
    )


async def copy(request: web.Request) -> web.StreamResponse:
    await _client(request)
    with tempfile.TemporaryDirectory(prefix="facilitator-copy-") as folder:
        target = Path(folder) / "copy.workshop"
        await _room(request).backend.taker_copy(target)
        body = await asyncio.to_thread(target.read_bytes)
    return web.Response(body=body, content_type="application/octet-stream")


async def feed(request: web.Request) -> web.Response:
    await _client(request)
    since = request.query.get("since", "")
    if len(since) > 40:
        raise _error(400, "bad_request")
    return web.json_response({"ok": True, **await _room(request).backend.taker_feed(since)})


async def notes(request: web.Request) -> web.Response:
    client = await _client(request)
    if request.content_type != "application/json":
        raise _error(415, "bad_request")
    if (request.content_length or 0) > MAX_NOTES_BODY:
        raise _error(413, "too_big")
    raw = await request.content.read(MAX_NOTES_BODY + 1)
    if len(raw) > MAX_NOTES_BODY:
        raise _error(413, "too_big")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _error(400, "bad_request") from exc
    if not isinstance(data, dict):
        raise _error(400, "bad_request")
    op = ApplyTakerNotes(client, data.get("notes"))
    room = _room(request)
    await room.backend.run_op(op)
    room.takers.nudge()
    applied = op.applied
    return web.json_response({"ok": True, "acks": applied.acks, "conflicts": applied.conflicts})


async def websocket(request: web.Request) -> web.StreamResponse:
    await _client(request)
    room = _room(request)
    ws = web.WebSocketResponse(heartbeat=10, max_msg_size=1024)
    await ws.prepare(request)
    room.takers.sockets.add(ws)
    room.takers.nudge()
    room.takers.ensure_pushing()
    try:
        async for msg in ws:
            if msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break  # copies only listen
    finally:
        room.takers.sockets.discard(ws)
    return ws


def add_routes(app: web.Application) -> None:
    app.router.add_post("/api/taker/join", join)
    app.router.add_get("/api/taker/copy", copy)
    app.router.add_get("/api/taker/feed", feed)
    app.router.add_post("/api/taker/notes", notes)
    app.router.add_get("/api/taker/ws", websocket)
