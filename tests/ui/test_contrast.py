"""All text at least 4.5:1 (WCAG AA) against its background, in light and dark palettes:
the palette roles the widgets draw text with are sampled, and the Live screen's muted
hint line and category chips are checked where they are drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from live_helpers import build_workshop
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from facilitator.domain.templates import TEMPLATES
from facilitator.ui.contrast import (
    AA,
    GROUPS,
    TEXT_ON,
    contrast_ratio,
    readable_palette,
    text_colour_on,
)
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings

Role = QPalette.ColorRole


def _dark() -> QPalette:
    """A typical dark desktop palette (with its usual dim placeholder and disabled text)."""
    p = QPalette()
    for role, colour in (
        (Role.Window, "#353535"),
        (Role.WindowText, "#ffffff"),
        (Role.Base, "#2a2a2a"),
        (Role.AlternateBase, "#424242"),
        (Role.Text, "#ffffff"),
        (Role.Button, "#353535"),
        (Role.ButtonText, "#ffffff"),
        (Role.Highlight, "#2a82da"),
        (Role.HighlightedText, "#ffffff"),
        (Role.PlaceholderText, "#6a6a6a"),
        (Role.ToolTipBase, "#353535"),
        (Role.ToolTipText, "#ffffff"),
        (Role.Link, "#2a82da"),
    ):
        p.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#5a5a5a"))
    return p


def _light_issue() -> QPalette:
    """The light palette of the report: a #C0C0C0 hint on #EFEFEF (1.6:1)."""
    p = QPalette(QColor("#efefef"))
    p.setColor(Role.PlaceholderText, QColor("#c0c0c0"))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#c0c0c0"))
    return p


@pytest.mark.parametrize(
    "palette", [_light_issue, _dark, QApplication.palette], ids=["light", "dark", "platform"]
)
def test_every_text_role_reaches_aa(palette, qapp) -> None:  # noqa: ANN001
    fixed = readable_palette(palette())
    for group in GROUPS:
        for fg, bg in TEXT_ON:
            ratio = contrast_ratio(fixed.color(group, fg), fixed.color(group, bg))
            assert ratio >= AA, (group, fg, bg, ratio)


def test_the_report_s_hint_colours_fail_and_are_fixed(qapp) -> None:  # noqa: ANN001
    assert contrast_ratio(QColor("#c0c0c0"), QColor("#efefef")) < 2
    fixed = readable_palette(_light_issue())
    hint = fixed.color(Role.PlaceholderText)
    assert contrast_ratio(hint, QColor("#efefef")) >= AA
    assert hint != fixed.color(Role.WindowText)  # still muted, not plain black


def test_category_chips_are_readable() -> None:
    for template in TEMPLATES.values():
        for cat in template:
            bg = QColor(cat.colour)
            assert contrast_ratio(text_colour_on(bg), bg) >= AA, cat.en


@pytest.mark.parametrize("palette", [_light_issue, _dark], ids=["light", "dark"])
def test_the_live_hint_line_is_readable_in_the_window(
    palette,
    qtbot,
    tmp_path: Path,
    shown_errors,  # noqa: ANN001
) -> None:
    app = QApplication.instance()
    before = app.palette()
    app.setPalette(palette())
    try:
        path = tmp_path / "t.workshop"
        build_workshop(path)
        w = MainWindow(Settings(tmp_path / "s.ini"))
        qtbot.addWidget(w)
        w.show()
        assert w.open_path(path)
        hint = w.live.hint_label
        assert hint.text()
        fg = hint.palette().color(hint.foregroundRole())
        bg = hint.palette().color(hint.backgroundRole())
        assert contrast_ratio(fg, bg) >= AA
        # What is on screen: the darkest/lightest pixel of the hint against its background.
        image = hint.grab().toImage()
        background = image.pixelColor(1, 1)
        best = max(
            contrast_ratio(image.pixelColor(x, y), background)
            for x in range(0, image.width(), 2)
            for y in range(image.height())
        )
        assert best >= AA
        w.close()
    finally:
        app.setPalette(before)
