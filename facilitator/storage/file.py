"""Opening, creating and guarding one workshop file.

Opening never changes a file it does not fully understand: every check runs on a
read-only connection first, and only a file that passes is reopened for writing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from facilitator.domain import errors
from facilitator.storage import schema
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


def check_header(path: Path) -> None:
    """Cheap checks that need no SQLite: existence, type, header, truncation."""
    if not path.exists():
        raise errors.FileMissing(path, f"{path}: no such file")
    if path.is_dir():
        raise errors.NotAWorkshopFile(path, f"{path} is a folder, not a workshop file")
    size = path.stat().st_size
    if size == 0:
        raise errors.NotAWorkshopFile(path, f"{path} is empty")
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise errors.NotAWorkshopFile(path, f"{path} is not a SQLite database")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if change_counter == valid_for and page_count and size < page_size * page_count:
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


def _read_only_connection(path: Path, transient: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to ``path``.

    ``transient``: a short look (inspect, check, snapshot lists). If no ``-wal`` file
    exists, no connection has the file open and the main file holds everything, so it
    is read as immutable: SQLite then creates no ``-wal``/``-shm`` next to it. (In WAL
    mode the main file only changes at a checkpoint, so a writer arriving meanwhile
    cannot tear what we read.)
    """
    hot_journal = path.with_name(path.name + "-journal").exists()
    if transient and not _wal_path(path).exists() and not hot_journal:
        conn = sqlite3.connect(_uri(path, "ro", immutable=True), uri=True, check_same_thread=False)
        conn.execute("PRAGMA trusted_schema = OFF")
        return conn
    try:
        conn = sqlite3.connect(_uri(path, "ro"), uri=True, check_same_thread=False)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            raise
    # A WAL file in a folder we cannot write to: read it as an immutable snapshot.
    conn = sqlite3.connect(_uri(path, "ro", immutable=True), uri=True, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def inspect(path: Path) -> FileInfo:
    """Check that ``path`` is a workshop file this version can open. Changes nothing."""
    path = Path(path)
    check_header(path)
    try:
        conn = _read_only_connection(path, transient=True)
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
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
        # A damaged page anywhere must stop the open: writing to such a file could
        # spread the damage. (Fast: a few ms for a large workshop.)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise errors.DamagedFile(
                path, f"{path} is damaged: " + "; ".join(problems[:3]), problems=problems
            )
        return FileInfo(path, version, app_id, version < schema.schema_version())
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    finally:
        conn.close()


