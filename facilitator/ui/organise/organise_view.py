"""Organise: notes grouped into themes on the left, solutions on the right.

Select notes → "Group into theme" (Ctrl+G); move notes to another theme; rename or
ungroup a theme; mark a note as a decision; make an action item from a note; promote
a note or a theme to a solution. Every change is a command on the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import operations as ops
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui import actions as hotkeys
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.flow import FlowLayout
from facilitator.ui.organise.base import OrganiseBase
from facilitator.ui.organise.board import BoardView
from facilitator.ui.organise.dialogs import ActionDialog, SolutionDialog, ask_text
from facilitator.ui.organise.models import NOTE, THEME, NotesTreeModel, SolutionsModel


class OrganiseView(OrganiseBase):
    #: the board's "On the projector" button (the window shows it in the presenter)
    present_board_requested = Signal()

    shows = frozenset(
        {Kind.NOTE, Kind.THEME, Kind.SOLUTION, Kind.CATEGORY, Kind.ITEM, Kind.DAY, Kind.PARTICIPANT}
    )

    def apply_changes(self, changes: Changes) -> None:
        """A note taken or edited (in Live, or by another note-taker) is one row read and
        shown; anything else (themes, solutions, deletions…) rebuilds the tree. While
        the board tab is shown, the list waits until it is shown again."""
        if self.views.currentWidget() is self.board_page:
            self._list_dirty = True
            return
        if changes.kinds() == {Kind.NOTE} and not changes.removed_ids(Kind.NOTE):
            added = set(changes.added_ids(Kind.NOTE))
            edited = set(changes.updated_ids(Kind.NOTE)) - added
            if self.notes_model.add_or_redraw_notes(added, edited):
                self._update_actions()
                return
        self.reload()

    def __init__(
        self,
        service: WorkshopService,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
        *,
        document: WorkshopDocument | None = None,
    ) -> None:
        super().__init__(service, undo_stack, parent, document=document)
        self.notes_model = NotesTreeModel(self.org, self)
        self.solutions_model = SolutionsModel(self.org, self)

        self.item_filter = QComboBox(self)
        self.item_filter.currentIndexChanged.connect(self._on_filter)
        self.tree = QTreeView(self)
        self.tree.setModel(self.notes_model)
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().selectionChanged.connect(self._update_actions)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.notes_model.on_drop = self._on_drop

        self.act_group = hotkeys.screen_action(self, hotkeys.GROUP, self.group_selected)
        self.act_move = hotkeys.screen_action(self, "", self._move_menu)
        self.act_rename = hotkeys.screen_action(self, hotkeys.RENAME, self.rename_selected)
        self.act_ungroup = hotkeys.screen_action(self, hotkeys.UNGROUP, self.ungroup_selected)
        self.act_decision = hotkeys.screen_action(self, hotkeys.DECISION, self.toggle_decision)
        self.act_action = hotkeys.screen_action(self, "", self.action_from_selected)
        self.act_promote = hotkeys.screen_action(self, hotkeys.PROMOTE, self.promote_selected)

        buttons = FlowLayout()  # wraps in a narrow window instead of widening it
        self.note_buttons: list[QToolButton] = []
        for act in self._note_actions():
            b = QToolButton(self)
            b.setDefaultAction(act)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(b)
            self.note_buttons.append(b)

        self.notes_box = QGroupBox(self)
        left = QVBoxLayout(self.notes_box)
        filter_row = QHBoxLayout()
        self.filter_label = QLabel(self)
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.item_filter, 1)
        left.addLayout(filter_row)
        left.addLayout(buttons)
        left.addWidget(self.tree, 1)

        self.solutions = QListView(self)
        self.solutions.setModel(self.solutions_model)
        self.solutions.setWordWrap(True)
        self.solutions.setSpacing(2)
        self.solutions.doubleClicked.connect(lambda _i: self.edit_solution())
        self.solutions.selectionModel().selectionChanged.connect(self._show_solution)
        self.solution_detail = QLabel(self)
        self.solution_detail.setWordWrap(True)
        self.solution_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.solution_detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.btn_new_solution = QPushButton(self)
        self.btn_new_solution.clicked.connect(self.new_solution)
        self.btn_edit_solution = QPushButton(self)
        self.btn_edit_solution.clicked.connect(self.edit_solution)
        self.btn_delete_solution = QPushButton(self)
        self.btn_delete_solution.clicked.connect(self.delete_solution)
        sol_buttons = QHBoxLayout()
        for sb in (self.btn_new_solution, self.btn_edit_solution, self.btn_delete_solution):
            sol_buttons.addWidget(sb)
        sol_buttons.addStretch(1)
        self.solutions_box = QGroupBox(self)
        right = QVBoxLayout(self.solutions_box)
        right.addLayout(sol_buttons)
        right.addWidget(self.solutions, 2)
        right.addWidget(self.solution_detail, 1)

        splitter = QSplitter(self)
        splitter.addWidget(self.notes_box)
        splitter.addWidget(self.solutions_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # The tree (the keyboard view) and the board (ui/organise/board.py, built when
        # first shown) side by side as tabs.
        self.views = QTabWidget(self)
        self.views.addTab(splitter, "")
        self.board_page = QWidget(self)
        QVBoxLayout(self.board_page).setContentsMargins(0, 0, 0, 0)
        self.views.addTab(self.board_page, "")
        self.board: BoardView | None = None
        self._list_dirty = False
        self.views.currentChanged.connect(self._on_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)
        self.retranslate()
        self._fill_filter()
        self.tree.expandAll()
        self._update_actions()

    def _note_actions(self) -> list[QAction]:
        return [
            self.act_group,
            self.act_move,
            self.act_rename,
            self.act_ungroup,
            self.act_decision,
            self.act_action,
            self.act_promote,
        ]

    def show_board(self) -> BoardView:
        """The board tab, built the first time it is shown."""
        if self.board is None:
            self.board = BoardView(self.service, parent=self.board_page, document=self.doc)
            self.board.present_requested.connect(self.present_board_requested.emit)
            page_layout = self.board_page.layout()
            assert page_layout is not None
            page_layout.addWidget(self.board)
        self.views.setCurrentWidget(self.board_page)
        return self.board

    def _on_view(self, index: int) -> None:
        if self.views.widget(index) is self.board_page:
            self.show_board()
        elif self._list_dirty:
            self._list_dirty = False
            self.reload()

    def retranslate(self) -> None:
        self.views.setTabText(0, self.tr("List"))
        self.views.setTabText(1, self.tr("Board"))
        self.notes_box.setTitle(self.tr("Themes"))
        self.solutions_box.setTitle(self.tr("Solutions"))
        self.filter_label.setText(self.tr("Notes of"))
        self.act_group.setText(self.tr("Group into theme…"))
        self.act_move.setText(self.tr("Move to theme…"))
        self.act_rename.setText(self.tr("Rename theme…"))
        self.act_ungroup.setText(self.tr("Ungroup"))
        self.act_decision.setText(self.tr("Decision"))
        self.act_decision.setToolTip(self.tr("Mark or unmark the selected notes as decisions"))
        self.act_action.setText(self.tr("Action item…"))
        self.act_promote.setText(self.tr("To solution…"))
        self.act_promote.setToolTip(self.tr("Promote the selected note or theme to a solution"))
        self.btn_new_solution.setText(self.tr("New solution…"))
        self.btn_edit_solution.setText(self.tr("Edit…"))
        self.btn_delete_solution.setText(self.tr("Delete"))
        if self.item_filter.count():
            self.item_filter.setItemText(0, self.tr("the whole workshop"))
        self.refresh_later()

    def _fill_filter(self) -> None:
        current = self.item_filter.currentData()
        self.item_filter.blockSignals(True)
        self.item_filter.clear()
        self.item_filter.addItem(self.tr("the whole workshop"), None)
        days = {d.id: d.number for d in self.service.days()}
        for item in self.service.items():
            self.item_filter.addItem(f"{days.get(item.day_id, '?')}. {item.title}", item.id)
        self.item_filter.setCurrentIndex(max(self.item_filter.findData(current), 0))
        self.item_filter.blockSignals(False)

    def _on_filter(self) -> None:
        self.notes_model.set_item_filter(self.item_filter.currentData())
        self.tree.expandAll()

    def reload(self) -> None:
        expanded_all = True
        self._fill_filter()
        self.notes_model.reload()
        if expanded_all:
            self.tree.expandAll()
        self.solutions_model.reload()
        self._show_solution()
        self._update_actions()

    # --- selection ---------------------------------------------------------------------
    def selected_note_ids(self) -> list[int]:
        ids = []
        for index in self.tree.selectionModel().selectedRows():
            note_id = self.notes_model.note_id(index)
            if note_id is not None:
                ids.append(note_id)
        return ids

    def selected_theme_id(self) -> int | None:
        rows = self.tree.selectionModel().selectedRows()
        if len(rows) == 1 and self.notes_model.kind(rows[0]) == THEME:
            return self.notes_model.theme_id(rows[0])
        return None

    def select_notes(self, note_ids: list[int]) -> None:
        sel = self.tree.selectionModel()
        sel.clearSelection()
        for n in note_ids:
            index = self.notes_model.index_of_note(n)
            if index.isValid():
                sel.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def select_theme(self, theme_id: int) -> None:
        index = self.notes_model.index_of_theme(theme_id)
        self.tree.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _update_actions(self, *args: object) -> None:
        notes = bool(self.selected_note_ids())
        theme = self.selected_theme_id() is not None
        self.act_group.setEnabled(notes)
        self.act_move.setEnabled(notes and bool(self.notes_model.themes()))
        self.act_rename.setEnabled(theme)
        self.act_ungroup.setEnabled(theme)
        self.act_decision.setEnabled(notes)
        self.act_action.setEnabled(len(self.selected_note_ids()) <= 1)
        self.act_promote.setEnabled(theme or len(self.selected_note_ids()) == 1)
        has_solution = bool(self.solutions.selectionModel().selectedRows())
        self.btn_edit_solution.setEnabled(has_solution)
        self.btn_delete_solution.setEnabled(has_solution)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for act in self._note_actions():
            menu.addAction(act)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    # --- theme operations --------------------------------------------------------------
    def group_selected(self) -> None:
        ids = self.selected_note_ids()
        if not ids:
            return
        title = ask_text(self, self.tr("New theme"), self.tr("Name of the theme:"))
        if title is None:
            return
        if self.run(ops.CreateTheme(title, ids)):
            self.reload()

    def _move_menu(self) -> None:
        menu = QMenu(self)
        for theme in self.notes_model.themes():
            act = menu.addAction(theme.title)
            act.triggered.connect(lambda _=False, t=theme.id: self.move_selected(t))
        menu.addSeparator()
        out = menu.addAction(self.tr("Out of any theme"))
        out.triggered.connect(lambda _=False: self.move_selected(None))
        menu.popup(self.mapToGlobal(self.tree.geometry().topLeft()))

    def _on_drop(self, note_ids: list[int], theme_id: int | None) -> None:
        # after the drag has finished: the model must not reset inside its own drop
        QTimer.singleShot(0, lambda: self.move_notes(note_ids, theme_id))

    def move_notes(self, note_ids: list[int], theme_id: int | None) -> None:
        if note_ids and self.run(ops.MoveNotes(note_ids, theme_id)):
            self.reload()

    def move_selected(self, theme_id: int | None) -> None:
        ids = self.selected_note_ids()
        if ids and self.run(ops.MoveNotes(ids, theme_id)):
            self.reload()

    def rename_selected(self) -> None:
        theme_id = self.selected_theme_id()
        if theme_id is None:
            return
        old = self.org.theme(theme_id).title
        title = ask_text(self, self.tr("Rename theme"), self.tr("Name of the theme:"), old)
        if title is not None and title != old and self.run(ops.RenameTheme(theme_id, title)):
            self.reload()

    def ungroup_selected(self) -> None:
        theme_id = self.selected_theme_id()
        if theme_id is not None and self.run(ops.Ungroup(theme_id)):
            self.reload()

    def toggle_decision(self) -> None:
        ids = self.selected_note_ids()
        if not ids:
            return
        notes = self.service.notes_by_ids(ids)
        flag = not all(notes[n].is_decision for n in ids)
        self.run(ops.Batch([ops.SetDecision(n, flag) for n in ids]))
        self.reload()

    def action_from_selected(self) -> None:
        ids = self.selected_note_ids()
        note = self.service.note(ids[0]) if ids else None
        values = ActionDialog.ask(self.org, text=note.text if note else "", parent=self)
        if values is None:
            return
        self.run(
            ops.AddAction(
                values.text,
                owner_id=values.owner_id,
                due_date=values.due_date,
                status=values.status,
                note_id=note.id if note else None,
                agenda_item_id=note.agenda_item_id if note else None,
            )
        )

    # --- solutions ---------------------------------------------------------------------
    def promote_selected(self) -> None:
        theme_id = self.selected_theme_id()
        ids = self.selected_note_ids()
        if theme_id is not None:
            theme = self.org.theme(theme_id)
            values = SolutionDialog.ask(
                self.org, theme.title, "", theme.agenda_item_id, parent=self
            )
            if values is None:
                return
            cmd = ops.AddSolution(
                values.title,
                values.description,
                note_ids=theme.note_ids,
                agenda_item_id=values.agenda_item_id,
                theme_id=theme_id,
            )
        elif len(ids) == 1:
            note = self.service.note(ids[0])
            first = next((ln.strip() for ln in note.text.splitlines() if ln.strip()), "")
            values = SolutionDialog.ask(
                self.org, first[:120], note.text, note.agenda_item_id, parent=self
            )
            if values is None:
                return
            cmd = ops.AddSolution(
                values.title,
                values.description,
                note_ids=[note.id],
                agenda_item_id=values.agenda_item_id,
            )
        else:
            return
        if self.run(cmd):
            self.reload()

    def selected_solution_id(self) -> int | None:
        rows = self.solutions.selectionModel().selectedRows()
        return self.solutions_model.solution(rows[0].row()).id if rows else None

    def new_solution(self) -> None:
        values = SolutionDialog.ask(self.org, parent=self)
        if values is not None and self.run(
            ops.AddSolution(
                values.title,
                values.description,
                note_ids=self.selected_note_ids(),
                agenda_item_id=values.agenda_item_id,
            )
        ):
            self.reload()

    def edit_solution(self) -> None:
        sid = self.selected_solution_id()
        if sid is None:
            return
        s = self.org.solution(sid)
        values = SolutionDialog.ask(self.org, s.title, s.description, s.agenda_item_id, self)
        if values is not None and self.run(
            ops.EditSolution(
                sid,
                title=values.title,
                description=values.description,
                agenda_item_id=values.agenda_item_id,
            )
        ):
            self.reload()

    def delete_solution(self) -> None:
        sid = self.selected_solution_id()
        if sid is not None and self.run(ops.DeleteSolution(sid)):
            self.reload()

    def _show_solution(self, *args: object) -> None:
        sid = self.selected_solution_id()
        if sid is None:
            self.solution_detail.setText(
                self.tr("Select a solution to see it. Promote notes or themes to add one.")
            )
            self._update_actions()
            return
        s = self.org.solution(sid)
        lines = [s.title]
        if s.description:
            lines += ["", s.description]
        if s.agenda_item_id is not None:
            lines += [
                "",
                self.tr("From: %1").replace("%1", self.service.item(s.agenda_item_id).title),
            ]
        lines.append(self.tr("Linked notes: %1").replace("%1", str(len(s.note_ids))))
        self.solution_detail.setText("\n".join(lines))
        self._update_actions()

    def kind_of_selection(self) -> str:
        rows = self.tree.selectionModel().selectedRows()
        kinds = {self.notes_model.kind(r) for r in rows}
        return NOTE if kinds == {NOTE} else (THEME if kinds == {THEME} else "")
