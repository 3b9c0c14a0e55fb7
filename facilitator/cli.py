"""Headless sub-commands: demo, check, report, export, import-participants, import-agenda,
merge.

No Qt here. Every sub-command's arguments, printing and error sentences live in this
module; the work itself is done by the services (``services/exporting.py``,
``services/importing.py``, ``services/check.py``, ``services/demo.py``). Heavy modules
(reportlab, the importers) are imported inside the command that needs them.

Every error ends the command with one sentence on stderr (``error: ...``) and exit 1;
a mistyped sub-command or bad options exit 2. A reader that stops reading (``| head``)
ends the command quietly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from facilitator import __version__
from facilitator.domain.errors import FacilitatorError

if TYPE_CHECKING:  # the window's start only asks is_cli(): argparse is loaded by main()
    import argparse

COMMANDS = (
    "demo",
    "check",
    "report",
    "export",
    "import-participants",
    "import-agenda",
    "serve",
    "merge",
    "join",
    "join-codes",
)

Handler = Callable[["argparse.Namespace"], int]

#: Exit status when the reader of our output went away (as for a process killed by SIGPIPE).
EXIT_PIPE_CLOSED = 128 + 13
#: Rejected rows listed without --verbose; the rest are counted.
REJECTED_SHOWN = 50


# --- the parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        """Bad options: one sentence and where to look, not the whole usage (exit 2)."""

        def error(self, message: str) -> NoReturn:
            self.exit(2, f"error: {message} ('{self.prog} --help' shows how to use it)\n")

    parser = Parser(
        prog="facilitator",
        description=(
            "Facilitator: run a multi-day workshop offline from one SQLite file.\n"
            "Without a sub-command the window opens (with PATH, on that workshop file)."
        ),
        epilog=(
            "Examples:\n"
            "  facilitator demo torino.workshop\n"
            "  facilitator report torino.workshop --day 1 -o day1.pdf\n"
            "  facilitator import-participants torino.workshop people.csv --dry-run\n"
            "  facilitator merge torino.workshop laptop2.workshop --dry-run\n"
            "'facilitator COMMAND --help' shows a command's options; the import commands\n"
            "also list the CSV columns they accept and name a sample file to start from."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"Facilitator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="write the demo workshop (the Torino study visit) to PATH")
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument("--lang", choices=("it", "en"), default="it", help="language of the workshop")
    p.set_defaults(handler=_demo)

    p = sub.add_parser(
        "check",
        help="check a workshop file: schema version, integrity, counts (exit 1 if unusable)",
    )
    p.add_argument("path", type=Path, metavar="PATH")
    p.add_argument(
        "--recover",
        type=Path,
        metavar="NEW_FILE",
        help="copy what SQLite can still read into a new file (the original is never changed)",
    )
    p.set_defaults(handler=_check)

    p = sub.add_parser("report", help="write PDF minutes of one day or of the whole event")
    p.add_argument("path", type=Path, metavar="FILE")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--day", type=int, metavar="N", help="the day to report, counting from 1")
    which.add_argument("--all", action="store_true", help="the full-event report (the default)")
    p.add_argument("--lang", choices=("it", "en"), help="report language (default: the workshop's)")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4")
    p.add_argument("--deterministic", action="store_true", help="byte-stable output (for tests)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.set_defaults(handler=_report)

    p = sub.add_parser(
        "export",
        help="export notes and tables as CSV files or Markdown minutes; the ecosystem map "
        "as GraphML or as nodes.csv and edges.csv (map-csv)",
    )
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("csv", "md", "graphml", "map-csv"), required=True)
    p.add_argument("--day", type=int, metavar="N", help="Markdown: only this day")
    p.add_argument(
        "--lang", choices=("it", "en"), help="Markdown language (default: the workshop's)"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER|FILE.md")
    p.set_defaults(handler=_export)

    for name, kind, what in (
        ("import-participants", "participants", "participants from a CSV registration list"),
        ("import-agenda", "agenda", "agenda items from a CSV file"),
    ):
        p = sub.add_parser(
            name,
            help=f"import {what}",
            description=f"Import {what} into the workshop FILE.",
            epilog=_import_epilog(kind),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument("path", type=Path, metavar="FILE")
        p.add_argument("csv", type=Path, metavar="CSV")
        p.add_argument(
            "--dry-run", action="store_true", help="show what would be imported, write nothing"
        )
        p.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="also list every imported row and every duplicate, and all rejected rows",
        )
        p.set_defaults(handler=_import, kind=kind)

    p = sub.add_parser(
        "serve", help="open the room: phones on the local network vote and send ideas"
    )
    from facilitator.room.cli import add_arguments

    add_arguments(p)
    p.set_defaults(handler=_serve)

    p = sub.add_parser(
        "merge",
        help="merge another laptop's copy of the workshop (FROM) into INTO",
        description=(
            "Merge FROM (another note-taker's copy of the same workshop) into INTO: a "
            "preview, a snapshot of INTO, then one transaction. FROM is never changed."
        ),
    )
    p.add_argument("into", type=Path, metavar="INTO")
    p.add_argument("source", type=Path, metavar="FROM")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be merged, write nothing"
    )
    p.add_argument(
        "--as-new-workshop",
        action="store_true",
        help="FROM is another workshop: add all of it as new (nothing is matched)",
    )
    p.set_defaults(handler=_merge)

    p = sub.add_parser(
        "join",
        help="a note-taker's laptop joins a room: URL CODE FILE makes FILE a linked copy; "
        "FILE alone resumes one",
    )
    from facilitator.room.join_cli import add_join_arguments

    add_join_arguments(p)
    p.set_defaults(handler=_join)

    p = sub.add_parser(
        "join-codes",
        help="print every participant's join code (a badge each) as a PDF, for the room's "
        "participants' mode; participants without a code get one",
    )
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument(
        "--new",
        action="store_true",
        help="issue new codes for everyone first: the old ones stop working",
    )
    p.add_argument("--deterministic", action="store_true", help="byte-stable output (for tests)")
    p.set_defaults(handler=_join_codes)
    return parser


def sample_csv(kind: str) -> Path:
    """The sample CSV shipped for an import (``participants`` or ``agenda``)."""
    from facilitator.paths import resource

    return resource("samples", f"{kind}.csv")


def _import_epilog(kind: str) -> str:
    """The accepted columns, their header names and the words of the coded cells."""
    from facilitator.services import importing as imp

    names = imp.header_names(imp.ImportKind(kind))
    width = 21
    lines = [
        "The CSV may be comma-, semicolon- or tab-separated, in UTF-8 (with or without BOM),",
        "UTF-16 or Windows-1252. The first row names the columns, in Italian or English, in",
        "any order; case, accents and punctuation do not matter. Columns it does not know",
        "are ignored. Recognised headers:",
        "",
    ]
    for fname, spellings in names.items():
        lines += _entry(imp.FIELD_LABELS[fname], spellings, width)
    lines.append("")
    words = imp.value_words()
    if kind == "participants":
        lines += [
            "Give either a full name or a first and a last name. The role may be (in Italian",
            "or English; empty means participant):",
        ]
        coded = [("role", words["role"]), ("organisation kind", words["organisation_kind"])]
    else:
        lines += [
            "Only the title is required. Day: 1, 2, 3... (days are added as needed; empty",
            "means 1). Start: 9:00, 09.30, 14h15. Duration: 90, 90 min, 1h30, 1:30 (empty",
            "means 30). Speakers: participants' or organisations' names, separated by commas.",
            "The kind may be (in Italian or English; empty means presentation):",
        ]
        coded = [("kind", words["kind"])]
    for label, table in coded:
        if label != coded[0][0]:
            lines.append(f"The {label} may be (empty means other):")
        for value, spellings in table.items():
            lines += _entry(value.replace("_", " "), spellings, width)
    lines += [
        "",
        "A sample file:",
        f"  {sample_csv(kind)}",
        "Copy it, fill it in, and try it first with --dry-run.",
    ]
    return "\n".join(lines)


def _entry(label: str, words: Sequence[str], width: int) -> list[str]:
    import textwrap

    lines = textwrap.wrap(
        ", ".join(w.replace(" ", "\u00a0") for w in words),  # a name is never split
        width=88,
        initial_indent=f"  {label:<{width - 2}}",
        subsequent_indent=" " * width,
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


# --- the commands --------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from facilitator.services.demo import write_demo

    with write_demo(args.path, language=args.lang) as svc:
        c = svc.counts()
    print(
        f"Demo workshop written to {args.path}: {c.days} days, {c.agenda_items} agenda items, "
        f"{c.participants} participants, {c.notes} notes."
    )
    return 0


def _join(args: argparse.Namespace) -> int:
    from facilitator.room.join_cli import join_command  # aiohttp only for the room

    return join_command(args)


def _serve(args: argparse.Namespace) -> int:
    from facilitator.room.cli import serve_command  # aiohttp only for the room

    return serve_command(args)


def _check(args: argparse.Namespace) -> int:
    from facilitator.services.check import check_file, recover_file

    report = check_file(args.path)
    print(report.text())
    code = 0 if report.ok else 1
    if args.recover is not None:
        result = recover_file(args.path, args.recover)
        print(result)
    return code


def _snapshot(args: argparse.Namespace) -> Any:
    from facilitator.services.snapshot import build_snapshot
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.look(args.path) as svc:  # as check reads: nothing left beside it
        day_id = svc.day_by_number(args.day).id if args.day is not None else None
        return build_snapshot(svc, day_id)


def _lang(args: argparse.Namespace, snap: Any) -> str:
    from facilitator.reports.text import lang_of

    return str(args.lang or lang_of(snap.workshop.language))


def _join_codes(args: argparse.Namespace) -> int:
    from facilitator.services import exporting
    from facilitator.services import operations as ops
    from facilitator.services.joincodes import JoinCodeService
    from facilitator.services.workshop import WorkshopService

    out = Path(args.output)
    exporting.check_target(out, args.path, "join-codes.pdf")
    issued = 0
    with WorkshopService.open(args.path) as svc:
        codes = JoinCodeService(svc)
        if args.new or codes.missing():
            op = ops.IssueJoinCodes(missing_only=not args.new)
            op.do(svc)
            issued = len(op.record.new)
        sheet = codes.sheet()
    if not sheet.badges:
        print(f"error: {args.path} has no participants: add them first", file=sys.stderr)
        return 1
    pages = exporting.write_join_codes(
        sheet, out, workshop=args.path, deterministic=bool(args.deterministic)
    )
    new = f"; {_count(issued, 'new code')} issued" if issued else ""
    print(f"Wrote {out}: {_count(len(sheet.badges), 'badge')} on {_count(pages, 'page')}{new}.")
    return 0


def _report(args: argparse.Namespace) -> int:
    from facilitator.services import exporting

    out = Path(args.output)
    exporting.check_target(out, args.path)  # before the file is read: a quick refusal
    snap = _snapshot(args)
    result = exporting.write_pdf(
        snap,
        out,
        workshop=args.path,
        lang=_lang(args, snap),
        paper=args.paper,
        deterministic=bool(args.deterministic),
    )
    what = f"day {args.day}" if args.day is not None else "the whole event"
    print(f"Wrote {out}: minutes of {what}, {_count(result.pages, 'page')}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from facilitator.services import exporting

    out = Path(args.output)
    if args.format == "md":
        exporting.check_target(out, args.path, "minutes.md")
        snap = _snapshot(args)
        exporting.write_markdown(snap, out, workshop=args.path, lang=_lang(args, snap))
        print(f"Wrote {out}.")
        return 0
    if args.format in ("graphml", "map-csv"):
        return _export_map(args, out)
    snap = _snapshot(args)
    files = exporting.export_csv(snap, out, workshop=args.path, lang=_lang(args, snap))
    print(f"Wrote {len(files)} CSV files to {out}: " + ", ".join(p.name for p in files.values()))
    return 0


def _export_map(args: argparse.Namespace, out: Path) -> int:
    from facilitator.services import exporting
    from facilitator.services.ecosystem import MapService
    from facilitator.services.workshop import WorkshopService

    if args.format == "graphml":
        exporting.check_target(out, args.path, "map.graphml")
    with WorkshopService.open(args.path, read_only=True) as svc:
        snap = MapService(svc).snapshot()
    if args.format == "graphml":
        exporting.export_graphml(snap, out, workshop=args.path)
        print(f"Wrote {out}: {len(snap.actors)} actors, {len(snap.relations)} relations.")
        return 0
    files = exporting.export_map_csv(snap, out, workshop=args.path)
    print(f"Wrote {out}: " + ", ".join(p.name for p in files.values()))
    return 0


def _import(args: argparse.Namespace) -> int:
    from facilitator.services import importing as imp
    from facilitator.services.exporting import is_database
    from facilitator.services.workshop import WorkshopService

    kind = imp.ImportKind(args.kind)
    if is_database(Path(args.csv)):
        return _error(
            f"{args.csv} is a workshop file, not a CSV list: give the workshop first, then "
            f"the CSV (facilitator import-{kind.value} FILE CSV)"
        )
    table = imp.read_csv(args.csv)
    imported: int | None = None
    opened = WorkshopService.look(args.path) if args.dry_run else WorkshopService.open(args.path)
    with opened as svc:
        preview = imp.make_preview(svc, table, kind)
        nothing = not preview.rows and bool(preview.rejected or not preview.duplicates)
        if not args.dry_run and not nothing:
            from facilitator.services.operations import Import

            op = Import(preview)  # the same road as the window's import (one undo step there)
            op.do(svc)
            assert op.result is not None
            imported = len(op.result.ids)
    for line in import_report(
        preview, dry_run=bool(args.dry_run), imported=imported, verbose=bool(args.verbose)
    ):
        print(line)
    if nothing:
        print(f"error: {args.csv} has no valid rows to import", file=sys.stderr)
        return 1
    return 0


def _merge(args: argparse.Namespace) -> int:
    from facilitator.services import merging

    result = merging.merge_files(
        args.into, args.source, dry_run=bool(args.dry_run), as_new=bool(args.as_new_workshop)
    )
    for line in result.lines():
        print(line)
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif result.plan.is_empty():
        print(f"Nothing to merge: {args.into} already has everything in {args.source}.")
    else:
        print(f"Merged into {args.into}; its state before is in {result.snapshot}.")
        review = [c for c in result.conflicts() if c.needs_review]
        if review:
            print(
                f"To review: {_count(len(review), 'conflict')} (note texts kept in both versions, polls)."
            )
    return 0


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def import_report(
    preview: Any, *, dry_run: bool, imported: int | None, verbose: bool = False
) -> list[str]:
    """What an import did (or, for a dry run, would do): a summary and the rejected rows;
    with ``verbose`` also every imported row, every duplicate and every rejected row.

    ``imported`` is None when nothing was written (a dry run, or no valid row)."""
    from facilitator.services import importing as imp

    t = preview.table
    participants = preview.kind is imp.ImportKind.PARTICIPANTS
    singular, plural = (
        ("participant", "participants") if participants else ("agenda item", "agenda items")
    )
    lines = [
        f"Read {t.source}: {t.encoding_name}, {t.delimiter_name}-separated, "
        f"{_count(len(t.rows), 'data row')}.",
        "Columns: "
        + ", ".join(
            f"{h} -> {imp.FIELD_LABELS[f] if f else '(ignored)'}"
            for h, f in zip(t.header, preview.mapping, strict=False)
        ),
    ]
    if dry_run:
        lines.append(
            f"Dry run: would import {_count(len(preview.rows), singular, plural)}; "
            "nothing was written."
        )
        if preview.new_days:
            lines.append(f"The import would add {_count(preview.new_days, 'day')} to the workshop.")
    elif imported is None:
        lines.append(f"Nothing was imported: no row of {t.source} can be imported.")
    else:
        lines.append(f"Imported {_count(imported, singular, plural)}.")
        if preview.new_days:
            lines.append(f"Added {_count(preview.new_days, 'day')} to the workshop.")
    if verbose:
        for row in preview.rows:
            lines.append(f"  row {row.line}: {_row_text(row)}")
    if preview.duplicates:
        hint = "" if verbose else "; --verbose lists them"
        lines.append(
            f"Duplicates, not imported: {len(preview.duplicates)}"
            f" (already in the workshop or repeated in the file{hint})"
        )
        if verbose:
            for d in preview.duplicates:
                lines.append(f"  row {d.line}: {d.label} - {d.text}")
    if preview.rejected:
        lines.append(f"Rejected rows: {len(preview.rejected)}")
        shown = preview.rejected if verbose else preview.rejected[:REJECTED_SHOWN]
        for r in shown:
            lines.append(f"  row {r.line}: {r.reason}")
        if len(shown) < len(preview.rejected):
            rest = len(preview.rejected) - len(shown)
            lines.append(f"  ... and {_count(rest, 'more rejected row')} (--verbose lists them)")
    warnings = preview.warnings
    shown_warnings = warnings if verbose else warnings[:REJECTED_SHOWN]
    for w in shown_warnings:
        lines.append(f"Warning: {w}")
    if len(shown_warnings) < len(warnings):
        rest = len(warnings) - len(shown_warnings)
        lines.append(f"... and {_count(rest, 'more warning')} (--verbose lists them)")
    return lines


def _row_text(row: Any) -> str:
    if hasattr(row, "day"):  # an agenda row
        start = row.start.strftime("%H:%M") if row.start else "--:--"
        return f"day {row.day} {start} {row.duration} min [{row.kind.value}] {row.title}"
    org = f" ({row.organisation})" if row.organisation else ""
    return f"{row.name}{org}, {row.role.value}"


# --- errors in the user's words ------------------------------------------------------


def os_error_sentence(exc: OSError) -> str:
    """One sentence for a failed read or write, naming the file, without errno codes."""
    import errno

    name = exc.filename if exc.filename is not None else "the file"
    code = exc.errno
    if code == errno.EISDIR:
        return f"{name} is a folder, not a file: give a file name"
    if code == errno.ENOTDIR:
        return f"{name}: part of this path is a file, not a folder"
    if code == errno.ENOENT:
        return f"{name}: no such file or folder"
    if code in (errno.EACCES, errno.EPERM):
        return f"{name}: permission denied (the file or its folder is protected)"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"the disk is full: {name} could not be written"
    if code == errno.EROFS:
        return f"{name} is on a read-only disk"
    if code == errno.ENAMETOOLONG:
        return f"the file name is too long: {name}"
    reason = (exc.strerror or str(exc)).rstrip(".")
    return f"{name}: {reason[:1].lower() + reason[1:]}"


def _error(text: str) -> int:
    print(f"error: {text}", file=sys.stderr)
    return 1


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args))
    except FacilitatorError as exc:
        return _error(exc.message)
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except OSError as exc:
        return _error(os_error_sentence(exc))
    except ValueError as exc:
        # A value another program wrote into the file that Facilitator cannot read.
        return _error(f"the file contains a value Facilitator cannot read: {exc}")


def _quiet_stdout() -> None:
    """The reader went away: send what is still buffered, and the exit flush, nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; returns its exit code.

    A closed pipe (``facilitator import-participants ... --verbose | head -3``) ends the
    command without a message: with the command's own exit code if it had finished,
    else 141, as for a command-line tool stopped by SIGPIPE."""
    code = EXIT_PIPE_CLOSED
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if getattr(args, "handler", None) is None:
            parser.print_help()
            code = 2
        else:
            code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    return code


# --- window or command? --------------------------------------------------------------


def is_cli(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for a sub-command or for help rather than the window."""
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"))


