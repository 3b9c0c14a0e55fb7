"""Opening, creating and guarding one workshop file.

Opening never changes a file it does not fully understand: every check runs on a
read-only connection first, and only a file that passes is reopened for writing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import secrets
import shutil
import sqlite3
import stat
import struct
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from facilitator.domain import errors
from facilitator.storage import names, schema, seal, sqlite_utils_database, values
from facilitator.storage.clock import ClockState, install

try:  # POSIX: an advisory lock that the OS drops when the process dies
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SUFFIX = ".workshop"


@dataclass(frozen=True)
class FileInfo:
    """What a read-only inspection of a file found."""

    path: Path
    schema_version: int
    application_id: int
    needs_migration: bool


def _uri(path: Path, mode: str, immutable: bool = False) -> str:
    uri = "file:" + quote(str(path.resolve())) + f"?mode={mode}"
    if immutable:
        uri += "&immutable=1"
    return uri


def _writable(path: Path) -> bool:
    """True if both the file and its folder accept writes.

    The file's permission bits count even for root: a file marked read-only is
    opened read-only. WAL mode needs to create ``-wal``/``-shm`` next to the file.
    """
    st = path.stat()
    if not st.st_mode & stat.S_IWUSR:
        return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


class Db:
    """The open file's connection with the two things of sqlite-utils' ``Database`` the
    app uses, with the same meaning: ``atomic()`` (BEGIN … COMMIT, a nested block is a
    savepoint, any error rolls back) and ``execute()`` (a write outside a transaction
    is committed at once). Migrations get the real ``Database`` on the same connection
    (:func:`facilitator.storage.sqlite_utils_database`), so that opening a file at the
    current version does not import sqlite-utils."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Db]:
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"facilitator_{secrets.token_hex(8)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it all
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql, () if parameters is None else parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # the implicit transaction the statement opened
            raise
        if not was_in_transaction and conn.in_transaction and cursor.description is None:
            keyword = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
            if keyword not in ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"):
                conn.execute("COMMIT")
        return cursor

    def close(self) -> None:
        self.conn.close()


# --- one descriptor per file and process ----------------------------------------------
#
# On POSIX, closing *any* descriptor of a file drops every fcntl lock the process holds
# on it, SQLite's included. A plain open()/close() of a database this process has open
# would make another program's connection believe it is the last user: it would
# checkpoint and delete the -wal under the running app. So the process opens each
# workshop file once, keeps that descriptor while any of its connections uses the file,
# reads the header through it, takes the one-writer lock on it, and closes it only
# after the last of its SQLite connections on that file is closed.


@dataclass
class _Handle:
    fd: int
    users: int = 0
    locked: bool = False  # a WorkshopFile of this process writes: the flock is taken


_HANDLES: dict[tuple[int, int], _Handle] = {}
_HANDLES_GUARD = threading.Lock()
_STRAYS: list[int] = []  # descriptors that may never be closed (see _hold)


def _hold(path: Path, *, writing: bool) -> tuple[tuple[int, int], _Handle]:
    """The process's descriptor of ``path`` (opened now if needed), counted as used.

    ``writing``: for a writer, which is refused, before the file is touched, when this
    process already writes to the file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise errors.FileMissing(path, f"{path}: no such file") from None
    except OSError as exc:
        raise errors.WorkshopFileError(
            path, f"{path} cannot be read: {exc.strerror or exc}"
        ) from exc
    if stat.S_ISDIR(st.st_mode):
        raise errors.NotAWorkshopFile(path, f"{path} is a folder, not a workshop file")
    key = (st.st_dev, st.st_ino)
    with _HANDLES_GUARD:
        handle = _HANDLES.get(key)
        if handle is not None and writing and handle.locked:
            raise errors.FileLocked(path, f"{path} is already open in this window")
        if handle is None:
            fd = _open_descriptor(path)
            fst = os.fstat(fd)
            if (fst.st_dev, fst.st_ino) != key:  # replaced between stat() and open()
                if (fst.st_dev, fst.st_ino) in _HANDLES:
                    _STRAYS.append(fd)  # closing it would drop that file's locks
                else:
                    os.close(fd)
                raise errors.FileLocked(path, f"{path} was replaced while opening; try again")
            handle = _Handle(fd)
            _HANDLES[key] = handle
        handle.users += 1
    return key, handle


def _open_descriptor(path: Path) -> int:
    """Read-write where allowed (an exclusive flock on NFS needs it), else read-only."""
    flags = getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, os.O_RDWR | flags)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ETXTBSY):
            raise _os_error(path, exc) from exc
    try:
        return os.open(path, os.O_RDONLY | flags)
    except OSError as exc:
        raise _os_error(path, exc) from exc


def _os_error(path: Path, exc: OSError) -> errors.WorkshopFileError:
    if exc.errno == errno.ENAMETOOLONG:
        return errors.WorkshopFileError(path, f"{path}: the file name is too long")
    return errors.WorkshopFileError(path, f"{path} cannot be read: {exc.strerror or exc}")


def _let_go(key: tuple[int, int], *, unlock: bool = False) -> None:
    """One use of the descriptor ends; the last one unlocks and closes it. Call only
    after the caller's SQLite connections on the file are closed."""
    with _HANDLES_GUARD:
        handle = _HANDLES.get(key)
        if handle is None:
            return
        handle.users -= 1
        if unlock and handle.locked:
            if fcntl is not None:
                with contextlib.suppress(OSError):
                    fcntl.flock(handle.fd, fcntl.LOCK_UN)
            handle.locked = False
        if handle.users <= 0:
            del _HANDLES[key]
            with contextlib.suppress(OSError):
                os.close(handle.fd)


