"""Where the shipped resources live, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources/`` folder: ``facilitator/resources`` when installed, else the repo's."""
    installed = _PACKAGE / "resources"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"


def db_dir() -> Path:
    """The ``db/`` folder describing the file format (schema.sql, README)."""
    installed = _PACKAGE / "dbformat"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "db"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
