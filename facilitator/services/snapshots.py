"""Automatic snapshots of a workshop file, and restoring one into a new file.

A snapshot is a complete, consistent copy made with SQLite's online backup API while
the workshop stays open. Snapshots live in a folder next to the file
(``Torino.workshop`` → ``Torino.snapshots/``); only the newest ``keep`` are kept.
A snapshot is never restored over the open file: always into a new file.

The UI calls :class:`SnapshotPolicy` after each captured note (with its clock) and
:func:`take_snapshot` at the end of a day (minutes exported, day closed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.domain import errors
from facilitator.domain.timeutil import utcnow
from facilitator.services.workshop import WorkshopService
from facilitator.storage import names
from facilitator.storage.file import PARTIAL, SUFFIX, WorkshopFile, clean_leftovers

DEFAULT_KEEP = 10
DEFAULT_INTERVAL_MIN = 10

# Why a snapshot was taken; the UI translates these.
REASON_AUTO = "auto"
REASON_DAY_END = "day-end"
REASON_MANUAL = "manual"
REASON_MERGE = "before-merge"  # INTO, before another file is merged in
REASONS = (REASON_AUTO, REASON_DAY_END, REASON_MANUAL, REASON_MERGE)

_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(
    r"^(?P<stem>.*)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.(?P<reason>[a-z-]+)" + re.escape(SUFFIX) + "$"
)


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: dt.datetime  # UTC
    reason: str
    notes: int | None = None  # None: the snapshot could not be read
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem


def snapshot_dir(workshop_path: Path | str) -> Path:
    """``<folder>/<name>.snapshots`` for ``<folder>/<name>.workshop`` (shortened for a
    very long name)."""
    return names.snapshot_folder(Path(workshop_path))


def take_snapshot(
    svc: WorkshopService,
    reason: str = REASON_MANUAL,
    *,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
) -> Path:
    """Copy the open workshop into its snapshot folder; keep only the newest ``keep``.

    Raises ``StorageFull`` / ``OSError`` if the copy cannot be written (the workshop
    itself is not affected)."""
    if reason not in REASONS:
        raise errors.ValidationError("reason", f"unknown snapshot reason {reason!r}")
    if keep < 1:
        raise errors.ValidationError("keep", "keep at least one snapshot")
    when = (now or utcnow()).astimezone(dt.UTC)
    folder = snapshot_dir(svc.path)
    folder.mkdir(exist_ok=True)
    clean_leftovers(svc.path)  # half-built copies of earlier, interrupted snapshots
    target = folder / _name(folder, svc.path.stem, when, reason)
    while target.exists():  # same microsecond (a frozen test clock): one tick later
        when += dt.timedelta(microseconds=1)
        target = folder / _name(folder, svc.path.stem, when, reason)
    svc.file.backup_to(target)
    prune(svc.path, keep)
    return target


def _name(folder: Path, stem: str, when: dt.datetime, reason: str) -> str:
    """``<stem>.<stamp>.<reason>.workshop``, the stem shortened if the name (and the
    ``.partial`` it is built in) would not fit the file system."""
    tail = f".{when.strftime(_STAMP)}.{reason}{SUFFIX}"
    return names.fit(folder, stem, tail, room=len(PARTIAL) + names.SQLITE_SUFFIX_ROOM)


def _parse(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    taken = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    return taken, match["reason"]


def _snapshot_files(workshop_path: Path) -> list[tuple[dt.datetime, str, Path]]:
    folder = snapshot_dir(workshop_path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        parsed = _parse(p) if p.is_file() else None
        if parsed is not None:
            found.append((parsed[0], parsed[1], p))
    found.sort(key=lambda t: (t[0], t[2].name), reverse=True)
    return found


def prune(workshop_path: Path | str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` snapshots. Returns the deleted paths."""
    removed = []
    for _, _, p in _snapshot_files(Path(workshop_path))[keep:]:
        with contextlib.suppress(OSError):
            p.unlink()
            removed.append(p)
    return removed


def list_snapshots(workshop_path: Path | str) -> list[Snapshot]:
    """The snapshots of a workshop, newest first, with their note counts.

    Each snapshot is only read (and checked like any file: one that is damaged or
    carries foreign content is listed with its problem and cannot be restored)."""
    result = []
    for taken, reason, p in _snapshot_files(Path(workshop_path)):
        try:
            from facilitator.storage.doctor import examine  # on listing only: not at start-up

            ex = examine(p)
        except errors.WorkshopFileError as exc:
            result.append(Snapshot(p, taken, reason, None, exc.message))
            continue
        if not ex.integrity_ok:
            result.append(Snapshot(p, taken, reason, None, "; ".join(ex.integrity[:3])))
            continue
        notes = ex.counts.notes if ex.counts is not None else None
        result.append(Snapshot(p, taken, reason, notes))
    return result


def restore_snapshot(snapshot: Snapshot | Path, target: Path | str) -> Path:
    """Write the content of ``snapshot`` into the NEW file ``target``.

    Refuses an existing ``target`` (so never over the current workshop nor over a
    snapshot). The new file is a normal workshop file; the snapshot stays as it was."""
    source = snapshot.path if isinstance(snapshot, Snapshot) else Path(snapshot)
    target = Path(target)
    if target.exists():
        raise errors.ValidationError(
            "path", f"{target} already exists: a snapshot is restored into a new file only"
        )
    if not target.parent.is_dir():
        raise errors.FileMissing(target.parent, f"{target.parent}: no such folder")
    wf = WorkshopFile.peek(source)
    try:
        wf.backup_to(target)
    finally:
        wf.close()
    return target


@dataclass
class SnapshotPolicy:
    """ "Every N minutes while capturing": call :meth:`note_captured` after each note.

    The first note of a session takes a snapshot; later ones only when ``interval``
    has passed since the last. ``interval`` of zero switches the policy off. A failed
    snapshot never stops capture: it is remembered in ``last_error`` and tried again
    on the next note."""

    interval: dt.timedelta = field(
        default_factory=lambda: dt.timedelta(minutes=DEFAULT_INTERVAL_MIN)
    )
    keep: int = DEFAULT_KEEP
    last_taken: dt.datetime | None = None
    last_error: str = ""

    @classmethod
    def every(cls, minutes: int, keep: int = DEFAULT_KEEP) -> SnapshotPolicy:
        if minutes < 0:
            raise errors.ValidationError("interval", "the interval cannot be negative")
        return cls(dt.timedelta(minutes=minutes), keep)

    @property
    def enabled(self) -> bool:
        return self.interval > dt.timedelta(0)

    def due(self, now: dt.datetime) -> bool:
        if not self.enabled:
            return False
        return self.last_taken is None or now - self.last_taken >= self.interval

    def note_captured(self, svc: WorkshopService, now: dt.datetime | None = None) -> Path | None:
        """Take a snapshot if one is due. Returns its path, or None."""
        now = now or utcnow()
        if not self.due(now):
            return None
        try:
            path = take_snapshot(svc, REASON_AUTO, keep=self.keep, now=now)
        except (errors.FacilitatorError, OSError) as exc:
            self.last_error = getattr(exc, "message", None) or str(exc)
            return None
        self.last_taken = now
        self.last_error = ""
        return path
