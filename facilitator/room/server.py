"""The room server: an aiohttp application (HTTP + WebSocket) phones use to vote and send
ideas, and the thread that runs it with its own asyncio loop.

Rules every request meets (see README, "What the room server guarantees"):

- the room code (6 characters, random each time the room opens, compared in constant
  time) is needed for everything but the page itself; the device token (a random cookie,
  only its hash is stored) for everything after joining;
- state-changing requests are JSON POSTs carrying the device cookie and the room code in
  an ``X-Room-Code`` header (a cross-site form can send neither), from our own origin;
- rate limits per device and per address; bodies at most ``Limits.max_body`` bytes;
- a strict Content-Security-Policy (and no-sniff, no-referrer, no framing) on every
  response; static files only from a list made at start-up from ``resources/room/``;
- the Host header must name the address the room is bound to (no DNS rebinding).

Writes go through a :class:`RoomBackend`; the server has no connection of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import gc
import hashlib
import hmac
import json
import logging
import mimetypes
import secrets
import socket
import threading
import time
import weakref
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from facilitator.domain import room as r
from facilitator.domain.errors import FacilitatorError, NotFound, ValidationError
from facilitator.domain.voting import Ballot
from facilitator.paths import resource
from facilitator.room import messages
from facilitator.room.backend import RoomBackend
from facilitator.services.operations import Changes, Kind

log = logging.getLogger(__name__)

COOKIE = "fac_device"
CODE_HEADER = "X-Room-Code"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 6
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
MAX_ENTRIES = 2000  # (option, criterion) pairs in one ballot


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(value: str) -> str:
    return "".join(value.split()).upper()[:32]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True)
class Rate:
    """At most ``count`` events per ``per`` seconds (a token bucket of ``count``)."""

    count: float
    per: float


@dataclass(frozen=True)
class Limits:
    join_per_address: Rate = Rate(20, 60)
    requests_per_address: Rate = Rate(600, 60)
    reads_per_device: Rate = Rate(240, 60)
    ballots_per_device: Rate = Rate(30, 60)
    ideas_per_device: Rate = Rate(10, 60)
    upvotes_per_device: Rate = Rate(60, 60)
    claims_per_device: Rate = Rate(6, 60)  # a join code typed: guessing one is hopeless
    claims_per_address: Rate = Rate(30, 60)
    max_devices: int = 500
    max_body: int = 16 * 1024
    max_sockets_per_device: int = 3


class RateLimiter:
    """Token buckets by key. Memory is bounded: idle full buckets are dropped."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    def allow(self, kind: str, key: str, rate: Rate) -> bool:
        now = self._clock()
        tokens, last = self._buckets.get((kind, key), (rate.count, now))
        tokens = min(rate.count, tokens + (now - last) * rate.count / rate.per)
        if tokens < 1:
            self._buckets[(kind, key)] = (tokens, now)
            return False
        self._buckets[(kind, key)] = (tokens - 1, now)
        if len(self._buckets) > 50_000:
            self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}
        return True


@dataclass
class DeviceEntry:
    device_id: int
    language: str
    sockets: list[web.WebSocketResponse] = field(default_factory=list)


class Registry:
    """The devices seen since the room opened: token hash → device, and their sockets."""

    def __init__(self) -> None:
        self.by_hash: dict[str, DeviceEntry] = {}

    def sockets(self) -> list[tuple[DeviceEntry, web.WebSocketResponse]]:
        return [(d, ws) for d in self.by_hash.values() for ws in d.sockets]


ResultsListener = Callable[[dict[str, Any]], None]


