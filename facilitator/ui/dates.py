"""One date format in the whole window: the interface locale's short format, with the
year in full (dd/MM/yyyy in Italian). Date boxes, lists and tables all use it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale


def date_format() -> str:
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def format_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())