def read_at(fd: int, size: int, offset: int) -> bytes:
    """``size`` bytes at ``offset`` of the process's descriptor (no new descriptor)."""
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # pragma: no cover - Windows
    return os.read(fd, size)  # pragma: no cover


# --- network file systems ------------------------------------------------------------------

_MOUNTS = Path("/proc/mounts")
_NETWORK_FS = ("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "9p")


def network_file_system(path: Path) -> str:
    """The type of the network file system ``path`` lives on ("" if local or unknown)."""
    try:
        lines = _MOUNTS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    target = str(path.resolve())
    best, kind = "", ""
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    base = kind.split(".", 1)[-1] if kind.startswith("fuse.") else kind
    return kind if base.lower() in _NETWORK_FS or base.lower() == "sshfs" else ""


# --- the header ----------------------------------------------------------------------------


def _wal_size(path: Path) -> int:
    """Bytes in the ``-wal`` (0 if there is none)."""
    try:
        return _wal_path(path).stat().st_size
    except FileNotFoundError:
        return 0


def _seal_candidate(path: Path, fd: int) -> seal.Seal | None:
    """This app's seal of ``path`` if the file still looks as it left it: same file and
    times, no ``-wal`` content, WAL mode in the header (so that opening it for writing
    writes nothing). Whether its bytes are the sealed ones is proved later (``_pin``)."""
    found = seal.read(path)
    if found is None:
        return None
    try:
        if not found.same_file(path, os.fstat(fd)) or _wal_size(path) != 0:
            return None
        header = read_at(fd, 20, 0)
    except OSError:
        return None
    if len(header) < 20 or header[18:20] != b"\x02\x02":
        return None
    return found


def _passes_full_checks(conn: sqlite3.Connection) -> bool:
    """What opening checks in the bytes of a file, on this connection (inside the
    caller's read transaction): every page, the search index, every cell — read from
    the file, not from the connection's page cache (SQLite trusts its cache while the
    ``-wal`` is unchanged, and a program writing the bytes directly changes nothing
    it looks at: the checks would pass on the good pages it remembers)."""
    conn.execute("PRAGMA shrink_memory")  # every cached page let go: read them again
    problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"] or search_index_probe(conn):
        return False
    return not values.bad_values(conn, limit=1)


def _inspect_and_digest(path: Path, fd: int) -> tuple[FileInfo, str]:
    """:func:`inspect` with every check, and the SHA-256 of the file taken meanwhile on
    a thread (through the same descriptor: SQLite and hashlib both let go of the GIL),
    so that knowing which bytes passed costs no extra wait. "" if the hash failed."""
    found: list[str] = []

    def work() -> None:
        with contextlib.suppress(OSError):
            found.append(seal.digest(fd))

    before = _times(fd)
    thread = threading.Thread(target=work, name="facilitator-digest", daemon=True)
    thread.start()
    try:
        info = inspect(path, fd)
    finally:
        thread.join()  # before anyone may close the descriptor
    if not found or _times(fd) != before:
        # another program wrote meanwhile: the bytes hashed may not be the bytes checked
        return info, ""
    return info, found[0]


def _times(fd: int) -> tuple[int, int, int, int]:
    """What any write to the file changes (size, mtime, ctime; ctime cannot be set back
    by an ordinary program), for bracketing a check and a hash."""
    st = os.fstat(fd)
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _has_wal(path: Path) -> bool:
    try:
        return _wal_path(path).stat().st_size > 0
    except OSError:
        return False


def check_header(path: Path, fd: int) -> None:
    """Cheap checks that need no SQLite (size, header, truncation), read through the
    process's descriptor ``fd`` of ``path``."""
    size = os.fstat(fd).st_size
    if size == 0:
        raise errors.NotAWorkshopFile(path, f"{path} is empty")
    header = read_at(fd, 100, 0)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise errors.NotAWorkshopFile(path, f"{path} is not a SQLite database")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if change_counter == valid_for and page_count and size < page_size * page_count:
        if _has_wal(path):
            # A checkpoint was cut short (a crash, a full disk): the main file is
            # legitimately shorter and the -wal holds the rest. SQLite recovers it; the
            # quick_check that follows judges the result.
            return
        raise errors.DamagedFile(
            path,
            f"{path} is truncated: {size} bytes where {page_size * page_count} are expected",
        )


def _sqlite_error(path: Path, exc: sqlite3.Error) -> errors.WorkshopFileError:
    text = str(exc).lower()
    if "not a database" in text:
        return errors.NotAWorkshopFile(path, f"{path} is not a SQLite database")
    if "malformed" in text or "corrupt" in text:
        return errors.DamagedFile(path, f"{path} is damaged: {exc}")
    if "locked" in text or "busy" in text:
        return errors.FileLocked(path, f"{path} is locked by another program")
    if "full" in text:
        return errors.StorageFull(path, f"the disk is full: {exc}")
    if "readonly" in text or "read-only" in text:
        return errors.ReadOnlyFile(path, f"{path} is read-only")
    return errors.DamagedFile(path, f"{path} cannot be read: {exc}")


def _wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _folder_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK | os.X_OK)


