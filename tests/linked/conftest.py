"""Shared set-up of the linked-copy tests: a hub workshop file served by a real room
server on 127.0.0.1 (owner-thread backend), and helpers to read files as a second,
read-only user."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import RoomServer
from facilitator.services.workshop import WorkshopService

TAKER_CODE = "TAKER234"


@dataclass
class Hub:
    path: Path
    backend: OwnerThreadBackend
    server: RoomServer
    port: int

    @property
    def url(self) -> str:
        return self.server.url

    def stop(self) -> None:
        """The network is cut: the hub's server goes away (the file stays open). Every
        socket it accepted is closed by then: one left open would be collected later
        with a ResourceWarning, which fails the test (collected here, at once)."""
        self.server.stop()
        assert server_sockets(self.port) == 0, "the stopped room left a socket open"
        gc.collect()

    def restart(self) -> None:
        """The hub is back on the same address (new room codes, as every opening)."""
        self.server = RoomServer(self.backend, "127.0.0.1", self.port, push_interval=0.1)
        self.server.start()


def make_hub_file(path: Path) -> None:
    with WorkshopService.create(path, "Visita studio", start_date=dt.date(2026, 3, 2)) as svc:
        day = svc.days()[0]
        item = svc.add_item(day.id, "Sfide dell'ecosistema")
        svc.add_item(day.id, "Visita al cantiere")
        svc.start_item(item)
        svc.add_participant("Anna Rossi", organisation="Comune di Torino")
        svc.add_note("una nota del facilitatore", agenda_item_id=item, note_taker="Fac")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    path = tmp_path / "hub.workshop"
    make_hub_file(path)
    backend = OwnerThreadBackend(path)
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.1, taker_code=TAKER_CODE)
    server.start()
    h = Hub(path, backend, server, server.port)
    yield h
    h.stop()
    backend.close()


def server_sockets(port: int) -> int:
    """Open sockets of this process whose local port is ``port`` (Linux: /proc; 0
    elsewhere)."""
    if not Path("/proc/self/fd").is_dir():
        return 0
    inodes = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(name).exists():
            continue
        for line in Path(name).read_text().splitlines()[1:]:
            parts = line.split()
            if int(parts[1].split(":")[1], 16) == port:
                inodes.add(parts[9])
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            link = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if link.startswith("socket:[") and link[8:-1] in inodes:
            count += 1
    return count


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Read a file that another connection may hold open (read-only, WAL aware)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def live_notes(path: Path) -> dict[str, tuple[str, str]]:
    """uuid → (text, note_taker) of the notes not deleted."""
    return {
        str(u): (str(t), str(k))
        for u, t, k in rows(
            path, "SELECT uuid, text, note_taker FROM notes WHERE deleted_at IS NULL"
        )
    }
