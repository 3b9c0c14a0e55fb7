"""The one fix proposed for a start-up target and not (yet) in the app, applied by
monkeypatching so ``run.py --proposed`` measures it side by side with the code as it
is. Nothing here is used by the app.

``skip_quick_check``: ``file.inspect`` runs ``PRAGMA quick_check`` on every open, which
reads the whole file (about 0.25 s for 100,000 notes). The patched open skips it, to
measure what deferring it (e.g. to an idle moment after the first paint) would save.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Any


class _NoQuickCheck:
    """A connection that answers ``PRAGMA quick_check`` with ok without reading the file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.strip().upper().startswith("PRAGMA QUICK_CHECK"):
            return self._conn.execute("SELECT 'ok'")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def skip_quick_check() -> None:
    """From now on, the check before opening a file skips ``PRAGMA quick_check``."""
    from facilitator.storage import file

    original = file._read_only_connection

    def connection(path: Any, transient: bool = False) -> Any:
        conn = original(path, transient)
        if sys._getframe(1).f_code.co_name == "inspect":  # only the check before opening
            return _NoQuickCheck(conn)
        return conn

    file._read_only_connection = connection
