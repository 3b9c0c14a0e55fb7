"""The main window: welcome screen or the open workshop's views, menus, status bar.

Other screens plug in with :meth:`MainWindow.add_view`; one that is a
:class:`DocumentScreen` is given the open workshop (and ``None`` when it closes) and
new texts after a change of language; it changes data through ``doc.run(operation)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

import facilitator.ui.qtfix  # noqa: F401  (PySide6 6.12 + Python 3.11 refcount bug)
from facilitator import __version__
from facilitator.domain.errors import DamagedFile, FacilitatorError, FileLocked, FileMissing
from facilitator.services import snapshots
from facilitator.services.operations import Changes, Kind
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors, folders, i18n
from facilitator.ui.actions import Actions
from facilitator.ui.conflicts_badge import ConflictsController
from facilitator.ui.contrast import readable_palette
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.linked import LinkedController
from facilitator.ui.live.live_view import LiveView
from facilitator.ui.live.timer import STATE_COLOURS, TimerState
from facilitator.ui.settings import Settings
from facilitator.ui.welcome import WelcomeScreen

if TYPE_CHECKING:  # imported where first used: not needed for the first paint
    from facilitator.ui.dialogs import NewWorkshop
    from facilitator.ui.live.presenter import PresenterWindow
    from facilitator.ui.live.projector_control import ProjectorControl
    from facilitator.ui.live.search import SearchDialog

SUFFIX = "workshop"


class DocumentScreen(Protocol):
    """A screen plugged in with :meth:`MainWindow.add_view` that follows the open
    workshop (the Live view is one)."""

    def set_document(self, doc: WorkshopDocument | None) -> None: ...

    def retranslate(self) -> None: ...


@dataclass(frozen=True)
class _Built:
    """What the window asks of a screen of an open workshop once it is built."""

    retranslate: Callable[[], None] | None = None  # None: rebuilt for a new language
    teardown: Callable[[], None] | None = None  # before the workshop closes


#: The projector (presenter window, preview, room panel) is built this long after a
#: workshop opens, off the first paint; F5, the panel or the room build it at once.
PROJECTOR_AFTER_MS = 150


class MainWindow(QMainWindow):
    document_changed = Signal(object)  # WorkshopDocument | None

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        # Every text role at least 4.5:1 against its background, light or dark (set
        # before any widget exists, so that every widget starts with it).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setPalette(readable_palette(app.palette()))
        super().__init__(parent)
        self.settings = settings or Settings()
        folders.use(self.settings)
        self.doc: WorkshopDocument | None = None
        # The projector (presenter window, preview, switch): made with the first workshop.
        self.projector: ProjectorControl | None = None
        self.help_dialog: QDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.undo_group = QUndoGroup(self)
        self.menu_actions = Actions(self)
        self.undo_action = self.undo_group.createUndoAction(self)
        self.undo_action.setShortcuts(self.menu_actions.undo_keys)
        self.redo_action = self.undo_group.createRedoAction(self)
        self.redo_action.setShortcuts(self.menu_actions.redo_keys)

        self.welcome = WelcomeScreen()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.live = LiveView(self.settings)
        self.views: list[QWidget] = []
        self.screens: list[DocumentScreen] = []
        self.add_view(self.live, "", self.live)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.tabs.currentChanged.connect(self._tab_changed)

        self.file_label = QLabel()
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyBadge")
        self.read_only_label.setStyleSheet(
            "QLabel#readOnlyBadge { background: #d32f2f; color: white; font-weight: bold;"
            " border-radius: 4px; padding: 1px 8px; }"
        )
        self.timer_status = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.timer_status)
        self.read_only_label.hide()
        # a linked copy: its client, its status badge, File › Join a room…
        self.linked = LinkedController(self, self.document_changed)
        self.linked.opener = self.open_path
        # notes changed on two laptops: File › Review conflicts…, the status bar's count
        self.conflicts = ConflictsController(
            self, self.document_changed, self.menu_actions.review_conflicts
        )

        self._build_menus()
        self._connect()
        # "Every N minutes while capturing": checked after each note (services.snapshots)
        self.snapshot_policy = snapshots.SnapshotPolicy.every(self.settings.snapshot_minutes())
        # Screens that live as long as one open workshop (Plan, Organise, Polls, Actions)
        self.doc_views: list[QWidget] = []
        self._built: dict[QWidget, _Built] = {}  # the doc views built so far
        self.geometry_role: str | None = None  # "welcome" or "workshop": sizes kept apart
        self.retranslate()
        self._update_state()

    # --- building -----------------------------------------------------------------------
    def _build_menus(self) -> None:
        a = self.menu_actions
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(a.new)
        self.file_menu.addAction(a.open)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(a.open_demo)
        self.file_menu.addAction(a.join_room)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.save_copy)
        self.file_menu.addAction(a.export_minutes)
        self.file_menu.addAction(a.restore_snapshot)
        # the merge dialog's module is loaded when the action is first used
        merge = QAction(
            QCoreApplication.translate("MergeDialog", "&Merge another workshop file…"), self
        )
        merge.triggered.connect(self._merge_file)
        self.document_changed.connect(lambda d: merge.setEnabled(d is not None and not d.read_only))
        merge.setEnabled(False)
        self.file_menu.addAction(merge)
        self.file_menu.addAction(a.review_conflicts)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.close)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(a.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a.find)
        self.edit_menu.addAction(self.live.delete_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(a.zoom_in)
        self.view_menu.addAction(a.zoom_out)
        self.view_menu.addAction(a.zoom_reset)
        self.view_menu.addSeparator()
        self.view_menu.addAction(a.presenter)
        self.view_menu.addAction(a.projector_panel)
        self.live_menu = bar.addMenu("")
        for action in (a.start_stop, a.pause, a.extend):
            self.live_menu.addAction(action)
        self.live_menu.addSeparator()
        for action in (a.previous_item, a.next_item, a.previous_day, a.next_day):
            self.live_menu.addAction(action)
        self.live_menu.addSeparator()
        self.live_menu.addAction(a.open_room)
        self.live_menu.addAction(a.print_join_codes)
        self.live_menu.addSeparator()
        self.live_menu.addAction(a.focus_capture)
        self.live_menu.addAction(a.focus_speaker)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(a.keyboard_help)
        self.help_menu.addAction(a.first_workshop)
        self.help_menu.addSeparator()
        self.help_menu.addAction(a.about)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _connect(self) -> None:
        a = self.menu_actions
        a.new.triggered.connect(self.new_workshop)
        a.open.triggered.connect(self.open_dialog)
        a.open_demo.triggered.connect(self.open_demo)
        a.join_room.triggered.connect(
            lambda: self.linked.join_dialog(self.settings.note_taker(), self._documents_dir())
        )
        a.save_copy.triggered.connect(self.save_copy_dialog)
        a.export_minutes.triggered.connect(self.export_minutes)
        a.restore_snapshot.triggered.connect(self.restore_snapshot)
        a.close.triggered.connect(self.close_document)
        a.quit.triggered.connect(self.close)
        a.settings.triggered.connect(self.settings_dialog)
        a.find.triggered.connect(self.show_search)
        a.zoom_in.triggered.connect(self.live.zoom_in)
        a.zoom_out.triggered.connect(self.live.zoom_out)
        a.zoom_reset.triggered.connect(self.live.zoom_reset)
        a.presenter.triggered.connect(self.toggle_presenter)
        a.open_room.triggered.connect(self.open_room)
        a.print_join_codes.triggered.connect(self.print_join_codes)
        a.projector_panel.triggered.connect(self._show_projector_panel)
        a.start_stop.triggered.connect(self.live.start_stop)
        a.pause.triggered.connect(self.live.toggle_pause)
        a.extend.triggered.connect(self.live.extend)
        a.next_item.triggered.connect(self.live.next_item)
        a.previous_item.triggered.connect(self.live.previous_item)
        a.next_day.triggered.connect(self.live.next_day)
        a.previous_day.triggered.connect(self.live.previous_day)
        a.focus_capture.triggered.connect(self._show_live_and_focus)
        a.focus_speaker.triggered.connect(self.live.focus_speaker)
        a.about.triggered.connect(self.about)
        a.keyboard_help.triggered.connect(self.show_keyboard_help)
        a.first_workshop.triggered.connect(self.show_first_workshop)
        self.welcome.new_requested.connect(self.new_workshop)
        self.welcome.open_requested.connect(self.open_dialog)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_requested.connect(self.open_path)
        self.live.timer_changed.connect(self._timer_changed)

    def add_view(self, widget: QWidget, title: str, screen: DocumentScreen | None = None) -> int:
        """Add a tab (the Live view is the first). ``screen`` (usually the widget
        itself) follows the open workshop from now on. Returns the tab's index."""
        self.views.append(widget)
        index = self.tabs.addTab(widget, title)
        if screen is not None:
            self.screens.append(screen)
            if self.doc is not None and screen is not self.live:
                screen.set_document(self.doc)
        return index

    def retranslate(self) -> None:
        self.menu_actions.retranslate()
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.live_menu.setTitle(self.tr("&Live"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.tabs.setTabText(self.tabs.indexOf(self.live), self.tr("Live"))
        for view in self.doc_views:
            self.tabs.setTabText(self.tabs.indexOf(view), self._doc_view_title(view))
        self.read_only_label.setText(self.tr("READ-ONLY"))
        self.read_only_label.setToolTip(
            self.tr("This file is open read-only: you can look and search, not change it.")
        )
        self._update_title()
        self.welcome.set_recent(self.settings.recent_files())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate_all(self) -> None:
        """Show the new language at once (Qt's LanguageChange events come a turn later)."""
        self.retranslate()
        self.welcome.retranslate()
        self.live.retranslate()
        if self.projector is not None:
            self.projector.retranslate()
        if self.search_dialog is not None:
            self.search_dialog.retranslate()
            self.search_dialog.reload_filters()
        for screen in self.screens:
            if screen is not self.live:
                screen.retranslate()
        for view in self.doc_views:
            again = self._built.get(view, _Built()).retranslate
            if again is not None:
                again()
        self._rebuild_plan_view()

    def _rebuild_plan_view(self) -> None:
        """The Plan screens set their texts when built: a new language builds them anew."""
        for i, view in enumerate(self.doc_views):
            if view.objectName() != "PlanView" or view.property("pending_view"):
                continue
            was_current = self.tabs.currentWidget() is view
            placeholder = QWidget()
            placeholder.setObjectName("PlanView")
            placeholder.setProperty("pending_view", "PlanView")
            index = self.tabs.indexOf(view)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, placeholder, self._doc_view_title(placeholder))
            self.tabs.blockSignals(False)
            self.doc_views[i] = placeholder
            self._built.pop(view, None)
            view.hide()
            view.deleteLater()
            if was_current:
                self.tabs.setCurrentIndex(index)
                current = self.tabs.currentWidget()
                if current is not None and current.property("pending_view"):
                    self._realise(current)

    # --- state --------------------------------------------------------------------------------
    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle(self.tr("Facilitator"))
            self.file_label.setText("")
            return
        try:
            title = self.doc.service.workshop().title
        except FacilitatorError:
            title = self.doc.service.path.name
        suffix = " " + self.tr("[read-only]") if self.doc.read_only else ""
        self.setWindowTitle(f"{title}{suffix} — {self.doc.service.path.name} — Facilitator")
        self.file_label.setText(str(self.doc.service.path))
        if self.projector is not None:
            self.projector._load_workshop()

    def _update_state(self) -> None:
        open_ = self.doc is not None
        writable = open_ and not self.doc.read_only  # type: ignore[union-attr]
        self.stack.setCurrentWidget(self.tabs if open_ else self.welcome)
        self._apply_geometry_role("workshop" if open_ else "welcome")
        a = self.menu_actions
        for action in (
            a.save_copy,
            a.export_minutes,
            a.restore_snapshot,
            a.close,
            a.find,
            a.presenter,
            a.projector_panel,
            a.next_item,
            a.previous_item,
            a.next_day,
            a.previous_day,
            a.focus_capture,
            a.focus_speaker,
            a.print_join_codes,
        ):
            action.setEnabled(open_)
        for action in (a.start_stop, a.pause, a.extend, a.open_room):
            action.setEnabled(writable)
        self.read_only_label.setVisible(open_ and not writable)
        tip = self.tr("This file is open read-only: you can look and search, not change it.")
        why = self.read_only_reason_text()
        self.read_only_label.setToolTip(f"{tip}\n{why}" if why else tip)
        self.timer_status.setVisible(open_)
        self._update_title()

    def read_only_reason_text(self) -> str:
        """Why the open file is read-only, for the user ("" if it is not, or if they
        asked for it)."""
        reason = self.doc.service.file.read_only_reason if self.doc is not None else ""
        if reason == "file":
            return self.tr("The file itself is marked read-only.")
        if reason == "folder":
            return self.tr(
                "Its folder is read-only: Facilitator cannot keep its working files next "
                "to it. Copy it to a folder you can write to, to change it."
            )
        if reason == "network":
            return self.tr(
                "It is on a network share, where locks cannot be trusted (two laptops "
                "could write it at once). Copy it to this computer to change it."
            )
        if reason == "no-lock":
            return self.tr(
                "Its disk cannot lock it against a second writer. Copy it to this "
                "computer to change it."
            )
        return ""

    # --- opening and closing --------------------------------------------------------------------
    def open_path(self, path: str | Path, read_only: bool = False) -> bool:
        """Open a workshop file; on a bad file show why and stay where we were."""
        path = Path(path)
        if self.doc is not None and _same_file(path, self.doc.service.path):
            # Already open here: show it. (A second open would be a second writer.)
            self.raise_()
            return True
        try:
            service = WorkshopService.open(path, read_only=read_only)
        except FileLocked as exc:
            if read_only or not errors.ask_open_read_only(self, exc):
                return False
            return self.open_path(path, read_only=True)
        except FacilitatorError as exc:
            if isinstance(exc, FileMissing):
                self.settings.remove_recent(path)
                self.welcome.set_recent(self.settings.recent_files())
            if isinstance(exc, DamagedFile) and path.is_file():
                return self._offer_recovery(path, exc)
            errors.show_error(self, exc)
            return False
        self._set_document(WorkshopDocument(service, self))
        why = self.read_only_reason_text()
        if why:
            self.statusBar().showMessage(why, 20000)
        self.settings.add_recent(path)
        self.welcome.set_recent(self.settings.recent_files())
        return True

    def _offer_recovery(self, path: Path, exc: DamagedFile) -> bool:
        """A damaged file (pages, search index, unreadable values): offer to rescue what
        can be read into a new file, as ``check --recover`` does, and open that."""
        from facilitator.services.check import recover_file

        target = errors.ask_recover_target(self, exc, path)
        if target is None:
            return False
        try:
            recover_file(path, target)
        except FacilitatorError as err:
            errors.show_error(self, err)
            return False
        if not self.open_path(target):
            return False
        self.statusBar().showMessage(
            self.tr("Rescued into %1; the damaged file was not changed.").replace(
                "%1", target.name
            ),
            20000,
        )
        return True

    def create_workshop(self, path: str | Path, values: NewWorkshop) -> bool:
        try:
            service = WorkshopService.create(
                path,
                values.title,
                language=values.language,
                organiser=values.organiser,
                place=values.place,
                start_date=values.start_date,
                end_date=values.end_date,
                template=values.template,
            )
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return False
        self._set_document(WorkshopDocument(service, self))
        why = self.read_only_reason_text()
        if why:
            self.statusBar().showMessage(why, 20000)
        self.settings.add_recent(path)
        return True

    def _set_document(self, doc: WorkshopDocument | None) -> None:
        self.close_document()
        self.doc = doc
        if doc is not None:
            doc.error_parent = self
            self.undo_group.addStack(doc.undo_stack)
            self.undo_group.setActiveStack(doc.undo_stack)
            doc.workshop_changed.connect(self._update_title)
            doc.changed.connect(self._note_captured)
            self._build_doc_views(doc)
        for screen in self.screens:
            screen.set_document(doc)
        if doc is not None:
            if self.projector is not None:
                self.projector.set_document(doc)
            else:  # built after the first paint (or at once when F5 or the room asks)
                QTimer.singleShot(PROJECTOR_AFTER_MS, self._build_projector)
        self.document_changed.emit(doc)
        self.tabs.setCurrentWidget(self.live)
        self._update_state()
        self._restart_snapshots()
        if doc is not None:
            self.live.focus_capture()

    def close_document(self) -> None:
        doc = self.doc
        if doc is None:
            return
        if self.search_dialog is not None:
            self.search_dialog.close()
            self.search_dialog.deleteLater()
            self.search_dialog = None
        for screen in self.screens:
            screen.set_document(None)
        if self.presenter is not None:  # a picture of this workshop goes with it
            self.presenter.show_board(None)
        self._remove_doc_views()
        self.undo_group.removeStack(doc.undo_stack)
        self.doc = None
        self.document_changed.emit(None)
        doc.close()
        # Not deleteLater(): with PySide6 6.12 that corrupts the heap ("shared QObject was
        # deleted directly"). The closed document stays a child of the window until it goes.
        self._update_state()

    # --- file actions ---------------------------------------------------------------------------
    def _documents_dir(self) -> Path:
        loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(loc) if loc else Path.home()

    def open_dialog(self) -> None:
        start = str(folders.start_folder())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open workshop"),
            start,
            self.tr("Workshops (*.workshop);;All files (*)"),
        )
        if path:
            folders.remember(path)
            self.open_path(path)

    def new_workshop(self) -> None:
        from facilitator.ui.dialogs import NewWorkshopDialog

        values = NewWorkshopDialog.ask(self, self.settings.language())
        if values is None:
            return
        safe = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in values.title).strip()
        suggested = folders.start_folder() / f"{safe or 'workshop'}.{SUFFIX}"
        dialog = QFileDialog(self, self.tr("Save the new workshop as"), str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX)
        dialog.setNameFilters([self.tr("Workshops (*.workshop)")])
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        path = Path(dialog.selectedFiles()[0])
        folders.remember(path)
        if path.exists():
            errors.show_error(
                self,
                FacilitatorError(
                    self.tr("Choose a new file name: “%1” already exists.").replace("%1", str(path))
                ),
            )
            return
        self.create_workshop(path, values)

    def demo_path(self) -> Path:
        """A fresh file name for the demo in the user's documents folder."""
        folder = self._documents_dir()
        if not folder.is_dir():
            folder = Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
            )
        name = self.tr("Facilitator demo")
        path = folder / f"{name}.{SUFFIX}"
        n = 2
        while path.exists():
            path = folder / f"{name} ({n}).{SUFFIX}"
            n += 1
        return path

    def open_demo(self, path: str | Path | None = None) -> bool:
        target = Path(path) if path else self.demo_path()
        from facilitator.services.demo import write_demo  # only when asked: start-up stays fast

        try:
            with write_demo(target, self.settings.language()):
                pass  # written and closed: then opened like any other file
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return False
        return self.open_path(target)

    def save_copy_dialog(self) -> None:
        if self.doc is None:
            return
        src = self.doc.service.path
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
        suggested = src.with_name(f"{src.stem} {stamp}.{SUFFIX}")
        dialog = QFileDialog(self, self.tr("Save a copy as"), str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(SUFFIX)
        dialog.setNameFilters([self.tr("Workshops (*.workshop)")])
        if dialog.exec() == QFileDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.save_copy(dialog.selectedFiles()[0])

    def save_copy(self, target: str | Path) -> Path | None:
        if self.doc is None:
            return None
        try:
            written = self.doc.service.save_copy(target)
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return None
        self.statusBar().showMessage(
            self.tr("A copy was saved to %1").replace("%1", str(written)), 8000
        )
        return written

    def _restart_snapshots(self) -> None:
        self.snapshot_policy = snapshots.SnapshotPolicy.every(self.settings.snapshot_minutes())

    def _note_captured(self, changes: Changes) -> None:
        if self.doc is None or self.doc.read_only or not changes.added_ids(Kind.NOTE):
            return
        self.snapshot_policy.note_captured(self.doc.service)
        if self.snapshot_policy.last_error:
            self.statusBar().showMessage(
                self.tr("The automatic snapshot failed: %1").replace(
                    "%1", self.snapshot_policy.last_error
                ),
                8000,
            )

    def take_snapshot(self, reason: str = snapshots.REASON_MANUAL) -> Path | None:
        """A backup copy of the open workshop into ``<name>.snapshots/`` (the newest are kept)."""
        if self.doc is None:
            return None
        try:
            return snapshots.take_snapshot(self.doc.service, reason)
        except (OSError, FacilitatorError) as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return None

    def restore_snapshot(self) -> Path | None:
        """File → Restore from snapshot…: restore into a new file, then open it."""
        if self.doc is None:
            return None
        from facilitator.ui.restore_dialog import RestoreSnapshotDialog

        path = RestoreSnapshotDialog.ask(self.doc.service, self)
        if path is not None:
            self.open_path(path)
        return path

    def export_minutes(self) -> QWidget | None:
        """File → Export minutes…: the current day by default, built off the GUI thread."""
        if self.doc is None:
            return None
        from facilitator.ui.export_dialog import export_minutes

        dialog = export_minutes(self.doc.service, self.live.day_id, self)
        dialog.exported.connect(self._minutes_exported)
        return dialog

    def _minutes_exported(self, _path: str, _pages: int) -> None:
        # The day's minutes are out: keep a snapshot of the day as it was sent.
        if self.doc is not None and not self.doc.read_only:
            self.take_snapshot(snapshots.REASON_DAY_END)

    # --- screens of an open workshop ----------------------------------------------------------
    def _build_doc_views(self, doc: WorkshopDocument) -> None:
        """Add the tabs of an open workshop. Each screen is built the first time its tab
        is shown: opening a file (and start-up) pays only for the Live view."""
        for kind in ("PlanView", "OrganiseView", "PollsView", "ActionsView", "MapView"):
            placeholder = QWidget()
            placeholder.setObjectName(kind)
            placeholder.setProperty("pending_view", kind)
            self.doc_views.append(placeholder)
            self.tabs.addTab(placeholder, "")
            self.tabs.setTabText(self.tabs.indexOf(placeholder), self._doc_view_title(placeholder))

    def doc_view(self, kind: str) -> QWidget | None:
        """The screen named ``kind`` ("PlanView", "PollsView"…), built if still pending."""
        for view in list(self.doc_views):
            if view.objectName() == kind:
                return self._realise(view)
        return None

    def _realise(self, view: QWidget) -> QWidget:
        kind = view.property("pending_view")
        if not kind or self.doc is None:
            return view
        doc = self.doc
        real: QWidget
        if kind == "PlanView":
            from facilitator.ui.plan.view import PlanView

            real, built = PlanView(doc.service, document=doc), _Built()
        elif kind == "MapView":
            from facilitator.ui.map.view import MapView  # imports networkx: only now

            ecosystem = MapView(doc.service, document=doc)
            ecosystem.present_requested.connect(self.present_map)
            real, built = ecosystem, _Built(ecosystem.retranslate)
        else:
            from facilitator.ui import organise

            if kind == "PollsView":
                polls = organise.PollsView(doc.service, document=doc)
                polls.present_requested.connect(self.present_poll)
                real, built = polls, _Built(polls.retranslate, polls.teardown)
            elif kind == "OrganiseView":
                themes = organise.OrganiseView(doc.service, document=doc)
                themes.present_board_requested.connect(self.present_board)
                real, built = themes, _Built(themes.retranslate)
            elif kind == "ActionsView":
                actions = organise.ActionsView(doc.service, document=doc)
                real, built = actions, _Built(actions.retranslate)
            else:  # pragma: no cover - the kinds are the ones _build_doc_views adds
                raise ValueError(f"unknown screen {kind!r}")
        self._built[real] = built
        real.setObjectName(kind)
        index = self.tabs.indexOf(view)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, real, self._doc_view_title(real))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.doc_views[self.doc_views.index(view)] = real
        view.setParent(None)
        return real

    def _doc_view_title(self, view: QWidget) -> str:
        name = view.objectName()
        if name == "PlanView":
            return self.tr("Plan")
        if name == "OrganiseView":
            return self.tr("Themes and solutions")
        if name == "PollsView":
            return self.tr("Polls")
        if name == "ActionsView":
            return self.tr("Actions")
        if name == "MapView":
            return self.tr("Map")
        return name

    def _remove_doc_views(self) -> None:
        if self.projector is not None:
            self.projector.set_document(None)
        for view in self.doc_views:
            teardown = self._built.get(view, _Built()).teardown
            if teardown is not None:
                teardown()
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.hide()
            view.deleteLater()
        self.doc_views.clear()
        self._built.clear()

    def present_poll(self, poll_id: int) -> None:
        """Show a poll's results on the projector (opening the presenter window)."""
        if self.doc is None:
            return
        if self.presenter is None:
            self.toggle_presenter()
        self._projector().present_poll(poll_id)

    def present_board(self) -> None:
        """Show the theme board on the projector (opening the presenter window)."""
        themes = self.doc_view("OrganiseView")
        from facilitator.ui.organise.organise_view import OrganiseView

        board = themes.board if isinstance(themes, OrganiseView) else None
        if board is None:
            return
        from facilitator.ui.organise.board_projector import BoardProjector

        if self.presenter is None:
            self.toggle_presenter()
        if self.presenter is not None:
            self.presenter.show_board(BoardProjector(board))

    def present_map(self) -> None:
        """Show the ecosystem map on the projector (opening the presenter window)."""
        view = self.doc_view("MapView")
        if view is None:
            return
        from facilitator.ui.map.view import MapView, ProjectorMap

        if self.presenter is None:
            self.toggle_presenter()
        if self.presenter is not None and isinstance(view, MapView):
            self.presenter.show_board(ProjectorMap(view))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent workshops"))
            empty.setEnabled(False)
            return
        for n, f in enumerate(files, 1):
            label = f"&{n} {Path(f).name}" if n < 10 else Path(f).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(f)
            action.setStatusTip(f)
            action.triggered.connect(lambda _=False, p=f: self.open_path(p))

    # --- settings and language -------------------------------------------------------------------
    def settings_dialog(self) -> None:
        from facilitator.ui.dialogs import SettingsDialog

        values = SettingsDialog.ask(self.settings, self)
        if values is None:
            return
        self.apply_settings(
            values.language, values.note_taker, values.presenter_screen, values.snapshot_minutes
        )

    def apply_settings(
        self, language: str, note_taker: str, presenter_screen: str, snapshot_minutes: int = 0
    ) -> None:
        old_taker = self.settings.note_taker()
        doc = self.doc
        renamed = note_taker != old_taker and doc is not None and not doc.read_only
        old_key = self.live.draft_key()
        if renamed:
            self.live.draft_timer.stop()
        self.settings.set_language(language)
        self.settings.set_note_taker(note_taker)
        self.settings.set_presenter_screen(presenter_screen)
        self.settings.set_snapshot_minutes(snapshot_minutes)
        self.settings.sync()
        if note_taker != old_taker:
            self.live.note_taker_changed()
            if renamed and doc is not None:
                # The text in the box stays; its draft moves to the new name: saved under
                # the new key first, the old one cleared only once that has worked.
                if self.live.capture.toPlainText():
                    moved = self.live.save_draft()
                else:
                    self.live.restore_draft()
                    moved = True
                if moved and old_key != self.live.draft_key():
                    try:
                        doc.service.save_draft(old_key, "")
                    except FacilitatorError as exc:
                        errors.show_error(self, exc)
        i18n.apply_language(self.settings.language())
        self.retranslate_all()
        self._restart_snapshots()

    # --- live, presenter, search ---------------------------------------------------------------
    def _tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is not None and current.property("pending_view"):
            self._realise(current)
        if self.tabs.currentWidget() is self.live:
            self.live.focus_capture()

    def _show_live_and_focus(self) -> None:
        self.tabs.setCurrentWidget(self.live)
        self.live.focus_capture()

    def _timer_changed(self, text: str, state: str) -> None:
        item = self.live.current_item()
        self.timer_status.setText(self.tr("Timer: %1").replace("%1", text) if item else "")
        colour = STATE_COLOURS.get(TimerState(state), "")
        self.timer_status.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    @property
    def presenter(self) -> PresenterWindow | None:
        """The presenter window while it is on the projector (None when hidden)."""
        return self.projector.visible_window() if self.projector is not None else None

    def _projector(self) -> ProjectorControl:
        if self.projector is None:
            from PySide6.QtCore import Qt

            from facilitator.ui.live.projector_control import ProjectorControl

            self.projector = ProjectorControl(self.live, self)
            self.projector.visibility_changed.connect(self._presenter_shown)
            self.projector.panel.show_button.clicked.connect(self.toggle_presenter)
            self.projector.room_panel()
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.projector.dock)
            # Shown with F5 or the room (View › Projector): Live keeps the width on a laptop.
            self.projector.dock.hide()
            dock, action = self.projector.dock, self.menu_actions.projector_panel
            dock.visibilityChanged.connect(lambda shown: action.setChecked(dock.isVisible()))
            if self.doc is not None:
                self.projector.set_document(self.doc)
        return self.projector

    def _merge_file(self) -> None:
        from facilitator.ui.merge_dialog import run_merge

        run_merge(self)

    def _build_projector(self) -> None:
        if self.doc is not None:
            self._projector()

    def _show_projector_panel(self, shown: bool) -> None:
        if self.doc is None:
            self.menu_actions.projector_panel.setChecked(False)
            return
        self._projector().dock.setVisible(shown)

    def open_room(self) -> bool:
        """Live › Open the room…: phones join, vote and send ideas (or close it)."""
        if self.doc is None:
            return False
        control = self._projector()
        control.dock.show()
        if control.room_open:
            return True  # its panel is in the dock: close it there
        return control.open_room()

    def print_join_codes(self) -> bool:
        """Live › Print join codes…: a badge per participant (codes issued if missing)."""
        if self.doc is None:
            return False
        from facilitator.ui import join_codes

        return join_codes.print_codes(self.doc, self)

    def toggle_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
            return
        if self.doc is None:
            self.menu_actions.presenter.setChecked(False)
            return
        control = self._projector()
        control.dock.show()
        control.show_on(self.settings.presenter_screen())
        self.live.refresh_timer()
        self.activateWindow()  # keep typing in the capture box

    def _presenter_shown(self, shown: bool) -> None:
        self.menu_actions.presenter.setChecked(shown)
        if self.projector is not None:
            self.projector.panel.show_button.setChecked(shown)

    def show_search(self) -> SearchDialog | None:
        if self.doc is None:
            return None
        if self.search_dialog is None:
            from facilitator.ui.live.search import SearchDialog

            self.search_dialog = SearchDialog(self.doc, self)
            self.search_dialog.note_picked.connect(self._search_picked)
        else:
            self.search_dialog.reload_filters()
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()
        return self.search_dialog

    def _search_picked(self, note_id: int) -> None:
        self.tabs.setCurrentWidget(self.live)
        self.live.jump_to_note(note_id)

    def show_keyboard_help(self) -> QDialog:
        from facilitator.ui.help import keyboard_dialog

        dialog = keyboard_dialog(self.menu_actions, self)
        dialog.setModal(False)
        dialog.show()
        self.help_dialog = dialog
        return dialog

    def show_first_workshop(self) -> QDialog:
        from facilitator.ui.help import first_workshop_dialog

        dialog = first_workshop_dialog(self)
        dialog.setModal(False)
        dialog.show()
        self.help_dialog = dialog
        return dialog

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Facilitator"),
            self.tr("Facilitator %1 — run multi-day workshops offline, from one file.").replace(
                "%1", __version__
            ),
        )

    # --- geometry per role ------------------------------------------------------------------------
    DEFAULT_SIZES = {"welcome": (960, 640), "workshop": (1200, 780)}

    def _apply_geometry_role(self, role: str) -> None:
        """The welcome screen and an open workshop keep their own window geometry: the
        size saved while on the welcome screen never shrinks the workshop window."""
        if role == self.geometry_role:
            return
        if self.geometry_role is not None:
            self.settings.set_geometry(self.saveGeometry(), self.geometry_role)
        self.geometry_role = role
        saved = self.settings.geometry(role)
        if saved is None or not self.restoreGeometry(saved):
            width, height = self.DEFAULT_SIZES[role]
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None:
                width, height = min(width, screen.width()), min(height, screen.height())
            self.resize(width, height)

    # --- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.doc is not None
            and not self.live.flush_draft()
            and self.live.capture.toPlainText().strip()
            and not errors.ask_close_with_unsaved_text(self)
        ):
            event.ignore()  # the unsent text could not be saved: stay open
            return
        self.settings.set_geometry(self.saveGeometry(), self.geometry_role or "workshop")
        if self.projector is not None:
            self.projector.hide()
        self.close_document()
        self.settings.sync()
        super().closeEvent(event)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
