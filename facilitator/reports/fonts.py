"""The Unicode TrueType family embedded in every PDF (DejaVu, shipped in resources/fonts).

DejaVu covers Latin with all diacritics, Greek and Cyrillic: every official EU
language. A character it lacks (most emoji, CJK) is replaced by U+FFFD before it
reaches reportlab, so it shows as a visible "�" instead of vanishing or crashing.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

from facilitator.paths import resource

FAMILY = "FacilitatorSans"
BOLD = FAMILY + "-Bold"
ITALIC = FAMILY + "-Oblique"
BOLD_ITALIC = FAMILY + "-BoldOblique"
MONO = "FacilitatorMono"

FILES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}
REPLACEMENT = "\ufffd"
_lock = threading.Lock()
_registered = False


def register() -> None:
    """Register the family with reportlab (once per process; thread-safe)."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        addMapping(FAMILY, 0, 0, FAMILY)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True


@cache
def covered() -> frozenset[int]:
    """Code points that every face of the family can draw."""
    register()
    from reportlab.pdfbase import pdfmetrics

    sets = []
    for name in (FAMILY, BOLD, ITALIC):
        face = pdfmetrics.getFont(name).face
        sets.append(set(face.charToGlyph))
    return frozenset(set.intersection(*sets))


@cache
def _plain() -> frozenset[str]:
    """Characters that pass through :func:`printable` unchanged."""
    keep = {
        chr(c)
        for c in covered()
        if unicodedata.category(chr(c)) not in ("Cc", "Cs", "Cf", "Mn", "Zs") or chr(c) == " "
    }
    return frozenset(keep | {"\n", "\t"})


def printable(text: str) -> str:
    """``text`` with what the font cannot draw made visible: U+FFFD for missing glyphs;
    control characters other than newline and tab dropped."""
    if _plain().issuperset(text):
        return text  # the common case, checked in C
    chars = covered()
    out = []
    for ch in text:
        if ch in "\n\t":
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" or cat == "Cs":
            out.append(REPLACEMENT if cat == "Cs" else "")
        elif ord(ch) in chars:
            out.append(ch)
        elif cat in ("Cf", "Mn", "Zs"):
            # format marks, unsupported combining marks and odd spaces: harmless to drop
            out.append(" " if cat == "Zs" else "")
        else:
            out.append(REPLACEMENT)
    return "".join(out)
