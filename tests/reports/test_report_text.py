"""Dates, times and words of the reports, in Italian and English."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from facilitator.reports import fonts
from facilitator.reports.text import TEXT, Words


def test_both_languages_have_the_same_words() -> None:
    assert set(TEXT["it"]) == set(TEXT["en"])


def test_dates() -> None:
    it, en = Words("it"), Words("en")
    day = dt.date(2025, 11, 5)
    assert it.date(day, weekday=True) == "mercoledì 5 novembre 2025"
    assert en.date(day, weekday=True) == "Wednesday 5 November 2025"
    assert it.date_range(day, dt.date(2025, 11, 7)) == "5–7 novembre 2025"
    assert (
        it.date_range(dt.date(2025, 10, 30), dt.date(2025, 11, 2)) == "30 ottobre – 2 novembre 2025"
    )
    assert (
        en.date_range(dt.date(2025, 12, 30), dt.date(2026, 1, 2))
        == "30 December 2025 – 2 January 2026"
    )
    assert it.date_range(None, None) == ""


def test_times_are_shown_in_the_chosen_zone() -> None:
    utc = dt.datetime(2025, 11, 5, 8, 10, tzinfo=dt.UTC)
    rome = dt.timezone(dt.timedelta(hours=1))
    assert Words("it", dt.UTC).time(utc) == "08:10"
    assert Words("it", rome).time(utc) == "09:10"
    assert Words("it", rome).span(utc, utc + dt.timedelta(minutes=50)) == "09:10–10:00"
    assert Words("it", dt.UTC).time(dt.time(14, 5)) == "14:05"  # planned times are wall-clock
    assert Words("it", rome).datetime(utc) == "5 novembre 2025 alle 09:10"


def test_numbers() -> None:
    assert Words("it").number(3.5) == "3,5" and Words("en").number(3.5) == "3.5"
    assert Words("it").number(12.0) == "12"


def test_printable_replaces_what_the_font_lacks() -> None:
    assert fonts.printable("ok 🦄 中") == "ok \ufffd \ufffd"
    assert fonts.printable("a\x00b\x07c\nd\te") == "abc\nd\te"
    assert fonts.printable("\ud800") == "\ufffd"  # a lone surrogate never reaches reportlab
    assert fonts.printable("Ωжąőș") == "Ωжąőș"


def test_fonts_are_loaded_from_resources() -> None:
    from facilitator.paths import resource

    for name in fonts.FILES.values():
        assert resource("fonts", name).is_file()
    assert "Bitstream" in resource("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")


def test_importing_reports_does_not_load_reportlab() -> None:
    code = (
        "import sys, facilitator.reports, facilitator.services.exporting, "
        "facilitator.reports.markdown, facilitator.reports.csv_export; "
        "print('reportlab' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_scores_and_reopenings() -> None:
    from facilitator.services.organise import PollReport
    from facilitator.services.snapshot import _poll_from

    it = Words("it", dt.UTC)
    assert it.score("11.62", 11.62) == "11,62" and Words("en").score("11.62", 11.62) == "11.62"
    assert it.score("", 3.0) == "3"
    poll = _poll_from(
        PollReport(
            title="P",
            method="dot",
            state="open",
            agenda_item_id=None,
            rules="",
            ballots=0,
            criteria=(),
            rows=(),
            reopened=("2025-11-07T16:02+00:00: arrivata tardi", "senza data"),
        )
    )
    (when, reason), (none, text) = poll.reopened
    assert when == dt.datetime(2025, 11, 7, 16, 2, tzinfo=dt.UTC) and reason == "arrivata tardi"
    assert none is None and text == "senza data"
    assert it.reopening(when, reason) == "Riaperta il 7 novembre 2025 alle 16:02: arrivata tardi"
