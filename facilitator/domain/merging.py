"""The rules of merging one workshop file into another. No SQL, no Qt: plain data in,
a plan out (storage/merge.py reads the files and writes the plan).

Rows are matched by UUID, then (for rows created separately on two laptops) by their
natural key. Each field of a matched row is merged on its own:

- changed on one side only: that side's value (its clock stamp is the later one);
- changed on both sides: the later stamp of the hybrid logical clock wins, and the
  conflict is recorded; for a note's text the other version is kept for review;
- a row deleted on one side and edited on the other (an edit the deleting side never
  saw) stays: an edit beats a delete; otherwise soft deletes travel like any field;
- a poll closed on one side while the other, still open, took more ballots is recorded
  for the facilitator (the ballots of both sides are all kept).

Every step is a function of the two states only (plus fresh stamps for rows an edit
brings back), so merging twice changes nothing the second time, and merging B then C
gives the same workshop as C then B.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from facilitator.domain import hlc
from facilitator.domain.errors import ValidationError
from facilitator.domain.validation import BAD_CHARS

#: Merged tables, parents before children.
TABLES = (
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
#: Tables whose rows are also matched by a natural key (see natural_key()).
NATURAL = ("organisations", "days", "categories", "participants", "agenda_items")
#: Fields that hold a list of references: field -> referenced table.
LIST_REFS = {("agenda_items", "speakers"): "participants", ("solutions", "notes"): "notes"}
#: (table, field) whose both-sides versions are kept for review.
KEEP_BOTH = {("notes", "text")}
DELETED = "deleted_at"


@dataclass
class RowState:
    values: dict[str, Any]
    clocks: hlc.Clocks
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class Side:
    """One file's merged tables, every reference written as the referenced row's UUID."""

    workshop_uuid: str
    rows: dict[str, dict[str, RowState]]
    refs: dict[str, dict[str, str]]  # table -> field -> referenced table
    events: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)
    voters: set[tuple[str, str]] = field(default_factory=set)
    entries: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)
    title: str = ""

    def newest(self) -> str:
        return max(
            (hlc.newest(r.clocks) for rows in self.rows.values() for r in rows.values()),
            default=hlc.ZERO,
        )


@dataclass(frozen=True)
class Conflict:
    table: str
    key: str
    field: str
    kept: Any
    other: Any
    kept_hlc: str
    other_hlc: str
    needs_review: bool

    @property
    def uuid(self) -> str:
        a, b = sorted((self.kept_hlc, self.other_hlc))
        return str(uuidlib.uuid5(_NS, f"{self.table}|{self.key}|{self.field}|{a}|{b}"))


@dataclass
class TablePlan:
    new: dict[str, RowState] = field(default_factory=dict)
    changed: dict[str, RowState] = field(default_factory=dict)
    clocks_only: dict[str, RowState] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (from, into, label)


@dataclass
class Plan:
    tables: dict[str, TablePlan]
    events: dict[str, tuple[str, str, str, str]]
    voters: set[tuple[str, str]]
    entries: dict[str, tuple[tuple[str, int, int], ...]]
    conflicts: dict[str, dict[str, Any]]  # records to add (uuid -> record)
    newest: str  # the INTO clock observes this
    # conflicts both files recorded, decided in FROM only (uuid -> its resolved_at)
    resolved: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[str, tuple[int, int, int]]:
        """table -> (new, changed, conflicts)."""
        return {
            t: (len(p.new), len(p.changed), len(p.conflicts))
            for t, p in self.tables.items()
            if p.new or p.changed or p.conflicts
        }

    def is_empty(self) -> bool:
        return not (
            any(p.new or p.changed or p.clocks_only or p.conflicts for p in self.tables.values())
            or self.events
            or self.voters
            or self.conflicts
            or self.resolved
        )


_NS = uuidlib.UUID("6c0f7a52-58a4-4f8e-9a0c-5e1d2b6c9a31")


def _norm(text: Any) -> str:
    return " ".join(str(text or "").split()).casefold()


def natural_key(table: str, v: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The key two rows created apart are the same thing by (None: no key)."""
    if table in ("organisations", "categories"):
        return (_norm(v.get("name")),) if _norm(v.get("name")) else None
    if table == "days":
        return (v["date"],) if v.get("date") else None
    if table == "participants":
        if _norm(v.get("email")):
            return ("email", _norm(v.get("email")))
        return ("name", _norm(v.get("name")), v.get("organisation_id"))
    if table == "agenda_items":
        return (v.get("day_id"), _norm(v.get("title")), v.get("planned_start"))
    return None


