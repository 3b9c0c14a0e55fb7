"""Undo commands on a bare QUndoStack (no widgets), on a real workshop file."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.domain import model as m
from facilitator.domain.errors import ValidationError
from facilitator.services import operations as ops
from facilitator.services.operations import Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument


@pytest.fixture
def doc(qapp, svc: WorkshopService):  # noqa: ANN001
    d = WorkshopDocument(svc)
    yield d
    d.undo_stack.clear()


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _item(svc: WorkshopService) -> int:
    day = svc.days()[0].id
    return svc.add_item(day, "Benvenuto", planned_start=dt.time(9, 0), duration_min=30)


def test_add_edit_delete_note(doc: WorkshopDocument, stack: QUndoStack, svc) -> None:  # noqa: ANN001
    item = _item(svc)
    cat = svc.categories()[0].id
    added: list[int] = []
    doc.changed.connect(lambda c: added.extend(c.added_ids(Kind.NOTE)))
    add = ops.AddNote("prima nota", category_id=cat, agenda_item_id=item)
    stack.push(doc.command(add))
    assert added == [add.note_id]
    assert [n.text for n in svc.notes(item)] == ["prima nota"]
    stack.push(doc.command(ops.EditNote(add.note_id, text="nota corretta", category_id=None)))
    assert svc.note(add.note_id).text == "nota corretta"
    assert svc.note(add.note_id).category_id is None
    stack.push(doc.command(ops.DeleteNote(add.note_id)))
    assert svc.notes(item) == []
    stack.undo()
    assert [n.text for n in svc.notes(item)] == ["nota corretta"]
    stack.undo()
    assert svc.note(add.note_id).text == "prima nota"
    assert svc.note(add.note_id).category_id == cat
    stack.undo()
    assert svc.notes(item) == []
    stack.redo()
    assert [n.id for n in svc.notes(item)] == [add.note_id]  # same note back, same id
    stack.redo()
    stack.redo()
    assert svc.notes(item) == []


def test_document_run_refuses_invalid_change_without_touching_the_stack(
    doc: WorkshopDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Exception] = []
    monkeypatch.setattr("facilitator.ui.errors.show_error", lambda parent, exc: shown.append(exc))
    assert not doc.run(ops.AddNote("   "))
    assert isinstance(shown[0], ValidationError)
    assert doc.undo_stack.count() == 0
    assert doc.run(ops.AddNote("ok"))
    assert doc.undo_stack.count() == 1
    assert doc.service.counts().notes == 1  # performed once, not twice


def test_agenda_commands(doc: WorkshopDocument, stack: QUndoStack, svc) -> None:  # noqa: ANN001
    day = svc.days()[0].id
    a = _item(svc)
    add = ops.AddItem(day, "Visita", duration_min=60)
    stack.push(doc.command(add))
    b = add.item_id
    assert [i.title for i in svc.items(day)] == ["Benvenuto", "Visita"]
    assert svc.item(b).planned_start == dt.time(9, 30)
    stack.push(doc.command(ops.EditItem(b, title="Visita al quartiere", location="San Salvario")))
    stack.push(doc.command(ops.SetDuration(a, 45)))
    assert svc.item(b).planned_start == dt.time(9, 45)
    stack.push(doc.command(ops.ReorderItems(day, [b, a])))
    assert [i.id for i in svc.items(day)] == [b, a]
    stack.push(doc.command(ops.StartItem(a, dt.datetime(2025, 11, 5, 9, 1, tzinfo=dt.UTC))))
    stack.push(doc.command(ops.StopItem(a, dt.datetime(2025, 11, 5, 9, 40, tzinfo=dt.UTC))))
    assert svc.item(a).actual_end is not None
    stack.push(doc.command(ops.DeleteItem(a)))
    assert [i.id for i in svc.items(day)] == [b]
    for _ in range(3):
        stack.undo()
    assert svc.item(a).actual_start is None and svc.item(a).actual_end is None
    stack.undo()
    assert [i.id for i in svc.items(day)] == [a, b]
    assert svc.item(a).planned_start == dt.time(9, 0)
    stack.undo()
    assert svc.item(a).duration_min == 30 and svc.item(b).planned_start == dt.time(9, 30)
    stack.undo()
    assert svc.item(b).title == "Visita" and svc.item(b).location == ""
    stack.undo()
    assert [i.id for i in svc.items(day)] == [a]
    stack.redo()
    assert [i.id for i in svc.items(day)] == [a, b]


def test_participant_and_attendance_commands(doc: WorkshopDocument, stack: QUndoStack, svc) -> None:  # noqa: ANN001
    day = svc.days()[0].id
    add = ops.AddParticipant("Anna Rossi", organisation="Comune di Torino")
    stack.push(doc.command(add))
    pid = add.pid
    assert pid is not None
    stack.push(
        doc.command(
            ops.EditParticipant(pid, "Anna Rossi", "Regione Piemonte", m.Role.SPEAKER, "a@b.it")
        )
    )
    assert svc.participant(pid).organisation_name == "Regione Piemonte"
    stack.push(doc.command(ops.SetPresent(day, pid, True)))
    assert svc.present(day) == {pid}
    stack.push(doc.command(ops.DeleteParticipant(pid)))
    assert svc.participants() == []
    stack.undo()
    assert [p.id for p in svc.participants()] == [pid]
    stack.undo()
    assert svc.present(day) == set()
    stack.undo()
    p = svc.participant(pid)
    assert (p.organisation_name, p.role, p.email) == ("Comune di Torino", m.Role.PARTICIPANT, "")
    stack.undo()
    assert svc.participants() == []


def test_category_commands(doc: WorkshopDocument, stack: QUndoStack, svc) -> None:  # noqa: ANN001
    before = [c.id for c in svc.categories()]
    add = ops.AddCategory("Rischi", "#123456", "k")
    stack.push(doc.command(add))
    cid = add.cat_id
    stack.push(doc.command(ops.EditCategory(cid, "Rischi e limiti", "#654321", "l")))
    assert svc.category(cid).name == "Rischi e limiti"
    stack.push(doc.command(ops.ReorderCategories([cid, *before])))
    assert svc.categories()[0].id == cid
    stack.push(doc.command(ops.DeleteCategory(before[0])))
    assert before[0] not in [c.id for c in svc.categories()]
    stack.undo()
    stack.undo()
    assert [c.id for c in svc.categories()] == [*before, cid]
    stack.undo()
    c = svc.category(cid)
    assert (c.name, c.colour, c.shortcut) == ("Rischi", "#123456", "k")
    stack.undo()
    assert [c.id for c in svc.categories()] == before


def test_workshop_details_command(doc: WorkshopDocument, stack: QUndoStack, svc) -> None:  # noqa: ANN001
    stack.push(doc.command(ops.EditWorkshop(title="Nuovo titolo", place="Milano")))
    assert svc.workshop().title == "Nuovo titolo"
    stack.undo()
    assert (svc.workshop().title, svc.workshop().place) == ("Incontro-studio Torino", "Torino")


def test_undo_of_a_note_edit_restores_it_exactly(svc) -> None:  # noqa: ANN001

    from facilitator.ui.document import WorkshopDocument

    doc = WorkshopDocument(svc)
    stack: QUndoStack = doc.undo_stack
    cats = svc.categories()
    note = svc.add_note("prima", category_id=cats[0].id, speaker="Zed Unknown")
    doc.run(ops.EditNote(note.id, text="dopo", category_id=cats[1].id))
    svc.delete_category(cats[0].id)  # the old category is gone meanwhile
    svc.add_participant("Zed Unknown")  # and the old speaker's name now matches someone
    stack.undo()
    again = svc.note(note.id)
    assert (again.text, again.category_id, again.speaker_id) == ("prima", cats[0].id, None)
    stack.redo()
    assert svc.note(note.id).text == "dopo"
