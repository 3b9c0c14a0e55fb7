"""What participants read is in the workshop's language, whatever the interface
language: the kiosk's texts are translated with the workshop's translator, not the
window's. And one name per language everywhere: each language by its own name."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

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
