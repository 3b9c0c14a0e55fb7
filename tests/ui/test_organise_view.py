"""The organise screen: themes, decisions, solutions and actions, driven like a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from organise_helpers import Errors, shown_errors  # noqa: F401
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from facilitator.domain import model as m
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise import ActionsView, OrganiseView, dialogs, organise_view
from facilitator.ui.organise.dialogs import ActionDialog, ActionValues, PollDialog, SolutionValues
from facilitator.ui.organise.models import (
    NOTE,
    ActionsModel,
    NotesTreeModel,
    PollsModel,
    SolutionsModel,
)


@pytest.fixture
def filled(svc: WorkshopService) -> WorkshopService:
    item = svc.add_item(svc.days()[0].id, "Visit")
    for text in ("Funding is fragmented", "Trust is slow", "One regional desk", "Tables"):
        svc.add_note(text, agenda_item_id=item)
    svc.add_participant("Anna Rossi")
    return svc


@pytest.fixture
def view(qtbot: QtBot, filled: WorkshopService) -> OrganiseView:
    v = OrganiseView(filled, QUndoStack())
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_models_pass_the_model_tester(qtmodeltester: object, filled: WorkshopService) -> None:
    org = OrganiseService(filled)
    ids = filled.note_ids()
    org.create_theme("T", ids[:2])
    org.promote_note(ids[0])
    filled.add_action("Do it")
    for model in (
        NotesTreeModel(org),
        SolutionsModel(org),
        ActionsModel(org),
        PollsModel(org),
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_group_selected_notes_into_a_theme_then_undo(
    view: OrganiseView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(organise_view, "ask_text", lambda *a, **k: "Money")
    ids = view.service.note_ids()
    view.select_notes(ids[:2])
    assert view.act_group.isEnabled()
    view.act_group.trigger()
    (theme,) = view.org.themes()
    assert theme.title == "Money" and theme.note_ids == tuple(ids[:2])
    top = view.notes_model.index(0, 0)
    assert view.notes_model.data(top) == "Money (2)"
    assert view.notes_model.rowCount(view.notes_model.index(1, 0)) == 2  # ungrouped
    view.undo_stack.undo()
    assert view.org.themes() == []
    assert view.notes_model.rowCount() == 1  # only "Ungrouped notes"


def test_rename_move_and_ungroup(view: OrganiseView, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = view.service.note_ids()
    view.org.create_theme("A", ids[:1])
    view.org.create_theme("B", ids[1:2])
    view.reload()
    view.select_notes([ids[0]])
    view.move_selected(view.org.themes()[1].id)
    assert view.org.themes()[1].note_ids == (ids[0], ids[1])
    monkeypatch.setattr(organise_view, "ask_text", lambda *a, **k: "Bravo")
    view.select_theme(view.org.themes()[1].id)
    assert view.act_rename.isEnabled() and not view.act_group.isEnabled()
    view.act_rename.trigger()
    assert view.org.themes()[1].title == "Bravo"
    view.select_theme(view.org.themes()[1].id)
    view.act_ungroup.trigger()
    assert [t.title for t in view.org.themes()] == ["A"]
    view.undo_stack.undo()
    assert [t.title for t in view.org.themes()] == ["A", "Bravo"]


def test_keyboard_shortcut_groups_notes(
    qtbot: QtBot, view: OrganiseView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(organise_view, "ask_text", lambda *a, **k: "Keys")
    view.select_notes(view.service.note_ids()[:1])
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert [t.title for t in view.org.themes()] == ["Keys"]


def test_mark_decision_toggles_and_undoes_as_one_step(view: OrganiseView) -> None:
    ids = view.service.note_ids()[:2]
    view.select_notes(ids)
    view.act_decision.trigger()
    assert all(view.service.note(n).is_decision for n in ids)
    index = view.notes_model.index_of_note(ids[0])
    assert view.notes_model.data(index).startswith("⚑ ")
    view.undo_stack.undo()
    assert not any(view.service.note(n).is_decision for n in ids)


def test_promote_note_and_theme_to_solution(
    view: OrganiseView, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = view.service.note_ids()
    item = view.service.items()[0].id
    calls: list[tuple[object, ...]] = []

    def fake_ask(
        org: object,
        title: str = "",
        description: str = "",
        item_id: object = None,
        parent: object = None,
    ):
        calls.append((title, description, item_id))
        return SolutionValues(title + "!", description, item_id)

    monkeypatch.setattr(organise_view.SolutionDialog, "ask", staticmethod(fake_ask))
    view.select_notes([ids[2]])
    view.act_promote.trigger()
    assert calls[0] == ("One regional desk", "One regional desk", item)
    view.org.create_theme("People", ids[:2])
    view.reload()
    view.select_theme(view.org.themes()[0].id)
    view.act_promote.trigger()
    sols = view.org.solutions()
    assert [s.title for s in sols] == ["One regional desk!", "People!"]
    assert sols[1].note_ids == tuple(ids[:2]) and sols[1].theme_id == view.org.themes()[0].id
    assert view.solutions_model.rowCount() == 2
    view.solutions.setCurrentIndex(view.solutions_model.index(1, 0))
    assert "People!" in view.solution_detail.text()
    view.delete_solution()
    assert len(view.org.solutions()) == 1
    view.undo_stack.undo()
    assert len(view.org.solutions()) == 2


def test_action_from_a_note(view: OrganiseView, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = view.service.note_ids()
    anna = view.service.participants()[0].id
    seen: list[str] = []

    def fake_ask(org: object, action: object = None, text: str = "", parent: object = None):
        seen.append(text)
        return ActionValues(text + " by Friday", anna, None, m.ActionStatus.OPEN)

    monkeypatch.setattr(organise_view.ActionDialog, "ask", staticmethod(fake_ask))
    view.select_notes([ids[1]])
    view.act_action.trigger()
    (action,) = view.service.actions()
    assert seen == ["Trust is slow"]
    assert action.text == "Trust is slow by Friday" and action.note_id == ids[1]
    assert action.owner_name == "Anna Rossi"


def test_empty_theme_title_shows_the_error_and_changes_nothing(
    view: OrganiseView,
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: Errors,  # noqa: F811
) -> None:
    monkeypatch.setattr(organise_view, "ask_text", lambda *a, **k: "   ")
    view.select_notes(view.service.note_ids()[:1])
    view.group_selected()
    assert view.org.themes() == [] and view.undo_stack.count() == 0
    assert "title must not be empty" in str(shown_errors.shown[0])


def test_item_filter_limits_the_notes(view: OrganiseView, filled: WorkshopService) -> None:
    filled.add_note("elsewhere")
    view.reload()
    ungrouped = view.notes_model.index(0, 0)
    assert view.notes_model.rowCount(ungrouped) == 5
    view.item_filter.setCurrentIndex(1)
    assert view.notes_model.rowCount(view.notes_model.index(0, 0)) == 4
    assert view.notes_model.kind(view.notes_model.index(0, 0, view.notes_model.index(0, 0))) == NOTE


def test_actions_view_new_edit_delete_with_undo(
    qtbot: QtBot, filled: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    v = ActionsView(filled, QUndoStack())
    qtbot.addWidget(v)
    v.show()
    anna = filled.participants()[0].id
    answers = iter(
        [
            ActionValues("Book the room", anna, None, m.ActionStatus.OPEN),
            ActionValues("Book the big room", anna, None, m.ActionStatus.IN_PROGRESS),
        ]
    )
    monkeypatch.setattr(ActionDialog, "ask", classmethod(lambda cls, *a, **k: next(answers)))
    v.btn_new.click()
    assert v.model.rowCount() == 1
    assert v.model.data(v.model.index(0, ActionsModel.OWNER)) == "Anna Rossi"
    v.btn_edit.click()
    assert v.model.data(v.model.index(0, ActionsModel.STATUS)) == "In progress"
    v.btn_delete.click()
    assert v.model.rowCount() == 0
    v.undo_stack.undo()
    v.undo_stack.undo()
    assert v.model.data(v.model.index(0, ActionsModel.TEXT)) == "Book the room"


def test_action_dialog_reads_its_fields(qtbot: QtBot, filled: WorkshopService) -> None:
    org = OrganiseService(filled)
    d = ActionDialog(org, text="Send minutes")
    qtbot.addWidget(d)
    d.owner_combo.setCurrentIndex(1)
    d.has_due.setChecked(True)
    values = d.values()
    assert values.text == "Send minutes" and values.owner_id == filled.participants()[0].id
    assert values.due_date is not None and values.status is m.ActionStatus.OPEN


def test_poll_dialog_builds_settings(qtbot: QtBot, filled: WorkshopService) -> None:
    org = OrganiseService(filled)
    org.promote_note(filled.note_ids()[0], "Desk")
    from facilitator.domain.voting import Method

    d = PollDialog(org, org.default_settings("Q", Method.DOT))
    qtbot.addWidget(d)
    d.free_edit.setText("None of these")
    d._on_add_free()
    d.cap.setValue(2)
    s = d.settings()
    assert s.options == (("Desk", org.solutions()[0].id), ("None of these", None))
    assert s.max_per_option == 2 and s.method is Method.DOT
    d.method_combo.setCurrentIndex(d.method_combo.findData("score"))
    assert [c.name for c in d.settings().criteria] == ["Impatto", "Fattibilità", "Trasferibilità"]


def test_screenshot_of_the_organise_view(view: OrganiseView, tmp_path: Path) -> None:
    view.org.create_theme("Money", view.service.note_ids()[:2])
    view.reload()
    assert view.grab().save(str(tmp_path / "organise.png"))
    assert dialogs.ask_text is not None


def test_drag_notes_onto_a_theme_moves_them_with_undo(qtbot: QtBot, view: OrganiseView) -> None:
    ids = view.service.note_ids()
    theme_id, _ = view.org.create_theme("Target", ids[:1])
    view.reload()
    model = view.notes_model
    sources = [model.index_of_note(n) for n in ids[2:4]]
    data = model.mimeData(sources)
    target = model.index_of_theme(theme_id)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    qtbot.waitUntil(lambda: view.org.theme(theme_id).note_ids == (ids[0], ids[2], ids[3]))
    assert model.data(model.index_of_theme(theme_id)) == "Target (3)"
    # dropping on "Ungrouped notes" takes them out again
    ungrouped = model.index(model.rowCount() - 1, 0)
    model.dropMimeData(
        model.mimeData([model.index_of_note(ids[2])]), Qt.DropAction.MoveAction, -1, 0, ungrouped
    )
    qtbot.waitUntil(lambda: view.org.theme(theme_id).note_ids == (ids[0], ids[3]))
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert view.org.theme(theme_id).note_ids == (ids[0],)


def test_notes_are_read_lazily_in_batches(qtbot: QtBot, svc: WorkshopService) -> None:
    import datetime as dt

    from facilitator.ui.organise import models

    when = dt.datetime(2025, 11, 5, 9, tzinfo=dt.UTC)
    svc.repo.add_notes_bulk(
        (f"note {i}", None, None, None, "", "", when + dt.timedelta(seconds=i))
        for i in range(3 * models.BATCH)
    )
    model = NotesTreeModel(OrganiseService(svc))
    ungrouped = model.index(0, 0)
    assert model.rowCount(ungrouped) == 3 * models.BATCH and model.fetches == 0
    assert model.data(model.index(0, 0, ungrouped)) == "note 0"
    assert model.fetches == 1
    assert model.data(model.index(models.BATCH - 1, 0, ungrouped)) == f"note {models.BATCH - 1}"
    assert model.fetches == 1
    last = 3 * models.BATCH - 1
    assert model.data(model.index(last, 0, ungrouped)) == f"note {last}"
    assert model.fetches == 2


def test_a_note_taken_elsewhere_is_one_row_in_the_tree_not_a_rebuild(
    view: OrganiseView,
    filled: WorkshopService,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: object,
) -> None:
    from facilitator.services import operations as ops

    model = view.notes_model
    ungrouped = model.index(model.rowCount() - 1, 0)
    before = model.rowCount(ungrouped)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    item = filled.items()[0].id
    add = ops.AddNote("Arrived from the second laptop", agenda_item_id=item)
    view.doc.submit(add).result(timeout=5)
    assert resets == []
    assert model.rowCount(ungrouped) == before + 1
    last = model.index(before, 0, ungrouped)
    assert model.note_id(last) == add.note_id
    assert "second laptop" in str(model.data(last))
    assert add.note_id is not None
    view.doc.submit(ops.EditNote(add.note_id, text="Arrived, then corrected")).result(timeout=5)
    assert resets == [] and "corrected" in str(model.data(model.index_of_note(add.note_id)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    view.doc.submit(ops.DeleteNote(add.note_id)).result(timeout=5)  # deletions rebuild
    assert resets == [1] and model.rowCount(ungrouped) == before
