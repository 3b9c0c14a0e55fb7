"""The report snapshot: what it reads from a workshop, and the organise hook."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from report_helpers import T0, outline_titles, text_of

from facilitator.reports.pdf import pdf_bytes
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService


def test_day_snapshot(filled) -> None:
    svc, f = filled
    snap = build_snapshot(svc, f.day1)
    assert snap.is_day and snap.scope_day == 1
    (day,) = snap.days
    assert [i.title for i in day.items] == ["Apertura dei lavori", "Visita al laboratorio"]
    # organisations in alphabetical order (Latin, then Greek, then Cyrillic)
    assert [g.organisation for g in day.attendance] == [
        "Regione Piemonte",
        "Υπουργείο Εργασίας",
        "Министерство",
    ]
    assert day.present_count == 3
    opening = day.items[0]
    assert opening.actual_start == T0 - dt.timedelta(minutes=5)
    assert opening.speakers == ("Mario Rossi",)
    assert [g.category for g in opening.groups] == ["Collaborazioni", "Ruoli e contributi", "Sfide"]
    assert [len(snap.decisions()), len(snap.actions)] == [1, 1]
    assert snap.actions[0].day_number == 1 and snap.actions[0].item_title == "Apertura dei lavori"
    assert not snap.unassigned_notes  # only the full report lists notes outside items


def test_deleted_notes_and_items_are_left_out(filled) -> None:
    svc, f = filled
    gone = svc.add_note("cancellata", agenda_item_id=f.items["opening"])
    svc.delete_note(gone.id)
    svc.delete_item(f.items["visit"])
    snap = build_snapshot(svc, f.day1)
    texts = [n.text for n in snap.all_notes()]
    assert "cancellata" not in texts
    assert [i.title for i in snap.days[0].items] == ["Apertura dei lavori"]


def test_notes_outside_items_appear_in_the_full_report(filled) -> None:
    svc, f = filled
    svc.add_note("Nota libera senza punto")
    snap = build_snapshot(svc)
    assert [n.text for n in snap.unassigned_notes] == ["Nota libera senza punto"]
    assert "Nota libera senza punto" in text_of(pdf_bytes(snap, deterministic=True))


def test_counts_by_category(filled) -> None:
    svc, f = filled
    counts = build_snapshot(svc).counts_by_category()
    assert sum(n for _, _, n in counts) == len(svc.notes())
    assert counts[-1][0] == ""  # uncategorised last


def test_themes_and_polls_come_from_the_organise_module(filled) -> None:
    organise = pytest.importorskip("facilitator.services.organise")
    from facilitator.domain.voting import Ballot, CastMode, Method

    svc, f = filled
    org = organise.OrganiseService(svc)
    notes = svc.notes(agenda_item_id=f.items["opening"])
    org.create_theme("Governance condivisa", [notes[0].id, notes[1].id])
    pid = org.create_poll(
        organise.PollSettings(
            "Quale soluzione?",
            Method.DOT,
            (("Sportello unico", None), ("Fondo comune", None)),
            agenda_item_id=f.items["visit"],
            hide_results=False,
        )
    )
    a, b = (o.id for o in org.poll(pid).options)
    org.open_poll(pid)
    org.cast_ballot(pid, Ballot.dots({a: 8, b: 4}, voters=4), CastMode.TALLY)
    org.close_poll(pid)

    snap = build_snapshot(svc, f.day1)
    (poll,) = snap.polls
    assert poll.title == "Quale soluzione?" and poll.ballots == 4 and poll.method == "dot"
    assert [(r.label, r.score, r.rank) for r in poll.rows] == [
        ("Sportello unico", 8.0, 1),
        ("Fondo comune", 4.0, 2),
    ]
    opening = snap.days[0].items[0]
    assert [t.title for t in opening.themes] == ["Governance condivisa"]
    assert opening.themes[0].notes == (notes[0].text, notes[1].text)
    data = pdf_bytes(snap, deterministic=True)
    text = text_of(data)
    assert "Quale soluzione?" in text and "Schede conteggiate: 4" in text
    assert "Governance condivisa" in text
    assert ("1. Quale soluzione?", 1) in outline_titles(data)
    # the day-2 minutes do not carry the day-1 poll
    assert build_snapshot(svc, f.day2).polls == ()


def test_ballots_and_results_go_to_csv_unless_hidden(filled, tmp_path) -> None:
    organise = pytest.importorskip("facilitator.services.organise")
    from facilitator.domain.voting import Ballot, CastMode, Method
    from facilitator.services.exporting import export_csv

    svc, f = filled
    org = organise.OrganiseService(svc)

    def poll(title: str, hide: bool) -> int:
        pid = org.create_poll(
            organise.PollSettings(
                title, Method.DOT, (("=Uno", None), ("Due", None)), hide_results=hide
            )
        )
        a, b = (o.id for o in org.poll(pid).options)
        org.open_poll(pid)
        org.cast_ballot(pid, Ballot.dots({a: 3, b: 1}, voters=2), CastMode.TALLY)
        return pid

    poll("Visibile", hide=False)
    poll("Segreta", hide=True)  # open, results hidden until closed
    files = export_csv(build_snapshot(svc), tmp_path)

    def rows(name: str) -> list[list[str]]:
        with files[name].open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh, delimiter=";"))

    ballots = rows("ballots")
    assert ballots[0][:3] == ["Votazione", "Scheda", "Modalità"]
    assert [(r[0], r[6], r[8], r[4]) for r in ballots[1:]] == [
        ("Visibile", "'=Uno", "3", "2"),
        ("Visibile", "Due", "1", "2"),
    ]
    results = rows("poll_results")
    assert [r[0] for r in results[1:]] == ["Visibile", "Visibile"]  # "Segreta" is hidden
    assert [(r[5], r[6]) for r in results[1:]] == [("'=Uno", "3"), ("Due", "1")]


def test_unknown_day_is_refused(svc: WorkshopService) -> None:
    from facilitator.domain.errors import NotFound

    with pytest.raises(NotFound):
        build_snapshot(svc, 9999)
