"""The Live view: the screen a note-taker lives in during the workshop."""

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
