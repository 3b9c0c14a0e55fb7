"""Merge another laptop's copy of a workshop into this one (offline). No Qt.

``preview()`` reads both files and says what a merge would do (rows new, changed and in
conflict, per table, and the rows matched by their natural key); ``merge()`` takes a
snapshot of INTO and writes the whole merge in one transaction. FROM is never written:
it is copied (SQLite backup API, read-only) to a temporary file, which is upgraded there
if it is from an older Facilitator. The rules are in facilitator/domain/merging.py.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from facilitator.domain import errors, hlc
from facilitator.domain import merging as rules
from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.services import snapshots
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import WorkshopFile
from facilitator.storage.merge import apply_plan, conflicts_to_review, read_side

TABLE_LABELS = {
    "workshop": "workshop details",
    "organisations": "organisations",
    "days": "days",
    "categories": "categories",
    "participants": "participants",
    "agenda_items": "agenda items",
    "notes": "notes",
    "action_items": "actions",
    "themes": "themes",
    "solutions": "solutions",
    "polls": "polls",
    "ballots": "ballots",
    "attendance": "attendance",
}


@dataclass
class MergePreview:
    source: Path
    title: str  # FROM's workshop title
    as_new: bool
    plan: rules.Plan
    into: rules.Side
    snapshot: Path | None = None  # after merge(): INTO's snapshot taken before

    def counts(self) -> dict[str, tuple[int, int, int]]:
        return self.plan.counts()

    @property
    def total(self) -> tuple[int, int, int]:
        c = self.counts().values()
        return (sum(x[0] for x in c), sum(x[1] for x in c), sum(x[2] for x in c))

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """(table label, row label) of every row matched by its natural key."""
        return [
            (TABLE_LABELS[t], lab) for t, tp in self.plan.tables.items() for _f, _i, lab in tp.pairs
        ]

    def conflicts(self) -> list[rules.Conflict]:
        return [c for tp in self.plan.tables.values() for c in tp.conflicts]

    def lines(self) -> list[str]:
        new, changed, conflicts = self.total
        out = [
            f"{self.source}: {new} new, {changed} changed, {conflicts} in conflict"
            + (" (imported as a second workshop: nothing matched)" if self.as_new else "")
        ]
        for table, (n, c, k) in self.counts().items():
            out.append(f"  {TABLE_LABELS[table]}: {n} new, {c} changed, {k} in conflict")
        if self.pairs:
            out.append(f"Matched by name or date ({len(self.pairs)}):")
            out += [f"  {t}: {lab}" for t, lab in self.pairs]
        for conflict in self.conflicts():
            out.append("  " + describe(conflict))
        return out


def describe(c: rules.Conflict) -> str:
    what = TABLE_LABELS.get(c.table, c.table)
    if c.table == "notes" and c.field == "text":
        return f"note text changed on both sides: kept {_short(c.kept)!r}, other version {_short(c.other)!r} kept for review"
    if c.field == rules.DELETED:
        return f"{what}: deleted on one side, edited on the other: kept (an edit beats a delete)"
    if c.table == "polls" and c.field == "state":
        return f"poll closed on one side and open on the other: now {c.kept}; to be resolved"
    return f"{what}: {c.field} changed on both sides: kept {_short(c.kept)!r} (the later change)"


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 50 else text[:49] + "…"


@contextlib.contextmanager
def _read_from(path: Path, into: Path | None = None) -> Iterator[tuple[rules.Side, str]]:
    """FROM's data, read from a private copy; FROM itself is only read."""
    path = Path(path)
    if into is not None and path.exists() and Path(into).exists():
        with contextlib.suppress(OSError):
            if path.samefile(into):
                raise errors.ValidationError(
                    "merge", f"{path} is the workshop itself: give another laptop's copy"
                )
    source = WorkshopFile.peek(path)
    folder = Path(tempfile.mkdtemp(prefix="facilitator-merge-"))
    try:
        try:
            copy = source.backup_to(folder / "from.workshop")
        finally:
            source.close()
        wf = WorkshopFile.open(copy)
        try:
            side = read_side(wf.db.conn, str(path))
            rules.check_side(side, str(path))
            yield side, side.title
        finally:
            wf.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def preview(svc: WorkshopService, source: Path | str, as_new: bool = False) -> MergePreview:
    """What merging ``source`` into the open workshop would do. Writes nothing."""
    with _read_from(Path(source), svc.path) as (src, title):
        return _plan(svc, Path(source), src, title, as_new, hlc.HybridClock())


