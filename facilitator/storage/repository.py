"""All SQL of Facilitator's core tables, one module per aggregate. Rows in,
dataclasses out.

:class:`Repository` is made of them: the workshop's details (``details``), days and
agenda items (``agenda``), organisations, participants and attendance (``people``),
categories (``categories``), notes, search and drafts (``notes``) and action items
(``actions``). Every write method runs inside :meth:`WorkshopFile.writing`, so it is
committed (and synced) when it returns; a caller that wraps several in its own
``writing()`` block gets them all or none (nested blocks are savepoints).
"""

from __future__ import annotations

from facilitator.domain import model as m
from facilitator.storage.actions import ActionRows
from facilitator.storage.agenda import AgendaRows
from facilitator.storage.categories import CategoryRows
from facilitator.storage.details import DetailRows
from facilitator.storage.notes import NoteRows
from facilitator.storage.people import PeopleRows


class Repository(DetailRows, AgendaRows, PeopleRows, CategoryRows, NoteRows, ActionRows):
    """Every core table's rows, over one open workshop file."""

    # --- checks and counts -----------------------------------------------------------------

    def counts(self) -> m.Counts:
        def n(sql: str) -> int:
            return int(self._one(sql)[0])

        return m.Counts(
            days=n("SELECT count(*) FROM days WHERE deleted_at IS NULL"),
            agenda_items=n("SELECT count(*) FROM agenda_items WHERE deleted_at IS NULL"),
            organisations=n("SELECT count(*) FROM organisations WHERE deleted_at IS NULL"),
            participants=n("SELECT count(*) FROM participants WHERE deleted_at IS NULL"),
            categories=n("SELECT count(*) FROM categories WHERE deleted_at IS NULL"),
            notes=n("SELECT count(*) FROM notes WHERE deleted_at IS NULL"),
            deleted_notes=n("SELECT count(*) FROM notes WHERE deleted_at IS NOT NULL"),
            action_items=n("SELECT count(*) FROM action_items WHERE deleted_at IS NULL"),
        )

    def integrity_check(self) -> list[str]:
        return [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]

    def schema_version(self) -> int:
        return int(self._one("PRAGMA user_version")[0])
