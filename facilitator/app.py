"""Composition root: the command line decides between a CLI sub-command and the window.

Qt is imported only when the window is wanted, so the CLI starts fast and runs
where no display libraries are installed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def has_display(env: dict[str, str] | None = None, platform: str = sys.platform) -> bool:
    """False on a Linux machine with no X11 or Wayland display where Qt would abort."""
    env = dict(os.environ) if env is None else env
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from facilitator import cli

    if cli.is_cli(args):
        return cli.main(args)
    mistyped = cli.unknown_command(args)  # "chek x.workshop" never opens the window
    if mistyped is not None:
        return mistyped
    if not has_display():
        print(
            "error: the window needs a desktop session (no display found); the "
            "sub-commands work without one: facilitator --help",
            file=sys.stderr,
        )
        return 1
    # The core layers first: modules imported after PySide6 go through shiboken's
    # import hook (which reads each one's source), so the ones the window needs before
    # its first paint are imported before it: the operations, snapshots and linked
    # copies the window wires up, and the room's question the Live screen shows for a
    # file named on the command line.
    import facilitator.services.linked
    import facilitator.services.operations
    import facilitator.services.snapshots
    import facilitator.services.workshop  # noqa: F401

    if any(not a.startswith("-") for a in args):
        import facilitator.services.room  # noqa: F401
    from facilitator.ui.application import run_gui

    return run_gui(args)
