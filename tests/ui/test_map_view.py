"""The Map tab with the demo: dragging actors (stored, one undo step, surviving a
reopen), filters by relation type and actor kind, focus on one actor, editing through
the dialogs, and networkx kept off the start-up path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from facilitator.domain.ecosystem import RelationFields, RelationType
from facilitator.domain.model import OrganisationKind
from facilitator.services.ecosystem import MapService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.map import dialogs
from facilitator.ui.map.dialogs import ActorValues
from facilitator.ui.map.view import MapView

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(qtbot, demo_path: Path) -> Iterator[tuple[MapView, WorkshopService]]:  # noqa: ANN001
    svc = WorkshopService.open(demo_path)
    view = MapView(svc)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.canvas.fit()
    yield view, svc
    view.close()
    svc.close()


def _key(view: MapView, name: str) -> str:
    return next(k for k, a in view.actors.items() if a.name == name)


def _mouse(view: MapView, kind, pos: QPointF, buttons) -> None:  # noqa: ANN001
    event = QMouseEvent(
        kind,
        pos,
        view.canvas.viewport().mapToGlobal(pos),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.canvas.viewport(), event)


def drag(view: MapView, key: str, dx: float, dy: float) -> None:
    """Press on the actor's disc, move in steps with the button held, release."""
    node = view.nodes[key]
    start = QPointF(view.canvas.mapFromScene(node.scenePos()))
    held = Qt.MouseButton.LeftButton
    _mouse(view, QMouseEvent.Type.MouseButtonPress, start, held)
    for step in range(1, 6):
        _mouse(
            view, QMouseEvent.Type.MouseMove, start + QPointF(dx * step / 5, dy * step / 5), held
        )
    _mouse(
        view, QMouseEvent.Type.MouseButtonRelease, start + QPointF(dx, dy), Qt.MouseButton.NoButton
    )


def test_dragging_an_actor_stores_the_picture_and_undo_puts_it_back(
    opened: tuple[MapView, WorkshopService], demo_path: Path
) -> None:
    view, svc = opened
    city = _key(view, "Città di Torino")
    others_before = {k: n.pos() for k, n in view.nodes.items() if k != city}
    before = view.nodes[city].pos()
    assert not any(a.placed for a in MapService(svc).actors())  # the demo is laid out
    drag(view, city, 120, 60)
    moved = view.nodes[city].pos()  # the screen was rebuilt from the file
    scale = view.canvas.transform().m11()
    assert moved.x() - before.x() == pytest.approx(120 / scale, abs=2 / scale)
    assert moved.y() - before.y() == pytest.approx(60 / scale, abs=2 / scale)
    stored = {a.key: a for a in MapService(svc).actors()}
    assert (stored[city].x, stored[city].y) == pytest.approx((moved.x(), moved.y()), abs=0.1)
    # nothing else jumped: the other actors keep their places, now stored too
    for k, pos in others_before.items():
        assert view.nodes[k].pos().x() == pytest.approx(pos.x(), abs=0.1)
        assert stored[k].placed
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    assert not any(a.placed for a in MapService(svc).actors())
    assert view.nodes[city].pos().x() == pytest.approx(before.x(), abs=0.01)
    view.undo_stack.redo()
    assert view.nodes[city].pos().x() == pytest.approx(moved.x(), abs=0.1)


def test_positions_survive_closing_and_reopening(qtbot, demo_path: Path) -> None:  # noqa: ANN001
    svc = WorkshopService.open(demo_path)
    view = MapView(svc)
    qtbot.addWidget(view)
    view.show()
    key = _key(view, "Rete Case del Quartiere")
    assert view.move_actors({key: (-333.5, 222.0)})
    view.close()
    svc.close()
    again = WorkshopService.open(demo_path)
    try:
        reopened = MapView(again)
        qtbot.addWidget(reopened)
        pos = reopened.nodes[key].pos()
        assert (pos.x(), pos.y()) == (-333.5, 222.0)
    finally:
        again.close()


