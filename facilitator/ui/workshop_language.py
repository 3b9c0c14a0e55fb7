"""What participants read is in the workshop's language, whatever the interface
language: the kiosk's texts are translated with the workshop's translator, not the
window's. And one name per language everywhere: each language by its own name."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator

from facilitator.paths import resource

# Each language by its own name, on every screen and in both interface languages.
LANGUAGE_NAMES = {"it": "Italiano", "en": "English"}

_cache: dict[str, QTranslator] = {}


def _translator(language: str) -> QTranslator | None:
    if language != "it":
        return None  # the sources are English
    if language not in _cache:
        translator = QTranslator()  # kept here, owned by no Qt object
        if not translator.load(str(resource("translations", "facilitator_it.qm"))):
            return None
        _cache[language] = translator
    return _cache[language]


def participant_text(language: str, context: str, source: str) -> str:
    """``source`` (marked with QT_TRANSLATE_NOOP(context, …)) in ``language``."""
    translator = _translator(language)
    if translator is None:
        return source
    return translator.translate(context, source) or source


_speaking: list[str] = []  # the languages a participant's screen is being built in


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """While this runs, :class:`Translate` gives ``language`` (None: the window's)."""
    if language is None:
        yield
        return
    _speaking.append(language)
    try:
        yield
    finally:
        _speaking.pop()


class Translate:
    """Drop-in for ``QCoreApplication`` in modules whose texts participants read (the
    ballot): ``QCoreApplication.translate`` calls stay literal, for pyside6-lupdate, and
    give the workshop's language inside :func:`speaking`, the window's elsewhere."""

    @staticmethod
    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if _speaking:
            return participant_text(_speaking[-1], context, source)
        return QCoreApplication.translate(context, source, disambiguation, n)
