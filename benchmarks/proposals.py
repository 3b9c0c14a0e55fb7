"""Fixes proposed for the targets the benchmarks miss, applied by monkeypatching so
their effect can be measured side by side with the code as it is (``run.py
--proposed``). Nothing here is used by the app; the owners of the patched files
decide whether to take them (the report gives the diffs).

- ``search_notes``: rank only the newest ``CANDIDATES`` matches with bm25, compute
  snippets only for the rows returned, return at most ``LIMIT`` hits (repository.py,
  and the default ``limit`` of WorkshopService.search).
- ``hide_numpy``: sqlite-utils imports numpy and pandas when they are installed, only to
  convert their types; Facilitator never passes them (storage/file.py, storage/schema.py).
- ``core_before_qt``: import storage and services before PySide6: every module imported
  after PySide6 goes through shiboken's import hook, which reads its source (app.py).
- ``lazy_organise_expand``: the Organise tab expands its tree when first shown, not
  while the file opens (ui/organise/organise_view.py).
- ``skip_quick_check``: ``PRAGMA quick_check`` reads the whole file on every open (0.25 s
  for 100,000 notes); the patched open skips it, to measure what deferring it would save.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from collections.abc import Iterator
from typing import Any

CANDIDATES = 500  # matches ranked by bm25: the newest ones
LIMIT = 200  # hits returned at most (the search dialog shows "200+", refine to narrow)


def search_notes(
    self: Any,
    text: str,
    day_id: int | None = None,
    agenda_item_id: int | None = None,
    category_id: int | None = None,
    speaker: str | None = None,
    limit: int = 500,
) -> list[Any]:
    """Repository.search_notes, proposed: same arguments, same hits for up to
    ``CANDIDATES`` matches; beyond that, the best by bm25 among the newest matches."""
    from facilitator.domain import model as m
    from facilitator.storage import repository as r

    query = r.fts_query(text)
    if query is None:
        return ORIGINAL_SEARCH(self, text, day_id, agenda_item_id, category_id, speaker, limit)
    clauses = ["notes_fts MATCH ?", "n.deleted_at IS NULL"]
    params: list[Any] = [query]
    if day_id is not None:
        clauses.append("i.day_id = ?")
        params.append(day_id)
    if agenda_item_id is not None:
        clauses.append("n.agenda_item_id = ?")
        params.append(agenda_item_id)
    if category_id is not None:
        clauses.append("n.category_id = ?")
        params.append(category_id)
    if speaker:
        clauses.append("lower(n.speaker_name) = lower(?)")
        params.append(speaker)
    columns = ", ".join("n." + c.strip() for c in r._NOTE_COLUMNS.split(","))
    # bm25() costs about 3 µs per match: ranking all 40,000 matches of a common word
    # takes 130 ms. Rank the newest CANDIDATES matches (FTS5 walks rowids backwards),
    # so a word in fewer notes than that gets exactly today's order.
    sql = (
        "WITH cand AS (SELECT notes_fts.rowid AS id, bm25(notes_fts) AS score "
        "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
        "LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY notes_fts.rowid DESC LIMIT {CANDIDATES}) "
        f"SELECT {columns}, i.day_id, coalesce(i.title, '') FROM cand "
        "JOIN notes n ON n.id = cand.id LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
        "ORDER BY cand.score, n.id LIMIT ?"
    )
    rows = self.conn.execute(sql, [*params, limit]).fetchall()
    if not rows:
        return []
    # snippet() only for the rows shown: one pass over their rowid range (a per-row
    # "rowid = ?" lookup makes FTS5 scan the whole doclist each time).
    ids = [row[0] for row in rows]
    snippets = dict(
        self.conn.execute(
            "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?)) "
            "THEN snippet(notes_fts, 0, '[', ']', '…', 12) END "
            "FROM notes_fts WHERE notes_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (json.dumps(ids), query, min(ids), max(ids)),
        ).fetchall()
    )
    return [
        m.SearchHit(r._note(row[:12]), snippets.get(row[0]) or "", row[12], row[13]) for row in rows
    ]


ORIGINAL_SEARCH: Any = None


@contextlib.contextmanager
def proposed_search() -> Iterator[None]:
    """Within the block, Repository.search_notes is the proposed one and
    WorkshopService.search returns at most ``LIMIT`` hits unless told otherwise."""
    global ORIGINAL_SEARCH
    from facilitator.services.workshop import WorkshopService
    from facilitator.storage.repository import Repository

    ORIGINAL_SEARCH = Repository.search_notes
    service_search = WorkshopService.search

    def search(self: Any, text: str, *, limit: int = LIMIT, **filters: Any) -> Any:
        return service_search(self, text, limit=limit, **filters)

    Repository.search_notes = search_notes  # type: ignore[method-assign]
    WorkshopService.search = search  # type: ignore[method-assign]
    try:
        yield
    finally:
        Repository.search_notes = ORIGINAL_SEARCH  # type: ignore[method-assign]
        WorkshopService.search = service_search  # type: ignore[method-assign]


def hide_numpy() -> None:
    """Import sqlite_utils with numpy and pandas hidden, then unhide them."""
    hidden = {name: sys.modules.get(name) for name in ("numpy", "pandas")}
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name, module in hidden.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module


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
    from facilitator.storage import file

    original = file._read_only_connection

    def connection(path: Any, transient: bool = False) -> Any:
        conn = original(path, transient)
        if sys._getframe(1).f_code.co_name == "inspect":  # only the check before opening
            return _NoQuickCheck(conn)
        return conn

    file._read_only_connection = connection


def lazy_organise_expand() -> None:
    """OrganiseView (a hidden tab at start) expands its tree only when first shown:
    ``expandAll()`` at construction visits every note row (1.9 s for 100,000 notes)."""
    from PySide6.QtWidgets import QTreeView

    from facilitator.ui.organise import organise_view

    view = organise_view.OrganiseView
    original_init = view.__init__
    original_show = view.showEvent
    real_expand_all = QTreeView.expandAll

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        QTreeView.expandAll = lambda tree: None  # type: ignore[method-assign]
        try:
            original_init(self, *args, **kwargs)
        finally:
            QTreeView.expandAll = real_expand_all  # type: ignore[method-assign]
        self._expand_pending = True

    def show_event(self: Any, event: Any) -> None:
        if getattr(self, "_expand_pending", False):
            self._expand_pending = False
            self.tree.expandAll()
        original_show(self, event)

    view.__init__ = init  # type: ignore[method-assign]
    view.showEvent = show_event  # type: ignore[method-assign]


PATCHES = {
    "numpy": hide_numpy,
    "order": lambda: __import__("facilitator.services.workshop"),
    "quickcheck": skip_quick_check,
    "organise": lazy_organise_expand,
}