class Room:
    """One opening of the room: its code, devices, limits and push hub."""

    def __init__(
        self,
        backend: RoomBackend,
        *,
        code: str | None = None,
        limits: Limits | None = None,
        push_interval: float = 0.5,
        allowed_hosts: set[str] | None = None,
        static_dir: Path | None = None,
        taker_code: str | None = None,
    ) -> None:
        self.backend = backend
        self.code = code or new_code()
        self.limits = limits or Limits()
        self.push_interval = min(push_interval, 1.0)
        self.allowed_hosts = allowed_hosts  # None: any (the test client sets its own)
        self.joining_open = True
        self.ask_name = False  # anonymous by default; the facilitator may ask for names
        # or link phones to the participant list (pick your name, type your join code)
        self.participants = False
        self.registry = Registry()
        self.limiter = RateLimiter()
        self.language = "it"
        self._results_dirty = True
        self._state_dirty = False
        self._listeners: list[ResultsListener] = []
        self._tasks: set[asyncio.Future[Any]] = set()
        self.static = _static_files(static_dir or resource("room"))
        self.all_sockets: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        # note-takers' laptops (linked copies): their own code, never on the projector
        from facilitator.room.takers import TAKER_CODE_LENGTH, TakerHub

        self.taker_code = new_code(TAKER_CODE_LENGTH) if taker_code is None else taker_code
        self.takers = TakerHub(self)

    # --- called from any thread through RoomServer, or from the loop ------------------

    def code_matches(self, value: str | None) -> bool:
        given = normalise_code(value or "").encode()
        return hmac.compare_digest(given, self.code.encode())

    def taker_code_matches(self, value: str | None) -> bool:
        given = normalise_code(value or "").encode()
        return hmac.compare_digest(given, self.taker_code.encode())

    def mark_changed(self, results: bool = True) -> None:
        """Something phones show changed (a poll opened, an idea was accepted...)."""
        self._state_dirty = True
        if results:
            self._results_dirty = True

    def forget_device(self, device_id: int) -> None:
        """A removed phone: drop it from the registry (its next request is refused) and
        close its sockets. Call on the room's loop."""
        for h, entry in list(self.registry.by_hash.items()):
            if entry.device_id == device_id:
                del self.registry.by_hash[h]
                for ws in entry.sockets:
                    task = asyncio.ensure_future(ws.close(code=1008, message=b"removed"))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)

    def mark_results(self) -> None:
        """A ballot arrived: the live results change (the phones' pages do not)."""
        self._results_dirty = True

    def add_results_listener(self, listener: ResultsListener) -> None:
        """``listener(live)`` is called on the room's loop with the live results of the
        current poll (hidden or not: for the laptop's projector), at most every
        ``push_interval`` seconds and only when something changed."""
        self._listeners.append(listener)

    # --- push -------------------------------------------------------------------------

    async def pusher(self) -> None:
        while True:
            await asyncio.sleep(self.push_interval)
            try:
                await self.push_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # a failed push is tried again at the next tick
                log.exception("room push failed")

    async def push_once(self) -> None:
        state, results = self._state_dirty, self._results_dirty
        self._state_dirty = self._results_dirty = False
        live = None
        if results:
            live = await self.backend.live()
            for listener in list(self._listeners):
                try:
                    listener(live or {})
                except Exception:
                    log.exception("results listener failed")
        messages_out: list[str] = []
        if state:
            messages_out.append(json.dumps({"t": "changed"}))
        if live is not None and live["visible"]:
            messages_out.append(json.dumps({"t": "results", "results": live["results"]}))
        if not messages_out:
            return
        sends = [
            ws.send_str(m)
            for _, ws in self.registry.sockets()
            if not ws.closed
            for m in messages_out
        ]
        if sends:
            await asyncio.gather(*sends, return_exceptions=True)

    async def close_sockets(self) -> None:
        closing = [ws.close(code=1001, message=b"room closed") for ws in list(self.all_sockets)]
        if closing:
            await asyncio.wait_for(asyncio.gather(*closing, return_exceptions=True), 0.5)


def _static_files(folder: Path) -> dict[str, tuple[bytes, str]]:
    """Name → (bytes, content type) of the files directly in ``folder``, read once.
    Requests name one of these; nothing else on disk can ever be served."""
    out: dict[str, tuple[bytes, str]] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind in ("application/javascript", "image/svg+xml"):
                kind += "; charset=utf-8"
            out[path.name] = (path.read_bytes(), kind)
    return out


