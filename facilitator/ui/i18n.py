"""Switch the application's language at run time: our .qm plus Qt's own qtbase strings.

Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every
widget; ours answer by calling their ``retranslate()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from facilitator.paths import resource

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    return _current


def apply_language(lang: str) -> str:
    """Install the translators for ``lang`` ("it" or "en"); returns the language in use.

    Qt then posts ``LanguageChange`` to every widget (handled at the next event-loop
    turn); a caller that must show the new language at once calls retranslate() itself.
    """
    global _current
    app = QCoreApplication.instance()
    if app is None:
        return _current
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _current = "en"
    if lang == "it":
        ours = QTranslator(app)
        if ours.load(str(resource("translations", "facilitator_it.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
            _current = "it"
        qt = QTranslator(app)
        if qt.load(
            QLocale(QLocale.Language.Italian),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(
        QLocale(QLocale.Language.Italian if _current == "it" else QLocale.Language.English)
    )
    return _current
