"""The projector's results: the whole screen, every option readable (light text on
black, checked by sampling the rendered image), 2–20 options, long labels wrapped, a
layout for each method; the show-on-projector switch and the preview."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from organise_helpers import open_poll
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Ballot, Method
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.live.presenter import BACKGROUND, Mode, PresenterWindow

SHOTS = Path("/tmp/shots-projector")


def _labels(n: int) -> tuple[str, ...]:
    return tuple(f"Proposta {i + 1}" for i in range(n))


def _poll_with_ballots(org: OrganiseService, method: Method, labels: tuple[str, ...]) -> int:
    pid = open_poll(org, method, labels=labels, hide_results=False, dots_per_voter=5)
    ids = [o.id for o in org.poll(pid).options]
    rnd = random.Random(7)
    for voter in range(12):
        if method is Method.DOT:
            picks = rnd.sample(ids, min(3, len(ids)))
            ballot = Ballot.dots({picks[0]: 2, picks[1]: 2, picks[-1]: 1})
        elif method is Method.APPROVAL:
            ballot = Ballot.approvals(rnd.sample(ids, max(1, len(ids) // 3)))
        elif method is Method.RANKED:
            order = list(ids)
            rnd.shuffle(order)
            ballot = Ballot.ranking(order)
        else:
            ballot = Ballot.scores({i: [rnd.randint(1, 5) for _ in range(3)] for i in ids})
        org.cast_ballot(pid, ballot)
        del voter
    return pid


def _presenter(qtbot: QtBot, size: tuple[int, int]) -> PresenterWindow:
    w = PresenterWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


def _bright_pixels(image: QImage, rect: QRect) -> int:
    count = 0
    r = rect.intersected(image.rect())
    for y in range(r.top(), r.bottom() + 1, 2):
        for x in range(r.left(), r.right() + 1, 2):
            if image.pixelColor(x, y).lightness() > 140:
                count += 1
    return count


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("method", list(Method))
@pytest.mark.parametrize("n", [2, 6, 20])
def test_results_fill_the_screen_and_every_option_is_readable(
    qtbot: QtBot, svc: WorkshopService, method: Method, n: int
) -> None:
    org = OrganiseService(svc)
    pid = _poll_with_ballots(org, method, _labels(n))
    w = _presenter(qtbot, (1280, 720))
    poll = org.poll(pid)
    w.set_results(poll, org.result(pid), True)
    w.set_question("Che cosa portiamo a casa?")
    w.set_timer("12:00", "normal")
    w.set_mode(Mode.RESULTS)
    image = w.grab().toImage()
    results = w.results
    rows = results.geometry_of_rows
    assert len(rows) == n  # every option, none cut
    offset = results.mapTo(w, results.rect().topLeft())
    labels = {ln.label for ln in results.lines}
    assert labels == set(_labels(n))
    for row in rows:
        assert row.label.bottom() <= results.height() and row.score.bottom() <= results.height()
        for rect in (row.rank, row.label, row.score):
            # Text drawn light on black: bright pixels in each cell (no black on black).
            assert _bright_pixels(image, rect.translated(offset)) > 3, (method, n, rect)
    # Results get the whole screen: the timer and the room question are not shown.
    assert not w.timer_label.isVisible() and not w.question_label.isVisible()
    assert w.clock_label.isVisible()  # a small clock in a corner
    if n == 20:
        SHOTS.mkdir(exist_ok=True)
        image.save(str(SHOTS / f"results-{method.value}-{n}.png"))


def test_long_labels_wrap_instead_of_being_cut(qtbot: QtBot, svc: WorkshopService) -> None:
    org = OrganiseService(svc)
    long = "Uno sportello unico per le imprese sociali con orari estesi il sabato mattina"
    pid = _poll_with_ballots(org, Method.APPROVAL, (long, "Breve", "Fondo rotativo"))
    w = _presenter(qtbot, (1024, 600))
    w.set_results(org.poll(pid), org.result(pid), True)
    w.set_mode(Mode.RESULTS)
    w.grab()
    results = w.results
    row = next(
        g for g, ln in zip(results.geometry_of_rows, results.lines, strict=True) if ln.label == long
    )
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(results._font(results.font_px))
    assert fm.horizontalAdvance(long) > row.label.width()  # it would not fit on one line
    assert row.label.height() >= 2 * fm.height()  # so it takes two lines or more


def test_each_method_has_its_own_readable_details(qtbot: QtBot, svc: WorkshopService) -> None:
    org = OrganiseService(svc)
    w = _presenter(qtbot, (1440, 900))
    w.set_language("it")
    seen = {}
    for method in Method:
        pid = _poll_with_ballots(org, method, _labels(4))
        w.set_results(org.poll(pid), org.result(pid), True)
        seen[method] = w.results.lines[0]
    assert seen[Method.DOT].unit == "punti" and seen[Method.DOT].detail == ""
    assert seen[Method.APPROVAL].unit == "approvazioni"
    assert seen[Method.APPROVAL].detail.endswith("% delle schede")
    assert seen[Method.RANKED].detail.startswith("prima scelta: ")
    assert seen[Method.SCORE].detail.count("·") == 2  # three criteria
    # Italian reads a decimal comma, on the projector as in the minutes
    assert "," in seen[Method.SCORE].score and "." not in seen[Method.SCORE].score
    assert "." not in seen[Method.SCORE].detail
    w.set_language("en")
    pid = _poll_with_ballots(org, Method.SCORE, _labels(4))
    w.set_results(org.poll(pid), org.result(pid), True)
    assert "." in w.results.lines[0].score


def test_hidden_results_say_so_and_show_no_rows(qtbot: QtBot, svc: WorkshopService) -> None:
    org = OrganiseService(svc)
    pid = open_poll(org, Method.DOT, hide_results=True)
    org.cast_ballot(pid, Ballot.dots({org.poll(pid).options[0].id: 2}))
    w = _presenter(qtbot, (1280, 720))
    w.set_language("en")
    w.set_results(org.poll(pid), org.result(pid), False)
    w.set_mode(Mode.RESULTS)
    w.grab()
    assert w.results.geometry_of_rows == []


def test_no_empty_question_box_before_a_question(qtbot: QtBot) -> None:
    w = _presenter(qtbot, (1280, 720))
    assert w.mode is Mode.TIMER and not w.question_label.isVisible()
    w.set_question("Che cosa portiamo a casa?")
    assert w.question_label.isVisible()
    w.set_question("  ")
    assert not w.question_label.isVisible()


def test_every_text_colour_of_the_projector_reads_on_black(qtbot: QtBot) -> None:
    from facilitator.ui.live import projector_results as pr

    w = PresenterWindow()
    qtbot.addWidget(w)
    colours = [QColor(c) for c in w.text_colours()] + [pr.FOREGROUND, pr.MUTED]
    for colour in colours:
        assert contrast(colour, QColor(BACKGROUND)) >= 4.5, colour.name()
