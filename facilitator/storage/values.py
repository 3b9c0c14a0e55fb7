"""Every value of a workshop file checked against what Facilitator can read.

SQLite stores whatever another program writes: text that is not UTF-8, a date like
``2026-02-30``, a word where a number belongs. Facilitator would then fail while
reading, far from the cause. ``check`` and opening look at every cell first and name
the ones that cannot be read (table, row, column), so that a file with such values is
refused with a clear message, never half-opened.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from facilitator.domain import model as m

_DATES = {
    ("workshop", "start_date"),
    ("workshop", "end_date"),
    ("days", "date"),
    ("action_items", "due_date"),
}
_TIMES = {("agenda_items", "planned_start")}
_STAMPS_EXTRA = {"actual_start", "actual_end", "at"}
_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("workshop", "language"): m.Language,
    ("agenda_items", "kind"): m.ItemKind,
    ("organisations", "kind"): m.OrganisationKind,
    ("participants", "role"): m.Role,
    ("action_items", "status"): m.ActionStatus,
}
# Tables Facilitator does not read row by row (the index, the migration log).
_SKIPPED_PREFIXES = ("sqlite_", "notes_fts", "_")


@dataclass(frozen=True)
class BadValue:
    table: str
    rowid: int | None
    column: str
    problem: str

    def __str__(self) -> str:
        row = f" row {self.rowid}" if self.rowid is not None else ""
        return f"{self.table}{row}, {self.column}: {self.problem}"


def _date(text: str) -> None:
    dt.date.fromisoformat(text)
    if len(text) != 10:
        raise ValueError("not YYYY-MM-DD")


def _time(text: str) -> None:
    dt.time.fromisoformat(text)


def _stamp(text: str) -> None:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("no time zone")


def _format_of(table: str, column: str) -> tuple[str, Callable[[str], None]] | None:
    if (table, column) in _DATES:
        return "a date (YYYY-MM-DD)", _date
    if (table, column) in _TIMES:
        return "a time (HH:MM)", _time
    if column.endswith("_at") or column in _STAMPS_EXTRA:
        return "a date and time (ISO 8601, UTC)", _stamp
    enum = _ENUMS.get((table, column))
    if enum is not None:
        allowed = {e.value for e in enum}

        def check(text: str) -> None:
            if text not in allowed:
                raise ValueError(text)

        return "one of " + ", ".join(sorted(allowed)), check
    return None


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    return sorted(r[0] for r in rows if not r[0].startswith(_SKIPPED_PREFIXES))


_STAMP_GLOB = (
    "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
    ".[0-9][0-9][0-9][0-9][0-9][0-9]Z"
)


def _suspect_sql(table: str, column: str, kind: str) -> str:
    """A SQL condition true for every cell of ``column`` that may be bad (and for few
    good ones: those are cleared by the exact check in Python)."""
    c = f"[{column}]"
    allowed = {"INTEGER": "'integer'", "REAL": "'integer', 'real'", "TEXT": "'text'"}
    parts = []
    if kind in allowed:
        parts.append(f"typeof({c}) NOT IN ({allowed[kind]}, 'null')")
    # A possibly impossible day (2026-02-30, month 13): SQLite's date functions do not
    # refuse them, so days past the 28th go to the exact check in Python.
    day = (
        f"(substr({c}, 6, 2) NOT BETWEEN '01' AND '12' OR substr({c}, 9, 2) = '00' OR "
        f"substr({c}, 9, 2) > '28')"
    )
    if (table, column) in _DATES:  # few rows: every date is checked in Python
        parts.append(f"{c} IS NOT NULL")
    elif (table, column) in _TIMES:
        parts.append(f"({c} IS NOT NULL AND NOT {c} GLOB '[0-2][0-9]:[0-5][0-9]')")
    elif column.endswith("_at") or column in _STAMPS_EXTRA:
        parts.append(f"({c} IS NOT NULL AND (NOT {c} GLOB '{_STAMP_GLOB}' OR {day}))")
    enum = _ENUMS.get((table, column))
    if enum is not None:
        values = ", ".join(f"'{e.value}'" for e in enum)
        parts.append(f"({c} IS NOT NULL AND {c} NOT IN ({values}))")
    return " OR ".join(parts)


def bad_values(conn: sqlite3.Connection, limit: int = 20) -> list[BadValue]:
    """Up to ``limit`` cells Facilitator cannot read. Only reads.

    SQL finds the suspects (types, formats, known kinds) and Python judges them; text
    is read undecoded and checked as UTF-8, one decode per row."""
    plan = [(t, _declared(conn, t), _has_rowid(conn, t)) for t in _tables(conn)]
    found: list[BadValue] = []
    before = conn.text_factory
    conn.text_factory = bytes  # text arrives undecoded: invalid UTF-8 is seen, not raised
    try:
        for table, declared, has_rowid in plan:
            _check_table(conn, table, declared, has_rowid, found, limit)
            if len(found) >= limit:
                break
    finally:
        conn.text_factory = before
    return found[:limit]


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f"SELECT rowid FROM [{table}] LIMIT 0")
    except sqlite3.Error:
        return False
    return True


def _check_table(
    conn: sqlite3.Connection,
    table: str,
    declared: dict[str, str],
    has_rowid: bool,
    found: list[BadValue],
    limit: int,
) -> None:
    """One pass over the table: SQL flags the rows with a suspect cell and joins the
    free text of each row (a NUL between columns) for one UTF-8 decode per row.
    Formatted columns need no decode unless suspect: their forms are ASCII."""
    names = list(declared)
    rowid = "rowid" if has_rowid else "NULL"
    suspects = " OR ".join(
        f"({cond})" for c in names if (cond := _suspect_sql(table, c, declared[c]))
    )
    free = [c for c in names if declared[c] == "TEXT" and _format_of(table, c) is None]
    joined = " || X'00' || ".join(f"coalesce(CAST([{c}] AS BLOB), X'')" for c in free)
    flag = f"({suspects})" if suspects else "0"
    if not suspects and not free:
        return
    sql = f"SELECT {rowid}, {flag}, {joined or 'NULL'} FROM [{table}]"
    for key, suspect, text in conn.execute(sql):
        if suspect:
            _judge_row(conn, table, declared, names, key, has_rowid, found)
        elif text is not None:
            try:
                text.decode("utf-8")
            except UnicodeDecodeError:
                column = _bad_text_column(conn, table, free, key, has_rowid)
                found.append(BadValue(table, key, column, "text that is not valid UTF-8"))
            except AttributeError:  # not bytes (a single text column read as text)
                pass
        if len(found) >= limit:
            return


def _judge_row(
    conn: sqlite3.Connection,
    table: str,
    declared: dict[str, str],
    names: list[str],
    key: int | None,
    has_rowid: bool,
    found: list[BadValue],
) -> None:
    if not has_rowid:  # a table without rowid: judge every row the same way
        rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in names)} FROM [{table}]")
    else:
        rows = conn.execute(
            f"SELECT {', '.join(f'[{c}]' for c in names)} FROM [{table}] WHERE rowid = ?",
            (key,),
        )
    for row in rows:
        for value, column in zip(row, names, strict=True):
            problem = _problem(value, declared[column], _format_of(table, column))
            if problem:
                found.append(BadValue(table, key, column, problem))
                return


def _bad_text_column(
    conn: sqlite3.Connection, table: str, text: list[str], rowid: int | None, has_rowid: bool
) -> str:
    if not has_rowid:
        return ", ".join(text)
    cells = conn.execute(
        f"SELECT {', '.join(f'[{c}]' for c in text)} FROM [{table}] WHERE rowid = ?", (rowid,)
    ).fetchone()
    for column, value in zip(text, cells, strict=True):
        if isinstance(value, bytes):
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                return column
    return ", ".join(text)


def _problem(value: object, kind: str, fmt: tuple[str, Callable[[str], None]] | None) -> str:
    if value is None:
        return ""
    if kind == "INTEGER":
        return "" if isinstance(value, int) else f"not a whole number ({_show(value)})"
    if kind == "REAL":
        return "" if isinstance(value, int | float) else f"not a number ({_show(value)})"
    if kind != "TEXT":
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, bytes):
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            return "text that is not valid UTF-8"
    else:
        return f"not text ({_show(value)})"
    if fmt is not None:
        what, check = fmt
        try:
            check(text)
        except ValueError:
            return f"{_show(text)} is not {what}"
    return ""


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def row_problem(
    table: str, declared: dict[str, str], columns: list[str], row: tuple[object, ...]
) -> str:
    """Why one row (``columns`` of ``table``, as read) cannot be used ("" if it can).
    ``declared``: the column types, from :func:`declared_types`."""
    for column, value in zip(columns, row, strict=True):
        problem = _problem(value, declared.get(column, ""), _format_of(table, column))
        if problem:
            return f"{column}: {problem}"
    return ""


def declared_types(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return _declared(conn, table)


def _declared(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {r[1]: (r[2] or "").upper() for r in conn.execute(f"PRAGMA table_info([{table}])")}
