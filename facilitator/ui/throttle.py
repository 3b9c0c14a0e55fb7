"""At most one call per interval, the first at once: a burst of changes (300 phones
voting) costs one refresh per interval instead of one per change, and a single change
still shows without delay."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(self, fn: Callable[[], None], interval_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._interval = interval_ms / 1000
        self._last = -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def __call__(self) -> None:
        """Call now if the last call is older than the interval; otherwise once, at the
        end of it (however many times this is asked meanwhile)."""
        if self._timer.isActive():
            return
        wait = self._last + self._interval - time.monotonic()
        if wait <= 0:
            self._fire()
        else:
            self._timer.start(max(1, int(wait * 1000)))

    def pending(self) -> bool:
        return self._timer.isActive()

    def cancel(self) -> None:
        self._timer.stop()

    def _fire(self) -> None:
        self._last = time.monotonic()
        self._fn()