def row_key(table: str, key: str, values: Mapping[str, Any]) -> str:
    """Attendance rows are keyed by their day and participant; others by UUID."""
    if table == "attendance":
        return f"{values.get('day_id')}|{values.get('participant_id')}"
    return key


def label(table: str, v: Mapping[str, Any]) -> str:
    """A few words naming a row in the preview."""
    if table == "days":
        return str(v.get("date") or v.get("title") or "")
    if table == "agenda_items":
        return f"{v.get('planned_start') or '--:--'} {v.get('title', '')}"
    if table == "participants":
        return str(v.get("name", "")) + (f" <{v['email']}>" if v.get("email") else "")
    return str(v.get("name") or v.get("title") or v.get("text") or "")[:60]


def check_side(side: Side, name: str) -> None:
    """Refuse a file holding text Facilitator never stores (control characters, lone
    surrogates: another program wrote them), naming where."""
    for table, rows in side.rows.items():
        for row in rows.values():
            for field_name, value in row.values.items():
                if isinstance(value, str) and BAD_CHARS.search(value):
                    raise ValidationError(
                        "merge",
                        f"{name} holds a character Facilitator cannot store in "
                        f"{table}.{field_name}: nothing was merged",
                        rule="bad_char",
                    )


# --- remapping references ----------------------------------------------------------------


class Mapper:
    """FROM's UUIDs in INTO's terms: matched rows take INTO's UUID; with ``fresh`` (a
    second workshop imported into this one) every UUID is replaced by a new one, the same
    every time for the same pair of workshops (so importing again adds nothing)."""

    def __init__(self, fresh_for: str | None = None) -> None:
        self.pairs: dict[str, str] = {}
        self.fresh_for = fresh_for

    def __call__(self, value: str | None) -> str | None:
        if value is None:
            return None
        if value in self.pairs:
            return self.pairs[value]
        if self.fresh_for is not None:
            return str(uuidlib.uuid5(_NS, f"{self.fresh_for}|{value}"))
        return value

    def values(
        self, table: str, refs: Mapping[str, str], values: Mapping[str, Any]
    ) -> dict[str, Any]:
        out = dict(values)
        for name, _target in refs.items():
            if name in out and out[name] is not None:
                out[name] = self(out[name])
        if table == "notes" and out.get("theme") is not None:
            out["theme"] = self(out["theme"])
        for (t, name), _target in LIST_REFS.items():
            if t == table and out.get(name) is not None:
                mapped = [self(u) for u in out[name]]
                out[name] = tuple(sorted(mapped)) if name == "notes" else tuple(mapped)
        if table == "polls" and out.get("options") is not None:
            out["options"] = self.options(out["options"])
        return out

    def options(self, value: Any) -> Any:
        options, criteria = value
        return (
            tuple((self(u), text, self(sol)) for u, text, sol in options),
            tuple((self(u), *rest) for u, *rest in criteria),
        )


# --- one row ---------------------------------------------------------------------------


def _pick(ha: list[str], va: Any, hb: list[str], vb: Any) -> bool:
    """True when side a's version wins."""
    if ha[0] != hb[0]:
        return ha[0] > hb[0]
    return json.dumps(va, sort_keys=True, default=str) >= json.dumps(
        vb, sort_keys=True, default=str
    )


