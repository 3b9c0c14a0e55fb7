"""What this app last left in a workshop file, so that reopening it can skip the two
checks that read the whole file (``PRAGMA quick_check`` and every cell, see
:mod:`values`) — only when the file provably holds exactly those bytes.

A seal is written when a writing session closes, and only if

- the session began from content that had passed every check (a seal that held, or
  the full checks) and the SHA-256 of the main file was taken inside a read
  transaction: with the ``-wal`` empty, no SQLite connection can checkpoint into the
  main file while it lasts, so the bytes hashed are the bytes the connection reads;
- no other connection, in any process, committed to the file during the session
  (``PRAGMA data_version`` is unchanged: it moves only for other connections' commits);
- at close the ``-wal`` is checkpointed to nothing and, inside one read transaction,
  the main file passes the full checks again and is hashed: the seal names bytes that
  passed (a session whose ``-wal`` never held anything keeps the SHA-256 proved at
  open instead: the bytes are those, or the seal no longer holds).

A seal vouches for bytes, not for a session: it is left in place while a session
runs, and once anything changes the file (this session, another program, a crash
half-way) it simply no longer holds.

At open the seal is used only if the file's identity and times (device, inode, size,
mtime, ctime) are those recorded, and it holds only if the main file's SHA-256, taken
inside the writing connection's first read transaction with an empty ``-wal``, is the
recorded one. Any other program's write changes the bytes (whatever it does to
``updated_at`` or to the times); any file that comes from elsewhere has no seal for its
path and inode. Either way the full checks run, as for any file.

Seals live in the user's state folder (``$XDG_STATE_HOME/facilitator/checked``, or
``FACILITATOR_STATE_DIR``), one small JSON per workshop path; never next to the file,
so that a file sent with a forged seal gains nothing. A missing or unreadable seal only
means the full checks run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ENV = "FACILITATOR_STATE_DIR"
_CHUNK = 1 << 22


def folder() -> Path:
    """Where seals are kept (created when the first one is written)."""
    explicit = os.environ.get(ENV)
    if explicit:
        return Path(explicit) / "checked"
    home = Path.home()
    if sys.platform == "win32":  # pragma: no cover - Windows
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "Facilitator" / "checked"
    if sys.platform == "darwin":  # pragma: no cover - macOS
        return home / "Library" / "Application Support" / "Facilitator" / "checked"
    base = os.environ.get("XDG_STATE_HOME") or str(home / ".local" / "state")
    return Path(base) / "facilitator" / "checked"


def digest(fd: int) -> str:
    """SHA-256 of the whole file behind ``fd``, read with ``preadv`` into one buffer
    (no new descriptor: see ``file._hold``; no copy per chunk)."""
    h = hashlib.sha256()
    offset = 0
    if hasattr(os, "preadv"):
        buffer = bytearray(_CHUNK)
        view = memoryview(buffer)
        while n := os.preadv(fd, [buffer], offset):
            h.update(view[:n])
            offset += n
        return h.hexdigest()
    while True:  # pragma: no cover - Windows
        os.lseek(fd, offset, os.SEEK_SET)
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return h.hexdigest()
        h.update(chunk)
        offset += len(chunk)


@dataclass(frozen=True)
class Seal:
    path: str
    dev: int
    ino: int
    size: int
    mtime_ns: int
    ctime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path, fd: int) -> Seal:
        st = os.fstat(fd)
        return cls(
            str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, digest(fd)
        )

    def same_file(self, path: Path, st: os.stat_result) -> bool:
        """True if ``st`` (of ``path``) looks like the file this seal recorded."""
        return (
            self.path == str(path)
            and (self.dev, self.ino, self.size) == (st.st_dev, st.st_ino, st.st_size)
            and (self.mtime_ns, self.ctime_ns) == (st.st_mtime_ns, st.st_ctime_ns)
        )


def _entry(path: Path) -> Path:
    name = hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:40]
    return folder() / f"{name}.json"


def read(path: Path) -> Seal | None:
    """The seal recorded for ``path`` (None if there is none or it cannot be read)."""
    try:
        data = json.loads(_entry(path).read_text(encoding="utf-8"))
        found = Seal(**data)
    except (OSError, ValueError, TypeError):
        return None
    if found.path != str(path) or not isinstance(found.sha256, str):
        return None
    return found


def write(path: Path, seal: Seal) -> None:
    """Record ``seal`` for ``path`` (best effort: a seal that cannot be written only
    means the next open runs the full checks)."""
    entry = _entry(path)
    tmp = entry.with_name(entry.name + ".partial")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp.write_text(json.dumps(asdict(seal)), encoding="utf-8")
        os.replace(tmp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        _entry(path).unlink()
