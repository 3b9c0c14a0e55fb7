"""The one place where every write advances the rows' hybrid logical clocks.

Each writable connection gets two SQL functions and TEMP triggers (they live in the
connection, never in the file, which stays trigger-free): after any INSERT or UPDATE of a
merged table, the row's ``hlc`` column (see :mod:`facilitator.domain.hlc`) gets a new
stamp for every field whose value changed. Link tables (an item's speakers, a note's
theme, a solution's notes, a poll's options) stamp a field of the row they belong to. So
every write path, present and future, keeps the clocks without a line of its own; a
statement that sets ``hlc`` itself (the merge) is left alone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from facilitator.domain import hlc

#: Tables whose rows carry an ``hlc`` column (migration 0005_merge).
CLOCKED = (
    "workshop",
    "organisations",
    "days",
    "categories",
    "participants",
    "agenda_items",
    "notes",
    "action_items",
    "themes",
    "solutions",
    "polls",
    "ballots",
    "attendance",
)
#: Columns that are not fields of the content (identity, bookkeeping).
NOT_FIELDS = frozenset({"id", "uuid", "hlc", "created_at", "updated_at"})
#: link table -> (owner table, owner column in the link table, field of the owner)
LINKS = {
    "agenda_item_speakers": ("agenda_items", "agenda_item_id", "speakers"),
    "theme_notes": ("notes", "note_id", "theme"),
    "solution_notes": ("solutions", "solution_id", "notes"),
    "poll_options": ("polls", "poll_id", "options"),
    "poll_criteria": ("polls", "poll_id", "options"),
}


@dataclass
class ClockState:
    """The clock of one writable connection; ``paused`` while the merge writes stamps."""

    clock: hlc.HybridClock = field(default_factory=hlc.HybridClock)
    paused: bool = False

    def touch(self, old: str | None, *pairs: object) -> str | None:
        if self.paused:
            return old
        changed = [str(pairs[i]) for i in range(0, len(pairs) - 1, 2) if pairs[i + 1]]
        if not changed:
            return old
        try:
            clocks = hlc.load(old)
        except ValueError:
            clocks = hlc.load(None)  # a value another program wrote: start again
        new = self.clock.tick(h[0] for h in clocks.values())
        return hlc.dump(hlc.touched(clocks, changed, new))

    def created(self) -> str | None:
        if self.paused:
            return None
        return hlc.dump({hlc.DEFAULT: [self.clock.tick()]})


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def fields(conn: sqlite3.Connection, table: str) -> list[str]:
    return [c for c in columns(conn, table) if c not in NOT_FIELDS]


def install(conn: sqlite3.Connection) -> ClockState:
    """Register the clock functions and TEMP triggers on a writable connection."""
    state = ClockState()
    conn.create_function("hlc_touch", -1, state.touch)
    conn.create_function("hlc_created", 0, state.created)
    for table in CLOCKED:
        cols = columns(conn, table)
        if "hlc" not in cols:
            continue  # a file not yet migrated (never left so by open())
        names = [c for c in cols if c not in NOT_FIELDS]
        pairs = ", ".join(f'\'{c}\', NEW."{c}" IS NOT OLD."{c}"' for c in names)
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS hlc_{table}_insert AFTER INSERT ON main.{table} "
            f"FOR EACH ROW WHEN NEW.hlc IS NULL BEGIN "
            f"UPDATE {table} SET hlc = hlc_created() WHERE rowid = NEW.rowid; END"
        )
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS hlc_{table}_update AFTER UPDATE ON main.{table} "
            f"FOR EACH ROW WHEN NEW.hlc IS OLD.hlc BEGIN "
            f"UPDATE {table} SET hlc = hlc_touch(OLD.hlc, {pairs}) WHERE rowid = NEW.rowid; END"
        )
    for link, (owner, column, name) in LINKS.items():
        for event, rows in (("INSERT", ("NEW",)), ("DELETE", ("OLD",)), ("UPDATE", ("OLD", "NEW"))):
            targets = " OR ".join(f"id = {r}.{column}" for r in rows)
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS hlc_{link}_{event.lower()} AFTER {event} "
                f"ON main.{link} FOR EACH ROW BEGIN "
                f"UPDATE {owner} SET hlc = hlc_touch(hlc, '{name}', 1) WHERE {targets}; END"
            )
    return state
