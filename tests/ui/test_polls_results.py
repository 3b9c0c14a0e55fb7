"""Results: the painted bar chart, hidden results, the presenter widget, demo polls."""

from __future__ import annotations

from pathlib import Path

import pytest
from organise_helpers import open_poll
from PySide6.QtGui import QColor, QImage, QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services.demo_organise import add_demo_organise
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise import PollsView, PresenterResults
from facilitator.ui.organise.chart import WINNER, ResultsChart


@pytest.fixture
def org(svc: WorkshopService) -> OrganiseService:
    return OrganiseService(svc)


def chart_for(qtbot: QtBot, org: OrganiseService, pid: int) -> ResultsChart:
    chart = ResultsChart()
    qtbot.addWidget(chart)
    poll = org.poll(pid)
    chart.set_result(poll, org.result(pid), poll.results_visible)
    chart.resize(600, chart.sizeHint().height())
    return chart


def has_colour(image: QImage, colour: QColor) -> bool:
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixelColor(x, y) == colour:
                return True
    return False


def test_ties_are_shown_as_ties_and_winner_bars_painted(qtbot: QtBot, org: OrganiseService) -> None:
    pid = open_poll(org, Method.DOT, dots_per_voter=3)
    a, b, c = (o.id for o in org.poll(pid).options)
    org.cast_ballot(pid, Ballot.dots({a: 2, b: 1}))
    org.cast_ballot(pid, Ballot.dots({b: 1, c: 2}))
    org.close_poll(pid)
    chart = chart_for(qtbot, org, pid)
    # all three have 2 dots: one shared rank, in the poll's order
    assert [r[:3] for r in chart.rows()] == [
        ("=1", "Alpha", "2"),
        ("=1", "Beta", "2"),
        ("=1", "Gamma", "2"),
    ]
    assert chart.ballots_text() == "Ballots: 2"
    image = chart.grab().toImage()
    assert has_colour(image, WINNER)


def test_hidden_until_closed(qtbot: QtBot, org: OrganiseService) -> None:
    pid = open_poll(org, Method.APPROVAL, hide_results=True)
    org.cast_ballot(pid, Ballot.approvals([org.poll(pid).options[0].id]))
    chart = chart_for(qtbot, org, pid)
    assert chart.rows() == []
    assert not has_colour(chart.grab().toImage(), WINNER)
    org.close_poll(pid)
    chart = chart_for(qtbot, org, pid)
    assert chart.rows()[0][:3] == ("1", "Alpha", "1")


def test_score_and_ranked_details(qtbot: QtBot, svc: WorkshopService, org: OrganiseService) -> None:
    people = [svc.add_participant(n) for n in ("A", "B")]
    pid = open_poll(org, Method.SCORE, labels=("X", "Y"), anonymous=False, hide_results=False)
    x, y = (o.id for o in org.poll(pid).options)
    org.cast_ballot(pid, Ballot.scores({x: [5, 4, 3], y: [1, 2, 3]}), CastMode.VOTER, people[0])
    org.cast_ballot(pid, Ballot.scores({x: [4, 4, 4], y: [2, 2, 2]}), CastMode.VOTER, people[1])
    chart = chart_for(qtbot, org, pid)
    rank, label, score, _frac, detail = chart.rows()[0]
    assert (rank, label, score) == ("1", "X", "12.00")
    assert detail == "Impact 4.50 · Feasibility 4.00 · Transferability 3.50"
    rid = open_poll(org, Method.RANKED, hide_results=False)
    ids = [o.id for o in org.poll(rid).options]
    org.cast_ballot(rid, Ballot.ranking(ids))
    chart = chart_for(qtbot, org, rid)
    assert chart.rows()[0][4] == "first preferences: 1"
    assert chart.rows()[0][2] == "3"


def test_presenter_results_shows_big_title_and_top_rows(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = open_poll(org, Method.APPROVAL, hide_results=False)
    org.cast_ballot(pid, Ballot.approvals([org.poll(pid).options[1].id]))
    w = PresenterResults(svc)
    qtbot.addWidget(w)
    w.show_poll(pid)
    assert w.title.text() == "approval poll"
    assert w.subtitle.text() == "Approval voting"
    assert w.chart.rows()[0][1] == "Beta"
    assert w.title.font().pointSizeF() > w.chart.font().pointSizeF() * 1.5
    w.show_poll(None)
    assert w.title.text() == "" and w.chart.rows() == []


def test_demo_polls_are_closed_with_ballots_in_both_languages(qtbot: QtBot, tmp_path: Path) -> None:
    from facilitator.services.demo import write_demo

    for lang, title in (("it", "Valutazione delle soluzioni"), ("en", "Rating the solutions")):
        path = tmp_path / f"demo-{lang}.workshop"
        with write_demo(path, language=lang):
            pass
        with WorkshopService.open(path) as svc:
            org = OrganiseService(svc)
            polls = org.polls()
            assert {p.method for p in polls} == set(Method)
            assert all(p.state.value == "closed" for p in polls)
            assert all(org.ballot_count(p.id) >= 8 for p in polls)
            assert title in [p.title for p in polls]
            assert len(org.themes()) >= 4 and len(org.solutions()) >= 4
            assert all(t.note_ids for t in org.themes())
            assert len(svc.actions()) >= 4
            v = PollsView(svc, QUndoStack())
            qtbot.addWidget(v)
            for p in polls:
                v.select_poll(p.id)
                assert v.chart.rows(), p.title
            v.close()


def test_add_demo_organise_on_a_plain_workshop(svc: WorkshopService) -> None:
    svc.add_participant("Anna")
    add_demo_organise(svc)
    org = OrganiseService(svc)
    assert len(org.polls()) == 4 and len(org.solutions()) == 5
    assert org.themes() == []  # no demo notes to group


def test_show_on_projector_asks_for_the_selected_poll(
    qtbot: QtBot, svc: WorkshopService, org: OrganiseService
) -> None:
    pid = open_poll(org, Method.DOT)
    v = PollsView(svc, QUndoStack())
    qtbot.addWidget(v)
    v.show()
    v.select_poll(pid)
    with qtbot.waitSignal(v.present_requested) as blocker:
        v.btn_present.click()
    assert blocker.args == [pid]
