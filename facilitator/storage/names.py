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
SQLITE_MAX_PATH = 512  # SQLite's unix VFS refuses longer full paths ("unable to open")
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


def _longest_name(folder: Path, room: int) -> int:
    """The longest name that fits in ``folder`` with ``room`` bytes to spare, both for
    the file system and for SQLite's limit on a full path."""
    by_path = SQLITE_MAX_PATH - _size(str(folder.absolute())) - 1
    return min(name_max(folder), by_path) - room


def check_name_fits(path: Path) -> None:
    """Refuse a new workshop file whose name (or path) leaves SQLite no room for its
    ``-journal``/``-wal`` files."""
    limit = _longest_name(path.parent, SQLITE_SUFFIX_ROOM)
    if _size(path.name) > limit:
        where = "in this folder" if limit > 0 else "anywhere in this folder (its path is too long)"
        raise errors.ValidationError(
            "path",
            f"the file name is too long ({_size(path.name)} bytes; at most {max(limit, 0)} "
            f"work {where}): choose a shorter name for {path.name[:40]}…",
            rule="name_too_long",
        )


def snapshot_folder(workshop: Path) -> Path:
    """``<folder>/<stem>.snapshots``, the stem shortened if that name would not fit
    (with room left for the snapshots' own names)."""
    folder = workshop.parent
    name = workshop.stem + ".snapshots"
    if _size(name) <= _longest_name(folder, 100):
        return folder / name
    return folder / fit(folder, workshop.stem, ".snapshots", room=100)


def fit(folder: Path, stem: str, tail: str, room: int = SQLITE_SUFFIX_ROOM) -> str:
    """``stem + tail``, with ``stem`` shortened (its start, ``~`` and a hash of it) if the
    name would not fit in ``folder`` with ``room`` bytes to spare."""
    limit = _longest_name(folder, room)
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


def check_openable(path: Path) -> None:
    """Refuse, with a message that says so, an existing file SQLite cannot open for its
    name: a full path over SQLite's limit, or no room for ``-wal``/``-shm``."""
    room = len("-wal")
    if _size(path.name) > _longest_name(path.parent, room):
        raise errors.WorkshopFileError(
            path,
            f"{path.name[:40]}…: the file name (or its folder's path) is too long for "
            "SQLite to open it; rename it or move it to a shorter path",
        )
