"""Every write path advances the hybrid logical clock of the row it changes, in the one
place that does it (storage/clock.py): the services below never mention clocks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.domain import hlc
from facilitator.domain.voting import Ballot, CastMode, Method
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService
from facilitator.storage.file import WorkshopFile


def stamp(svc: WorkshopService, table: str, where: str, field: str) -> str:
    row = svc.file.db.conn.execute(f"SELECT hlc FROM {table} WHERE {where}").fetchone()
    return hlc.history(hlc.load(row[0]), field)[0]


@pytest.fixture
def full(svc: WorkshopService) -> WorkshopService:
    day = svc.days()[0].id
    person = svc.add_participant("Anna", "Regione")
    item = svc.add_item(day, "Intro", speaker_ids=[person])
    svc.set_present(day, person, True)
    svc.add_note("una nota", agenda_item_id=item)
    other = svc.add_note("altra nota", agenda_item_id=item).id
    svc.add_action("call back")
    org = OrganiseService(svc)
    org.create_theme("Tema", [other])
    org.create_poll(PollSettings("Best?", Method.DOT, (("X", None), ("Y", None))))
    return svc


def _ops(svc: WorkshopService) -> list[tuple[str, str, str, Callable[[], object]]]:
    org = OrganiseService(svc)
    day = svc.days()[0].id
    person = svc.participants()[0].id
    item = svc.items()[0].id
    note = next(n.id for n in svc.notes() if n.text == "una nota")
    cat = svc.categories()[0]
    theme = org.themes()[0].id
    poll = org.polls()[0].id
    action = svc.actions()[0].id
    sid = org.add_solution("Sol")

    def vote() -> object:
        org.open_poll(poll)
        option = org.poll(poll).options[0].id
        return org.cast_ballot(poll, Ballot({(option, 0): 1}), CastMode.KIOSK)

    return [
        ("workshop", "id = 1", "title", lambda: svc.update_workshop(title="Nuovo")),
        ("days", f"id = {day}", "title", lambda: svc.update_day(day, None, "Giorno")),
        (
            "categories",
            f"id = {cat.id}",
            "name",
            lambda: svc.update_category(cat.id, "Altro", cat.colour, cat.shortcut),
        ),
        (
            "participants",
            f"id = {person}",
            "email",
            lambda: svc.update_participant(
                person, "Anna", "Regione", svc.participant(person).role, "a@b.it"
            ),
        ),
        ("attendance", f"day_id = {day}", "present", lambda: svc.set_present(day, person, False)),
        ("agenda_items", f"id = {item}", "duration_min", lambda: svc.set_duration(item, 45)),
        ("agenda_items", f"id = {item}", "speakers", lambda: svc.update_item(item, speaker_ids=[])),
        ("notes", f"id = {note}", "text", lambda: svc.update_note(note, text="cambiata")),
        ("notes", f"id = {note}", "theme", lambda: org.set_memberships({note: theme})),
        ("notes", f"id = {note}", "deleted_at", lambda: svc.delete_note(note)),
        (
            "action_items",
            f"id = {action}",
            "status",
            lambda: svc.update_action(
                action, "call back", None, None, svc.action(action).status.__class__("done")
            ),
        ),
        ("themes", f"id = {theme}", "title", lambda: org.rename_theme(theme, "Tema 2")),
        ("solutions", f"id = {sid}", "title", lambda: org.update_solution(sid, title="Sol 2")),
        (
            "polls",
            f"id = {poll}",
            "options",
            lambda: org.update_poll(
                poll, PollSettings("Best?", Method.DOT, (("X", None), ("Z", None)))
            ),
        ),
        ("polls", f"id = {poll}", "state", vote),
    ]


def test_every_write_path_stamps_the_field_it_changes(full: WorkshopService) -> None:
    for table, where, field, op in _ops(full):
        before = full.file.db.conn.execute(f"SELECT hlc FROM {table} WHERE {where}").fetchone()[0]
        old = hlc.history(hlc.load(before), field)[0]
        op()
        new = stamp(full, table, where, field)
        assert new > old, (table, field)


def test_a_ballot_and_its_withdrawal_are_stamped(full: WorkshopService) -> None:
    org = OrganiseService(full)
    poll = org.polls()[0].id
    org.open_poll(poll)
    option = org.poll(poll).options[0].id
    org.cast_ballot(poll, Ballot({(option, 0): 2}), CastMode.KIOSK)
    bid = full.file.db.conn.execute("SELECT id FROM ballots").fetchone()[0]
    created = stamp(full, "ballots", f"id = {bid}", "deleted_at")
    org.repo.set_ballot_deleted(bid, True)
    assert stamp(full, "ballots", f"id = {bid}", "deleted_at") > created


def test_stamps_grow_when_the_wall_clock_goes_back(tmp_path: Path) -> None:
    with WorkshopService.create(tmp_path / "c.workshop", "Clock") as svc:
        note = svc.add_note("uno").id
        first = stamp(svc, "notes", f"id = {note}", "text")
    with WorkshopService.open(tmp_path / "c.workshop") as svc:  # a new session, new node
        assert svc.file.clock is not None
        svc.file.clock.clock._wall = lambda: 1000  # the laptop's clock is wrong
        svc.update_note(note, text="due")
        assert stamp(svc, "notes", f"id = {note}", "text") > first


def test_the_file_carries_no_trigger(tmp_path: Path) -> None:
    """The clock's triggers live in the connection (TEMP), never in the file."""
    with WorkshopService.create(tmp_path / "t.workshop", "T") as svc:
        svc.add_note("x")
        temp = svc.file.db.conn.execute(
            "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"
        ).fetchone()[0]
        assert temp > 0
    wf = WorkshopFile.peek(tmp_path / "t.workshop")
    try:
        assert (
            wf.db.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
            ).fetchone()[0]
            == 0
        )
    finally:
        wf.close()
