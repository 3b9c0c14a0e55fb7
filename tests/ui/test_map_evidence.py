"""Live's hook: a note becomes evidence for a relation of the map, with the key or from
the note's menu, in one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from facilitator.domain.ecosystem import RelationFields, RelationType
from facilitator.domain.model import OrganisationKind
from facilitator.services.ecosystem import MapService
from facilitator.ui.main_window import MainWindow
from facilitator.ui.map import dialogs
from facilitator.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path: Path, demo_path: Path, shown_errors) -> Iterator[MainWindow]:  # noqa: ANN001
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(demo_path)
    yield w
    w.close()


def _note(w: MainWindow, start: str) -> int:
    assert w.doc is not None
    return next(n.id for n in w.doc.service.notes() if n.text.startswith(start))


def test_the_key_links_the_selected_note_to_a_relation_and_undo_unlinks(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.doc is not None
    eco = MapService(window.doc.service)
    note = _note(window, "Sfida: i tempi delle procedure pubbliche")
    relation = next(r for r in eco.relations() if r.type is RelationType.CO_DESIGN)
    assert note not in relation.note_ids
    offered: list[int] = []

    def pick(cls, parent, relations, names):  # noqa: ANN001
        offered.extend(r.id for r in relations)
        return relation.id

    monkeypatch.setattr(dialogs.LinkEvidenceDialog, "ask", classmethod(pick))
    window.live.jump_to_note(note)
    window.live.notes_view.setFocus()
    assert window.live.selected_note_ids() == [note]
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.live.notes_view, Qt.Key.Key_L, mods)
    assert relation.id in offered
    assert note in eco.relation(relation.id).note_ids
    window.doc.undo_stack.undo()
    assert note not in eco.relation(relation.id).note_ids


def test_the_notes_menu_makes_a_new_relation_with_the_note_as_evidence(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.doc is not None
    eco = MapService(window.doc.service)
    names = {a.name: a.key for a in eco.actors()}
    note = _note(window, "Il Comune fa da regista")
    fields = RelationFields(
        names["Università di Torino"], names["Cooperativa sociale Il Ponte"], RelationType.REFERRAL
    )
    monkeypatch.setattr(
        dialogs.LinkEvidenceDialog, "ask", classmethod(lambda cls, p, r, n: dialogs.NEW_RELATION)
    )
    monkeypatch.setattr(
        dialogs.RelationDialog, "ask", classmethod(lambda cls, p, a, f=None: fields)
    )
    window.live.jump_to_note(note)
    menu_action = window.live.evidence_link.action
    assert menu_action in window.live.notes_view.actions()  # it is in the note's menu
    before = len(eco.relations())
    menu_action.trigger()
    made = [r for r in eco.relations() if r.type is RelationType.REFERRAL and r.note_ids == (note,)]
    assert len(eco.relations()) == before + 1 and len(made) == 1
    window.doc.undo_stack.undo()
    assert len(eco.relations()) == before


def test_the_map_on_the_projector_follows_the_focus(window: MainWindow, tmp_path: Path) -> None:
    from facilitator.ui.map.view import MapView, ProjectorMap

    view = window.doc_view("MapView")
    assert isinstance(view, MapView)
    window.tabs.setCurrentWidget(view)
    view.present_button.click()
    presenter = window.presenter
    assert presenter is not None and isinstance(presenter.picture, ProjectorMap)
    shown = presenter.picture
    presenter.resize(1280, 720)

    def on_projector() -> set[str]:
        return {k for k, n in shown.nodes.items() if n.isVisible()}

    assert on_projector() == set(view.actors)
    houses = next(k for k, a in view.actors.items() if a.name == "Rete Case del Quartiere")
    view.set_focus(houses)
    assert on_projector() == view.visible_keys() and len(on_projector()) == 5
    view.set_kind_visible(OrganisationKind.PRIVATE, False)
    assert on_projector() == view.visible_keys() and len(on_projector()) == 4
    # fitted to the focused actors: they fill the projector's view
    discs = [shown.nodes[k].sceneBoundingRect() for k in on_projector()]
    area = discs[0]
    for rect in discs[1:]:
        area = area.united(rect)
    on_screen = shown.mapFromScene(area).boundingRect()
    assert on_screen.width() > 0.5 * shown.viewport().width() or (
        on_screen.height() > 0.5 * shown.viewport().height()
    )
    # the names keep a size the room can read, however small the map is drawn
    plate = shown.nodes[houses].plate
    assert plate.deviceTransform(shown.viewportTransform()).m11() == 1.0
    window.close_document()
    assert presenter.picture is None
