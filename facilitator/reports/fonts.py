"""The Unicode TrueType family embedded in every PDF (DejaVu, shipped in resources/fonts).

DejaVu covers Latin with all diacritics, Greek and Cyrillic: every official EU
language. A character it lacks (most emoji, CJK, Devanagari…) is replaced by U+FFFD
before it reaches reportlab, so it shows as a visible "�" instead of vanishing or
crashing.

Arabic (and Persian, Urdu letters in the Arabic block) needs joining and right-to-left
order, which reportlab does not do by itself: DejaVu Sans has the Arabic presentation
forms, so each Arabic run is shaped into them (``arabic-reshaper``) and put in visual
order (``python-bidi``) before it is laid out. A run that wraps over two lines reads its
lines in left-to-right order: short phrases print right; long Arabic paragraphs do not.
"""

from __future__ import annotations

import re
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
    # user text is printed upright (regular or bold); the oblique face lacks Arabic
    for name in (FAMILY, BOLD):
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


_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"
    "(?:[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u064b-\u065f0-9 .,:;!?()«»-]*"
    "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff])?"
)


def _visual_arabic(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        import arabic_reshaper
        from bidi import get_display
    except ImportError:  # without them: the visible replacement, as for other scripts
        return run
    if not _covers_presentation_forms():
        return run
    return str(get_display(arabic_reshaper.reshape(run)))


@cache
def _covers_presentation_forms() -> bool:
    return 0xFEDF in covered() and 0xFE8D in covered()  # lam, alef


def printable(text: str) -> str:
    """``text`` with what the font cannot draw made visible: U+FFFD for missing glyphs;
    control characters other than newline and tab dropped; Arabic shaped and ordered."""
    if _plain().issuperset(text):
        return text  # the common case, checked in C
    if _ARABIC.search(text):
        text = _ARABIC.sub(_visual_arabic, text)
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