def merge_row(
    table: str, key: str, into: RowState, src: RowState, tick: Callable[[], str]
) -> tuple[RowState, list[Conflict]]:
    conflicts: list[Conflict] = []
    names = list(dict.fromkeys([*into.values, *src.values]))
    values: dict[str, Any] = {}
    clocks: hlc.Clocks = {
        hlc.DEFAULT: hlc.union(hlc.history(into.clocks, ""), hlc.history(src.clocks, ""))
    }
    winner: dict[str, bool] = {}
    for name in names:
        ha, hb = hlc.history(into.clocks, name), hlc.history(src.clocks, name)
        va, vb = into.values.get(name), src.values.get(name)
        a_wins = name not in src.values or (name in into.values and _pick(ha, va, hb, vb))
        winner[name] = a_wins
        values[name] = va if a_wins else vb
        merged = hlc.union(ha, hb)
        if merged != clocks[hlc.DEFAULT] or name in into.clocks or name in src.clocks:
            clocks[name] = merged
        if va == vb:
            continue
        poll_state = table == "polls" and name == "state" and {va, vb} == {"open", "closed"}
        if hlc.concurrent(ha, hb):
            kept, other = (va, vb) if a_wins else (vb, va)
            kh, oh = (ha[0], hb[0]) if a_wins else (hb[0], ha[0])
            review = (table, name) in KEEP_BOTH or poll_state
            conflicts.append(Conflict(table, key, name, kept, other, kh, oh, review))
    if values.get(DELETED) is not None and DELETED in names:
        deleter, keeper = (into, src) if winner[DELETED] else (src, into)
        if keeper.values.get(DELETED) is None and _unseen_edit(deleter, keeper, names):
            stamp = tick()
            conflicts.append(
                Conflict(
                    table,
                    key,
                    DELETED,
                    None,
                    values[DELETED],
                    stamp,
                    hlc.history(deleter.clocks, DELETED)[0],
                    False,
                )
            )
            values[DELETED] = None
            clocks[DELETED] = [stamp, *clocks.get(DELETED, clocks[hlc.DEFAULT])][: hlc.HISTORY]
    created = min(filter(None, [into.created_at, src.created_at]), default=None)
    updated = max(filter(None, [into.updated_at, src.updated_at]), default=None)
    return RowState(values, clocks, into.created_at or created, updated), conflicts


def _unseen_edit(deleter: RowState, keeper: RowState, names: Iterable[str]) -> bool:
    """The keeping side has an edit the deleting side never saw."""
    for name in names:
        if name == DELETED:
            continue
        hk = hlc.history(keeper.clocks, name)
        if hk[0] not in hlc.history(deleter.clocks, name):
            return True
    return False


# --- the whole plan ------------------------------------------------------------------------


