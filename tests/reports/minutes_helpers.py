"""Helpers for the tests of minutes a recipient can send: outlines, pages, fonts."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from pypdf import PdfReader
from report_helpers import reader, squash


def destinations(data: bytes | Path) -> list[tuple[str, int]]:
    """Every outline entry as (title, 0-based page index its destination opens)."""
    pdf = reader(data)
    out: list[tuple[str, int]] = []

    def walk(entries: list) -> None:  # type: ignore[type-arg]
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                out.append((entry.title, pdf.get_destination_page_number(entry)))

    walk(pdf.outline)
    return out


def page_texts(data: bytes | Path) -> list[str]:
    return [squash(page.extract_text() or "") for page in reader(data).pages]


def font_problems(pdf: PdfReader) -> list[str]:
    """Fonts a page uses that are not embedded (no FontFile/FontFile2/FontFile3)."""
    problems: list[str] = []
    seen: set[int] = set()

    def check(fonts: object, where: str) -> None:
        for name, ref in dict(fonts or {}).items():  # type: ignore[call-overload]
            font = ref.get_object()
            key = id(font)
            if key in seen:
                continue
            seen.add(key)
            descendants = font.get("/DescendantFonts")
            faces = [d.get_object() for d in descendants] if descendants else [font]
            for face in faces:
                desc = face.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else None
                if desc is None or not any(
                    k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    problems.append(f"{where} {name} {face.get('/BaseFont')}")

    for k, page in enumerate(pdf.pages):
        resources = page.get("/Resources") or {}
        check(resources.get_object().get("/Font"), f"page {k + 1}")
        xobjects = resources.get_object().get("/XObject") or {}
        for xname, xref in dict(xobjects).items():
            x = xref.get_object()
            res = x.get("/Resources")
            if res is not None:
                check(res.get_object().get("/Font"), f"page {k + 1} {xname}")
    return problems


def words_of(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", text)}


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]{4,}", text)}


def vocabularies() -> tuple[set[str], set[str]]:
    """(Italian-only, English-only) words of the UI catalogue and the report words."""
    from facilitator.paths import resource
    from facilitator.reports.text import MONTHS, TEXT, WEEKDAYS

    it: set[str] = set()
    en: set[str] = set()
    for path in sorted(Path(resource("translations", "it")).glob("*.json")):
        for source, italian in json.loads(path.read_text(encoding="utf-8")).items():
            en |= _words(source.split("|")[-1])
            it |= _words(italian)
    for lang, out in (("it", it), ("en", en)):
        for value in TEXT[lang].values():
            out |= _words(value)
        out |= _words(" ".join(MONTHS[lang] + WEEKDAYS[lang]))
    return it - en, en - it


def user_words(path: Path) -> set[str]:
    """Every word of every text stored in a workshop file: what the user wrote."""
    out: set[str] = set()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        ).fetchall()
        for (table,) in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        out |= _words(value)
    return out


def report_words(text: str) -> set[str]:
    return _words(text)


def lines_by_position(pdf: PdfReader, index: int) -> list[str]:
    """The text of a page as visual lines (fragments with the same baseline), top first:
    text drawn late (page numbers written after the layout) joins its line."""
    rows: dict[int, list[tuple[float, str]]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + cm[4]
        y = tm[5] * cm[3] + cm[5]
        rows.setdefault(round(y), []).append((x, text))

    pdf.pages[index].extract_text(visitor_text=visit)
    return [
        " ".join(t.strip() for _, t in sorted(parts))
        for _, parts in sorted(rows.items(), reverse=True)
    ]
