"""Composition root: the command line decides between a CLI sub-command and the window.

Qt is imported only when the window is wanted, so the CLI starts fast and runs
where no display libraries are installed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from facilitator import cli

    if cli.is_cli(args):
        return cli.main(args)
    mistyped = cli.unknown_command(args)  # "chek x.workshop" never opens the window
    if mistyped is not None:
        return mistyped
    # The core layers first: modules imported after PySide6 go through shiboken's
    # import hook, which costs start-up time for each of them.
    import facilitator.services.workshop  # noqa: F401
    from facilitator.ui.application import run_gui

    return run_gui(args)