def _read_only_connection(path: Path, transient: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to ``path``.

    ``transient``: a short look (inspect, check, report, export). If no ``-wal`` file
    exists, no connection has the file open and the main file holds everything, so it
    is read as immutable: SQLite then creates no ``-wal``/``-shm`` next to it. (In WAL
    mode the main file only changes at a checkpoint, so a writer arriving meanwhile
    cannot tear what we read.) The same holds, for any look, in a folder nobody can
    write to: no writer can exist without creating a ``-wal`` there.
    """
    hot_journal = path.with_name(path.name + "-journal").exists()
    quiet = not _wal_path(path).exists() and not hot_journal
    if quiet and (transient or not _folder_writable(path)):
        return _immutable_connection(path)
    conn = sqlite3.connect(_uri(path, "ro"), uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        text = str(exc)
        if "unable to open" not in text and "readonly" not in text:
            raise
    if quiet:  # the folder refuses the -shm SQLite wants: nobody can be writing
        return _immutable_connection(path)
    # A -wal that SQLite cannot use in place (a read-only folder without its -shm): read
    # a private copy of the file and its -wal, so that what the -wal holds is seen.
    return _private_copy_connection(path)


def _immutable_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(path, "ro", immutable=True), uri=True, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


class _PrivateCopy(sqlite3.Connection):
    """A read-only connection on a temporary copy, removed when the connection closes."""

    folder: str = ""

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.folder:
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = ""


def _private_copy_connection(path: Path) -> sqlite3.Connection:
    folder = tempfile.mkdtemp(prefix="facilitator-readonly-")
    try:
        copy = Path(folder) / "copy.workshop"
        shutil.copyfile(_wal_path(path), _wal_path(copy))
        _copy_main_file(path, copy)
        conn = sqlite3.connect(
            _uri(copy, "ro"), uri=True, check_same_thread=False, factory=_PrivateCopy
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    conn.folder = folder
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def _copy_main_file(path: Path, copy: Path) -> None:
    """Copy the main file's bytes without a new descriptor of it (see ``_hold``)."""
    with _HANDLES_GUARD:
        st = path.stat()
        handle = _HANDLES.get((st.st_dev, st.st_ino))
    if handle is None:
        shutil.copyfile(path, copy)
        return
    with copy.open("wb") as out:
        offset = 0
        while True:
            chunk = read_at(handle.fd, 1 << 20, offset)
            if not chunk:
                break
            out.write(chunk)
            offset += len(chunk)


def inspect(path: Path, fd: int | None = None, *, deep: bool = True) -> FileInfo:
    """Check that ``path`` is a workshop file this version can open. Changes nothing.

    ``fd``: the process's descriptor of the file, when the caller holds it. ``deep``
    False skips the two checks that read the whole file (every page, every cell): only
    :meth:`WorkshopFile.open` asks for that, for a file whose seal it then proves (see
    :mod:`seal`), and runs them after all if the seal does not hold."""
    path = Path(path)
    key = None
    if fd is None:
        key, handle = _hold(path, writing=False)
        fd = handle.fd
    try:
        check_header(path, fd)
        try:
            conn = _read_only_connection(path, transient=True)
        except sqlite3.Error as exc:
            raise _sqlite_error(path, exc) from exc
        try:
            return _check_content(path, conn, deep)
        finally:
            conn.close()
    finally:
        if key is not None:
            _let_go(key)


def _check_content(path: Path, conn: sqlite3.Connection, deep: bool = True) -> FileInfo:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != schema.APPLICATION_ID:
            raise errors.ForeignDatabase(
                path, f"{path} is a SQLite database of another application"
            )
        if version > schema.schema_version():
            raise errors.NewerSchema(
                path,
                f"{path} was written by a newer Facilitator (format {version}; "
                f"this version reads up to {schema.schema_version()})",
                version=version,
                supported=schema.schema_version(),
            )
        found = schema.actual_objects(conn)
        expected = schema.expected_objects(version)
        unexpected = sorted(
            f"{kind} {name}"
            for (kind, name), sql in found.items()
            if expected.get((kind, name), "\0missing") != sql
        )
        if unexpected:
            raise errors.UntrustedContent(
                path,
                f"{path} contains objects Facilitator did not create: " + ", ".join(unexpected),
                objects=unexpected,
            )
        missing = sorted(f"{k} {n}" for (k, n) in expected if (k, n) not in found)
        if missing:
            raise errors.DamagedFile(
                path, f"{path} lacks part of its schema: " + ", ".join(missing)
            )
        info = FileInfo(path, version, app_id, version < schema.schema_version())
        if not deep:
            return info
        # A damaged page anywhere must stop the open: writing to such a file could
        # spread the damage. (It reads the whole file: about 0.25 s for 50 MB.)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise errors.DamagedFile(
                path, f"{path} is damaged: " + "; ".join(problems[:3]), problems=problems
            )
        if version >= 1:
            problem = search_index_probe(conn)
            if problem:
                raise damaged_search_index(path, problem)
        bad = values.bad_values(conn, limit=5)
        if bad:
            raise errors.DamagedFile(
                path,
                f"{path} holds values Facilitator cannot read (written by another "
                "program?): " + "; ".join(str(b) for b in bad) + f". facilitator check "
                f"{path} --recover NEW_FILE copies everything else into a new file",
                bad_values=[str(b) for b in bad],
            )
        return info
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc


