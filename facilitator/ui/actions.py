"""Every user action of the main window, with its shortcut, in one place.

Menus and shortcuts are the map of the app: read this file to learn the keyboard.
Standard QKeySequences are used wherever one exists. The capture box's own keys
(Enter, Shift+Enter, Ctrl+1…9, "letter:" prefix) are documented in live/capture.py.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)

# Shortcuts that have no standard QKeySequence: chosen so they never clash with typing
# in the capture box (plain letters, Enter, Ctrl+digits) or with text editing keys.
START_STOP = "F6"
PAUSE_RESUME = "F7"
EXTEND = "F8"
PRESENTER = "F5"
NEXT_ITEM = "Alt+Down"
PREVIOUS_ITEM = "Alt+Up"
NEXT_DAY = "Alt+PgDown"
PREVIOUS_DAY = "Alt+PgUp"
# Ctrl+0 is the capture box's "no category", so "normal size" has no shortcut.
ZOOM_RESET = ""
FOCUS_CAPTURE = "Ctrl+L"
FOCUS_SPEAKER = "Ctrl+K"
DELETE_NOTE = "Del"
MAKE_ACTION = "Ctrl+Shift+A"  # Live: make the last action note an action item (owner, due)
PIN_CATEGORY = "Ctrl+Shift+P"  # Live: keep the chosen category for the following notes
# Keys of one screen (they act while that screen has the focus):
MOVE_UP = "Ctrl+Shift+Up"  # Plan: agenda item or category one place up
MOVE_DOWN = "Ctrl+Shift+Down"
ADD_ITEM = "Ctrl+Shift+N"  # Plan › Agenda: a new item
GROUP = "Ctrl+G"  # Themes: group the selected notes into a theme
RENAME = "F2"  # Themes: rename the theme
UNGROUP = "Ctrl+Shift+G"
DECISION = "Ctrl+D"  # Themes: mark (or unmark) as decision
PROMOTE = "Ctrl+P"  # Themes: make a solution of the selection
DELETE = QKeySequence.StandardKey.Delete  # the selected rows of a list (notes, items…)
# Live: the selected notes (else the last note of the item) are evidence for a relation
# of the ecosystem map (ui/map/evidence.py; also in the note's menu)
LINK_EVIDENCE = "Ctrl+Shift+L"


def screen_action(
    owner: QWidget,
    key: QKeySequence.StandardKey | str = "",
    slot: Callable[[], object] | None = None,
    *,
    only_this_widget: bool = False,
) -> QAction:
    """A QAction of one screen, with one of the keys above, added to ``owner``: it works
    while the focus is in ``owner`` (or only on ``owner`` itself)."""
    action = QAction(owner)
    if key:
        action.setShortcut(QKeySequence(key))
    action.setShortcutContext(
        Qt.ShortcutContext.WidgetShortcut
        if only_this_widget
        else Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action


class Actions(QObject):
    """Creates the QActions; :meth:`retranslate` sets their texts in the current language."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.new = self._make(QKeySequence.StandardKey.New)
        self.open = self._make(QKeySequence.StandardKey.Open)
        self.open_demo = self._make()
        self.join_room = self._make()
        self.save_copy = self._make(QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S")
        self.export_minutes = self._make("Ctrl+E")
        self.restore_snapshot = self._make()
        # File › Review conflicts… (notes changed on two laptops; ui/conflicts.py)
        self.review_conflicts = self._make()
        self.close = self._make(QKeySequence.StandardKey.Close, "Ctrl+W")
        self.quit = self._make(QKeySequence.StandardKey.Quit, "Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.settings = self._make(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.find = self._make(QKeySequence.StandardKey.Find)
        self.zoom_in = self._make(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_out = self._make(QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = self._make(ZOOM_RESET)
        self.presenter = self._make(PRESENTER, checkable=True)
        self.start_stop = self._make(START_STOP)
        self.pause = self._make(PAUSE_RESUME)
        self.extend = self._make(EXTEND)
        self.next_item = self._make(NEXT_ITEM)
        self.previous_item = self._make(PREVIOUS_ITEM)
        self.next_day = self._make(NEXT_DAY)
        self.previous_day = self._make(PREVIOUS_DAY)
        self.open_room = self._make()  # Live › Open the room… (phones vote and send ideas)
        self.print_join_codes = self._make()  # Live › Print join codes… (badges, a PDF)
        self.projector_panel = self._make(checkable=True)  # View › Projector (preview, switch)
        self.focus_capture = self._make(FOCUS_CAPTURE)
        self.focus_speaker = self._make(FOCUS_SPEAKER)
        self.keyboard_help = self._make(QKeySequence.StandardKey.HelpContents, "F1")
        self.first_workshop = self._make()
        self.about = self._make()
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        # Undo/Redo come from the QUndoStack of the open workshop (see MainWindow);
        # these are their shortcuts.
        self.undo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
        self.redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in self.redo_keys:
            self.redo_keys.append(QKeySequence("Ctrl+Shift+Z"))
        self.retranslate()

    def _make(
        self,
        key: QKeySequence.StandardKey | str | None = None,
        fallback: str = "",
        checkable: bool = False,
    ) -> QAction:
        """An action with a standard key (or ``fallback`` where the platform has none)."""
        action = QAction(self.parent())
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)
            if action.shortcut().isEmpty() and fallback:
                action.setShortcut(QKeySequence(fallback))
        elif key:
            action.setShortcut(QKeySequence(key))
        action.setCheckable(checkable)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        return action

    def retranslate(self) -> None:
        self.new.setText(QCoreApplication.translate("actions", "&New workshop…"))
        self.open.setText(QCoreApplication.translate("actions", "&Open…"))
        self.open_demo.setText(QCoreApplication.translate("actions", "Open &demo workshop"))
        self.join_room.setText(QCoreApplication.translate("actions", "&Join a room…"))
        self.save_copy.setText(QCoreApplication.translate("actions", "Save a &copy…"))
        self.export_minutes.setText(QCoreApplication.translate("actions", "&Export minutes…"))
        self.restore_snapshot.setText(
            QCoreApplication.translate("actions", "&Restore from snapshot…")
        )
        self.review_conflicts.setText(QCoreApplication.translate("actions", "Re&view conflicts…"))
        self.close.setText(QCoreApplication.translate("actions", "&Close"))
        self.quit.setText(QCoreApplication.translate("actions", "&Quit"))
        self.settings.setText(QCoreApplication.translate("actions", "&Settings…"))
        self.find.setText(QCoreApplication.translate("actions", "&Find notes…"))
        self.zoom_in.setText(QCoreApplication.translate("actions", "Zoom &in"))
        self.zoom_out.setText(QCoreApplication.translate("actions", "Zoom &out"))
        self.zoom_reset.setText(QCoreApplication.translate("actions", "&Normal size"))
        self.presenter.setText(QCoreApplication.translate("actions", "&Presenter window"))
        self.start_stop.setText(QCoreApplication.translate("actions", "&Start / stop item"))
        self.pause.setText(QCoreApplication.translate("actions", "&Pause / resume timer"))
        self.extend.setText(QCoreApplication.translate("actions", "&Extend by 5 minutes"))
        self.next_item.setText(QCoreApplication.translate("actions", "&Next item"))
        self.previous_item.setText(QCoreApplication.translate("actions", "P&revious item"))
        self.next_day.setText(QCoreApplication.translate("actions", "Next &day"))
        self.previous_day.setText(QCoreApplication.translate("actions", "Previous d&ay"))
        self.open_room.setText(QCoreApplication.translate("actions", "Open the &room…"))
        self.print_join_codes.setText(QCoreApplication.translate("actions", "Print &join codes…"))
        self.projector_panel.setText(
            QCoreApplication.translate("actions", "Pro&jector panel (preview and switch)")
        )
        self.focus_capture.setText(QCoreApplication.translate("actions", "&Write a note"))
        self.focus_speaker.setText(QCoreApplication.translate("actions", "Choose the &speaker"))
        self.keyboard_help.setText(QCoreApplication.translate("actions", "&Keyboard shortcuts"))
        self.first_workshop.setText(
            QCoreApplication.translate("actions", "Your &first workshop, step by step")
        )
        self.about.setText(QCoreApplication.translate("actions", "&About Facilitator"))


def capture_keys() -> list[tuple[str, str]]:
    """The capture box's and the Live screen's own keys, for the cheat sheet."""
    return [
        ("Enter", QCoreApplication.translate("actions", "Save the note (it is on disk at once)")),
        ("Shift+Enter", QCoreApplication.translate("actions", "A new line in the same note")),
        (
            "Ctrl+1 … Ctrl+9",
            QCoreApplication.translate("actions", "The n-th category, for the next note only"),
        ),
        ("Ctrl+0", QCoreApplication.translate("actions", "No category for the next note")),
        (
            QCoreApplication.translate("actions", "s: text"),
            QCoreApplication.translate("actions", "A category by its letter, for this note only"),
        ),
        (
            PIN_CATEGORY,
            QCoreApplication.translate(
                "actions", "Pin the category for the following notes, or unpin it"
            ),
        ),
        (
            MAKE_ACTION,
            QCoreApplication.translate("actions", "Make the last action note an action item"),
        ),
        (
            DELETE_NOTE,
            QCoreApplication.translate("actions", "Delete the selected notes (in the notes list)"),
        ),
        (
            GROUP,
            QCoreApplication.translate("actions", "Themes: group the selected notes into a theme"),
        ),
        (RENAME, QCoreApplication.translate("actions", "Themes: rename the theme")),
        (UNGROUP, QCoreApplication.translate("actions", "Themes: ungroup")),
        (DECISION, QCoreApplication.translate("actions", "Themes: mark or unmark as decision")),
        (
            PROMOTE,
            QCoreApplication.translate("actions", "Themes: make a solution of the selection"),
        ),
        (ADD_ITEM, QCoreApplication.translate("actions", "Plan: a new agenda item")),
        (
            MOVE_UP + " / " + MOVE_DOWN,
            QCoreApplication.translate("actions", "Plan: move the item or category"),
        ),
    ]
