"""Text that can be read: WCAG contrast ratios, and a palette whose every text role is
at least 4.5:1 (WCAG AA) against the background it is drawn on, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

AA = 4.5

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# (text role, background role) pairs the widgets draw with.
TEXT_ON = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.BrightText, Role.Button),
)
GROUPS = (Group.Active, Group.Inactive, Group.Disabled)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def readable(fg: QColor, bg: QColor, target: float = AA) -> QColor:
    """``fg``, moved towards black or white (whichever ``bg`` is further from) only as far
    as needed to reach ``target`` against ``bg``: muted text stays muted, but readable."""
    if contrast_ratio(fg, bg) >= target:
        return QColor(fg)
    end = QColor("#000000") if luminance(bg) > 0.18 else QColor("#ffffff")
    out = QColor(end)
    for step in range(1, 21):
        t = step / 20
        mixed = QColor(
            round(fg.red() + (end.red() - fg.red()) * t),
            round(fg.green() + (end.green() - fg.green()) * t),
            round(fg.blue() + (end.blue() - fg.blue()) * t),
        )
        if contrast_ratio(mixed, bg) >= target:
            out = mixed
            break
    return out


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever contrasts more with ``background``."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return (
        black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white
    )


def readable_palette(palette: QPalette) -> QPalette:
    """A copy of ``palette`` in which every text role of :data:`TEXT_ON`, in every group
    (disabled too), reaches 4.5:1 against its background."""
    out = QPalette(palette)
    for group in GROUPS:
        for fg_role, bg_role in TEXT_ON:
            fg = out.color(group, fg_role)
            bg = out.color(group, bg_role)
            if contrast_ratio(fg, bg) < AA:
                out.setColor(group, fg_role, readable(fg, bg))
    # PlaceholderText is drawn on both Base and Window: a second pass settles both.
    for group in GROUPS:
        for fg_role, bg_role in TEXT_ON:
            fg, bg = out.color(group, fg_role), out.color(group, bg_role)
            if contrast_ratio(fg, bg) < AA:
                out.setColor(group, fg_role, readable(fg, bg))
    return out
