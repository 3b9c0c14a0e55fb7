"""Headless sub-commands: demo, check, report, export, import-participants, import-agenda.

No Qt here. Each command prints to stdout/stderr and returns an exit code.
Heavy modules (reportlab, importers) are imported inside the command that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from facilitator import __version__
from facilitator.domain.errors import FacilitatorError

COMMANDS = ("demo", "check", "report", "export", "import-participants", "import-agenda")
COMMANDS += ("serve",)  # the room (facilitator/room/cli.py)

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description=(
            "Facilitator: run a multi-day workshop offline from one SQLite file.\n"
            "Without a sub-command the window opens (with PATH, on that workshop file)."
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
    p.set_defaults(handler=_lazy("facilitator.reports.commands", "report_command"))

    p = sub.add_parser("export", help="export notes and tables as CSV files or Markdown minutes")
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("csv", "md"), required=True)
    p.add_argument("--day", type=int, metavar="N", help="Markdown: only this day")
    p.add_argument(
        "--lang", choices=("it", "en"), help="Markdown language (default: the workshop's)"
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER|FILE.md")
    p.set_defaults(handler=_lazy("facilitator.reports.commands", "export_command"))

    p = sub.add_parser(
        "import-participants", help="import participants from a CSV registration list"
    )
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument("csv", type=Path, metavar="CSV")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, write nothing"
    )
    p.set_defaults(handler=_lazy("facilitator.services.importing", "participants_command"))

    p = sub.add_parser("import-agenda", help="import agenda items from a CSV file")
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument("csv", type=Path, metavar="CSV")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, write nothing"
    )
    p.set_defaults(handler=_lazy("facilitator.services.importing", "agenda_command"))

    p = sub.add_parser(
        "serve", help="open the room: phones on the local network vote and send ideas"
    )
    from facilitator.room.cli import add_arguments

    add_arguments(p)
    p.set_defaults(handler=_lazy("facilitator.room.cli", "serve_command"))
    return parser


def _lazy(module: str, name: str) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        import importlib

        func: Handler = getattr(importlib.import_module(module), name)
        return func(args)

    return handler


def _demo(args: argparse.Namespace) -> int:
    from facilitator.services.demo import write_demo

    with write_demo(args.path, language=args.lang) as svc:
        c = svc.counts()
    print(
        f"Demo workshop written to {args.path}: {c.days} days, {c.agenda_items} agenda items, "
        f"{c.participants} participants, {c.notes} notes."
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from facilitator.services.check import check_file, recover_file

    report = check_file(args.path)
    print(report.text())
    code = 0 if report.ok else 1
    if args.recover is not None:
        result = recover_file(args.path, args.recover)
        print(result)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "handler", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.handler(args))
    except FacilitatorError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        # A value another program wrote into the file that Facilitator cannot read.
        print(f"error: the file contains a value Facilitator cannot read: {exc}", file=sys.stderr)
        return 1


def is_cli(argv: Sequence[str]) -> bool:
    """True when ``argv`` asks for a sub-command or for help rather than the window."""
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"))
