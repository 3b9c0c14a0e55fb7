"""The note-taker's side of a linked copy: join a room, then keep the copy in step with
the hub from a thread with its own asyncio loop (aiohttp client). No Qt.

The client never touches the local file itself: it hands reads and operations to a
:class:`Local` (in the window: the document, whose GUI thread owns the writing
connection; headless: :class:`OwnerThreadLocal`). Notes are written locally first, as
always; the client sends the outbox (see ``facilitator.services.linked``) and marks
notes acknowledged only once the hub has answered that it committed them. A lost
network, a stopped hub, a sleeping laptop or a killed process only delay that: the
outbox is in the file and resending is idempotent.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

import aiohttp

from facilitator.domain.errors import FacilitatorError, ValidationError
from facilitator.services.linked import MAX_BATCH, LinkedService, Status
from facilitator.services.operations import AcknowledgeNotes, ApplyHubFeed, Changes, Operation
from facilitator.services.workshop import WorkshopService
from facilitator.storage.linked import Link

log = logging.getLogger(__name__)
T = TypeVar("T")

TAKER_CODE_HEADER = "X-Taker-Code"
# A hub that went away must show as "offline" within seconds: a request on a connection
# the hub dropped without a word waits at most sock_read (the hub answers in milliseconds).
TIMEOUT = aiohttp.ClientTimeout(total=60, connect=5, sock_read=8)


class JoinError(FacilitatorError):
    """Joining the room failed (wrong code, no room at that address...)."""

    code = "join_failed"


def hub_url(text: str) -> str:
    """``http://host:port`` from what the note-taker typed: an address with or without
    ``http://``, or the phones' join URL."""
    text = text.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        parts = urlsplit("")
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not re.fullmatch(r"[A-Za-z0-9.\-:\[\]]+", parts.netloc)
    ):
        raise ValidationError("url", f"not a room address: {text}", rule="url")
    return f"{parts.scheme}://{parts.netloc}"


class Local(Protocol):
    """The linked copy's file, on the thread that owns its writing connection."""

    def call(self, fn: Callable[[WorkshopService], T]) -> concurrent.futures.Future[T]: ...

    def run(self, op: Operation) -> concurrent.futures.Future[Changes]: ...


class OwnerThreadLocal:
    """Headless: the file opened and used on one dedicated thread."""

    def __init__(self, path: Path | str) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="linked-copy")
        self.svc = self._pool.submit(WorkshopService.open, Path(path)).result()

    def call(self, fn: Callable[[WorkshopService], T]) -> concurrent.futures.Future[T]:
        return self._pool.submit(fn, self.svc)

    def run(self, op: Operation) -> concurrent.futures.Future[Changes]:
        return self._pool.submit(op.do, self.svc)

    def close(self) -> None:
        self._pool.submit(self.svc.close).result()
        self._pool.shutdown()


async def _join(url: str, code: str, name: str) -> tuple[dict[str, Any], bytes]:
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        try:
            async with session.post(
                url + "/api/taker/join", json={"name": name}, headers={TAKER_CODE_HEADER: code}
            ) as resp:
                data = await resp.json(content_type=None)
                if resp.status != 200 or not isinstance(data, dict) or not data.get("ok"):
                    message = data.get("message") if isinstance(data, dict) else None
                    raise JoinError(message or f"the room refused to join (HTTP {resp.status})")
            headers = {"Authorization": f"Bearer {data['token']}"}
            async with session.get(url + "/api/taker/copy", headers=headers) as resp:
                if resp.status != 200:
                    raise JoinError(f"the room did not send its workshop (HTTP {resp.status})")
                body = await resp.read()
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise JoinError(f"no room answers at {url}: {exc}") from exc
    return data, body


