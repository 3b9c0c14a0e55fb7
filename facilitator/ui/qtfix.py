"""Work around a reference-count bug of the PySide6 6.12 wheels on Python 3.11.

Every call of a PySide method that returns nothing (``obj.setObjectName(...)``,
``app.processEvents()``, ...) drops one reference to ``None`` without taking it.
On Python 3.12+ ``None`` is immortal (PEP 683) and nothing happens; on 3.11 its count
reaches zero after a few thousand calls and the interpreter aborts with
"none_dealloc: deallocating None". Reproduce::

    app = QApplication([]); a = sys.getrefcount(None)
    for _ in range(100): QObject().setObjectName("x")
    sys.getrefcount(None) - a   # -100 with the bug

Checked: 6.11.3 does not have the bug, 6.12.0 has it. pyproject.toml therefore keeps
PySide6 below 6.12 on Python < 3.12 only (newer Pythons are not affected), and
``tests/ui/test_pyside_refcount.py`` fails if the installed pair drops references.

If an affected pair is installed anyway (a distribution's PySide6), :func:`apply` gives
``None`` (and ``True``/``False``) a huge head start (2**40 references), which makes
them immortal in practice, as on Python 3.12. It runs once, when ``facilitator.ui`` is
first imported (before any widget exists), and only on the affected versions.
"""

from __future__ import annotations

import ctypes
import sys

_HEAD_START = 1 << 40
FIRST_AFFECTED = (6, 12)  # no fixed release is known yet
_applied = False


def _pyside_version() -> tuple[int, ...]:
    import PySide6

    return tuple(PySide6.__version_info__[:2])


def affected(python: tuple[int, ...] | None = None, pyside: tuple[int, ...] | None = None) -> bool:
    """True when this Python and this PySide6 lose references to ``None``."""
    python = tuple(sys.version_info[:2]) if python is None else python
    if python >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already / a debug build with a different layout
    return (_pyside_version() if pyside is None else pyside) >= FIRST_AFFECTED


def apply() -> bool:
    """Make ``None``, ``True`` and ``False`` immortal if (and only if) PySide6 needs it.
    Returns True when the head start is in place. Calling it again does nothing."""
    global _applied
    if not _applied and affected():
        for singleton in (None, True, False):  # bools seen dying the same way at exit
            refcnt = ctypes.c_ssize_t.from_address(id(singleton))
            if refcnt.value < _HEAD_START // 2:
                refcnt.value += _HEAD_START
        _applied = True
    return _applied


apply()
