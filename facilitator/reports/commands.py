"""The ``report`` and ``export`` sub-commands (see facilitator/cli.py for their options)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from facilitator.reports.text import lang_of
from facilitator.services.snapshot import Snapshot, build_snapshot
from facilitator.services.workshop import WorkshopService


def _snapshot(args: argparse.Namespace) -> Snapshot:
    with WorkshopService.look(args.path) as svc:
        day_id = svc.day_by_number(args.day).id if args.day is not None else None
        return build_snapshot(svc, day_id)


SQLITE_HEADER = b"SQLite format 3\x00"


def _refused_output(out: Path, workshop: Path) -> str | None:
    """Why writing to ``out`` would destroy a workshop (or None): never overwrite the
    input file, nor any SQLite database, with a report."""
    if out.exists() and out.resolve() == workshop.resolve():
        return f"{out} is the workshop file itself: choose another output file"
    if out.is_file():
        with out.open("rb") as fh:
            if fh.read(16) == SQLITE_HEADER:
                return f"{out} is a database (a workshop?): it will not be overwritten"
    return None


@contextlib.contextmanager
def _written_atomically(out: Path) -> Iterator[Path]:
    """Write to ``out.partial`` and move it over ``out`` only once it is complete."""
    partial = out.with_name(out.name + ".partial")
    try:
        yield partial
        os.replace(partial, out)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def report_command(args: argparse.Namespace) -> int:
    from facilitator.reports.pdf import build_pdf

    snap = _snapshot(args)
    lang = args.lang or lang_of(snap.workshop.language)
    out = args.output
    if out.parent and not out.parent.is_dir():
        print(f"error: {out.parent}: no such folder", file=sys.stderr)
        return 1
    refused = _refused_output(out, args.path)
    if refused:
        print(f"error: {refused}", file=sys.stderr)
        return 1
    with _written_atomically(out) as partial:
        result = build_pdf(
            snap, partial, lang=lang, paper=args.paper, deterministic=bool(args.deterministic)
        )
    what = f"day {args.day}" if args.day is not None else "the whole event"
    print(f"Wrote {out}: minutes of {what}, {result.pages} pages.")
    return 0


def export_command(args: argparse.Namespace) -> int:
    snap = _snapshot(args)
    lang = args.lang or lang_of(snap.workshop.language)
    if args.format == "md":
        from facilitator.reports.markdown import build_markdown

        refused = _refused_output(args.output, args.path)
        if refused:
            print(f"error: {refused}", file=sys.stderr)
            return 1
        with _written_atomically(args.output) as partial:
            partial.write_text(build_markdown(snap, lang), encoding="utf-8")
        print(f"Wrote {args.output}.")
        return 0
    from facilitator.reports.csv_export import export_csv

    if args.output.exists() and not args.output.is_dir():
        print(f"error: {args.output} is a file; give a folder for CSV export", file=sys.stderr)
        return 1
    files = export_csv(snap, args.output, lang)
    print(
        f"Wrote {len(files)} CSV files to {args.output}: "
        + ", ".join(p.name for p in files.values())
    )
    return 0