def join_room(url: str, code: str, name: str, path: Path | str) -> Path:
    """Join the room at ``url`` with the note-takers' ``code`` and make ``path`` a new
    linked copy of its workshop. Nothing is left at ``path`` if it fails."""
    url = hub_url(url)
    target = Path(path)
    if target.exists():
        raise ValidationError("path", f"{target} already exists", rule="exists")
    data, body = asyncio.run(_join(url, code, name))
    partial = target.with_name(target.name + ".partial")
    try:
        with open(partial, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        with WorkshopService.open(partial) as svc:
            linked = LinkedService(svc)
            if linked.workshop_uuid() != data.get("workshop_uuid"):
                raise JoinError("the room sent a different workshop than it named")
            linked.make_linked(url, data["token"], data["client_uuid"], data["name"])
        os.replace(partial, target)
    finally:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-wal", "-shm"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return target


class LinkedClient:
    """Keeps one linked copy in step with its hub, from its own thread and loop.

    ``on_status(Status)`` is called from that thread whenever the connection or the
    number of waiting notes changes; ``on_acked(uuids)`` after each acknowledgement."""

    def __init__(
        self,
        local: Local,
        on_status: Callable[[Status], None] | None = None,
        on_acked: Callable[[list[str]], None] | None = None,
        *,
        poll_every: float = 5.0,
        max_backoff: float = 5.0,
    ) -> None:
        self.local = local
        self.on_status = on_status or (lambda _s: None)
        self.on_acked = on_acked or (lambda _u: None)
        self.poll_every = poll_every
        self.max_backoff = max_backoff
        self.status = Status(False, 0)
        self._refused: set[str] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    # --- any thread ------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._main, name="linked-client", daemon=True)
        self._thread.start()
        self._ready.wait()

    def kick(self) -> None:
        """A note changed here: send it now (thread-safe)."""
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(wake.set)

    def stop(self) -> None:
        """Stop within a moment, even mid-request (what was not acknowledged stays in the
        outbox and is sent again next time)."""
        self._stopping = True
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(task.cancel)
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    # --- the client's thread ----------------------------------------------------------

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._wake = asyncio.Event()
        self._task = loop.create_task(self._run())
        self._ready.set()
        try:
            with contextlib.suppress(asyncio.CancelledError):
                loop.run_until_complete(self._task)
        except Exception:
            log.exception("the linked copy's client stopped")
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _call(self, fn: Callable[[WorkshopService], T]) -> T:
        return await asyncio.wrap_future(self.local.call(fn))

    async def _op(self, op: Operation) -> Changes:
        return await asyncio.wrap_future(self.local.run(op))

    def _report(self, **changes: Any) -> None:
        fields = {**self.status.__dict__, **changes}
        new = Status(**fields)
        if new != self.status:
            self.status = new
            try:
                self.on_status(new)
            except Exception:
                log.exception("status listener failed")

    async def _waiting(self) -> int:
        return await self._call(lambda s: LinkedService(s).waiting())

    async def _run(self) -> None:
        link: Link | None = await self._call(lambda s: LinkedService(s).link())
        if link is None:
            raise ValidationError("link", "this file is not a linked copy", rule="not_linked")
        self._report(waiting=await self._waiting())
        headers = {"Authorization": f"Bearer {link.token}"}
        backoff = 0.2
        assert self._wake is not None
        while not self._stopping:
            try:
                async with (
                    aiohttp.ClientSession(timeout=TIMEOUT, headers=headers) as session,
                    session.ws_connect(
                        link.hub_url + "/api/taker/ws",
                        heartbeat=10,
                        timeout=aiohttp.ClientWSTimeout(ws_receive=None, ws_close=2),
                    ) as ws,
                ):
                    self._report(connected=True, message="")
                    backoff = 0.2
                    reader = asyncio.get_running_loop().create_task(self._listen(ws))
                    try:
                        while not self._stopping and not ws.closed:
                            self._wake.clear()
                            await self._sync(session, link.hub_url)
                            with contextlib.suppress(asyncio.TimeoutError):
                                await asyncio.wait_for(self._wake.wait(), self.poll_every)
                    finally:
                        reader.cancel()
                        with contextlib.suppress(asyncio.CancelledError, Exception):
                            await reader
            except (TimeoutError, aiohttp.ClientError, OSError) as exc:
                self._report(connected=False, message=str(exc)[:200])
            except FacilitatorError as exc:  # the local file refused a write: try later
                self._report(connected=False, message=str(exc)[:200])
            if self._stopping:
                break
            self._report(connected=False, waiting=await self._waiting())
            self._wake.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), backoff)
            backoff = min(backoff * 2, self.max_backoff)
        self._report(connected=False)

    async def _listen(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        assert self._wake is not None
        async for _msg in ws:
            self._wake.set()  # the hub changed: pull
        self._wake.set()

    async def _sync(self, session: aiohttp.ClientSession, url: str) -> None:
        # Pull first: the mirror names the categories and items our notes refer to.
        while True:
            cursor = await self._call(
                lambda s: (LinkedService(s).link() or Link("", "", "", "", "")).cursor
            )
            async with session.get(url + "/api/taker/feed", params={"since": cursor}) as resp:
                resp.raise_for_status()
                feed = await resp.json()
            await self._op(ApplyHubFeed(feed))
            if not feed.get("more") or feed.get("cursor") == cursor:
                break
        while not self._stopping:
            batch = await self._call(
                lambda s: LinkedService(s).pending(limit=MAX_BATCH + len(self._refused))
            )
            batch = [e for e in batch if e["uuid"] not in self._refused][:MAX_BATCH]
            if not batch:
                break
            acks = await self._send(session, url, batch)
            if acks is None:  # refused as a batch: one at a time finds the one
                for entry in batch:
                    single = await self._send(session, url, [entry])
                    if single is None:
                        self._refused.add(entry["uuid"])
                    else:
                        await self._ack([entry], single)
            else:
                await self._ack(batch, acks)
        self._report(waiting=await self._waiting(), refused=len(self._refused))

    async def _send(
        self, session: aiohttp.ClientSession, url: str, batch: list[dict[str, Any]]
    ) -> list[dict[str, Any]] | None:
        async with session.post(url + "/api/taker/notes", json={"notes": batch}) as resp:
            if resp.status in (400, 413, 422):
                return None
            resp.raise_for_status()
            data = await resp.json()
        acks = data.get("acks")
        return acks if isinstance(acks, list) else []

    async def _ack(self, sent: list[dict[str, Any]], acks: list[dict[str, Any]]) -> None:
        await self._op(AcknowledgeNotes(sent, acks))
        self.on_acked([e["uuid"] for e in sent])
        self._report(waiting=await self._waiting())
