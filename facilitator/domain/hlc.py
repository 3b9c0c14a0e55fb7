"""Hybrid logical clocks: when a field of a row was last changed, comparable between laptops.

A stamp is ``"<milliseconds since 1970, 13 digits>.<counter, 6 digits>.<node, 8 hex>"``:
plain string order is clock order. A laptop's wall clock may be wrong; a stamp is never
smaller than one it has seen (the row it replaces, a file it merged), so a change made after
seeing another change always sorts after it, whatever the wall clocks say. The node (random
per open file) makes two stamps never equal.

Each row keeps, per field, a short history of stamps, newest first (JSON in the ``hlc``
column: ``{"": [created], "text": [edited, created]}``; a field without its own entry has
the row's ``""`` history). Two versions of a field are *concurrent* (changed on both sides)
when neither side's newest stamp is in the other's history.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

#: Stamps kept per field. An older ancestor falls out of the history: two versions are
#: then seen as concurrent, which keeps both (never loses one).
HISTORY = 8
ZERO = "0000000000000.000000.00000000"
DEFAULT = ""  # the history key of fields without their own
MAX_COUNTER = 999_999

Clocks = dict[str, list[str]]


def stamp(ms: int, counter: int, node: str) -> str:
    return f"{ms:013d}.{counter:06d}.{node}"


def parse(value: str) -> tuple[int, int, str]:
    ms, counter, node = value.split(".")
    return int(ms), int(counter), node


def new_node() -> str:
    return secrets.token_hex(4)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues stamps that grow: never below the wall clock nor below any stamp observed."""

    def __init__(self, node: str | None = None, wall: Callable[[], int] = _wall_ms) -> None:
        self.node = node or new_node()
        self._wall = wall
        self._ms = 0
        self._counter = 0

    def observe(self, seen: str) -> None:
        if not seen:
            return
        ms, counter, _node = parse(seen)
        if (ms, counter) > (self._ms, self._counter):
            self._ms, self._counter = ms, counter

    def tick(self, after: Iterable[str] = ()) -> str:
        """A new stamp, later than every stamp in ``after`` and every one issued or seen."""
        for seen in after:
            self.observe(seen)
        wall = self._wall()
        if wall > self._ms:
            self._ms, self._counter = wall, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # a million stamps in one millisecond: borrow the next one (order holds)
            self._ms, self._counter = self._ms + 1, 0
        return stamp(self._ms, self._counter, self.node)

    def last(self) -> str:
        return stamp(self._ms, self._counter, self.node)


# --- per-row field histories ------------------------------------------------------------


def load(text: str | None) -> Clocks:
    if not text:
        return {DEFAULT: [ZERO]}
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("hlc is not a JSON object")
    out: Clocks = {}
    for key, hist in data.items():
        if not isinstance(hist, list) or not hist or not all(_valid(s) for s in hist):
            raise ValueError(f"hlc of {key!r} is not a list of clock stamps")
        out[str(key)] = [str(s) for s in hist]
    out.setdefault(DEFAULT, [ZERO])
    return out


def _valid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = value.split(".")
    return (
        len(parts) == 3
        and len(parts[0]) == 13
        and len(parts[1]) == 6
        and len(parts[2]) == 8
        and parts[0].isdigit()
        and parts[1].isdigit()
        and all(c in "0123456789abcdef" for c in parts[2])
    )


def dump(clocks: Mapping[str, Sequence[str]]) -> str:
    return json.dumps({k: list(v) for k, v in sorted(clocks.items())}, separators=(",", ":"))


def history(clocks: Mapping[str, Sequence[str]], field: str) -> list[str]:
    return list(clocks.get(field) or clocks.get(DEFAULT) or [ZERO])


def newest(clocks: Mapping[str, Sequence[str]]) -> str:
    return max((h[0] for h in clocks.values() if h), default=ZERO)


def touched(clocks: Mapping[str, Sequence[str]], fields: Iterable[str], new: str) -> Clocks:
    """``clocks`` after ``fields`` changed at stamp ``new``."""
    out = {k: list(v) for k, v in clocks.items()}
    for field in fields:
        out[field] = [new, *history(clocks, field)][:HISTORY]
    return out


def union(a: Sequence[str], b: Sequence[str]) -> list[str]:
    return sorted(set(a) | set(b), reverse=True)[:HISTORY]


def concurrent(a: Sequence[str], b: Sequence[str]) -> bool:
    """Both sides changed the field since their common version (neither saw the other's)."""
    return a[0] != b[0] and a[0] not in b and b[0] not in a
