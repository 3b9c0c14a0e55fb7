"""The one seam through which the room reads and writes the workshop.

The room server never opens a writing connection. It awaits the calls of a
:class:`RoomBackend`; an implementation runs each call on the single thread that owns
the workshop's writing connection:

- :class:`OwnerThreadBackend` (``python main.py serve``): a dedicated owner thread that
  opens the file, takes calls from a queue one at a time and hands back results through
  ``concurrent.futures.Future`` objects the server's event loop awaits;
- in the window, an implementation over the window's document (its operations, run on
  the GUI thread) can replace it without changing the server.

Validation is the domain's and the services' (:class:`RoomService`): a call that breaks
a rule raises ``ValidationError`` and writes nothing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from facilitator.domain import joincodes as jc
from facilitator.domain import room as r
from facilitator.domain.voting import Ballot
from facilitator.room import views
from facilitator.services.joincodes import Claimed
from facilitator.services.linked import LinkedService
from facilitator.services.operations import Changes, Operation
from facilitator.services.room import RoomService, RoomSummary
from facilitator.services.workshop import WorkshopService
from facilitator.storage.linked import Client

T = TypeVar("T")


@dataclass(frozen=True)
class RoomInfo:
    title: str
    language: str  # the workshop's: it / en


class RoomBackend(Protocol):
    """What the room server needs from a workshop. Every method may raise
    ``FacilitatorError`` (a rule broken, a file problem): nothing is then written."""

    async def info(self) -> RoomInfo: ...

    async def join(self, token_hash: str, name: object, language: str) -> r.Device: ...

    async def device(self, token_hash: str) -> r.Device | None: ...

    async def phone_view(self, device_id: int, language: str) -> dict[str, Any]: ...

    async def cast(
        self, device_id: int, poll_id: int, ballot: Ballot, key: str, participants: bool = False
    ) -> r.CastOutcome: ...

    async def submit_idea(
        self, device_id: int, key: str, text: object, participants: bool = False
    ) -> r.Idea: ...

    async def upvote(self, device_id: int, idea_id: int, participants: bool = False) -> bool: ...

    # the participants' mode (join codes)
    async def participant_list(self) -> list[jc.ListedParticipant]: ...

    async def claim(self, device_id: int, participant_id: object, code: object) -> Claimed: ...

    async def participant_of(self, device_id: int) -> tuple[int, str] | None: ...

    async def free_claim(self, device_id: int) -> int | None: ...

    async def live(self) -> dict[str, Any] | None: ...

    # the facilitator's side (the laptop)
    async def summary(self) -> RoomSummary: ...

    async def devices(self) -> list[r.Device]: ...

    async def remove_device(self, device_id: int) -> None: ...

    async def pending(self) -> list[r.Idea]: ...

    async def projector_wall(self) -> list[r.Idea]: ...

    async def accept(self, idea_id: int, category_id: int | None = None) -> int: ...

    async def reject(self, idea_id: int) -> None: ...

    async def merge(self, duplicate_id: int, into_id: int) -> None: ...

    async def reveal(self, poll_id: int, revealed: bool = True) -> None: ...

    async def ask(self, text: str, agenda_item_id: int | None = None) -> int: ...

    async def close_question(self) -> None: ...

    # note-takers' laptops (linked copies, issue 15 A)
    async def run_op(self, op: Operation) -> Changes: ...

    async def taker_join(self, token_hash: str, name: object) -> Client: ...

    async def taker(self, token_hash: str) -> Client | None: ...

    async def taker_feed(self, cursor: str) -> dict[str, Any]: ...

    async def taker_version(self) -> str: ...

    async def taker_copy(self, target: Path) -> None: ...


class ServiceBackend:
    """A :class:`RoomBackend` over a ``submit(fn) -> Future`` that runs ``fn(room)`` on the
    thread owning the workshop. Subclasses only provide ``submit``."""

    def submit(self, fn: Callable[[RoomService], T]) -> concurrent.futures.Future[T]:
        raise NotImplementedError

    async def _run(self, fn: Callable[[RoomService], T]) -> T:
        return await asyncio.wrap_future(self.submit(fn))

    async def info(self) -> RoomInfo:
        return await self._run(lambda s: RoomInfo(s.workshop_title(), s.language))

    async def join(self, token_hash: str, name: object, language: str) -> r.Device:
        return await self._run(lambda s: s.join(token_hash, name, language))

    async def device(self, token_hash: str) -> r.Device | None:
        return await self._run(lambda s: s.device(token_hash))

    async def phone_view(self, device_id: int, language: str) -> dict[str, Any]:
        return await self._run(lambda s: views.phone_view(s, device_id, language))

    async def cast(
        self, device_id: int, poll_id: int, ballot: Ballot, key: str, participants: bool = False
    ) -> r.CastOutcome:
        return await self._run(lambda s: s.cast(device_id, poll_id, ballot, key, participants))

    async def submit_idea(
        self, device_id: int, key: str, text: object, participants: bool = False
    ) -> r.Idea:
        return await self._run(lambda s: s.submit_idea(device_id, key, text, participants))

    async def upvote(self, device_id: int, idea_id: int, participants: bool = False) -> bool:
        return await self._run(lambda s: s.upvote(device_id, idea_id, participants))

    async def participant_list(self) -> list[jc.ListedParticipant]:
        return await self._run(lambda s: s.codes.listed())

    async def claim(self, device_id: int, participant_id: object, code: object) -> Claimed:
        return await self._run(lambda s: s.claim(device_id, participant_id, code))

    async def participant_of(self, device_id: int) -> tuple[int, str] | None:
        return await self._run(lambda s: s.participant_of(device_id))

    async def free_claim(self, device_id: int) -> int | None:
        return await self._run(lambda s: s.codes.free(device_id))

    async def live(self) -> dict[str, Any] | None:
        return await self._run(views.live_view)

    async def summary(self) -> RoomSummary:
        return await self._run(lambda s: s.summary())

    async def devices(self) -> list[r.Device]:
        return await self._run(lambda s: s.devices())

    async def remove_device(self, device_id: int) -> None:
        await self._run(lambda s: s.remove_device(device_id))

    async def pending(self) -> list[r.Idea]:
        return await self._run(lambda s: s.pending())

    async def projector_wall(self) -> list[r.Idea]:
        return await self._run(lambda s: s.projector_wall())

    async def accept(self, idea_id: int, category_id: int | None = None) -> int:
        return await self._run(lambda s: s.accept(idea_id, category_id))

    async def reject(self, idea_id: int) -> None:
        await self._run(lambda s: s.reject(idea_id))

    async def merge(self, duplicate_id: int, into_id: int) -> None:
        await self._run(lambda s: s.merge(duplicate_id, into_id))

    async def reveal(self, poll_id: int, revealed: bool = True) -> None:
        await self._run(lambda s: s.reveal(poll_id, revealed))

    async def ask(self, text: str, agenda_item_id: int | None = None) -> int:
        return await self._run(lambda s: s.ask(text, agenda_item_id))

    async def close_question(self) -> None:
        await self._run(lambda s: s.close_question())

    async def run_op(self, op: Operation) -> Changes:
        """Run an operation on the workshop (in the window: through its document, so
        screens hear of it)."""
        return await self._run(lambda s: op.do(s.svc))

    async def taker_join(self, token_hash: str, name: object) -> Client:
        return await self._run(lambda s: LinkedService(s.svc).join_client(token_hash, name))

    async def taker(self, token_hash: str) -> Client | None:
        return await self._run(lambda s: LinkedService(s.svc).client(token_hash))

    async def taker_feed(self, cursor: str) -> dict[str, Any]:
        return await self._run(lambda s: LinkedService(s.svc).feed(cursor))

    async def taker_version(self) -> str:
        return await self._run(lambda s: LinkedService(s.svc).version())

    async def taker_copy(self, target: Path) -> None:
        """A consistent copy of the workshop file at ``target``, without the room's
        credentials (``WorkshopService.save_taker_copy``)."""
        await self._run(lambda s: s.svc.save_taker_copy(target))


_STOP = object()


class OwnerThreadBackend(ServiceBackend):
    """Opens the workshop on a dedicated thread that owns its writing connection and runs
    every call there, one at a time, in the order they arrive.

    ``OwnerThreadBackend(path)`` opens the file on that thread (so the lock and the
    connection belong to it); :meth:`close` finishes the queued calls and closes it.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._closed = False
        self._thread = threading.Thread(target=self._main, name="workshop-owner", daemon=True)
        self._thread.start()
        self._ready.result()  # re-raises the file's error (locked, not a workshop...)

    def _main(self) -> None:
        try:
            svc = WorkshopService.open(self.path)
        except BaseException as exc:
            self._ready.set_exception(exc)
            return
        try:
            if svc.read_only:
                from facilitator.domain.errors import ReadOnlyFile

                raise ReadOnlyFile(
                    self.path, f"{self.path} is read-only: the room cannot write to it"
                )
            room = RoomService(svc)
            self._ready.set_result(None)
            while True:
                item = self._queue.get()
                if item is _STOP:
                    break
                fn, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    future.set_result(fn(room))
                except BaseException as exc:
                    future.set_exception(exc)
        except BaseException as exc:
            if not self._ready.done():
                self._ready.set_exception(exc)
        finally:
            svc.close()

    def submit(self, fn: Callable[[RoomService], T]) -> concurrent.futures.Future[T]:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        if self._closed:
            future.set_exception(RuntimeError("the workshop is closed"))
            return future
        self._queue.put((fn, future))
        return future

    def call(self, fn: Callable[[RoomService], T]) -> T:
        """Run ``fn(room)`` on the owner thread and wait (for scripts and tests)."""
        return self.submit(fn).result()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()

    def __enter__(self) -> OwnerThreadBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
