"""Storage: the only package that writes SQL or calls sqlite-utils.

sqlite-utils (and click, pluggy, dateutil with it: some 35 ms) is imported only when
migrations run (a new file, an older file, the expected schema of an older version):
a file at the current version is read and written through :class:`file.Db`.
"""

import sqlite3
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite_utils_database(conn: sqlite3.Connection) -> "Database":
    """sqlite-utils' ``Database`` on ``conn`` (plugins off, no PRAGMA changed)."""
    import_sqlite_utils()
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False, recursive_triggers=False)


def import_sqlite_utils() -> None:
    """Import sqlite-utils now, without numpy and pandas.

    sqlite-utils imports them, when installed, only to map their scalar types to column
    types; Facilitator never passes such values. Hiding them saves 0.3-0.5 s and about
    20 MiB on machines where they happen to be installed.
    """
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail
        try:
            import sqlite_utils  # noqa: F401
        finally:
            for name in hidden:
                sys.modules.pop(name, None)