def match(into: Side, src: Side, mapper: Mapper) -> dict[str, list[tuple[str, str, str]]]:
    """Fill ``mapper`` with natural-key pairs; returns them per table (from, into, label)."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for table in NATURAL:
        refs = src.refs.get(table, {})
        into_rows = into.rows.get(table, {})
        src_rows = src.rows.get(table, {})
        index: dict[tuple[Any, ...], str] = {}
        for key in sorted(into_rows):
            row = into_rows[key]
            if key in src_rows or row.values.get(DELETED) is not None:
                continue
            nk = natural_key(table, row.values)
            if nk is not None:
                index.setdefault(nk, key)
        for key in sorted(src_rows):
            row = src_rows[key]
            if key in into_rows or row.values.get(DELETED) is not None:
                continue
            nk = natural_key(table, mapper.values(table, refs, row.values))
            target = index.pop(nk, None) if nk is not None else None
            if target is not None:
                mapper.pairs[key] = target
                found.setdefault(table, []).append((key, target, label(table, row.values)))
    return found


def plan(into: Side, src: Side, tick: Callable[[], str], as_new: bool = False) -> Plan:
    mapper = Mapper(fresh_for=into.workshop_uuid if as_new else None)
    pairs = {} if as_new else match(into, src, mapper)
    tables: dict[str, TablePlan] = {}
    for table in TABLES:
        tp = TablePlan(pairs=pairs.get(table, []))
        tables[table] = tp
        if table == "workshop" and as_new:
            continue
        refs = src.refs.get(table, {})
        into_rows = into.rows.get(table, {})
        for key in sorted(src.rows.get(table, {})):
            row = src.rows[table][key]
            values = mapper.values(table, refs, row.values)
            target = row_key(table, key if table == "workshop" else mapper(key) or key, values)
            mine = RowState(values, row.clocks, row.created_at, row.updated_at)
            old = into_rows.get(target)
            if old is None:
                if target not in tp.new:
                    tp.new[target] = mine
                continue
            merged, conflicts = merge_row(table, target, old, mine, tick)
            if table == "polls":
                _keep_voted_options(merged, old, mine, into, src, mapper)
                conflicts += _poll_closed_and_open(target, old, mine, into, src, mapper, conflicts)
            tp.conflicts.extend(c for c in conflicts if c.uuid not in into.conflicts)
            if merged.values != old.values:
                tp.changed[target] = merged
            elif merged.clocks != old.clocks:
                tp.clocks_only[target] = merged
    events = {}
    for key, (poll, event, reason, at) in src.events.items():
        mapped = mapper(key) or key
        if mapped not in into.events:
            events[mapped] = (mapper(poll) or poll, event, reason, at)
    voters = {(mapper(p) or p, mapper(v) or v) for p, v in src.voters} - into.voters
    entries = {
        mapper(b) or b: tuple((mapper(o) or o, c, v) for o, c, v in e)
        for b, e in src.entries.items()
        if (mapper(b) or b) in tables["ballots"].new
    }
    records: dict[str, dict[str, Any]] = {}
    for uid, record in src.conflicts.items():
        mapped = (mapper(uid) or uid) if as_new else uid
        if mapped and mapped not in into.conflicts:
            records[mapped] = {**record, "row_uuid": mapper(record["row_uuid"])}
    # a conflict decided on one laptop is decided on the other once merged
    resolved = {
        uid: str(record["resolved_at"])
        for uid, record in src.conflicts.items()
        if not as_new
        and record.get("resolved_at")
        and uid in into.conflicts
        and not into.conflicts[uid].get("resolved_at")
    }
    return Plan(
        tables, events, voters, entries, records, max(into.newest(), src.newest()), resolved
    )


def _poll_closed_and_open(
    poll: str,
    old: RowState,
    mine: RowState,
    into: Side,
    src: Side,
    mapper: Mapper,
    found: list[Conflict],
) -> list[Conflict]:
    """A poll closed on one side while the other, still open, took ballots the closed
    side never counted: the facilitator decides (reopen, or keep it closed)."""
    states = (old.values.get("state"), mine.values.get("state"))
    if set(states) != {"open", "closed"} or any(c.field == "state" for c in found):
        return []
    mine_ballots = {
        mapper(k) or k
        for k, r in src.rows.get("ballots", {}).items()
        if mapper(r.values.get("poll_id")) == poll and r.values.get("deleted_at") is None
    }
    into_ballots = {
        k
        for k, r in into.rows.get("ballots", {}).items()
        if r.values.get("poll_id") == poll and r.values.get("deleted_at") is None
    }
    open_side, closed_side = (
        (into_ballots, mine_ballots) if states[0] == "open" else (mine_ballots, into_ballots)
    )
    if not open_side - closed_side:
        return []
    ha, hb = hlc.history(old.clocks, "state"), hlc.history(mine.clocks, "state")
    a_wins = ha[0] >= hb[0]
    kept, other = (states[0], states[1]) if a_wins else (states[1], states[0])
    kh, oh = (ha[0], hb[0]) if a_wins else (hb[0], ha[0])
    conflict = Conflict("polls", poll, "state", kept, other, kh, oh, True)
    return [] if conflict.uuid in into.conflicts else [conflict]


def _keep_voted_options(
    merged: RowState, old: RowState, mine: RowState, into: Side, src: Side, mapper: Mapper
) -> None:
    """Options change only in drafts; if one side changed them while the other voted on
    the old ones, the options that have ballots stay (no ballot loses its option)."""
    used = {o for e in into.entries.values() for o, _c, _v in e}
    used |= {mapper(o) or o for e in src.entries.values() for o, _c, _v in e}
    chosen = merged.values.get("options")
    if not chosen:
        return
    have = {u for u, _t, _s in chosen[0]}
    for candidate in (old.values.get("options"), mine.values.get("options")):
        if candidate and candidate != chosen:
            cand = {u for u, _t, _s in candidate[0]}
            if (used & cand) - have and not (used & have) - cand:
                merged.values["options"] = candidate
                return
