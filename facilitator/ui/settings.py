"""User settings (QSettings): language, recent files, note-taker name, presenter screen,
zoom, window geometry. Tests pass an .ini path so they never touch the user's settings."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

MAX_RECENT = 10
LANGUAGES = ("it", "en")


def system_language() -> str:
    return "it" if QLocale.system().language() == QLocale.Language.Italian else "en"


class Settings:
    def __init__(self, path: Path | str | None = None) -> None:
        path = path or os.environ.get("FACILITATOR_SETTINGS")
        if path:
            self.q = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self.q = QSettings("Facilitator", "Facilitator")

    def _str(self, key: str, default: str = "") -> str:
        value = self.q.value(key, default)
        return str(value) if value is not None else default

    # --- language -------------------------------------------------------------------
    def language_choice(self) -> str:
        """ "it", "en", or "" for "follow the system"."""
        value = self._str("language")
        return value if value in LANGUAGES else ""

    def language(self) -> str:
        return self.language_choice() or system_language()

    def set_language(self, lang: str) -> None:
        self.q.setValue("language", lang if lang in LANGUAGES else "")

    # --- note-taker -----------------------------------------------------------------
    def note_taker(self) -> str:
        return self._str("note_taker")

    def set_note_taker(self, name: str) -> None:
        self.q.setValue("note_taker", name.strip())

    # --- presenter ------------------------------------------------------------------
    def presenter_screen(self) -> str:
        """The name of the QScreen for the presenter window ("" = the other/last screen)."""
        return self._str("presenter/screen")

    def set_presenter_screen(self, name: str) -> None:
        self.q.setValue("presenter/screen", name)

    # --- zoom -----------------------------------------------------------------------
    def zoom(self) -> int:
        try:
            return int(str(self.q.value("live/zoom", 0)))
        except (TypeError, ValueError):
            return 0

    def set_zoom(self, steps: int) -> None:
        self.q.setValue("live/zoom", int(steps))

    # --- snapshots (periodic backup copies of the open file) -----------------------
    def snapshot_minutes(self) -> int:
        try:
            return int(str(self.q.value("snapshot/minutes", 10)))
        except (TypeError, ValueError):
            return 0

    def set_snapshot_minutes(self, minutes: int) -> None:
        self.q.setValue("snapshot/minutes", max(0, int(minutes)))

    def snapshot_folder(self) -> str:
        return self._str("snapshot/folder")

    def set_snapshot_folder(self, folder: str) -> None:
        self.q.setValue("snapshot/folder", folder)

    # --- recent files -------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.q.value("recent_files", [])
        if isinstance(value, str):
            value = [value] if value else []
        if not isinstance(value, list | tuple):
            return []
        return [str(v) for v in value][:MAX_RECENT]

    def add_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        files = [f for f in self.recent_files() if f != text]
        self.q.setValue("recent_files", [text, *files][:MAX_RECENT])

    def remove_recent(self, path: Path | str) -> None:
        text = str(Path(path).resolve())
        self.q.setValue("recent_files", [f for f in self.recent_files() if f != text])

    # --- window ---------------------------------------------------------------------
    def geometry(self, role: str = "workshop") -> QByteArray | None:
        """The window's geometry for one role: "welcome" (no file open) or "workshop"."""
        value = self.q.value(f"window/geometry/{role}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, data: QByteArray, role: str = "workshop") -> None:
        self.q.setValue(f"window/geometry/{role}", data)

    def last_folder(self) -> str:
        """The folder of the last file chosen in a file chooser."""
        return self._str("files/last_folder")

    def set_last_folder(self, folder: str) -> None:
        self.q.setValue("files/last_folder", folder)

    def state(self, key: str) -> QByteArray | None:
        """A saved widget state (splitter sizes…)."""
        value = self.q.value("state/" + key)
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, data: QByteArray) -> None:
        self.q.setValue("state/" + key, data)

    def sync(self) -> None:
        self.q.sync()
