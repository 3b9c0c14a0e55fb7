"""Follow the file while another program writes to it (a read-only second window).

:meth:`FileFollower.poll` is cheap when nothing happened (one ``PRAGMA data_version``);
when another connection has committed, it returns what was written since the last
poll as :class:`Changes`, the same stream the window's own operations announce, so
every screen updates incrementally as it does for a local change.
"""

from __future__ import annotations

from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.storage import follow

_KINDS = {
    "workshop": Kind.WORKSHOP,
    "days": Kind.DAY,
    "agenda_items": Kind.ITEM,
    "organisations": Kind.ORGANISATION,
    "participants": Kind.PARTICIPANT,
    "categories": Kind.CATEGORY,
    "notes": Kind.NOTE,
    "themes": Kind.THEME,
    "solutions": Kind.SOLUTION,
    "action_items": Kind.ACTION,
    "polls": Kind.POLL,
    "attendance": Kind.ATTENDANCE,
}


class FileFollower:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        conn = svc.repo.conn
        self._version = follow.data_version(conn)
        self._stamp = follow.latest_stamp(conn)

    def poll(self) -> Changes | None:
        """What others wrote since the last call, or None if nothing."""
        conn = self.svc.repo.conn
        version = follow.data_version(conn)
        if version == self._version:
            return None
        self._version = version
        added: set[tuple[Kind, int]] = set()
        updated: set[tuple[Kind, int]] = set()
        removed: set[tuple[Kind, int]] = set()
        for row in follow.touched_since(conn, self._stamp):
            kind = _KINDS[row.table]
            row_id = 0 if kind is Kind.WORKSHOP else row.row_id
            target = removed if row.removed else added if row.added else updated
            target.add((kind, row_id))
            if kind is Kind.ITEM and row.day_id is not None:
                updated.add((Kind.AGENDA, int(row.day_id)))
        self._stamp = max(self._stamp, follow.latest_stamp(conn))
        changes = Changes(frozenset(added), frozenset(updated), frozenset(removed))
        return changes or None