def test_filters_hide_relation_types_and_actor_kinds(
    opened: tuple[MapView, WorkshopService],
) -> None:
    view, _svc = opened
    everyone = set(view.actors)
    assert view.visible_keys() == everyone
    funding = {r.id for r in view.relations if r.type is RelationType.FUNDING}
    assert funding
    view.set_type_visible(RelationType.FUNDING, False)
    assert not (view.visible_relations() & funding)
    assert view.visible_keys() == everyone  # actors stay; only the lines go
    assert not view.type_actions[RelationType.FUNDING].isChecked()
    view.set_type_visible(RelationType.FUNDING, True)
    assert funding <= view.visible_relations()
    view.kind_actions[OrganisationKind.COMPETENCE_CENTRE].setChecked(False)  # from the menu
    centres = {k for k, a in view.actors.items() if a.kind is OrganisationKind.COMPETENCE_CENTRE}
    assert view.visible_keys() == everyone - centres
    for rid in view.visible_relations():
        r = next(r for r in view.relations if r.id == rid)
        assert r.source not in centres and r.target not in centres


def test_focus_shows_one_actor_and_its_neighbours(
    opened: tuple[MapView, WorkshopService],
) -> None:
    view, _svc = opened
    houses = _key(view, "Rete Case del Quartiere")
    view.canvas.node_activated.emit(houses)  # what a double-click does
    names = {view.actors[k].name for k in view.visible_keys()}
    assert names == {
        "Rete Case del Quartiere",
        "Città di Torino",
        "Fondazione Compagnia di San Paolo",
        "Comitato di quartiere Barriera di Milano",
        "Cooperativa sociale La Rondine",
    }
    assert view.focus_combo.currentData() == houses
    view.focus_combo.activated.emit(0)  # "Everyone"
    assert view.visible_keys() == set(view.actors)


def test_adding_an_actor_and_a_relation_through_the_dialogs_and_undo(
    opened: tuple[MapView, WorkshopService], monkeypatch: pytest.MonkeyPatch
) -> None:
    view, svc = opened
    monkeypatch.setattr(
        dialogs.ActorDialog,
        "ask",
        classmethod(
            lambda cls, parent, actor=None: ActorValues(
                "Fondazione Time2", OrganisationKind.PRIVATE, "venture philanthropy", ("funding",)
            )
        ),
    )
    assert view.add_actor()
    new = _key(view, "Fondazione Time2")
    assert view.actors[new].contributions[0].value == "funding"
    assert new in view.analysis.isolated  # type: ignore[union-attr]
    houses = _key(view, "Rete Case del Quartiere")
    monkeypatch.setattr(
        dialogs.RelationDialog,
        "ask",
        classmethod(
            lambda cls, parent, actors, fields=None: RelationFields(
                new, houses, RelationType.FUNDING, True, 3, "2026"
            )
        ),
    )
    assert view.add_relation()
    assert new not in view.analysis.isolated  # type: ignore[union-attr]
    assert any(r.source == new for r in MapService(svc).relations())
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert new not in view.actors
    assert not any(r.source == new for r in MapService(svc).relations())


def test_opening_the_window_does_not_import_networkx(demo_path: Path, tmp_path: Path) -> None:
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from facilitator.ui.main_window import MainWindow
from facilitator.ui.settings import Settings
w = MainWindow(Settings({str(tmp_path / "s.ini")!r}))
w.show()
assert w.open_path({str(demo_path)!r})
app.processEvents()
print("networkx" in sys.modules, "numpy" in sys.modules)
w.tabs.setCurrentWidget(w.doc_view("MapView"))
app.processEvents()
print("networkx" in sys.modules, w.tabs.tabText(w.tabs.currentIndex()))
w.close()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0] == "False False"
    assert lines[1] == "True Map"


