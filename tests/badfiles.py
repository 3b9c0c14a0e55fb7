"""Builders for the bad workshop files of issue 2 / issue 6, shared by storage and CLI tests.

Each builder writes one file under a folder and returns its path. ``fingerprint``
captures the bytes of the file and of its ``-wal`` so tests can prove nothing changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.domain import errors
from facilitator.services.workshop import WorkshopService

_TEMPLATES: dict[int, bytes] = {}


def make_workshop(path: Path, notes: int = 40) -> Path:
    """A real workshop file, closed, with ``notes`` notes of some length.

    Built once per size and process through the services, then copied (a closed
    workshop file is self-contained)."""
    if notes not in _TEMPLATES:
        _build_workshop(path, notes)
        _TEMPLATES[notes] = path.read_bytes()
    else:
        path.write_bytes(_TEMPLATES[notes])
    return path


def _build_workshop(path: Path, notes: int) -> None:
    with WorkshopService.create(
        path, "Incontro-studio Torino", start_date=dt.date(2025, 11, 5)
    ) as svc:
        item = svc.add_item(svc.days()[0].id, "Visita al progetto")
        cat = svc.categories()[0].id
        for i in range(notes):
            svc.add_note(
                f"Nota {i}: collaborazione tra attori del territorio. " * 6,
                agenda_item_id=item,
                category_id=cat,
                speaker="Anna Rossi",
            )


def fingerprint(path: Path) -> tuple[str | None, str]:
    """sha256 of the file (None if it is missing or a folder) and of its ``-wal``.

    A missing ``-wal`` counts as an empty one: opening a WAL file read-only lets SQLite
    create an empty ``-wal`` next to it, which holds no data."""

    def digest(p: Path) -> str | None:
        return hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else None

    wal = path.with_name(path.name + "-wal")
    return digest(path), digest(wal) or hashlib.sha256(b"").hexdigest()


def _missing(folder: Path) -> Path:
    return folder / "missing.workshop"


def _directory(folder: Path) -> Path:
    p = folder / "folder.workshop"
    p.mkdir()
    return p


def _empty(folder: Path) -> Path:
    p = folder / "empty.workshop"
    p.write_bytes(b"")
    return p


def _random_bytes(folder: Path) -> Path:
    p = folder / "random.workshop"
    p.write_bytes(random.Random(7).randbytes(64 * 1024))
    return p


def _truncated(folder: Path) -> Path:
    p = make_workshop(folder / "truncated.workshop", notes=400)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def _corrupted(folder: Path) -> Path:
    """Garbage over some pages of the notes table (the file keeps its full size)."""
    p = make_workshop(folder / "corrupted.workshop", notes=200)
    conn = sqlite3.connect(p)
    try:
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(p.read_bytes())
    rng = random.Random(3)
    for page in pages[len(pages) // 3 : len(pages) // 3 + 2]:
        start = (page - 1) * page_size
        data[start : start + page_size] = rng.randbytes(page_size)
    p.write_bytes(bytes(data))
    return p


def _foreign(folder: Path) -> Path:
    p = folder / "contacts.workshop"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Mario', '011 555 0101')")
    conn.commit()
    conn.close()
    return p


def _alter(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def _newer(folder: Path) -> Path:
    return _alter(make_workshop(folder / "newer.workshop"), "PRAGMA user_version = 999")


# A trigger that, if it ever fired, would leave a mark in the file.
EVIL_TRIGGER = (
    "CREATE TRIGGER evil AFTER INSERT ON notes BEGIN "
    "INSERT INTO meta (key, value) VALUES ('pwned', 'yes'); "
    "UPDATE notes SET text = 'pwned' WHERE id = new.id; END"
)


def _trigger(folder: Path) -> Path:
    return _alter(make_workshop(folder / "trigger.workshop"), EVIL_TRIGGER)


def _view(folder: Path) -> Path:
    return _alter(
        make_workshop(folder / "view.workshop"),
        "CREATE VIEW all_text AS SELECT text FROM notes",
    )


def _extra_table(folder: Path) -> Path:
    return _alter(
        make_workshop(folder / "extra.workshop"),
        "CREATE TABLE stolen (data TEXT)",
    )


@dataclass(frozen=True)
class BadFile:
    name: str
    build: Callable[[Path], Path]
    error: type[errors.WorkshopFileError]
    reason: str  # a piece of the message the user sees


BAD_FILES = [
    BadFile("missing", _missing, errors.FileMissing, "no such file"),
    BadFile("directory", _directory, errors.NotAWorkshopFile, "is a folder"),
    BadFile("empty", _empty, errors.NotAWorkshopFile, "is empty"),
    BadFile("random-bytes", _random_bytes, errors.NotAWorkshopFile, "not a SQLite database"),
    BadFile("truncated", _truncated, errors.DamagedFile, "truncated"),
    BadFile("corrupted", _corrupted, errors.DamagedFile, "damaged"),
    BadFile("foreign", _foreign, errors.ForeignDatabase, "another application"),
    BadFile("newer", _newer, errors.NewerSchema, "newer Facilitator"),
    BadFile("trigger", _trigger, errors.UntrustedContent, "trigger evil"),
    BadFile("view", _view, errors.UntrustedContent, "view all_text"),
    BadFile("extra-table", _extra_table, errors.UntrustedContent, "table stolen"),
]
BAD_IDS = [b.name for b in BAD_FILES]
