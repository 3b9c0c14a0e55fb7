"""Qt user interface. Importing it first protects Python 3.11 from a PySide6 6.12
reference-count bug (see qtfix)."""

import facilitator.ui.qtfix  # noqa: F401