# --- the full-text index ---------------------------------------------------------------


def _varint(data: bytes, i: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``data[i]``: (value, next index)."""
    value = 0
    for k in range(9):
        if i >= len(data):
            raise ValueError("truncated")
        byte = data[i]
        i += 1
        if k == 8:
            return (value << 8) | byte, i
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, i
    raise ValueError("bad varint")  # pragma: no cover


def _structure_segments(block: bytes) -> set[int]:
    """The segment ids FTS5's structure record lists (ValueError if it is malformed)."""
    if len(block) < 4:
        raise ValueError("structure record too short")
    i = 4  # the cookie
    levels, i = _varint(block, i)
    segments, i = _varint(block, i)
    _writes, i = _varint(block, i)
    found: set[int] = set()
    for _ in range(levels):
        _merge, i = _varint(block, i)
        count, i = _varint(block, i)
        for _ in range(count):
            segid, i = _varint(block, i)
            _first, i = _varint(block, i)
            _last, i = _varint(block, i)
            found.add(segid)
    if len(found) != segments or i > len(block):
        raise ValueError("structure record does not add up")
    return found


def search_index_probe(conn: sqlite3.Connection) -> str:
    """A cheap look at the full-text index ("" if fine): its structure record (which
    every write of the index reads first) must list exactly the segments the index
    holds, and one term is looked up in each of them."""
    try:
        row = conn.execute("SELECT block FROM notes_fts_data WHERE id = 10").fetchone()
        held = {r[0] for r in conn.execute("SELECT DISTINCT segid FROM notes_fts_idx")}
        if row is not None and isinstance(row[0], bytes):
            if _structure_segments(row[0]) != held:
                return "its table of segments does not match the segments"
        elif held:
            return "its table of segments is missing"
        conn.execute("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'zq' LIMIT 1").fetchall()
    except ValueError as exc:
        return str(exc)
    except sqlite3.Error as exc:
        return str(exc)
    return ""


def search_index_broken(conn: sqlite3.Connection) -> str:
    """After a failed write, on the writing connection: FTS5's check of the index's own
    structure ("" if fine). Only run on errors: it reads the whole index.

    The check is an INSERT command: the transaction it opens is rolled back, or every
    later write would land inside it, uncommitted, instead of on disk."""
    opened = not conn.in_transaction
    try:
        conn.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 0)")
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        if opened and conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
    return search_index_probe(conn)


def search_index_problem(conn: sqlite3.Connection) -> str:
    """FTS5's own ``integrity-check`` of the index against the notes ("" if fine).

    Facilitator indexes the notes that are not deleted; an index rebuilt by hand
    (``'rebuild'``, as db/README.md describes) holds every note. Either is sound. The
    check is an INSERT command, refused on a read-only connection: it runs on a copy
    in memory (where the deleted notes can be set aside), so the file is only read."""
    check = "INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)"
    try:
        memory = sqlite3.connect(":memory:", isolation_level=None)
    except sqlite3.Error as exc:  # pragma: no cover - out of memory
        return str(exc)
    try:
        conn.backup(memory)
        memory.execute("PRAGMA trusted_schema = OFF")
        try:
            memory.execute(check)  # an index of every note
            return ""
        except sqlite3.Error:
            pass
        # The content table holds what the index should: the notes not deleted.
        memory.execute("DELETE FROM notes WHERE deleted_at IS NOT NULL")
        memory.execute(check)
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        memory.close()
    return ""