ROOM_KEY: web.AppKey[Room] = web.AppKey("room", Room)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# --- helpers ----------------------------------------------------------------------------


def _address(request: web.Request) -> str:
    return request.remote or "?"


def phone_language(accept: str, default: str) -> str:
    """Italian or English if the phone's first preference is one of them, else ``default``."""
    best: tuple[float, str] | None = None
    for part in accept.split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = tag.strip().lower().split("-")[0]
        if lang and (best is None or q > best[0]):
            best = (q, lang)
    if best and best[1] in ("it", "en"):
        return best[1]
    return default


class PhoneError(Exception):
    def __init__(self, status: int, rule: str, **params: Any) -> None:
        super().__init__(rule)
        self.status = status
        self.rule = rule
        self.params = params


def _json_error(status: int, rule: str, language: str, **params: Any) -> web.Response:
    return web.json_response(
        {"ok": False, "error": rule, "message": messages.text(rule, language, **params)},
        status=status,
    )


_phone_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "phone_language", default=None
)


def _request_language(request: web.Request) -> str:
    """The language of the device making this request, once known; else the phone's."""
    known = _phone_language.get()
    if known is not None:
        return known
    room = request.app[ROOM_KEY]
    return phone_language(request.headers.get("Accept-Language", ""), room.language)


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    if room.allowed_hosts is not None:
        host = (request.host or "").rsplit(":", 1)[0].strip("[]").lower()
        if host not in room.allowed_hosts:
            return web.Response(status=421, text="wrong host")
    if not room.limiter.allow("request", _address(request), room.limits.requests_per_address):
        return _json_error(429, "rate", _request_language(request))
    _phone_language.set(None)
    try:
        return await handler(request)
    except PhoneError as exc:
        return _json_error(exc.status, exc.rule, _request_language(request), **exc.params)
    except NotFound:
        return _json_error(404, "invalid", _request_language(request))
    except FacilitatorError as exc:
        rule, text = messages.for_error(exc, _request_language(request))
        status = 422 if isinstance(exc, ValidationError) else 503
        return web.json_response({"ok": False, "error": rule, "message": text}, status=status)
    except web.HTTPRequestEntityTooLarge:
        return _json_error(413, "too_big", _request_language(request))
    except web.HTTPException:
        raise
    except Exception:
        log.exception("room request failed")
        return _json_error(500, "busy", _request_language(request))


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    for key, value in SECURITY_HEADERS.items():
        response.headers[key] = value
    response.headers.pop("Server", None)
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"


def _check_code(request: web.Request, value: str | None = None) -> None:
    room = request.app[ROOM_KEY]
    given = value if value is not None else request.headers.get(CODE_HEADER)
    if not room.code_matches(given):
        raise PhoneError(403, "code")


def _check_origin(request: web.Request) -> None:
    origin = request.headers.get("Origin")
    if origin is not None and origin != f"{request.scheme}://{request.host}":
        raise PhoneError(403, "code")


async def _body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise PhoneError(415, "bad_request")
    raw = await request.read()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise PhoneError(400, "bad_request") from exc
    if not isinstance(data, dict):
        raise PhoneError(400, "bad_request")
    return data


async def _known_device(room: Room, token: str) -> DeviceEntry | None:
    """The registry's entry of the device holding ``token`` (asking the backend once)."""
    if not token or len(token) > 100:
        return None
    h = token_hash(token)
    entry = room.registry.by_hash.get(h)
    if entry is None:
        device = await room.backend.device(h)
        if device is None or device.removed:
            return None
        entry = room.registry.by_hash.setdefault(h, DeviceEntry(device.id, device.language))
    return entry


async def _device(request: web.Request) -> DeviceEntry:
    """The joined, not removed device of this request (cookie + code)."""
    _check_code(request)
    entry = await _known_device(request.app[ROOM_KEY], request.cookies.get(COOKIE, ""))
    if entry is None:
        raise PhoneError(401, "no_device")
    _phone_language.set(entry.language)
    return entry