def test_a_refused_map_change_is_said_in_italian_and_writes_nothing(
    opened: tuple[MapView, WorkshopService],
    monkeypatch: pytest.MonkeyPatch,
    shown_errors: list[BaseException],
) -> None:
    from facilitator.ui import errors
    from facilitator.ui.i18n import apply_language
    from tests.services.filedump import dump

    view, svc = opened
    city = _key(view, "Città di Torino")
    monkeypatch.setattr(
        dialogs.RelationDialog,
        "ask",
        classmethod(
            lambda cls, parent, actors, fields=None: RelationFields(
                city, city, RelationType.PARTNERSHIP
            )
        ),
    )
    before = dump(svc.path)
    assert not view.add_relation()
    assert dump(svc.path) == before and view.undo_stack.count() == 0
    relation = view.relations[0]
    from facilitator.services import map_ops

    assert view.run(map_ops.LinkEvidence(relation.id, [relation.note_ids[0]])) is False
    assert apply_language("it") == "it"
    try:
        said = [errors.message_for(e) for e in shown_errors]
    finally:
        apply_language("en")
    assert said == [
        "Una relazione collega due attori diversi.",
        "Queste note documentano già questa relazione.",
    ]


def test_a_read_only_file_shows_the_map_and_moves_nothing(qtbot, demo_path: Path) -> None:  # noqa: ANN001
    svc = WorkshopService.open(demo_path, read_only=True)
    try:
        view = MapView(svc)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        view.canvas.fit()
        city = _key(view, "Città di Torino")
        before = view.nodes[city].pos()
        drag(view, city, 80, 40)
        assert view.nodes[city].pos() == before
        assert not view.add_actor_button.isEnabled()
        assert not any(a.placed for a in MapService(svc).actors())
    finally:
        svc.close()


def test_exporting_from_the_map_tab(
    opened: tuple[MapView, WorkshopService], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import networkx as nx

    from facilitator.ui.map import view as view_module

    view, svc = opened
    out = tmp_path / "map.graphml"
    monkeypatch.setattr(view_module, "ask_export_target", lambda parent, kind, workshop: out)
    view.export_graphml_action.trigger()
    assert set(nx.read_graphml(out).nodes) == set(view.actors)
    assert str(out) in view.status.text()
    folder = tmp_path / "csv"
    assert view.export("csv", folder) == folder
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]
    before = svc.path.read_bytes()
    assert view.export("graphml", svc.path) is None
    assert "workshop file itself" in view.status.text()
    assert svc.path.read_bytes() == before


def test_delete_removes_the_selected_relation_and_actor_in_one_step(
    opened: tuple[MapView, WorkshopService],
) -> None:
    from PySide6.QtTest import QTest

    view, svc = opened
    crt = _key(view, "Fondazione CRT")  # did not attend: it can leave the map
    city = _key(view, "Città di Torino")  # attended: it stays, whatever is selected
    pacts = next(r.id for r in view.relations if "patti" in r.description)
    before = len(view.relations)
    view.nodes[crt].setSelected(True)
    view.nodes[city].setSelected(True)
    view.edges[pacts].setSelected(True)
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert crt not in view.actors and city in view.actors
    assert pacts not in {r.id for r in view.relations}
    assert len(view.relations) == before - 2  # the pact, and CRT's one relation with it
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    assert crt in view.actors and len(MapService(svc).relations()) == before


def test_the_whole_map_is_in_view_when_the_tab_is_first_shown(
    qtbot,
    demo_path: Path,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """A user opening the Map tab sees every actor, without scrolling or zooming out."""
    from window_helpers import main_tabs, open_window, show_tab

    window = open_window(qtbot, tmp_path, demo_path, (1366, 768))
    show_tab(main_tabs(window), "Map")
    view = window.findChild(MapView)  # built when first shown
    assert isinstance(view, MapView)

    def outside() -> list[str]:
        shown = view.canvas.viewport().rect()
        return [
            view.actors[key].name
            for key, node in view.nodes.items()
            if not shown.contains(view.canvas.mapFromScene(node.sceneBoundingRect()).boundingRect())
        ]

    # once the view is laid out at its real size
    qtbot.waitUntil(lambda: view.canvas.viewport().width() > 300 and not outside(), timeout=3000)
    window.close()


def test_no_two_names_overlap_on_the_demo_map(opened: tuple[MapView, WorkshopService]) -> None:
    """The laid-out demo: every actor's name is readable, none drawn over another's."""
    view, _ = opened
    names = {key: node.label.sceneBoundingRect() for key, node in view.nodes.items()}
    keys = sorted(names)
    overlapping = [
        (view.actors[a].name, view.actors[b].name)
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if names[a].intersects(names[b])
    ]
    assert overlapping == []