def damaged_search_index(path: Path, detail: str, *, wrote: bool = False) -> errors.DamagedFile:
    done = "; nothing was written" if wrote else ""
    return errors.DamagedFile(
        path,
        f"{path}: its search index is damaged ({detail}){done}. The notes are intact: "
        f"facilitator check {path} --recover NEW_FILE rebuilds the index into a new file",
        search_index=True,
    )


# Why a file was opened read-only (``WorkshopFile.read_only_reason``); the UI translates.
READ_ONLY_ASKED = "asked"  # the caller asked for it (a second window, a report)
READ_ONLY_FILE = "file"  # the file's permission bits forbid writing
READ_ONLY_FOLDER = "folder"  # the folder cannot hold the -wal/-shm files
READ_ONLY_NETWORK = "network"  # a network share: locks there cannot be trusted
READ_ONLY_NO_LOCK = "no-lock"  # the file system refused the one-writer lock

READ_ONLY_TEXT = {
    READ_ONLY_ASKED: "it was opened read-only",
    READ_ONLY_FILE: "the file is read-only",
    READ_ONLY_FOLDER: "its folder is read-only",
    READ_ONLY_NETWORK: "it is on a network share: copy it to this computer to change it",
    READ_ONLY_NO_LOCK: (
        "its file system cannot lock it against a second writer: copy it to this "
        "computer to change it"
    ),
}