async def _phone_write(request: web.Request, kind: str) -> tuple[Room, DeviceEntry, dict[str, Any]]:
    """The checks of every state-changing request: our origin, the code, the device,
    the device's rate for ``kind``, a JSON object body."""
    room = request.app[ROOM_KEY]
    _check_origin(request)
    entry = await _device(request)
    rates = {
        "ballot": room.limits.ballots_per_device,
        "idea": room.limits.ideas_per_device,
        "upvote": room.limits.upvotes_per_device,
    }
    _limit(request, kind, entry, rates[kind])
    return room, entry, await _body(request)


def _limit(request: web.Request, kind: str, entry: DeviceEntry, rate: Rate) -> None:
    if not request.app[ROOM_KEY].limiter.allow(kind, str(entry.device_id), rate):
        raise PhoneError(429, "rate")


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**62:
        raise PhoneError(400, "bad_request")
    return value


def parse_ballot(entries: Any) -> Ballot:
    """``[[option_id, criterion, value], ...]`` from a phone → a Ballot (the domain checks
    it against the poll's rules)."""
    if not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise PhoneError(400, "bad_request")
    values: dict[tuple[int, int], int] = {}
    for item in entries:
        if not isinstance(item, list) or len(item) != 3:
            raise PhoneError(400, "bad_request")
        option, criterion, value = (_int(x) for x in item)
        if (option, criterion) in values:
            raise PhoneError(400, "bad_request")
        values[(option, criterion)] = value
    return Ballot(values)


# --- handlers ---------------------------------------------------------------------------


async def page(request: web.Request) -> web.Response:
    body, kind = request.app[ROOM_KEY].static["index.html"]
    return web.Response(body=body, headers={"Content-Type": kind, "Cache-Control": "no-store"})


async def static(request: web.Request) -> web.Response:
    found = request.app[ROOM_KEY].static.get(request.match_info["name"])
    if found is None or found[1].startswith("text/html"):
        raise web.HTTPNotFound()
    body, kind = found
    return web.Response(body=body, headers={"Content-Type": kind, "Cache-Control": "no-cache"})


async def join(request: web.Request) -> web.Response:
    room = request.app[ROOM_KEY]
    _check_origin(request)
    if not room.limiter.allow("join", _address(request), room.limits.join_per_address):
        raise PhoneError(429, "rate")
    _check_code(request)
    data = await _body(request)
    language = data.get("lang")
    if language not in ("it", "en"):
        language = phone_language(request.headers.get("Accept-Language", ""), room.language)
    token = request.cookies.get(COOKIE, "")
    known = None
    if token and len(token) <= 100:
        known = await room.backend.device(token_hash(token))
        if known is not None and known.removed:
            raise PhoneError(422, "removed")
    if known is None:
        if not room.joining_open:
            raise PhoneError(403, "joining_closed")
        if len(room.registry.by_hash) >= room.limits.max_devices:
            raise PhoneError(403, "full")
        token = secrets.token_urlsafe(32)
    name = data.get("name") if room.ask_name and not room.participants else None
    device = await room.backend.join(token_hash(token), name, language)
    h = token_hash(token)
    entry = room.registry.by_hash.get(h)
    if entry is None:
        room.registry.by_hash[h] = DeviceEntry(device.id, device.language)
    else:
        entry.language = device.language
    me = await room.backend.participant_of(device.id) if room.participants else None
    response = web.json_response(
        {
            "ok": True,
            "lang": device.language,
            "name": device.name if room.ask_name and not room.participants else "",
            "ask_name": room.ask_name and not room.participants,
            "mode": _mode(room),
            "participant": me[1] if me else "",
        }
    )
    response.set_cookie(
        COOKIE, token, max_age=3 * 24 * 3600, httponly=True, samesite="Strict", path="/"
    )
    return response


def _mode(room: Room) -> str:
    if room.participants:
        return "participants"
    return "name" if room.ask_name else "anonymous"