#: Options of the window itself (Qt's own take one dash: -platform, -style, ...).
WINDOW_OPTIONS = ("--quit-after-paint",)


def unknown_option(argv: Sequence[str]) -> str | None:
    """The first ``--option`` that neither the window nor a sub-command knows."""
    for arg in argv:
        if arg.startswith("--") and arg.split("=")[0] not in (
            *WINDOW_OPTIONS,
            "--help",
            "--version",
        ):
            return arg
    return None


def suggestion(argv: Sequence[str]) -> list[str] | None:
    """The sub-commands a mistyped first argument may have meant, or None when it may be
    a workshop file to open (it exists, or it resembles no sub-command)."""
    if not argv or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    word = argv[0]
    if Path(word).exists() or Path(word).suffix:
        return None
    import difflib

    starts = [c for c in COMMANDS if len(word) >= 3 and c.startswith(word)]
    close = starts or difflib.get_close_matches(word, COMMANDS, n=2, cutoff=0.6)
    return close or None


def unknown_command(argv: Sequence[str]) -> int | None:
    """If ``argv`` starts with a mistyped sub-command, or carries an option the window
    does not know, say so (exit 2); else None (the window may open)."""
    option = unknown_option(argv)
    if option is not None:
        with contextlib.suppress(BrokenPipeError):
            print(
                f"error: unknown option '{option}' (facilitator --help lists the commands "
                "and options)",
                file=sys.stderr,
            )
        return 2
    close = suggestion(argv)
    if not close:
        return None
    options = " or ".join(f"'{c}'" for c in close)
    with contextlib.suppress(BrokenPipeError):
        print(
            f"error: unknown command '{argv[0]}' — did you mean {options}? "
            "(facilitator --help lists them all)",
            file=sys.stderr,
        )
    return 2