class WorkshopFile:
    """An open workshop file: the connection, its lock, and error mapping for writes."""

    def __init__(self, path: Path, db: Database, read_only: bool, lock_fd: int | None) -> None:
        self.path = path
        self.db = db
        self.read_only = read_only
        self._lock_fd = lock_fd
        self.backup_path: Path | None = None
        self.clock: ClockState | None = None  # writable files: see storage/clock.py

    # --- opening ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str) -> WorkshopFile:
        """Create a new, empty workshop file. Refuses to overwrite anything."""
        path = Path(path)
        if path.exists():
            raise errors.ValidationError("path", f"{path} already exists", path=str(path))
        if not path.parent.is_dir():
            raise errors.FileMissing(path.parent, f"{path.parent}: no such folder")
        try:
            conn = sqlite3.connect(_uri(path, "rwc"), uri=True, check_same_thread=False)
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise _sqlite_error(path, exc) from exc
        try:
            lock_fd = _lock(path)
            ws = cls._configure(path, conn, read_only=False, lock_fd=lock_fd)
        except BaseException:
            conn.close()
            discard_new_file(path)
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
        cannot be written is opened read-only; ``read_only`` forces that.
        """
        path = Path(path)
        info = inspect(path)
        if not read_only and not _writable(path):
            read_only = True
        if read_only:
            if info.needs_migration:
                raise errors.ReadOnlyFile(
                    path,
                    f"{path} is read-only and in an older format: copy it somewhere writable to open it",
                )
            try:
                conn = _read_only_connection(path)
            except sqlite3.Error as exc:
                raise _sqlite_error(path, exc) from exc
            return cls._configure(path, conn, read_only=True, lock_fd=None)
        lock_fd = _lock(path)
        try:
            conn = sqlite3.connect(_uri(path, "rw"), uri=True, check_same_thread=False)
            ws = cls._configure(path, conn, read_only=False, lock_fd=lock_fd)
        except sqlite3.Error as exc:
            _unlock(lock_fd)
            raise _sqlite_error(path, exc) from exc
        except BaseException:
            _unlock(lock_fd)
            raise
        if info.needs_migration:
            try:
                ws.backup_path = ws._backup_before_migration(info.schema_version)
                ws._migrate()
            except BaseException:
                ws.close()
                raise
        try:
            ws._install_clock()
        except BaseException:
            ws.close()
            raise
        return ws

    @classmethod
    def peek(cls, path: Path | str) -> WorkshopFile:
        """Open read-only for a short look (check, snapshot lists), at any schema version
        this app can read: no lock, no migration, and no ``-wal``/``-shm`` created for a
        file that nobody has open. The file must pass :func:`inspect`."""
        path = Path(path)
        inspect(path)
        try:
            conn = _read_only_connection(path, transient=True)
        except sqlite3.Error as exc:
            raise _sqlite_error(path, exc) from exc
        return cls._configure(path, conn, read_only=True, lock_fd=None)

    @classmethod
    def _configure(
        cls, path: Path, conn: sqlite3.Connection, read_only: bool, lock_fd: int | None
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
        db = Database(conn, execute_plugins=False, recursive_triggers=False)
        return cls(path, db, read_only, lock_fd)

    def _install_clock(self) -> None:
        try:
            self.clock = install(self.db.conn)
        except sqlite3.Error as exc:
            raise _sqlite_error(self.path, exc) from exc

    def _migrate(self) -> None:
        try:
            schema.apply_migrations(self.db)
        except sqlite3.Error as exc:
            raise _sqlite_error(self.path, exc) from exc

    def _backup_before_migration(self, version: int) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(
            f"{self.path.stem}.v{version}-{stamp}.backup{self.path.suffix}"
        )
        n = 1
        while target.exists():
            n += 1
            target = target.with_name(
                f"{self.path.stem}.v{version}-{stamp}-{n}.backup{self.path.suffix}"
            )
        self.backup_to(target)
        return target

    # --- use ---------------------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[Database]:
        """One atomic write: committed (and synced) when the block exits without error.

        SQLite errors become typed errors; nothing is half-written.
        """
        if self.read_only:
            raise errors.ReadOnlyFile(self.path, f"{self.path} is open read-only")
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError as exc:
            # A reference to something that no longer exists (or a missing value): the
            # change is refused and rolled back; the file itself is fine.
            raise errors.ValidationError(
                "reference",
                f"the change refers to something that does not exist: {exc}",
                rule="unknown",
            ) from exc
        except sqlite3.Error as exc:
            error = _sqlite_error(self.path, exc)
            if isinstance(error, errors.FileLocked):
                # We hold the file; another program (a SQLite browser...) kept it busy
                # longer than the busy timeout. Nothing was written; trying again works.
                error = errors.StorageBusy(
                    self.path,
                    f"{self.path} is busy: another program is using it; nothing was written",
                )
            raise error from exc

    def reading(self) -> Database:
        return self.db

    def backup_to(self, target: Path | str) -> Path:
        """Copy the whole file (consistently, with the online backup API) to ``target``."""
        target = Path(target)
        if target.exists():
            raise errors.ValidationError("path", f"{target} already exists", path=str(target))
        tmp = target.with_name(target.name + ".partial")
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                self.db.conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            os.replace(tmp, target)
        except sqlite3.Error as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise _sqlite_error(target, exc) from exc
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return target

    def close(self) -> None:
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("PRAGMA optimize")
            self.db.close()
        finally:
            _unlock(self._lock_fd)
            self._lock_fd = None

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


def _lock(path: Path) -> int | None:
    """Take the one-writer lock of ``path`` or raise :class:`errors.FileLocked`."""
    if fcntl is None:  # pragma: no cover
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        os.close(fd)
        raise errors.FileLocked(
            path, f"{path} is already open in another Facilitator window or program"
        ) from exc
    except OSError:
        os.close(fd)
        return None  # file system without locks: carry on without the guard
    return fd


def _unlock(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
