"""Writing the minutes and the tables to disk: PDF, Markdown and CSV. No Qt.

The one road for every export, used by the command line (``report``, ``export``) and by
the window's *Export minutes* dialog:

- :func:`check_target` refuses to write over the workshop file itself, its ``-wal`` /
  ``-shm`` / ``-journal`` companions and any other SQLite database (another workshop),
  and says so in one sentence (:class:`ExportRefused`);
- every file is first written to ``<name>.partial`` and renamed over its final name only
  once it is complete, so an export that fails (full disk, a bug, a kill) never leaves a
  half-written file under the real name nor harms the file that was there. CSV exports
  write all their files as ``.partial`` first and rename them only when all are done.

Heavy modules (reportlab) are imported inside :func:`write_pdf` only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.domain.errors import FacilitatorError
from facilitator.services.snapshot import Snapshot

if TYPE_CHECKING:
    from facilitator.domain.ecosystem import MapSnapshot
    from facilitator.domain.joincodes import CodeSheet
    from facilitator.reports.pdf import PdfResult

SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL_SUFFIX = ".partial"
_COMPANIONS = ("-wal", "-shm", "-journal")

Progress = Callable[[int, int], None]


class ExportRefused(FacilitatorError):
    """The export would write where it must not (or cannot). Nothing was written.

    ``reason`` is one of ``workshop`` (the workshop file or one of its companions),
    ``database`` (another SQLite database), ``folder`` (a folder where a file is
    needed), ``not_folder`` (a file where a folder is needed), ``no_folder`` (the
    folder to write into does not exist) or ``special`` (a device, pipe or socket,
    which a rename would replace); ``path`` names the target.
    """

    code = "export_refused"

    def __init__(self, reason: str, path: Path, message: str) -> None:
        super().__init__(message, reason=reason, path=str(path))
        self.reason = reason
        self.path = path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def is_database(path: Path) -> bool:
    """True for a SQLite database (a workshop or another program's), by its header."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def check_target(out: Path, workshop: Path | None, example: str = "minutes.pdf") -> None:
    """Raise :class:`ExportRefused` if a file must not be written at ``out``.

    ``example`` is the file name suggested when ``out`` is a folder."""
    out = Path(out)
    if workshop is not None:
        workshop = Path(workshop)
        companions = [workshop.with_name(workshop.name + s) for s in _COMPANIONS]
        if _same_file(out, workshop) or any(_same_file(out, c) for c in companions):
            raise ExportRefused(
                "workshop", out, f"{out} is the workshop file itself: choose another file name"
            )
    if out.is_dir():
        raise ExportRefused(
            "folder",
            out,
            f"{out} is a folder: give a file name, for example {out / example}",
        )
    if out.exists() and not out.is_file():  # a device, a pipe, a socket: never replaced
        raise ExportRefused(
            "special", out, f"{out} is not an ordinary file: choose a file name to write to"
        )
    if out.is_file() and is_database(out):
        raise ExportRefused(
            "database", out, f"{out} is a database (a workshop?): it will not be overwritten"
        )
    parent = out.parent
    if not parent.is_dir():
        raise ExportRefused("no_folder", parent, f"the folder {parent} does not exist")


def partial_path(out: Path) -> Path:
    return out.with_name(out.name + PARTIAL_SUFFIX)


@contextlib.contextmanager
def written_atomically(out: Path) -> Iterator[Path]:
    """Yield ``out.partial`` to write to; move it over ``out`` once the block succeeds.

    If the block fails, the partial file is removed and ``out`` is left as it was."""
    partial = partial_path(out)
    try:
        yield partial
        os.replace(partial, out)
    except OSError as exc:
        _name_the_final_file(exc, partial, out)
        raise
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def _name_the_final_file(exc: OSError, partial: Path, out: Path) -> None:
    """The user named ``out``: an error about its partial file names ``out``."""
    if exc.filename == str(partial):
        exc.filename = str(out)


def write_pdf(
    snap: Snapshot,
    out: Path,
    *,
    workshop: Path | None,
    lang: str | None = None,
    paper: str = "a4",
    deterministic: bool = False,
    progress: Progress | None = None,
) -> PdfResult:
    """The PDF minutes (a day snapshot) or the full report, written atomically to ``out``."""
    from facilitator.reports.pdf import build_pdf

    out = Path(out)
    check_target(out, workshop)
    with written_atomically(out) as partial:
        return build_pdf(
            snap, partial, lang=lang, paper=paper, deterministic=deterministic, progress=progress
        )


def write_join_codes(
    sheet: CodeSheet, out: Path, *, workshop: Path | None, deterministic: bool = False
) -> int:
    """The "Print join codes" PDF (one badge per participant), written atomically to
    ``out``. Returns the number of pages."""
    from facilitator.reports.join_codes import build_join_codes

    out = Path(out)
    check_target(out, workshop, "join-codes.pdf")
    with written_atomically(out) as partial:
        return build_join_codes(sheet, partial, deterministic=deterministic)


def write_markdown(
    snap: Snapshot,
    out: Path,
    *,
    workshop: Path | None,
    lang: str | None = None,
    tz: dt.tzinfo | None = None,
) -> Path:
    """The Markdown minutes, written atomically to ``out`` (UTF-8)."""
    from facilitator.reports.markdown import build_markdown

    out = Path(out)
    check_target(out, workshop, "minutes.md")
    text = build_markdown(snap, lang, tz)
    with written_atomically(out) as partial:
        partial.write_text(text, encoding="utf-8")
    return out


def export_csv(
    snap: Snapshot,
    folder: Path,
    *,
    workshop: Path | None = None,
    lang: str | None = None,
    tz: dt.tzinfo | None = None,
) -> dict[str, Path]:
    """One CSV per table in ``folder`` (created if missing). Returns ``{table: file}``.

    Every file is written as ``<name>.csv.partial`` first; only when all of them are
    complete are they renamed to their final names. A failure leaves no partial file
    and every file that was already in the folder as it was."""
    from facilitator.domain.timeutil import zone
    from facilitator.reports.csv_export import delimiter_for, tables, write_csv
    from facilitator.reports.text import Words, lang_of

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(
            "not_folder", folder, f"{folder} is a file: give a folder for the CSV files"
        )
    if not folder.parent.is_dir():
        raise ExportRefused(
            "no_folder", folder.parent, f"the folder {folder.parent} does not exist"
        )
    words = Words(lang or lang_of(snap.workshop.language), tz or zone(snap.workshop.time_zone))
    todo = tables(snap, words)
    targets = {stem: folder / f"{stem}.csv" for stem in todo}
    if folder.is_dir():
        for target in targets.values():
            check_target(target, workshop)
    folder.mkdir(exist_ok=True)
    partials: list[Path] = []
    try:
        for stem, (header, rows) in todo.items():
            partial = partial_path(targets[stem])
            partials.append(partial)
            write_csv(partial, header, rows, delimiter_for(words.lang))
        for stem in todo:
            os.replace(partial_path(targets[stem]), targets[stem])
    except OSError as exc:
        for target in targets.values():
            _name_the_final_file(exc, partial_path(target), target)
        raise
    finally:
        for partial in partials:
            with contextlib.suppress(OSError):
                partial.unlink()
    return targets


def export_graphml(snap: MapSnapshot, out: Path, *, workshop: Path | None) -> Path:
    """The ecosystem map as GraphML, written atomically to ``out``."""
    from facilitator.reports.map_export import graphml

    out = Path(out)
    check_target(out, workshop, "map.graphml")
    data = graphml(snap)
    with written_atomically(out) as partial:
        partial.write_bytes(data)
    return out


def export_map_csv(snap: MapSnapshot, folder: Path, *, workshop: Path | None) -> dict[str, Path]:
    """The ecosystem map as ``nodes.csv`` and ``edges.csv`` in ``folder`` (created if
    missing): both written as ``.partial`` first and renamed together, so a failure
    leaves the folder as it was."""
    from facilitator.reports.map_export import edges_csv, nodes_csv

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(
            "not_folder", folder, f"{folder} is a file: give a folder for the CSV files"
        )
    if not folder.parent.is_dir():
        raise ExportRefused(
            "no_folder", folder.parent, f"the folder {folder.parent} does not exist"
        )
    texts = {"nodes": nodes_csv(snap), "edges": edges_csv(snap)}
    targets = {stem: folder / f"{stem}.csv" for stem in texts}
    if folder.is_dir():
        for target in targets.values():
            check_target(target, workshop)
    folder.mkdir(exist_ok=True)
    try:
        for stem, text in texts.items():
            partial_path(targets[stem]).write_text(text, encoding="utf-8", newline="")
        for stem in texts:
            os.replace(partial_path(targets[stem]), targets[stem])
    except OSError as exc:
        for target in targets.values():
            _name_the_final_file(exc, partial_path(target), target)
        raise
    finally:
        for target in targets.values():
            with contextlib.suppress(OSError):
                partial_path(target).unlink()
    return targets
