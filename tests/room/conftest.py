"""Shared set-up of the room tests: a real workshop file with one poll per method and the
owner-thread backend on it (the helpers are in room_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from room_helpers import RoomFile, make_room_file

from facilitator.room.backend import OwnerThreadBackend


@pytest.fixture
def room_file(tmp_path: Path) -> RoomFile:
    return make_room_file(tmp_path / "room.workshop")


@pytest.fixture
def backend(room_file: RoomFile) -> Iterator[OwnerThreadBackend]:
    b = OwnerThreadBackend(room_file.path)
    yield b
    b.close()
