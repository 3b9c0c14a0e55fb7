"""``facilitator check FILE [--recover NEW_FILE]``: is this workshop file usable?

A check only reads: the file is opened read-only (and, when no other program has it
open, as immutable, so not even ``-wal``/``-shm`` files appear next to it). A read-only
file, or one that another Facilitator has open, checks fine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.domain import errors
from facilitator.domain import model as m
from facilitator.storage import doctor
from facilitator.storage.file import READ_ONLY_TEXT


@dataclass(frozen=True)
class CheckReport:
    path: Path
    ok: bool
    problem: errors.WorkshopFileError | None = None
    examination: doctor.Examination | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """Why the file is not usable ("" when it is)."""
        if self.problem is not None:
            return self.problem.message
        if self.examination is not None and not self.examination.integrity_ok:
            return "the integrity check found damage"
        return ""

    def text(self) -> str:
        lines = [f"File: {self.path}"]
        ex = self.examination
        if ex is not None:
            note = "current" if ex.schema_version == ex.current_version else "older"
            lines.append(
                f"Schema version: {ex.schema_version} ({note}; this version writes {ex.current_version})"
            )
            lines.append("Integrity check: " + "; ".join(ex.integrity[:10]))
            if len(ex.integrity) > 10:
                lines.append(f"  ... and {len(ex.integrity) - 10} more problems")
            if ex.counts is not None:
                lines.append("Counts: " + _counts(ex.counts))
        if self.problem is not None:
            lines.append(f"Problem ({self.problem.code}): {self.problem.message}")
        lines.extend(f"Note: {w}" for w in self.warnings)
        if self.ok:
            lines.append("Result: OK")
        else:
            why = "" if self.problem is not None else f": {self.reason}"
            lines.append(f"Result: NOT USABLE{why} (the file was not changed)")
            if _recoverable(self.problem):
                lines.append(
                    f"To rescue what can still be read: facilitator check {self.path} "
                    "--recover NEW_FILE"
                )
        return "\n".join(lines)


def _recoverable(problem: errors.WorkshopFileError | None) -> bool:
    return problem is None or isinstance(problem, errors.DamagedFile)


def _counts(c: m.Counts) -> str:
    parts = [
        f"{c.days} days",
        f"{c.agenda_items} agenda items",
        f"{c.organisations} organisations",
        f"{c.participants} participants",
        f"{c.categories} categories",
        f"{c.notes} notes ({c.deleted_notes} deleted)",
        f"{c.action_items} action items",
    ]
    parts.extend(f"{n} {name}" for name, n in sorted(c.extra.items()))
    return ", ".join(parts)


def check_file(path: Path | str) -> CheckReport:
    """Examine ``path`` without changing it. Never raises for a bad file: the report
    says what is wrong (``ok`` is False)."""
    path = Path(path)
    try:
        ex = doctor.examine(path)
    except errors.WorkshopFileError as exc:
        return CheckReport(path, ok=False, problem=exc)
    except OSError as exc:
        problem = errors.WorkshopFileError(path, f"{path} cannot be read: {exc.strerror or exc}")
        return CheckReport(path, ok=False, problem=problem)
    warnings = []
    if not ex.writable:
        why = READ_ONLY_TEXT.get(ex.read_only_reason, "the file is read-only")
        warnings.append(f"{why}: Facilitator will open it read-only")
    if ex.schema_version < ex.current_version:
        warnings.append(
            "the file is in an older format: opening it upgrades it, after keeping a "
            "copy of the original next to it"
        )
    if ex.foreign_key_problems:
        warnings.append(
            f"{ex.foreign_key_problems} references point to records that do not exist "
            "(the file was edited outside Facilitator?)"
        )
    if ex.counts is None and ex.integrity_ok:
        warnings.append("the counts could not be read")
    return CheckReport(path, ok=ex.integrity_ok, examination=ex, warnings=warnings)


def recover_file(path: Path | str, new_path: Path | str) -> str:
    """Copy what SQLite can still read of ``path`` into the new file ``new_path``.

    The original is only read. Returns a summary for the user; raises a
    ``FacilitatorError`` if ``new_path`` exists or nothing at all can be read."""
    result = doctor.recover(Path(path), Path(new_path))
    lines = [f"Recovered into {result.target} (the original {result.source} was not changed):"]
    if result.scanned_only:
        lines.append(
            "  The file's table of contents is damaged: rows were read directly from its "
            "pages. Rows on damaged pages are missing."
        )
    for t in result.tables:
        if t.missing:
            lines.append(f"  {t.name}: not found or unreadable in the original")
            continue
        if not (t.copied or t.unreadable or t.refused):
            continue
        line = f"  {t.name}: {t.copied} rows copied"
        if t.rescued:
            line += f" ({t.rescued} of them read directly from damaged pages)"
        if t.refused:
            line += f", {t.refused} rows refused (invalid)"
        if t.unreadable:
            ranges = ", ".join(
                f"ids {a}-{b}" if b is not None else f"ids from {a} on" for a, b in t.unreadable
            )
            line += f"; damaged: {ranges}"
        lines.append(line)
    if result.ignored_tables:
        lines.append("  not copied (unknown to this version): " + ", ".join(result.ignored_tables))
    if result.dangling_fixed:
        lines.append(f"  {result.dangling_fixed} references to lost records were cleared")
    if result.placeholders:
        lines.append("  added because they were lost: " + ", ".join(result.placeholders))
    lines.append(
        "Everything readable was copied."
        if result.complete
        else "Some parts could not be read; what is listed above was saved."
    )
    lines.append(
        f"{result.notes} notes recovered. Check the new file: facilitator check {result.target}"
    )
    return "\n".join(lines)
