"""Work around a reference-count bug of the PySide6 6.12 wheels on Python 3.11.

Every call of a PySide method that returns nothing (``obj.setObjectName(...)``,
``app.processEvents()``, ...) drops one reference to ``None`` without taking it.
On Python 3.12+ ``None`` is immortal (PEP 683) and nothing happens; on 3.11 its count
reaches zero after a few thousand calls and the interpreter aborts with
"none_dealloc: deallocating None". Reproduce::

    app = QApplication([]); a = sys.getrefcount(None)
    for _ in range(100): QObject().setObjectName("x")
    sys.getrefcount(None) - a   # -100 with the bug

The fix gives ``None`` (and ``True``/``False``) a huge head start (2**40 references), which makes it immortal
in practice, as on Python 3.12. It runs once, on import, before any widget exists.
"""

from __future__ import annotations

import ctypes
import sys

_HEAD_START = 1 << 40


def immortalize_none() -> bool:
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already / debug build with a different layout
    for singleton in (None, True, False):  # bools seen dying the same way at exit
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        if refcnt.value < _HEAD_START // 2:
            refcnt.value += _HEAD_START
    return True


immortalize_none()
