"""Names of a workshop file and of the files made next to it, within the file system's
limit on the length of one name (usually 255 bytes).

SQLite adds ``-wal``, ``-shm`` and, while a new file is created, ``-journal`` to the
name of a database; Facilitator adds a date and a reason to snapshots and backups. A
long workshop name would make those fail in confusing ways, so side files get a
shortened stem (the start of the name and a hash of all of it), and a workshop name
that leaves no room for SQLite's own suffixes is refused with a message that says so.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from facilitator.domain import errors

SQLITE_SUFFIX_ROOM = len("-journal")
_DEFAULT_NAME_MAX = 255


def name_max(folder: Path) -> int:
    """The longest name (in bytes) the file system of ``folder`` accepts."""
    try:
        value = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return _DEFAULT_NAME_MAX
    return value if value and value > 0 else _DEFAULT_NAME_MAX


def _size(text: str) -> int:
    return len(os.fsencode(text))


def longest_workshop_name(folder: Path) -> int:
    return name_max(folder) - SQLITE_SUFFIX_ROOM


def check_name_fits(path: Path) -> None:
    """Refuse a new workshop file whose name leaves SQLite no room for ``-journal``."""
    limit = longest_workshop_name(path.parent)
    if _size(path.name) > limit:
        raise errors.ValidationError(
            "path",
            f"the file name is too long ({_size(path.name)} bytes; at most {limit} fit on "
            f"this disk): choose a shorter name for {path.name[:40]}…",
            rule="name_too_long",
        )


def fit(folder: Path, stem: str, tail: str, room: int = SQLITE_SUFFIX_ROOM) -> str:
    """``stem + tail``, with ``stem`` shortened (its start, ``~`` and a hash of it) if the
    name would not fit in ``folder`` with ``room`` bytes to spare."""
    limit = name_max(folder) - room
    name = stem + tail
    if _size(name) <= limit:
        return name
    digest = "~" + hashlib.sha256(os.fsencode(stem)).hexdigest()[:10]
    keep = limit - _size(tail) - _size(digest)
    if keep < 1:
        raise errors.ValidationError(
            "path", f"no name for {tail!r} fits in {folder}", rule="name_too_long"
        )
    short = stem
    while _size(short) > keep:
        short = short[:-1]
    return short + digest + tail
