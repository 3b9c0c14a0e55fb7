"""The small taxonomy of errors meant for the user (not programming errors).

Each error has a stable ``code`` that the UI maps to a translated sentence, and an
English ``message`` for the CLI and logs.
"""

from __future__ import annotations

from typing import Any


class FacilitatorError(Exception):
    """Base of every error that is the user's to read."""

    code = "error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class ValidationError(FacilitatorError):
    """Input that breaks a rule: an empty title, an end before a start, ..."""

    code = "invalid"

    def __init__(self, field: str, message: str, **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class NotFound(FacilitatorError):
    code = "not_found"


# --- file errors -----------------------------------------------------------------


class WorkshopFileError(FacilitatorError):
    """A workshop file that cannot be opened as asked. The file is left untouched."""

    code = "file_error"

    def __init__(self, path: object, message: str, **params: Any) -> None:
        super().__init__(message, path=str(path), **params)
        self.path = str(path)


class FileMissing(WorkshopFileError):
    code = "file_missing"


class NotAWorkshopFile(WorkshopFileError):
    """Not a SQLite database at all (a directory, empty, random bytes)."""

    code = "not_a_workshop"


class ForeignDatabase(WorkshopFileError):
    """A valid SQLite database, but made by another application."""

    code = "foreign_database"


class DamagedFile(WorkshopFileError):
    """A SQLite database that SQLite itself cannot read entirely (truncated, corrupt)."""

    code = "damaged"


class NewerSchema(WorkshopFileError):
    """Written by a newer Facilitator: this version does not know its format."""

    code = "newer_schema"


class UntrustedContent(WorkshopFileError):
    """The file carries triggers, views or other objects Facilitator never creates."""

    code = "untrusted_content"


class FileLocked(WorkshopFileError):
    """Another Facilitator (or another writer) has the file open for writing."""

    code = "file_locked"


class ReadOnlyFile(WorkshopFileError):
    """The file was opened read-only; a write was attempted."""

    code = "read_only"


class StorageFull(WorkshopFileError):
    """The disk (or the database's size limit) is full. Nothing was written."""

    code = "storage_full"


class StorageBusy(WorkshopFileError):
    """Another program held the file too long; the write did not happen."""

    code = "storage_busy"