async def participant_list(request: web.Request) -> web.Response:
    """The names a phone may pick (participants' mode): name, organisation, taken."""
    room = request.app[ROOM_KEY]
    entry = await _device(request)
    _limit(request, "read", entry, room.limits.reads_per_device)
    if not room.participants:
        raise PhoneError(404, "no_list")
    listed = await room.backend.participant_list()
    info = await room.backend.info()
    return web.json_response(
        {
            "ok": True,
            "workshop": info.title,
            "participants": [
                {"id": p.id, "name": p.name, "org": p.organisation, "taken": p.taken}
                for p in listed
            ],
        }
    )


async def claim(request: web.Request) -> web.Response:
    """The phone picked a name and typed that participant's code."""
    room = request.app[ROOM_KEY]
    _check_origin(request)
    entry = await _device(request)
    if not room.participants:
        raise PhoneError(404, "no_list")
    if not room.limiter.allow("claim-address", _address(request), room.limits.claims_per_address):
        raise PhoneError(429, "rate")
    _limit(request, "claim", entry, room.limits.claims_per_device)
    data = await _body(request)
    claimed = await room.backend.claim(entry.device_id, data.get("participant"), data.get("code"))
    if not claimed.again:
        room.mark_changed(results=False)
    return web.json_response(
        {
            "ok": True,
            "participant": claimed.name,
            "message": messages.text("claimed", entry.language, name=claimed.name),
        }
    )


async def state(request: web.Request) -> web.Response:
    room = request.app[ROOM_KEY]
    entry = await _device(request)
    _limit(request, "read", entry, room.limits.reads_per_device)
    view = await room.backend.phone_view(entry.device_id, entry.language)
    return web.json_response({"ok": True, "mode": _mode(room), **view})


async def ballot(request: web.Request) -> web.Response:
    room, entry, data = await _phone_write(request, "ballot")
    poll_id = _int(data.get("poll"))
    key = r.check_key(data.get("key"))
    parsed = parse_ballot(data.get("entries"))
    outcome = await room.backend.cast(entry.device_id, poll_id, parsed, key, room.participants)
    if not outcome.duplicate:
        room.mark_results()
    said = "replaced" if outcome.replaced else "recorded"
    return web.json_response(
        {
            "ok": True,
            "status": "already" if outcome.duplicate else "recorded",
            "replaced": outcome.replaced,
            "message": messages.text(said, entry.language),
        }
    )


async def idea(request: web.Request) -> web.Response:
    room, entry, data = await _phone_write(request, "idea")
    key = r.check_key(data.get("key"))
    await room.backend.submit_idea(entry.device_id, key, data.get("text"), room.participants)
    return web.json_response(
        {"ok": True, "status": "sent", "message": messages.text("sent", entry.language)}
    )


async def upvote(request: web.Request) -> web.Response:
    room, entry, data = await _phone_write(request, "upvote")
    counted = await room.backend.upvote(entry.device_id, _int(data.get("idea")), room.participants)
    if counted:
        room.mark_changed(results=False)
    return web.json_response({"ok": True, "status": "counted" if counted else "already"})


async def websocket(request: web.Request) -> web.StreamResponse:
    room = request.app[ROOM_KEY]
    _check_origin(request)
    code = request.query.get("code")
    entry = await _device_for_socket(request, code)
    ws = web.WebSocketResponse(heartbeat=20, max_msg_size=1024)
    await ws.prepare(request)
    room.all_sockets.add(ws)
    entry.sockets.append(ws)
    while len(entry.sockets) > room.limits.max_sockets_per_device:
        old = entry.sockets.pop(0)
        await old.close(code=1008, message=b"too many sockets")
    try:
        async for msg in ws:
            if msg.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                break
            # phones only listen; anything they send is ignored
    finally:
        with contextlib.suppress(ValueError):
            entry.sockets.remove(ws)
    return ws


async def _device_for_socket(request: web.Request, code: str | None) -> DeviceEntry:
    room = request.app[ROOM_KEY]
    if not room.code_matches(code):
        raise PhoneError(403, "code")
    entry = await _known_device(room, request.cookies.get(COOKIE, ""))
    if entry is None:
        raise PhoneError(401, "no_device")
    return entry