def _plan(
    svc: WorkshopService,
    source: Path,
    src: rules.Side,
    title: str,
    as_new: bool,
    clock: hlc.HybridClock,
) -> MergePreview:
    into = read_side(svc.file.db.conn, str(svc.path))
    if src.workshop_uuid != into.workshop_uuid and not as_new:
        raise errors.ValidationError(
            "merge",
            f"{source} is another workshop ({title}), not a copy of this one: to add it "
            "as a second workshop into this one, merge it as a new workshop "
            "(--as-new-workshop)",
            rule="other_workshop",
        )
    if src.workshop_uuid == into.workshop_uuid and as_new:
        raise errors.ValidationError(
            "merge",
            f"{source} is a copy of this same workshop: merge it, do not import it as a new one",
            rule="same_workshop",
        )
    clock.observe(max(into.newest(), src.newest()))
    plan = rules.plan(into, src, lambda: clock.tick(), as_new=as_new)
    return MergePreview(source, title, as_new, plan, into)


def merge(
    svc: WorkshopService, source: Path | str, as_new: bool = False, snapshot: bool = True
) -> MergePreview:
    """Merge ``source`` into the open workshop: a snapshot of it first, then one
    transaction. Returns what was done (the same counts as :func:`preview`)."""
    if svc.file.clock is None:
        raise errors.ReadOnlyFile(svc.path, f"{svc.path} is open read-only")
    with _read_from(Path(source), svc.path) as (src, title):
        return _merge(svc, Path(source), src, title, as_new, snapshot)


def _merge(
    svc: WorkshopService, source: Path, src: rules.Side, title: str, as_new: bool, snapshot: bool
) -> MergePreview:
    assert svc.file.clock is not None
    result = _plan(svc, source, src, title, as_new, svc.file.clock.clock)
    if result.plan.is_empty():
        return result
    if snapshot:
        result.snapshot = snapshots.take_snapshot(svc, snapshots.REASON_MERGE)
    try:
        apply_plan(svc.file, result.into, result.plan, source.name, to_iso(utcnow()))
    except errors.ValidationError as exc:
        raise errors.ValidationError(
            "merge",
            f"{source} could not be merged, nothing was changed: {exc.message}",
            rule="refused",
        ) from exc
    except (KeyError, ValueError, TypeError) as exc:
        raise errors.ValidationError(
            "merge",
            f"{source} could not be merged, nothing was changed: it refers to rows it "
            f"does not hold ({exc})",
            rule="refused",
        ) from exc
    return result


def merge_files(
    into: Path | str, source: Path | str, *, dry_run: bool = False, as_new: bool = False
) -> MergePreview:
    """The command line's merge: FROM is read and checked before INTO is even opened,
    so a FROM that is refused leaves INTO exactly as it was, byte for byte."""
    with (
        _read_from(Path(source), Path(into)) as (src, title),
        WorkshopService.open(into, read_only=dry_run) as svc,
    ):
        if svc.read_only and not dry_run:
            raise errors.ReadOnlyFile(
                svc.path, f"{svc.path} is read-only: nothing can be merged into it"
            )
        if dry_run:
            return _plan(svc, Path(source), src, title, as_new, hlc.HybridClock())
        return _merge(svc, Path(source), src, title, as_new, snapshot=True)


def review_list(svc: WorkshopService) -> list[dict[str, object]]:
    """The note texts changed on both sides (both versions) and the polls to resolve."""
    return conflicts_to_review(svc.file.db.conn)
