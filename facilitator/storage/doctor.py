"""Looking at a workshop file without changing it, and rescuing what SQLite can still read.

``examine`` backs ``facilitator check``; ``recover`` backs ``check --recover NEW_FILE``.
Neither ever writes to the file it reads: it is opened read-only (as immutable when no
other program has it open), with ``trusted_schema=OFF``, and only tables are read —
never views, never triggers (reading cannot fire a trigger).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.domain import errors
from facilitator.domain import model as m
from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.storage import pagescan, schema, values
from facilitator.storage.file import (
    PARTIAL,
    SQLITE_HEADER,
    WorkshopFile,
    _copy_main_file,
    _hold,
    _let_go,
    _read_only_reason,
    _sqlite_error,
    _writable,
    read_at,
    remove_partial,
    search_index_problem,
)
from facilitator.storage.repository import Repository
from facilitator.storage.rows import new_uuid

# Tables rebuilt by recovery rather than copied, and the migration bookkeeping.
_NOT_COPIED_PREFIXES = ("sqlite_", "notes_fts", "_")


@dataclass(frozen=True)
class Examination:
    """What a read-only look at a file that passed :func:`inspect` found."""

    schema_version: int
    current_version: int
    integrity: list[str]
    counts: m.Counts | None
    foreign_key_problems: int
    writable: bool
    read_only_reason: str = ""  # why opening it would be read-only (see storage.file)

    @property
    def integrity_ok(self) -> bool:
        return self.integrity == ["ok"]


def examine(path: Path) -> Examination:
    """Schema version, ``PRAGMA integrity_check``, counts. Raises the typed error of
    :func:`inspect` for a file that is not a usable workshop file. Changes nothing."""
    path = Path(path)
    wf = WorkshopFile.peek(path)
    path = wf.path
    reason = _read_only_reason(path)
    try:
        conn = wf.db.conn
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.Error as exc:
            integrity = [str(exc)]
        if integrity == ["ok"] and _has_search_index(conn):
            # FTS5's own check of the index against the notes (SQLite's does not look
            # inside it). A damaged index: check --recover rebuilds it from the notes.
            problem = search_index_problem(conn)
            if problem:
                integrity = [f"the search index is damaged ({problem})"]
        counts: m.Counts | None
        try:
            counts = Repository(wf).counts()
            fk = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        except sqlite3.Error:
            counts, fk = None, 0
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise _sqlite_error(path, exc) from exc
    finally:
        wf.close()
    return Examination(
        schema_version=version,
        current_version=schema.schema_version(),
        integrity=integrity,
        counts=counts,
        foreign_key_problems=fk,
        writable=_writable(path) and not reason,
        read_only_reason=reason,
    )


def _has_search_index(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'notes_fts'"
    ).fetchone()
    return row is not None


# --- recovery ---------------------------------------------------------------------------


@dataclass
class TableRecovery:
    name: str
    copied: int = 0
    unreadable: list[tuple[int, int | None]] = field(default_factory=list)  # rowid ranges
    refused: int = 0  # rows read but not valid in the new file (constraints)
    rescued: int = 0  # of ``copied``: rows read straight from the pages (pagescan)
    missing: bool = False  # the table could not be found or read at all


@dataclass
class Recovery:
    source: Path
    target: Path
    tables: list[TableRecovery]
    ignored_tables: list[str]
    dangling_fixed: int
    placeholders: list[str]
    scanned_only: bool = False  # the table of contents was lost: rows come from the page scan

    @property
    def notes(self) -> int:
        return next((t.copied for t in self.tables if t.name == "notes"), 0)

    @property
    def complete(self) -> bool:
        if self.scanned_only:
            return False
        return not any(t.unreadable or t.refused or t.missing for t in self.tables)


_MAX_ROWID = 2**63 - 1


def _readable_from(conn: sqlite3.Connection, table: str, cols: str, start: int) -> bool:
    """True if the first row at or after ``start`` can be read (or there is none)."""
    try:
        conn.execute(
            f"SELECT rowid, {cols} FROM [{table}] WHERE rowid >= ? ORDER BY rowid LIMIT 1",
            (start,),
        ).fetchall()
        return True
    except sqlite3.Error:
        return False


def _next_readable(conn: sqlite3.Connection, table: str, cols: str, bad: int) -> int | None:
    """The smallest rowid > ``bad`` from which reading works again (None: nowhere)."""
    step = 1
    while True:
        probe = bad + step
        if probe >= _MAX_ROWID:
            return None
        if _readable_from(conn, table, cols, probe):
            break
        step *= 2
    lo, hi = bad + step // 2 + 1, probe
    while lo < hi:  # first readable start in (bad + step/2, probe]
        mid = (lo + hi) // 2
        if _readable_from(conn, table, cols, mid):
            hi = mid
        else:
            lo = mid + 1
    return hi


def _read_table(
    conn: sqlite3.Connection, table: str, cols: list[str], result: TableRecovery
) -> Iterator[tuple[Any, ...]]:
    """Every row of ``table`` SQLite can still read, skipping damaged stretches.

    One row per query (``rowid > last LIMIT 1``): a cursor reads one row ahead, so a
    plain scan would lose the last good row before each damaged page.
    """
    col_sql = ", ".join(f"[{c}]" for c in cols)
    try:
        conn.execute(f"SELECT rowid FROM [{table}] LIMIT 0")
    except sqlite3.Error:  # no rowid (or unreadable schema): read in order until it fails
        with contextlib.suppress(sqlite3.Error):
            yield from conn.execute(f"SELECT {col_sql} FROM [{table}]").fetchall()
            return
        result.unreadable.append((0, None))
        return
    query = f"SELECT rowid, {col_sql} FROM [{table}] WHERE rowid > ? ORDER BY rowid LIMIT 1"
    last = -_MAX_ROWID
    while True:
        try:
            row = conn.execute(query, (last,)).fetchone()
        except sqlite3.Error:
            bad = last + 1 if last > -_MAX_ROWID else _first_rowid_guess(conn, table)
            nxt = _next_readable(conn, table, col_sql, bad)
            if nxt is None or not _has_rows_from(conn, table, nxt):
                result.unreadable.append((bad, None))
                return
            result.unreadable.append((bad, nxt - 1))
            last = nxt - 1
            continue
        if row is None:
            return
        last = row[0]
        yield row[1:]


def _has_rows_from(conn: sqlite3.Connection, table: str, start: int) -> bool:
    try:
        row = conn.execute(
            f"SELECT rowid FROM [{table}] WHERE rowid >= ? ORDER BY rowid LIMIT 1", (start,)
        ).fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def _first_rowid_guess(conn: sqlite3.Connection, table: str) -> int:
    try:
        row = conn.execute(f"SELECT min(rowid) FROM [{table}]").fetchone()
        return int(row[0]) if row and row[0] is not None else 1
    except sqlite3.Error:
        return 1


def recover(source: Path, target: Path) -> Recovery:
    """Copy every row SQLite can still read from ``source`` into a NEW workshop file
    ``target`` (current schema). ``source`` is only read: the work happens on a private
    copy. Raises ``ValidationError`` if ``target`` exists or is ``source``, and a typed
    error if nothing can be read."""
    source, target = Path(source).resolve(), Path(target)
    if target.exists() or target.resolve() == source:
        raise errors.ValidationError(
            "path", f"{target} already exists: recovery only writes to a new file"
        )
    if not source.is_file():
        raise errors.FileMissing(source, f"{source}: no such file")
    with tempfile.TemporaryDirectory(prefix="facilitator-recover-") as tmp:
        copy = Path(tmp) / "source.db"
        # Through the process's own descriptor: the window may have the file open.
        key, handle = _hold(source, writing=False)
        try:
            if not read_at(handle.fd, 16, 0).startswith(SQLITE_HEADER):
                raise errors.NotAWorkshopFile(
                    source, f"{source} is not a SQLite database: there is nothing to recover"
                )
            _copy_main_file(source, copy)
        finally:
            _let_go(key)
        wal = source.with_name(source.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        src = _open_private_copy(copy, source)
        try:
            src_tables = {
                name: sql or ""
                for name, sql in src.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                ).fetchall()
            }
        except sqlite3.Error:
            # The table of contents is damaged: only the page scan can help.
            src_tables = None
        # Built under another name and renamed only when complete: a killed recovery
        # leaves no target that looks valid, and the next run starts afresh.
        partial = target.with_name(target.name + PARTIAL)
        remove_partial(partial)
        try:
            wf = WorkshopFile.create(partial)
        except BaseException:
            src.close()
            raise
        try:
            result = _copy(src, wf, source, target, src_tables, copy)
        except BaseException:
            wf.close()
            src.close()
            remove_partial(partial)
            raise
        wf.close()
        src.close()
    if src_tables is None and result.notes == 0 and not any(t.copied for t in result.tables):
        remove_partial(partial)
        raise errors.DamagedFile(
            source, f"nothing can be read from {source}: its table of contents is damaged"
        )
    if target.exists():
        remove_partial(partial)
        raise errors.ValidationError(
            "path", f"{target} appeared meanwhile: recovery only writes to a new file"
        )
    os.replace(partial, target)
    return result


def _open_private_copy(copy: Path, source: Path) -> sqlite3.Connection:
    """Open our own copy of a damaged file as tolerantly as SQLite allows.

    ``writable_schema`` makes SQLite read a schema it would otherwise reject; the
    statistics table (which SQLite loads with the schema, so one bad page there hides
    everything) and any trigger or view are dropped from the copy, so nothing of the
    file can ever run.
    """
    try:
        conn = sqlite3.connect(str(copy), isolation_level=None)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA writable_schema = ON")
    except sqlite3.Error as exc:
        raise errors.DamagedFile(source, f"nothing can be read from {source}: {exc}") from exc
    with contextlib.suppress(sqlite3.Error):
        conn.execute(
            "DELETE FROM sqlite_master WHERE type IN ('trigger', 'view') "
            "OR name IN ('sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4')"
        )
    conn.close()
    conn = sqlite3.connect(str(copy), isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _columns(conn: sqlite3.Connection, names: list[str]) -> dict[str, list[pagescan.Column]]:
    out = {}
    for name in names:
        info = conn.execute(f"PRAGMA table_info([{name}])").fetchall()
        pks = [r for r in info if r[5]]
        out[name] = [
            pagescan.Column(
                name=r[1],
                type=(r[2] or "").upper(),
                notnull=bool(r[3]),
                rowid_alias=len(pks) == 1 and r[5] == 1 and (r[2] or "").upper() == "INTEGER",
            )
            for r in info
        ]
    return out


def _in_ranges(rowid: int, ranges: list[tuple[int, int | None]]) -> bool:
    return any(a <= rowid and (b is None or rowid <= b) for a, b in ranges)


def _copy(
    src: sqlite3.Connection,
    wf: WorkshopFile,
    source: Path,
    target: Path,
    src_tables: dict[str, str] | None,
    copy_path: Path,
) -> Recovery:
    dst = wf.db.conn
    ours = [
        name
        for (kind, name) in schema.expected_objects(schema.schema_version())
        if kind == "table" and not name.startswith(_NOT_COPIED_PREFIXES)
    ]
    columns = _columns(dst, ours)
    scanned: dict[str, dict[int, list[Any]]] | None = None

    def raw_rows(name: str) -> dict[int, list[Any]]:
        nonlocal scanned
        if scanned is None:
            try:
                scanned = pagescan.scan(copy_path.read_bytes(), columns)
            except (ValueError, OSError):
                scanned = {}
        return scanned.get(name, {})

    tables: list[TableRecovery] = []
    ignored = sorted(
        n for n in (src_tables or {}) if n not in ours and not n.startswith(_NOT_COPIED_PREFIXES)
    )
    dst.execute("PRAGMA foreign_keys = OFF")
    dst.execute("BEGIN IMMEDIATE")
    try:
        for name in ours:
            rec = TableRecovery(name)
            tables.append(rec)
            if src_tables is None:
                _insert_raw(dst, name, columns[name], raw_rows(name), rec, None)
                continue
            sql = src_tables.get(name)
            if sql is None or sql.upper().startswith("CREATE VIRTUAL"):
                rec.missing = True
                continue
            dst_cols = [c.name for c in columns[name]]
            try:
                src_cols = [r[1] for r in src.execute(f"PRAGMA table_info([{name}])")]
            except sqlite3.Error:
                rec.missing = True
                continue
            cols = [c for c in dst_cols if c in src_cols]
            if not cols:
                rec.missing = True
                continue
            insert = (
                f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})"
            )
            declared = values.declared_types(dst, name)
            for row in _read_table(src, name, cols, rec):
                if values.row_problem(name, declared, cols, row):
                    rec.refused += 1  # a value Facilitator cannot read: left out
                    continue
                try:
                    dst.execute(insert, row)
                    rec.copied += 1
                except sqlite3.Error:
                    rec.refused += 1
            if rec.unreadable:
                _insert_raw(dst, name, columns[name], raw_rows(name), rec, rec.unreadable)
        dangling = _fix_dangling_references(dst)
        placeholders = _fill_required(dst)
        dst.execute(
            "INSERT INTO notes_fts (rowid, text, speaker_name) "
            "SELECT id, text, speaker_name FROM notes WHERE deleted_at IS NULL"
        )
        dst.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            dst.execute("ROLLBACK")
        raise
    finally:
        dst.execute("PRAGMA foreign_keys = ON")
    return Recovery(
        source, target, tables, ignored, dangling, placeholders, scanned_only=src_tables is None
    )


def _insert_raw(
    dst: sqlite3.Connection,
    name: str,
    columns: list[pagescan.Column],
    rows: dict[int, list[Any]],
    rec: TableRecovery,
    ranges: list[tuple[int, int | None]] | None,
) -> None:
    """Add rows found by the page scan (only those in ``ranges`` when given, and
    only where SQLite could not read them: rows already copied win)."""
    names = [c.name for c in columns]
    alias = next((i for i, c in enumerate(columns) if c.rowid_alias), None)
    insert = (
        f"INSERT INTO [{name}] ({', '.join(f'[{n}]' for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    declared = values.declared_types(dst, name)
    for rowid, cells in sorted(rows.items()):
        if ranges is not None and not _in_ranges(rowid, ranges):
            continue
        row = list(cells)
        if alias is not None:
            row[alias] = rowid
            if dst.execute(f"SELECT 1 FROM [{name}] WHERE rowid = ?", (rowid,)).fetchone():
                continue
        if values.row_problem(name, declared, names, tuple(row)):
            rec.refused += 1
            continue
        try:
            dst.execute(insert, row)
        except sqlite3.Error:
            rec.refused += 1
            continue
        rec.copied += 1
        rec.rescued += 1


def _fix_dangling_references(conn: sqlite3.Connection) -> int:
    """A reference to a row that was lost becomes empty (NULL) where allowed; a row that
    cannot live without it (a speaker link, an attendance mark) is dropped."""
    fixed = 0
    for _ in range(10):  # dropping a row can leave others dangling; a few passes suffice
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            break
        for table, rowid, _parent, fkid in problems:
            fks = {r[0]: r[3] for r in conn.execute(f"PRAGMA foreign_key_list([{table}])")}
            column = fks[fkid]
            notnull = {r[1]: r[3] for r in conn.execute(f"PRAGMA table_info([{table}])")}
            if notnull.get(column):
                conn.execute(f"DELETE FROM [{table}] WHERE rowid = ?", (rowid,))
            else:
                conn.execute(f"UPDATE [{table}] SET [{column}] = NULL WHERE rowid = ?", (rowid,))
            fixed += 1
    return fixed


def _fill_required(conn: sqlite3.Connection) -> list[str]:
    """The app needs the workshop row and at least one day: add stand-ins if lost."""
    added = []
    now = to_iso(utcnow())
    if conn.execute("SELECT count(*) FROM workshop").fetchone()[0] == 0:
        conn.execute(
            "INSERT INTO workshop (id, uuid, title, created_at, updated_at) VALUES (1, ?, ?, ?, ?)",
            (new_uuid(), "Recovered workshop", now, now),
        )
        added.append("workshop details")
    if conn.execute("SELECT count(*) FROM days").fetchone()[0] == 0:
        conn.execute(
            "INSERT INTO days (uuid, position, title, created_at, updated_at) "
            "VALUES (?, 0, '', ?, ?)",
            (new_uuid(), now, now),
        )
        added.append("a day")
    return added
