"""The theme board, driven with the mouse like a user: real drags on a shown
QGraphicsView over a workshop file on disk; every change undone and redone; positions
read back from the file and after reopening it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from organise_helpers import Errors, shown_errors  # noqa: F401
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator.domain import board as b
from facilitator.services.board import BoardService
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.organise import board as board_ui
from facilitator.ui.organise.board import CARD_H, CARD_W, BoardView, CardItem, ThemeItem
from facilitator.ui.organise.organise_view import OrganiseView

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton


@pytest.fixture
def notes(svc: WorkshopService) -> list[int]:
    days = svc.days()
    cats = svc.categories()
    first = svc.add_item(days[0].id, "Ecosistema")
    second = svc.add_item(days[1].id, "Tavoli")
    texts = [
        ("Fondi rotativi per le cooperative", first, cats[0].id),
        ("Fondi FSE+ frammentati", first, cats[0].id),
        ("Spazi pubblici inutilizzati", first, cats[1].id),
        ("Spazi scolastici il pomeriggio", second, cats[1].id),
        ("Fiducia tra enti e terzo settore", second, cats[2].id),
    ]
    return [svc.add_note(t, agenda_item_id=i, category_id=c).id for t, i, c in texts]


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def board(qtbot: QtBot, svc: WorkshopService, notes: list[int], stack: QUndoStack) -> BoardView:
    view = BoardView(svc, stack)
    qtbot.addWidget(view)
    view.resize(1500, 900)
    view.show()
    qtbot.waitExposed(view)
    view.canvas.resetTransform()
    view.canvas.centerOn(600, 300)
    return view


def _send(view: BoardView, kind: QEvent.Type, scene_pt: QPointF, button, buttons, mods=None):
    vp = view.canvas.viewport()
    local = view.canvas.mapFromScene(scene_pt)
    event = QMouseEvent(
        kind,
        QPointF(local),
        QPointF(vp.mapToGlobal(local)),
        button,
        buttons,
        mods or Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(vp, event)


def drag(view: BoardView, start: QPointF, end: QPointF, steps: int = 8) -> None:
    """Press the left button at ``start`` (scene), move in steps, release at ``end``."""
    _send(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for n in range(1, steps + 1):
        t = n / steps
        _send(view, QEvent.Type.MouseMove, start + (end - start) * t, NONE, LEFT)
    _send(view, QEvent.Type.MouseButtonRelease, end, LEFT, NONE)


def click(view: BoardView, at: QPointF, ctrl: bool = False) -> None:
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    _send(view, QEvent.Type.MouseButtonPress, at, LEFT, LEFT, mods)
    _send(view, QEvent.Type.MouseButtonRelease, at, LEFT, NONE, mods)


def centre(item: CardItem | ThemeItem) -> QPointF:
    if isinstance(item, ThemeItem):
        return item.scenePos() + QPointF(60, 20)  # on its title
    return item.scenePos() + QPointF(CARD_W / 2, CARD_H / 2)


def card(view: BoardView, note_id: int) -> CardItem:
    return view.scene.cards[note_id]


def themes_of(svc: WorkshopService) -> dict[str, set[int]]:
    return {t.title: set(t.note_ids) for t in OrganiseService(svc).themes()}


def stored_cards(svc: WorkshopService, board: str = b.WORKSHOP_BOARD) -> dict[int, tuple]:
    return BoardService(svc).card_positions(board)


def test_a_card_dropped_on_a_card_starts_a_theme_undone_and_redone(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    target = card(board, notes[1])
    drag(board, centre(card(board, notes[0])), centre(target))
    qtbot.waitUntil(lambda: bool(themes_of(svc)))
    assert themes_of(svc) == {"Tema 1": {notes[0], notes[1]}}
    theme = next(iter(board.scene.themes.values()))
    assert {c.note_id for c in theme.cards} == {notes[0], notes[1]}
    theme_pos = BoardService(svc).theme_positions(b.WORKSHOP_BOARD)
    assert list(theme_pos) == [theme.theme_id]
    assert theme.scenePos() == QPointF(*theme_pos[theme.theme_id])
    assert stack.count() == 1 and stack.text(0) == "New theme"
    from facilitator.services import board_ops
    from facilitator.ui.undo import describe

    assert describe(board_ops.PlaceOnBoard("workshop")) == "Move on the board"

    stack.undo()
    assert themes_of(svc) == {}
    assert BoardService(svc).theme_positions(b.WORKSHOP_BOARD) == {}
    assert card(board, notes[0]).theme() is None and card(board, notes[1]).theme() is None
    stack.redo()
    assert themes_of(svc) == {"Tema 1": {notes[0], notes[1]}}
    assert board.scene.themes[theme.theme_id].scenePos() == QPointF(*theme_pos[theme.theme_id])
    OrganiseService(svc).create_theme("Tema 3", [notes[4]])
    board.reload()
    drag(board, centre(card(board, notes[2])), centre(card(board, notes[3])))
    qtbot.waitUntil(lambda: len(themes_of(svc)) == 3)
    assert themes_of(svc)["Tema 4"] == {notes[2], notes[3]}  # never a second "Tema 3"


def test_a_card_joins_a_theme_and_leaves_it_where_it_is_dropped(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Spazi", [notes[2]])
    board.reload()
    theme = board.scene.themes[theme_id]
    drag(board, centre(card(board, notes[3])), centre(theme))
    qtbot.waitUntil(lambda: themes_of(svc)["Spazi"] == {notes[2], notes[3]})
    assert card(board, notes[3]).theme() is board.scene.themes[theme_id]

    # out of the theme, onto empty board far to the right
    start = centre(card(board, notes[3]))
    end = QPointF(1300, 700)
    drag(board, start, end)
    qtbot.waitUntil(lambda: themes_of(svc)["Spazi"] == {notes[2]})
    x, y = stored_cards(svc)[notes[3]]
    assert (x + CARD_W / 2, y + CARD_H / 2) == pytest.approx((end.x(), end.y()))
    assert card(board, notes[3]).theme() is None
    assert card(board, notes[3]).scenePos() == QPointF(x, y)
    assert stack.count() == 2

    stack.undo()  # back into the theme (one step: membership and position)
    assert themes_of(svc)["Spazi"] == {notes[2], notes[3]}
    assert notes[3] not in stored_cards(svc)
    stack.undo()  # out again, as before the first drag
    assert themes_of(svc)["Spazi"] == {notes[2]}
    stack.redo()
    stack.redo()
    assert themes_of(svc)["Spazi"] == {notes[2]}
    assert stored_cards(svc)[notes[3]] == (x, y)


def test_dragging_a_theme_moves_its_area_and_cards_and_is_undone(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Fondi", [notes[0], notes[1]])
    board.reload()
    theme = board.scene.themes[theme_id]
    before = theme.scenePos()
    card_before = card(board, notes[0]).scenePos()
    drag(board, centre(theme), centre(theme) + QPointF(900, 400))
    qtbot.waitUntil(lambda: theme_id in BoardService(svc).theme_positions(b.WORKSHOP_BOARD))
    assert BoardService(svc).theme_positions(b.WORKSHOP_BOARD)[theme_id] == pytest.approx(
        (before.x() + 900, before.y() + 400)
    )
    assert card(board, notes[0]).scenePos() == card_before + QPointF(900, 400)
    assert themes_of(svc)["Fondi"] == {notes[0], notes[1]}  # still its cards
    stack.undo()  # back to the automatic layout
    assert BoardService(svc).theme_positions(b.WORKSHOP_BOARD) == {}
    assert board.scene.themes[theme_id].scenePos() == before
    stack.redo()
    moved = board.scene.themes[theme_id]
    assert moved.scenePos() == before + QPointF(900, 400)
    drag(board, centre(moved), centre(moved) + QPointF(-50, 10))  # a second move...
    qtbot.waitUntil(lambda: stack.count() == 2)
    assert board.scene.themes[theme_id] is moved  # ...shown without rebuilding the board
    stack.undo()
    assert moved.scenePos() == before + QPointF(900, 400)


def test_rubber_band_selects_several_and_one_drag_moves_them_all_in_one_step(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    cards = [card(board, n) for n in notes[:3]]  # the first row of the automatic layout
    top_left = cards[0].scenePos() - QPointF(8, 8)
    bottom_right = cards[2].scenePos() + QPointF(CARD_W + 4, CARD_H + 4)
    drag(board, top_left, bottom_right)
    assert {c.note_id for c in board.scene.selectedItems()} == set(notes[:3])
    starts = {c.note_id: c.scenePos() for c in cards}
    drag(board, centre(cards[1]), centre(cards[1]) + QPointF(40, 500))
    qtbot.waitUntil(lambda: len(stored_cards(svc)) == 3)
    stored = stored_cards(svc)
    for n, start in starts.items():
        assert stored[n] == pytest.approx((start.x() + 40, start.y() + 500))
    assert notes[3] not in stored and themes_of(svc) == {}
    assert stack.count() == 1
    stack.undo()
    assert stored_cards(svc) == {}
    assert {n: card(board, n).scenePos() for n in notes[:3]} == starts


def test_ctrl_click_adds_to_the_selection_and_several_cards_join_a_theme_at_once(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Tutto", [notes[4]])
    board.reload()
    click(board, centre(card(board, notes[0])))
    click(board, centre(card(board, notes[2])), ctrl=True)
    assert {c.note_id for c in board.scene.selectedItems()} == {notes[0], notes[2]}
    drag(board, centre(card(board, notes[2])), centre(board.scene.themes[theme_id]))
    qtbot.waitUntil(lambda: len(themes_of(svc)["Tutto"]) == 3)
    assert themes_of(svc)["Tutto"] == {notes[0], notes[2], notes[4]}
    stack.undo()
    assert themes_of(svc)["Tutto"] == {notes[4]}


def test_a_card_dropped_back_in_its_own_theme_changes_nothing(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Fondi", [notes[0], notes[1]])
    board.reload()
    member = card(board, notes[0])
    home = member.scenePos()
    drag(board, centre(member), centre(card(board, notes[1])))
    qtbot.waitUntil(lambda: card(board, notes[0]).scenePos() == home)
    assert stack.count() == 0 and stored_cards(svc) == {}
    assert themes_of(svc)["Fondi"] == {notes[0], notes[1]}


def test_positions_are_kept_per_board_and_survive_reopening(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], workshop_path: Path
) -> None:
    item = svc.items()[0]
    drag(board, centre(card(board, notes[0])), QPointF(1350, 650))
    qtbot.waitUntil(lambda: notes[0] in stored_cards(svc))
    on_workshop = stored_cards(svc)[notes[0]]
    board.set_filters(item_id=item.id)  # the item's own board
    assert board.board == b.board_key(item_uuid=item.uuid)
    drag(board, centre(card(board, notes[1])), QPointF(900, 600))
    item_board = board.board
    qtbot.waitUntil(lambda: notes[1] in stored_cards(svc, item_board))
    assert notes[0] not in stored_cards(svc, item_board)
    on_item = stored_cards(svc, item_board)[notes[1]]

    board.close()
    board.doc.undo_stack.clear()
    svc.close()
    again = WorkshopService.open(workshop_path)
    try:
        view = BoardView(again, QUndoStack())
        qtbot.addWidget(view)
        assert view.scene.cards[notes[0]].scenePos() == QPointF(*on_workshop)
        view.set_filters(item_id=item.id)
        assert view.scene.cards[notes[1]].scenePos() == QPointF(*on_item)
        view.close()
    finally:
        again.close()


def test_filters_show_the_notes_of_a_day_an_item_a_category_or_not_yet_grouped(
    board: BoardView, svc: WorkshopService, notes: list[int]
) -> None:
    days, items, cats = svc.days(), svc.items(), svc.categories()
    assert set(board.scene.cards) == set(notes)
    board.set_filters(day_id=days[1].id)
    assert set(board.scene.cards) == {notes[3], notes[4]}
    assert board.board == b.board_key(day_uuid=days[1].uuid)
    assert [board.item_filter.itemData(i) for i in range(board.item_filter.count())] == [
        None,
        items[1].id,
    ]
    board.set_filters(item_id=items[0].id)
    assert set(board.scene.cards) == set(notes[:3])
    board.set_filters(category_id=cats[1].id)
    assert set(board.scene.cards) == {notes[2], notes[3]}
    board.set_filters()
    theme_id, _ = OrganiseService(svc).create_theme("Fondi", [notes[0], notes[1]])
    board.reload()
    assert board.scene.themes[theme_id].collapsed is False
    board.set_filters(ungrouped=True)
    theme = board.scene.themes[theme_id]  # still there, as a drop target, without cards
    assert theme.collapsed and not any(c.isVisible() for c in theme.cards)
    assert {n for n, c in board.scene.cards.items() if c.isVisible()} == set(notes[2:])


def test_a_note_taken_elsewhere_appears_and_a_deleted_one_goes(
    board: BoardView, svc: WorkshopService, notes: list[int]
) -> None:
    from facilitator.services import operations as ops

    add = ops.AddNote("Nuova idea dal Live", agenda_item_id=svc.items()[0].id)
    board.doc.run(add)
    assert add.note_id in board.scene.cards
    board.doc.run(ops.DeleteNote(notes[0]))
    assert notes[0] not in board.scene.cards


def test_suggested_groups_are_accepted_or_rejected_one_by_one(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    with qtbot.waitSignal(board.proposals_ready):
        board.suggest_groups()
    assert board.btn_suggest.isEnabled()
    proposals = {label: set(ids) for label, ids in board.proposals}
    assert proposals == {"fondi": {notes[0], notes[1]}, "spazi": {notes[2], notes[3]}}
    assert themes_of(svc) == {}  # nothing changes until accepted
    rows = [label for label, _ in board.proposals]
    board.proposals_list.setCurrentRow(rows.index("spazi"))
    board.reject_proposal()
    assert [label for label, _ in board.proposals] == ["fondi"]
    assert themes_of(svc) == {} and stack.count() == 0
    board.proposals_list.setCurrentRow(0)
    board.accept_proposal()
    assert themes_of(svc) == {"Fondi": {notes[0], notes[1]}}
    assert board.proposals == []
    stack.undo()
    assert themes_of(svc) == {}


def test_the_board_is_a_tab_beside_the_tree(qtbot: QtBot, svc: WorkshopService, notes) -> None:
    view = OrganiseView(svc, QUndoStack())
    qtbot.addWidget(view)
    assert view.board is None  # built only when first shown
    view.views.setCurrentIndex(1)
    assert isinstance(view.board, BoardView)
    assert set(view.board.scene.cards) == set(notes)
    view.show()
    drag(view.board, centre(card(view.board, notes[0])), centre(card(view.board, notes[1])))
    qtbot.waitUntil(lambda: len(view.board.scene.themes) == 1)  # type: ignore[union-attr]
    assert view.notes_model.themes() == []  # the hidden list waits...
    view.views.setCurrentIndex(0)
    assert view.tree.isVisibleTo(view)  # the tree stays, as the keyboard view
    assert [t.title for t in view.notes_model.themes()] == ["Tema 1"]  # ...and is shown


def test_card_text_is_wrapped_and_elided_and_whole_in_the_tooltip(
    board: BoardView, svc: WorkshopService
) -> None:
    long = "parola " * 80 + "fine"
    note = svc.add_note(long.strip(), speaker="Anna Rossi").id
    board.reload()
    item = board.scene.cards[note]
    assert item.toolTip() == f"{long.strip()}\n— Anna Rossi"
    assert 1 <= len(item._lines) <= board_ui.TEXT_LINES + 2
    assert item._lines[-1].endswith("…")


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(board_ui, "ask_text", lambda *a, **k: None)
    yield


def test_a_drop_refused_by_the_file_leaves_the_board_as_stored(
    qtbot: QtBot,
    board: BoardView,
    svc: WorkshopService,
    notes: list[int],
    shown_errors: Errors,  # noqa: F811
) -> None:
    svc.delete_note(notes[1])  # deleted behind the board's back (another window)
    drag(board, centre(card(board, notes[0])), centre(card(board, notes[1])))
    qtbot.waitUntil(lambda: bool(shown_errors.shown))
    assert themes_of(svc) == {}
    assert notes[1] not in board.scene.cards  # rebuilt from the file


def test_the_projector_shows_the_same_board_and_follows_the_laptops_zoom(
    qtbot: QtBot, board: BoardView, notes: list[int]
) -> None:
    from facilitator.ui.live.presenter import PresenterWindow
    from facilitator.ui.organise.board_projector import BoardProjector

    presenter = PresenterWindow()
    qtbot.addWidget(presenter)
    presenter.resize(1920, 1080)
    presenter.show()
    projector = BoardProjector(board)
    presenter.show_board(projector)
    qtbot.waitExposed(presenter)
    assert presenter.picture is projector and projector.scene() is board.scene
    assert not presenter.item_label.isVisible()
    board.canvas.zoom_by(2.0)
    board.canvas.centerOn(card(board, notes[2]))
    laptop = board.canvas.visible_scene_rect()
    shown = projector.shown_rect()
    # the laptop's part of the board, as large as the projector's area allows
    assert shown.adjusted(-1, -1, 1, 1).contains(laptop)
    vp = projector.viewport().size()
    fit = min(vp.width() / laptop.width(), vp.height() / laptop.height())
    assert projector.transform().m11() == pytest.approx(fit, rel=0.02)
    assert not presenter.timer_label.isVisible()  # the board takes the timer's room
    # a drag on the laptop is on the projector: the same item
    item = card(board, notes[2])
    assert item in projector.items(projector.mapFromScene(centre(item)))
    presenter.show_board(None)
    assert presenter.picture is None and presenter.item_label.isVisibleTo(presenter)
    assert presenter.timer_label.isVisibleTo(presenter)
    presenter.show_board(BoardProjector(board))
    presenter.set_mode("results")  # a poll shown in the board's place
    assert presenter.pages.currentWidget() is presenter.results


def test_the_boards_projector_button_opens_the_presenter_with_the_board(
    qtbot: QtBot,
    tmp_path: Path,
    shown_errors: Errors,  # noqa: F811
) -> None:
    from facilitator.services.demo import write_demo
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.organise.board_projector import BoardProjector
    from facilitator.ui.settings import Settings

    path = tmp_path / "demo.workshop"
    with write_demo(path):
        pass
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    themes = window.doc_view("OrganiseView")
    assert isinstance(themes, OrganiseView)
    window.tabs.setCurrentWidget(themes)
    view = themes.show_board()
    assert len(view.scene.cards) == 44 and len(view.scene.themes) == 5
    # Ctrl+Z in the window undoes a drop on the board
    free = sorted(n for n, c in view.scene.cards.items() if c.theme() is None)
    view.canvas.resetTransform()
    view.canvas.centerOn(view.scene.cards[free[0]])
    drag(view, centre(card(view, free[0])), centre(card(view, free[1])))
    qtbot.waitUntil(lambda: len(view.scene.themes) == 6)
    window.activateWindow()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(view.scene.themes) == 5 and card(view, free[0]).theme() is None
    assert len(OrganiseService(window.doc.service).themes()) == 5  # type: ignore[union-attr]
    view.btn_present.click()
    presenter = window.presenter
    assert presenter is not None and isinstance(presenter.picture, BoardProjector)
    assert presenter.picture.scene() is view.scene
    assert not presenter.timer_label.isVisibleTo(presenter)
    window.close_document()
    assert presenter.picture is None and presenter.timer_label.isVisibleTo(presenter)
    window.close()


def test_double_clicking_a_card_shows_its_whole_text_large(
    qtbot: QtBot, board: BoardView, svc: WorkshopService
) -> None:
    long = "Una nota lunga " + "con molte parole " * 40 + "e la fine."
    note = svc.add_note(long).id
    board.reload()
    item = card(board, note)
    board.canvas.centerOn(item)
    assert item._lines[-1].endswith("…")  # the card shows the first lines only
    _send(board, QEvent.Type.MouseButtonPress, centre(item), LEFT, LEFT)
    _send(board, QEvent.Type.MouseButtonRelease, centre(item), LEFT, NONE)
    _send(board, QEvent.Type.MouseButtonDblClick, centre(item), LEFT, LEFT)
    qtbot.waitUntil(board.whole.isVisible)
    assert board.whole.text() == long
    assert board.whole.font().pixelSize() > item.text_px
    click(board, centre(item))  # a click on the board closes it
    assert not board.whole.isVisible()


def test_rename_ungroup_and_take_out_from_the_board_are_undone(
    monkeypatch: pytest.MonkeyPatch,
    board: BoardView,
    svc: WorkshopService,
    notes: list[int],
    stack: QUndoStack,
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Fondi", [notes[0], notes[1]])
    board.reload()
    monkeypatch.setattr(board_ui, "ask_text", lambda *a, **k: "Fondi comuni")
    theme = board.scene.themes[theme_id]
    _send(board, QEvent.Type.MouseButtonDblClick, centre(theme), LEFT, LEFT)  # on its title
    assert themes_of(svc) == {"Fondi comuni": {notes[0], notes[1]}}
    assert board.scene.themes[theme_id].title == "Fondi comuni"
    board.scene.out_requested.emit([notes[1]])  # the card's menu: out of the theme
    assert themes_of(svc) == {"Fondi comuni": {notes[0]}}
    assert card(board, notes[1]).theme() is None and notes[1] in stored_cards(svc)
    board.scene.ungroup_requested.emit(theme_id)  # the theme's menu
    assert themes_of(svc) == {}
    assert stack.count() == 3
    stack.undo()
    assert themes_of(svc) == {"Fondi comuni": {notes[0]}}
    stack.undo()
    assert themes_of(svc) == {"Fondi comuni": {notes[0], notes[1]}}
    assert notes[1] not in stored_cards(svc)
    stack.undo()
    assert themes_of(svc) == {"Fondi": {notes[0], notes[1]}}
    assert board.scene.themes[theme_id].title == "Fondi"


def test_ctrl_wheel_zooms_and_the_middle_button_pans(board: BoardView) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    canvas = board.canvas
    vp = canvas.viewport()
    at = QPointF(vp.width() / 2, vp.height() / 2)

    def wheel(steps: int, mods: Qt.KeyboardModifier) -> None:
        event = QWheelEvent(
            at, QPointF(vp.mapToGlobal(at.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
            NONE, mods, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(vp, event)

    wheel(2, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.15**2)
    wheel(-4, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom_level() == pytest.approx(1.15**-2)
    wheel(6, Qt.KeyboardModifier.ControlModifier)
    canvas.centerOn(0, 0)
    h, v = canvas.horizontalScrollBar().value(), canvas.verticalScrollBar().value()
    middle = Qt.MouseButton.MiddleButton
    start = canvas.mapToScene(at.toPoint())
    _send(board, QEvent.Type.MouseButtonPress, start, middle, middle)
    _send(board, QEvent.Type.MouseMove, start + QPointF(-100, -60), NONE, middle)
    _send(board, QEvent.Type.MouseButtonRelease, start + QPointF(-100, -60), middle, NONE)
    assert canvas.horizontalScrollBar().value() > h and canvas.verticalScrollBar().value() > v
    assert board.doc.undo_stack.count() == 0  # looking around changes nothing


def test_a_file_open_read_only_shows_the_board_but_nothing_moves(
    qtbot: QtBot,
    svc: WorkshopService,
    notes: list[int],
    workshop_path: Path,
    shown_errors: Errors,  # noqa: F811
) -> None:
    svc.close()
    ro = WorkshopService.open(workshop_path, read_only=True)
    try:
        view = BoardView(ro, QUndoStack())
        qtbot.addWidget(view)
        view.resize(1500, 900)
        view.show()
        qtbot.waitExposed(view)
        view.canvas.resetTransform()
        view.canvas.centerOn(600, 300)
        assert set(view.scene.cards) == set(notes)
        before = card(view, notes[0]).scenePos()
        drag(view, centre(card(view, notes[0])), centre(card(view, notes[1])))
        QApplication.processEvents()  # a drop would be emitted now
        assert card(view, notes[0]).scenePos() == before
        assert shown_errors.shown == [] and not view.btn_suggest.isEnabled()
        assert OrganiseService(ro).themes() == []
        view.close()
    finally:
        ro.close()


def test_a_theme_and_a_card_selected_together_move_together_in_one_step(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int], stack: QUndoStack
) -> None:
    theme_id, _ = OrganiseService(svc).create_theme("Fondi", [notes[0], notes[1]])
    board.reload()
    theme = board.scene.themes[theme_id]
    free = card(board, notes[2])
    theme_start, card_start = theme.scenePos(), free.scenePos()
    click(board, centre(theme))
    click(board, centre(free), ctrl=True)
    assert set(board.scene.selectedItems()) == {theme, free}
    drag(board, centre(free), centre(free) + QPointF(700, 120))
    qtbot.waitUntil(lambda: stack.count() == 1)
    assert BoardService(svc).theme_positions(b.WORKSHOP_BOARD)[theme_id] == pytest.approx(
        (theme_start.x() + 700, theme_start.y() + 120)
    )
    assert stored_cards(svc) == {
        notes[2]: pytest.approx((card_start.x() + 700, card_start.y() + 120))
    }
    assert themes_of(svc) == {"Fondi": {notes[0], notes[1]}}  # only moved
    stack.undo()
    assert stored_cards(svc) == {} and BoardService(svc).theme_positions(b.WORKSHOP_BOARD) == {}


def test_asking_again_for_suggestions_shows_only_the_newer_answer(
    qtbot: QtBot, board: BoardView, svc: WorkshopService, notes: list[int]
) -> None:
    import threading

    shown: list[int] = []
    board.proposals_ready.connect(lambda: shown.append(len(board.proposals)))
    board.suggest_groups()
    assert not board.btn_suggest.isEnabled()  # working
    svc.delete_note(notes[0])  # meanwhile "fondi" loses a note...
    board.reload()
    board.suggest_groups()  # ...and the facilitator asks again
    qtbot.waitUntil(lambda: not any(t.name == "suggest-groups" for t in threading.enumerate()))
    qtbot.waitUntil(lambda: bool(shown))
    QApplication.processEvents()
    assert shown == [1]  # once, the newer answer: only "spazi" is left
    assert [label for label, _ in board.proposals] == ["spazi"]


def test_the_board_opens_on_its_themes_from_the_top_left(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    """Opening the Board tab of the demo: the themes start at the top-left corner of the
    view, at a size a user can read (not somewhere in the middle of an empty board)."""
    from PySide6.QtWidgets import QTabWidget
    from window_helpers import main_tabs, open_window, show_tab

    window = open_window(qtbot, tmp_path, demo_path, (1366, 768))
    show_tab(main_tabs(window), "Themes")
    organise = window.findChild(OrganiseView)
    assert organise is not None
    show_tab(next(t for t in organise.findChildren(QTabWidget) if t.count() >= 2), "Board")
    view = window.findChild(BoardView)
    assert view is not None

    def corner_offset() -> float:
        corner = view.canvas.mapFromScene(view.scene.visible_bounds().topLeft())
        return max(abs(corner.x()), abs(corner.y()))

    # once the view is laid out at its real size (before that every offset is small)
    qtbot.waitUntil(
        lambda: view.canvas.viewport().width() > 1000 and corner_offset() < 60, timeout=3000
    )
    assert view.canvas.zoom_level() >= board_ui.READABLE_ZOOM
    window.close()
