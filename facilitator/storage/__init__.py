"""Storage: the only package that writes SQL or calls sqlite-utils."""

import sys


def _import_sqlite_utils_lean() -> None:
    """Import sqlite-utils without numpy and pandas.

    sqlite-utils imports them, when installed, only to map their scalar types to column
    types; Facilitator never passes such values. Hiding them saves 0.3-0.5 s and about
    20 MiB at start-up on machines where they happen to be installed.
    """
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes "import name" fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


_import_sqlite_utils_lean()