class WorkshopFile:
    """An open workshop file: the connection, its lock, and error mapping for writes."""

    def __init__(
        self,
        path: Path,
        db: Db,
        read_only: bool,
        key: tuple[int, int] | None,
        read_only_reason: str = "",
    ) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self.read_only_reason = read_only_reason if read_only else ""
        self._key = key
        self._locked = False  # this object holds the process's one-writer lock
        self.backup_path: Path | None = None
        self.clock: ClockState | None = None  # writable files: see storage/clock.py
        # data_version of the writing connection when its content was known good (see
        # _pin); None: this session will not be sealed.
        self._pinned: int | None = None
        self._pinned_sha256 = ""  # the bytes proved then ("" for a new file)

    @property
    def read_only_text(self) -> str:
        """Why the file is read-only, in English ("" if it is not)."""
        return READ_ONLY_TEXT.get(self.read_only_reason, "")

    # --- opening ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str) -> WorkshopFile:
        """Create a new, empty workshop file. Refuses to overwrite anything."""
        path = Path(path).absolute()
        if path.exists() or path.is_symlink():
            raise errors.ValidationError("path", f"{path} already exists", path=str(path))
        if not path.parent.is_dir():
            raise errors.FileMissing(path.parent, f"{path.parent}: no such folder")
        path = path.parent.resolve() / path.name
        names.check_name_fits(path)
        try:
            conn = sqlite3.connect(_uri(path, "rwc"), uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _sqlite_error(path, exc) from exc
        key = None
        try:
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = WAL")
            key, handle = _hold(path, writing=True)
            if _take_lock(path, handle):
                raise errors.ValidationError(
                    "path",
                    f"{path}: this disk cannot lock files against a second writer; "
                    "create the workshop on this computer's own disk",
                )
            ws = cls._configure(path, conn, read_only=False, key=key)
            ws._locked = True
            # Everything in the new file is this app's: only another writer can spoil it.
            ws._pinned = int(conn.execute("PRAGMA data_version").fetchone()[0])
        except BaseException as exc:
            conn.close()
            if key is not None:
                _let_go(key, unlock=True)
            discard_new_file(path)
            if isinstance(exc, sqlite3.Error):
                raise _sqlite_error(path, exc) from exc
            raise
        try:
            ws._migrate()
            ws._install_clock()
        except BaseException:
            ws.close()
            discard_new_file(path)
            raise
        return ws

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> WorkshopFile:
        """Open an existing workshop file, migrating it if older (after a backup copy).

        Raises a :class:`errors.WorkshopFileError` subclass, leaving the file untouched,
        for anything that is not a workshop file this version can open. A file that
        cannot be written is opened read-only (``read_only_reason`` says why);
        ``read_only`` forces that. A second writer of a file this process already
        writes to is refused before the file is touched.
        """
        path = Path(path).resolve()
        names.check_openable(path)
        key, handle = _hold(path, writing=not read_only)
        locked_before = handle.locked
        try:
            return cls._open_held(path, key, handle, read_only)
        except BaseException:
            _let_go(key, unlock=handle.locked and not locked_before)
            raise

    @classmethod
    def _open_held(
        cls, path: Path, key: tuple[int, int], handle: _Handle, read_only: bool
    ) -> WorkshopFile:
        # A seal of this app's last session (see seal.py) lets the two checks that read
        # the whole file wait; they run after all unless the seal is proved below.
        sealed = None if read_only else _seal_candidate(path, handle.fd)
        checked = ""  # SHA-256 of the bytes the full checks read
        if sealed is not None:
            info = inspect(path, handle.fd, deep=False)
        elif read_only:
            info = inspect(path, handle.fd)
        else:
            info, checked = _inspect_and_digest(path, handle.fd)
        reason = READ_ONLY_ASKED if read_only else _read_only_reason(path)
        if not reason:
            reason = _take_lock(path, handle)
        if reason:
            if sealed is not None:  # read-only: nothing proves the seal; check it all
                info = inspect(path, handle.fd)
            if info.needs_migration:
                raise errors.ReadOnlyFile(
                    path,
                    f"{path} is read-only ({READ_ONLY_TEXT[reason]}) and in an older "
                    "format: copy it somewhere writable to open it",
                )
            try:
                conn = _read_only_connection(path)
            except sqlite3.Error as exc:
                raise _sqlite_error(path, exc) from exc
            try:
                return cls._configure(path, conn, read_only=True, key=key, reason=reason)
            except BaseException as exc:
                conn.close()
                if isinstance(exc, sqlite3.Error):
                    raise _sqlite_error(path, exc) from exc
                raise
        # The bytes that passed: the seal's, or those the full checks just read.
        expected = sealed.sha256 if sealed is not None else checked
        ws = cls._connect_writer(path, key)
        pinned = ws._pin(expected)
        if sealed is not None and pinned is None:
            # The file is not what this app left: nothing was written; check it all.
            ws.db.close()
            info, expected = _inspect_and_digest(path, handle.fd)
            ws = cls._connect_writer(path, key)
            pinned = ws._pin(expected)
        # The seal stays: it vouches for bytes, so once this session (or a program, or
        # a crash) changes the file it no longer holds; closing records the new one.
        ws._pinned = pinned
        clean_leftovers(path)
        if info.needs_migration:
            try:
                ws.backup_path = ws._backup_before_migration(info.schema_version)
                ws._migrate()
            except BaseException:
                ws._pinned = None
                ws._close_connection()
                raise
        try:
            ws._install_clock()
        except BaseException:
            ws._pinned = None
            ws.close()
            raise
        return ws

    @classmethod
    def _connect_writer(cls, path: Path, key: tuple[int, int]) -> WorkshopFile:
        try:
            conn = sqlite3.connect(_uri(path, "rw"), uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _sqlite_error(path, exc) from exc
        try:
            ws = cls._configure(path, conn, read_only=False, key=key)
        except BaseException as exc:
            conn.close()
            if isinstance(exc, sqlite3.Error):
                raise _sqlite_error(path, exc) from exc
            raise
        ws._locked = True
        return ws

    def _fd(self) -> int | None:
        if self._key is None:
            return None
        with _HANDLES_GUARD:
            handle = _HANDLES.get(self._key)
        return None if handle is None else handle.fd

    def _pin(self, expected: str) -> int | None:
        """The writing connection's ``data_version`` once the file is proved to hold the
        bytes ``expected`` (None if it cannot be proved: the session is not sealed).

        Inside one read transaction with an empty ``-wal``, no SQLite connection can
        checkpoint into the main file, so its bytes are what this connection reads;
        from then on ``data_version`` moves if any other connection commits."""
        fd = self._fd()
        conn = self.db.conn
        if fd is None or not expected or conn.in_transaction:
            return None
        try:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if _wal_size(self.path) != 0 or seal.digest(fd) != expected:
                    return None
                self._pinned_sha256 = expected
                return int(conn.execute("PRAGMA data_version").fetchone()[0])
            finally:
                conn.execute("ROLLBACK")
        except (sqlite3.Error, OSError):
            return None

    def _seal(self) -> None:
        """Record what this session leaves in the file (see seal.py), if nobody else
        wrote to it meanwhile. Called just before the writing connection closes."""
        pinned, self._pinned = self._pinned, None
        fd = self._fd()
        conn = self.db.conn
        if pinned is None or fd is None or conn.in_transaction:
            return
        try:
            if conn.execute("PRAGMA data_version").fetchone()[0] != pinned:
                return  # another connection committed: the next open checks it all
            if self._pinned_sha256 and _wal_size(self.path) == 0:
                # Nothing was ever written to the -wal (this session only read): the
                # file still holds the bytes proved at open, if nobody else committed.
                conn.execute("BEGIN")
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                    same = conn.execute("PRAGMA data_version").fetchone()[0] == pinned
                    if same and _wal_size(self.path) == 0:
                        st = os.fstat(fd)
                        found = seal.Seal(
                            str(self.path),
                            st.st_dev,
                            st.st_ino,
                            st.st_size,
                            st.st_mtime_ns,
                            st.st_ctime_ns,
                            self._pinned_sha256,
                        )
                        seal.write(self.path, found)
                        return
                finally:
                    conn.execute("ROLLBACK")
            busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                return
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                if conn.execute("PRAGMA data_version").fetchone()[0] != pinned:
                    return
                if _wal_size(self.path) != 0:
                    return
                # The bytes to be sealed pass the full checks: after this session's own
                # writes, and whatever else reached the file (a program writing its bytes
                # behind SQLite's back) — the next open trusts exactly these.
                before = _times(fd)
                if not _passes_full_checks(conn):
                    return
                found = seal.Seal.of(self.path, fd)
                if _times(fd) != before:
                    return  # written to while checked or hashed: the next open checks
            finally:
                conn.execute("ROLLBACK")
        except (sqlite3.Error, OSError):
            return
        seal.write(self.path, found)

    @classmethod
    def peek(cls, path: Path | str) -> WorkshopFile:
        """Open read-only for a short look (check, snapshot lists, reports), at any schema
        version this app can read: no lock, no migration, and no ``-wal``/``-shm``
        created for a file that nobody has open. The file must pass :func:`inspect`."""
        path = Path(path).resolve()
        names.check_openable(path)
        key, handle = _hold(path, writing=False)
        try:
            inspect(path, handle.fd)
            try:
                conn = _read_only_connection(path, transient=True)
            except sqlite3.Error as exc:
                raise _sqlite_error(path, exc) from exc
            try:
                wf = cls._configure(path, conn, read_only=True, key=key, reason=READ_ONLY_ASKED)
            except BaseException:
                conn.close()
                raise
            return wf
        except BaseException:
            _let_go(key)
            raise

    @classmethod
    def look(cls, path: Path | str) -> WorkshopFile:
        """Read a current-format workshop file for a one-off job (a report, an export,
        a dry run): read-only, leaving nothing next to it (see :meth:`peek`). A file in
        an older format is refused with a message (reading it needs an upgrade)."""
        wf = cls.peek(path)
        version = wf.db.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < schema.schema_version():
            wf.close()
            raise errors.ReadOnlyFile(
                wf.path,
                f"{wf.path} is in an older format: open it once in Facilitator "
                "(which upgrades it, keeping a copy of the original) and try again",
            )
        return wf

    @classmethod
    def _configure(
        cls,
        path: Path,
        conn: sqlite3.Connection,
        read_only: bool,
        key: tuple[int, int] | None,
        reason: str = "",
    ) -> WorkshopFile:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on stable storage (fsync of the WAL) when it returns.
            conn.execute("PRAGMA synchronous = FULL")
        return cls(path, Db(conn), read_only, key, reason)

    def _install_clock(self) -> None:
        try:
            self.clock = install(self.db.conn)
        except sqlite3.Error as exc:
            raise _sqlite_error(self.path, exc) from exc

    def _migrate(self) -> None:
        try:
            schema.apply_migrations(sqlite_utils_database(self.db.conn))
        except sqlite3.Error as exc:
            raise _sqlite_error(self.path, exc) from exc

    def _backup_before_migration(self, version: int) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        folder, stem, suffix = self.path.parent, self.path.stem, self.path.suffix
        room = len(PARTIAL) + names.SQLITE_SUFFIX_ROOM  # the copy is built in <name>.partial
        target = folder / names.fit(folder, stem, f".v{version}-{stamp}.backup{suffix}", room)
        n = 1
        while target.exists():
            n += 1
            tail = f".v{version}-{stamp}-{n}.backup{suffix}"
            target = folder / names.fit(folder, stem, tail, room)
        try:
            self.backup_to(target)
        except OSError as exc:
            raise errors.WorkshopFileError(
                target,
                f"the copy of {self.path.name} kept before upgrading it could not be "
                f"written ({exc.strerror or exc}): the file was not upgraded",
            ) from exc
        return target

    # --- use ---------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[Db]:
        """One atomic write: committed (and synced) when the block exits without error.

        SQLite errors become typed errors; nothing is half-written.
        """
        if self.read_only:
            raise errors.ReadOnlyFile(self.path, f"{self.path} is open read-only")
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError as exc:
            if search_index_broken(self.db.conn):
                raise damaged_search_index(self.path, str(exc), wrote=True) from exc
            # A reference to something that no longer exists (or a missing value): the
            # change is refused and rolled back; the file itself is fine.
            raise errors.ValidationError(
                "reference",
                f"the change refers to something that does not exist: {exc}",
                rule="unknown",
            ) from exc
        except sqlite3.Error as exc:
            error = _sqlite_error(self.path, exc)
            if isinstance(error, errors.DamagedFile) and search_index_broken(self.db.conn):
                error = damaged_search_index(self.path, str(exc), wrote=True)
            if isinstance(error, errors.FileLocked):
                # We hold the file; another program (a SQLite browser...) kept it busy
                # longer than the busy timeout. Nothing was written; trying again works.
                error = errors.StorageBusy(
                    self.path,
                    f"{self.path} is busy: another program is using it; nothing was written",
                )
            raise error from exc

    def reading(self) -> Db:
        return self.db

    def backup_to(
        self, target: Path | str, scrub: Callable[[sqlite3.Connection], None] | None = None
    ) -> Path:
        """Copy the whole file (consistently, with the online backup API) to ``target``.

        The copy is built in ``<target>.partial`` (without a journal) and renamed when
        complete; a failed copy leaves nothing behind. ``scrub``, if given, deletes from
        the copy what must not leave this file; the copy is then vacuumed, so that what
        it deleted is not left readable in its free pages."""
        target = Path(target)
        if target.exists():
            raise errors.ValidationError("path", f"{target} already exists", path=str(target))
        tmp = target.with_name(target.name + PARTIAL)
        remove_partial(tmp)  # a half-built copy of a killed run is never built upon
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                # No journal: a half-built copy is thrown away, never rolled back.
                dest.execute("PRAGMA journal_mode = OFF")
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
                if scrub is not None:
                    with dest:
                        scrub(dest)
                    dest.execute("VACUUM")
            finally:
                dest.close()
            os.replace(tmp, target)
        except sqlite3.Error as exc:
            remove_partial(tmp)
            raise _sqlite_error(target, exc) from exc
        except BaseException:
            remove_partial(tmp)
            raise
        return target

    def _close_connection(self) -> None:
        try:
            if not self.read_only:
                # Statistics only after a session that wrote: one that changed nothing
                # (looked, or had a change refused) leaves the file byte for byte.
                if _wal_size(self.path) != 0:
                    with contextlib.suppress(sqlite3.Error):
                        self.db.execute("PRAGMA optimize")
                self._seal()
        finally:
            self.db.close()

    def close(self) -> None:
        if self._key is None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            return
        try:
            self._close_connection()
        finally:
            # Only now, with SQLite's connection closed, may the descriptor go.
            key, self._key = self._key, None
            _let_go(key, unlock=self._locked)

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def discard_new_file(path: Path) -> None:
    """Remove a workshop file this process has just created and not finished (with its
    -wal/-shm), so that a failed creation leaves nothing behind."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            p.unlink()


PARTIAL = ".partial"


def remove_partial(tmp: Path) -> None:
    """Remove a half-built copy and whatever SQLite left beside it."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(tmp) + suffix).unlink()


def clean_leftovers(path: Path) -> list[Path]:
    """Half-built copies a killed Facilitator left: pre-migration backups next to the
    file and snapshots in its snapshot folder (only names Facilitator gives them)."""
    removed: list[Path] = []
    folders = [(path.parent, path.stem[:20])]  # the start of even a shortened name
    snapshots = names.snapshot_folder(path)
    if snapshots.is_dir():
        folders.append((snapshots, ""))
    for folder, start in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            name = p.name
            if not name.startswith(start):
                continue
            if folder == path.parent and ".backup" not in name:
                continue
            if name.endswith((PARTIAL, PARTIAL + "-journal", PARTIAL + "-wal", PARTIAL + "-shm")):
                pass
            elif folder != path.parent and name.endswith(SUFFIX + "-journal"):
                pass  # a snapshot that failed before the journal was switched off
            else:
                continue
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed


def _read_only_reason(path: Path) -> str:
    """Why ``path`` must be opened read-only ("" if it may be written)."""
    st = path.stat()
    if not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        return READ_ONLY_FILE
    if not _folder_writable(path):
        return READ_ONLY_FOLDER
    if network_file_system(path):
        return READ_ONLY_NETWORK
    return ""


def _take_lock(path: Path, handle: _Handle) -> str:
    """Take the one-writer lock on the process's descriptor of ``path``.

    Raises :class:`errors.FileLocked` if another program holds it; returns
    ``READ_ONLY_NO_LOCK`` if the file system cannot lock (then no guard would stop a
    second writer, so the file is opened read-only), "" once locked."""
    if fcntl is None:  # pragma: no cover - Windows
        return ""
    try:
        fcntl.flock(handle.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        raise errors.FileLocked(
            path, f"{path} is already open in another Facilitator window or program"
        ) from exc
    except OSError:
        return READ_ONLY_NO_LOCK
    handle.locked = True
    return ""