def build_app(room: Room) -> web.Application:
    app = web.Application(middlewares=[_guard], client_max_size=room.limits.max_body)
    app[ROOM_KEY] = room
    app.on_response_prepare.append(_headers)
    app.router.add_get("/", page)
    app.router.add_get(r"/j/{code:[A-Za-z0-9]{1,32}}", page)
    app.router.add_get(r"/static/{name:[A-Za-z0-9_.-]{1,64}}", static)
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/state", state)
    app.router.add_post("/api/ballot", ballot)
    app.router.add_post("/api/idea", idea)
    app.router.add_post("/api/upvote", upvote)
    app.router.add_get("/api/participants", participant_list)
    app.router.add_post("/api/claim", claim)
    app.router.add_get("/api/ws", websocket)
    from facilitator.room import takers

    takers.add_routes(app)

    async def start_push(app: web.Application) -> Any:
        info = await room.backend.info()
        room.language = info.language
        task = asyncio.get_running_loop().create_task(room.pusher())
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def close_sockets(app: web.Application) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await room.close_sockets()
        await room.takers.close()

    app.cleanup_ctx.append(start_push)
    app.on_shutdown.append(close_sockets)
    return app


# What no phone's page shows (a phone learns no notes, no map, no actions...): such a
# change does not make every phone reload. Ballots push the live results instead, and
# Kind.ROOM counts only for its id 0 (phones joining or leaving, id 1, do not).
_UNSEEN_BY_PHONES = frozenset(
    {Kind.BALLOT, Kind.ROOM, Kind.NOTE, Kind.ACTION, Kind.BOARD, Kind.ACTOR, Kind.RELATION}
)


def phones_see(changes: Changes) -> bool:
    """Whether ``changes`` touch anything a phone's page shows."""
    return bool(changes.kinds() - _UNSEEN_BY_PHONES) or 0 in changes.ids(Kind.ROOM)


