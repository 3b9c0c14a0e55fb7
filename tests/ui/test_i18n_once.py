"""Translations are read from disk once; asking again for the language in use is free."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from facilitator.ui import i18n


def test_translations_are_loaded_once(qapp, monkeypatch) -> None:  # noqa: ANN001
    loads: list[str] = []
    real = i18n.QTranslator.load

    def counting(self, *args):  # noqa: ANN001, ANN002, ANN202
        loads.append(str(args[0]))
        return real(self, *args)

    monkeypatch.setattr(i18n.QTranslator, "load", counting)
    try:
        i18n._cache.clear()
        assert i18n.apply_language("it") == "it"
        first = len(loads)
        assert first == 2  # ours and Qt's own strings
        assert QCoreApplication.translate("ExportMinutesDialog", "Close") == "Chiudi"
        assert i18n.apply_language("it") == "it"
        assert i18n.apply_language("en") == "en"
        assert QCoreApplication.translate("ExportMinutesDialog", "Close") == "Close"
        assert QLocale().language() == QLocale.Language.English
        assert i18n.apply_language("it") == "it"
        assert QCoreApplication.translate("ExportMinutesDialog", "Close") == "Chiudi"
        assert QLocale().language() == QLocale.Language.Italian
        assert len(loads) == first  # switching back reads nothing again
    finally:
        i18n.apply_language("en")
