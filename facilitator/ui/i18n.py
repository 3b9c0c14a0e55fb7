"""Switch the application's language at run time: our .qm plus Qt's own qtbase strings.

Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget; ours answer by calling their ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from facilitator.paths import resource

_installed: list[QTranslator] = []
_current = "en"
_cache: dict[str, list[QTranslator]] = {}
_cache_app: QCoreApplication | None = None
_applied_to: QCoreApplication | None = None


def current_language() -> str:
    return _current


def _translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """The translators of ``lang``, each .qm file read from disk once per application."""
    global _cache_app
    if _cache_app is not app:  # a new QApplication (tests): the old translators died with it
        _cache.clear()
        _cache_app = app
    if lang not in _cache:
        loaded: list[QTranslator] = []
        if lang == "it":
            ours = QTranslator(app)
            if ours.load(str(resource("translations", "facilitator_it.qm"))):
                loaded.append(ours)
            qt = QTranslator(app)
            if qt.load(
                QLocale(QLocale.Language.Italian),
                "qtbase",
                "_",
                QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            ):
                loaded.append(qt)
        _cache[lang] = loaded
    return _cache[lang]


def apply_language(lang: str) -> str:
    """Install the translators for ``lang`` ("it" or "en"); returns the language in use.

    Qt then posts ``LanguageChange`` to every widget (handled at the next event-loop
    turn); a caller that must show the new language at once calls retranslate() itself.
    The .qm files are read once; asking again for the language in use changes nothing.
    """
    global _current, _applied_to
    app = QCoreApplication.instance()
    if app is None:
        return _current
    wanted = _translators(app, lang)
    if _applied_to is app and _current == lang and _installed == wanted:
        return _current
    _applied_to = app
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    for tr in wanted:
        app.installTranslator(tr)
        _installed.append(tr)
    has_ours = bool(wanted) and wanted[0].filePath().endswith("facilitator_it.qm")
    _current = "it" if lang == "it" and has_ours else "en"
    QLocale.setDefault(
        QLocale(QLocale.Language.Italian if _current == "it" else QLocale.Language.English)
    )
    return _current