class RoomServer:
    """The room in its own thread with its own asyncio loop. ``start()`` returns once the
    socket is bound (``url``, ``join_url`` and ``code`` are then known); ``stop()`` closes
    every socket and returns within about a second."""

    def __init__(
        self,
        backend: RoomBackend,
        host: str,
        port: int = 0,
        *,
        limits: Limits | None = None,
        push_interval: float = 0.5,
        code: str | None = None,
        taker_code: str | None = None,
    ) -> None:
        from facilitator.room.network import check_host

        self.host = check_host(host)
        if self.host in ("0.0.0.0", "::"):
            raise ValueError("the room binds to one address of this computer, not to all")
        self.requested_port = port
        hosts = {self.host.lower()}
        if self.host.startswith("127.") or self.host == "::1":
            hosts.add("localhost")
        self.room = Room(
            backend,
            code=code,
            limits=limits,
            push_interval=push_interval,
            allowed_hosts=hosts,
            taker_code=taker_code,
        )
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._started: threading.Event = threading.Event()
        self._error: BaseException | None = None

    @property
    def code(self) -> str:
        return self.room.code

    @property
    def taker_code(self) -> str:
        """The note-takers' code: for the facilitator's screen, never the projector."""
        return self.room.taker_code

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.url}/j/{self.code}"

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the room is already open")
        self._thread = threading.Thread(target=self._main, name="room-server", daemon=True)
        self._thread.start()
        self._started.wait()
        if self._error is not None:
            self._thread.join()
            self._thread = None
            raise self._error

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._open())
        except BaseException as exc:
            self._error = exc
            self._started.set()
            loop.close()
            return
        self._started.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(self._close())
            loop.run_until_complete(loop.shutdown_asyncgens())
            self._abort_transports(loop)  # any made while the generators shut down
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    async def _open(self) -> None:
        self._runner = web.AppRunner(
            build_app(self.room), shutdown_timeout=0.5, access_log=None, handle_signals=False
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.requested_port, reuse_address=True)
        await site.start()
        listening = site._server
        self._listening = listening
        sockets = getattr(listening, "sockets", None) or []
        self.port = int(sockets[0].getsockname()[1]) if sockets else self.requested_port

    async def _close(self) -> None:
        """Close the room and every socket it accepted, before the loop goes.

        aiohttp's cleanup stops listening, closes idle keep-alive connections, gives
        running handlers ``shutdown_timeout``, cancels them and closes their transports.
        When the room stops in the middle of a note-taker's request (its client retries
        every fraction of a second), a connection can escape it: measured with
        ``benchmarks/room_stop.py``, 5 stops in 300 left one server-side socket open, never registered with aiohttp's server (its handler never saw
        ``connection_made``) and no longer known to the loop's own table of transports,
        so nothing closed it and the garbage collector did, with a ResourceWarning.
        Here, after the cleanup, the handlers still running are cancelled and every
        transport of this loop still open, found among the live objects, is aborted;
        the loop then turns until their sockets are closed.
        """
        runner = self._runner
        if runner is None:
            return
        listening = getattr(self, "_listening", None)
        if listening is not None:  # no connection accepted from now on
            listening.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(runner.cleanup(), 2.0)
        for _ in range(3):  # connections being accepted now finish being made
            await asyncio.sleep(0)
        me = asyncio.current_task()
        loop = asyncio.get_running_loop()
        # A connection accepted just before the stop is made by a task of its own, which
        # can start after a first sweep: sweep until no task is left (bounded).
        for _ in range(5):
            rest = [t for t in asyncio.all_tasks() if t is not me]
            for task in rest:  # handlers still running: cancelled, and waited for
                task.cancel()
            if rest:
                await asyncio.wait(rest, timeout=1.0)
            self._abort_transports(loop)
            for _ in range(3):  # an aborted transport closes its socket on the next turn
                await asyncio.sleep(0)
            if not [t for t in asyncio.all_tasks() if t is not me]:
                break
        # Last, any socket of this room's port still open: closed here, not by the
        # collector.
        for obj in gc.get_objects():
            if type(obj) is not socket.socket:
                continue
            with contextlib.suppress(OSError):
                if (
                    obj.fileno() != -1
                    and obj.family in (socket.AF_INET, socket.AF_INET6)
                    and obj.getsockname()[1] == self.port
                ):
                    obj.close()

    @staticmethod
    def _abort_transports(loop: asyncio.AbstractEventLoop) -> None:
        """Abort every transport of ``loop`` still holding a socket, found among the
        live objects (aiohttp's cleanup does not know every one: see ``_close``)."""
        for obj in gc.get_objects():
            # type(), not isinstance(): a dead weak proxy or an odd __class__ raises
            if not issubclass(type(obj), asyncio.Transport):
                continue
            try:
                sock = obj.get_extra_info("socket")
                if getattr(obj, "_loop", None) is loop and sock is not None:
                    obj.abort()  # at once, whatever is left unsent (a no-op if closed)
            except Exception:  # one odd transport must not keep the others open
                log.exception("closing a transport of the room failed")

    def call(self, coro_fn: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
        """Run ``await coro_fn()`` on the room's loop and wait for it (from another thread)."""
        if self._loop is None:
            raise RuntimeError("the room is not open")
        return asyncio.run_coroutine_threadsafe(coro_fn(), self._loop).result()

    def notify(self, changes: Changes) -> None:
        """A change to the workshop, from anyone (thread-safe): the phones' pages reload
        only if it is something they show; a ballot only refreshes the live results."""
        if phones_see(changes):
            self.notify_changed(results=True)
        elif changes.touches(Kind.BALLOT) and self._loop is not None:
            self._loop.call_soon_threadsafe(self.room.mark_results)

    def notify_changed(self, results: bool = True) -> None:
        """Tell the phones something changed (thread-safe: the window calls it)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.room.mark_changed, results)

    def forget_device(self, device_id: int) -> None:
        """After removing a phone (thread-safe)."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self.room.forget_device, device_id)

    def set_joining(self, open_: bool) -> None:
        self.room.joining_open = open_

    def stop(self) -> None:
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._thread = None
        self._loop = None

    def __enter__(self) -> RoomServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
