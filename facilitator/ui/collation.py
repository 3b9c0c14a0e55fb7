"""Names sorted the way people expect in their language: QCollator (locale-aware,
case- and accent-aware, numbers in numeric order), ascending by default. "Íñigo" sorts
with the I's, before "Zoë"; "Élodie" with the E's."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

T = TypeVar("T")


def collator() -> QCollator:
    locale = QLocale()
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        # A machine without a locale (LANG=C): code-point order would put "Zoë" before
        # "anna" and "Íñigo" after everyone; English collation is the sane default.
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    c = QCollator(locale)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    c.setNumericMode(True)
    return c


def sorted_by_name(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    """``items`` in the locale's order of ``key`` (a name)."""
    c = collator()
    return sorted(items, key=lambda item: c.sortKey(key(item)))


class CollatedProxy(QSortFilterProxyModel):
    """A sort/filter proxy that compares display texts with QCollator."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._collator = collator()
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a = left.data(self.sortRole())
        b = right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str):
            return self._collator.compare(a, b) < 0
        return bool(super().lessThan(left, right))
