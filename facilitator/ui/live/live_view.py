"""The Live view: day and agenda on the left; the current item, its notes and the
capture box on the right; the timebox countdown on top."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import model as m
from facilitator.domain.errors import FacilitatorError
from facilitator.domain.timeutil import utcnow
from facilitator.services import operations as ops
from facilitator.ui import actions as hotkeys
from facilitator.ui import errors
from facilitator.ui.collation import sorted_by_name
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.live.agenda_model import AgendaModel, ItemIdRole, OutsideRole, is_running
from facilitator.ui.live.capture import CaptureBox
from facilitator.ui.live.delegates import CategoryDelegate, NoteTextDelegate, chip_style
from facilitator.ui.live.notes_model import NotesModel
from facilitator.ui.live.timer import STATE_COLOURS, Countdown, TimerState, format_seconds
from facilitator.ui.plan.labels import kind_label
from facilitator.ui.settings import Settings

DRAFT_DELAY_MS = 300
LEFT_MIN_WIDTH = 220  # the agenda column: titles and the day selector stay readable
RIGHT_MIN_WIDTH = 480
EXTEND_SECONDS = 5 * 60


def colour_icon(colour: str, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(QColor(colour))
    return QIcon(pix)


class LiveView(QWidget):
    timer_changed = Signal(str, str)  # text, TimerState value
    current_item_changed = Signal(object)  # AgendaItem | None: the selected item
    running_item_changed = Signal(object)  # AgendaItem | None: the item running (file's)
    question_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LiveView")
        self.settings = settings
        self.doc: WorkshopDocument | None = None
        self.clock: Callable[[], dt.datetime] = utcnow
        self.countdown = Countdown()
        self.running_item_id: int | None = None
        self.running_item: m.AgendaItem | None = None  # as the file had it last
        self.day_id: int | None = None
        self.category_id: int | None = None  # what the NEXT note gets
        self.pinned_category_id: int | None = None  # what every note gets after it, if pinned
        self.category_pinned = False
        self._item_speaker = ""  # the speaker the current item starts with
        self.action_note_id: int | None = None  # the last note saved in an action category
        self._categories: list[m.Category] = []
        self._draft_error_shown = False
        self._restoring = False
        self.zoom_steps = 0
        self._base_point_size = QApplication.font().pointSizeF()

        self._build()
        self.retranslate()
        self.set_zoom(settings.zoom())

        self.tick = QTimer(self)
        self.tick.setInterval(500)
        self.tick.timeout.connect(self._on_tick)
        self._draft_dirty = False  # typed text not yet saved as a draft
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self.set_document(None)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self.day_label = QLabel()
        self.day_combo = QComboBox()
        self.day_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.day_combo.currentIndexChanged.connect(self._day_chosen)
        self.day_combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.agenda_model = AgendaModel(self)
        self.agenda_view = QListView()
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda_view.setWordWrap(True)
        self.agenda_view.setSpacing(2)
        self.agenda_view.selectionModel().currentChanged.connect(self._item_chosen)
        self.agenda_view.clicked.connect(lambda *_: self.focus_capture())

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.day_label)
        row.addWidget(self.day_combo, 1)
        lv.addLayout(row)
        lv.addWidget(self.agenda_view, 1)

        # Header of the current item + the timer.
        self.item_meta = QLabel()
        self.item_meta.setObjectName("itemMeta")
        self.item_meta.setWordWrap(True)  # long header texts wrap, never widen the window
        self.item_title = QLabel()
        self.item_title.setObjectName("itemTitle")
        self.item_title.setWordWrap(True)
        self.item_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("timerLabel")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.timer_caption = QLabel()
        self.timer_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.timer_caption.setWordWrap(True)
        self.timer_caption.setMaximumWidth(320)
        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.extend_button = QPushButton()
        for b in (self.start_button, self.pause_button, self.extend_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.clicked.connect(self.start_stop)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.extend_button.clicked.connect(self.extend)

        self.running_label = QLabel()
        self.running_label.setObjectName("runningItem")
        self.running_label.setWordWrap(True)
        self.running_label.hide()
        titles = QVBoxLayout()
        titles.addWidget(self.running_label)
        titles.addWidget(self.item_meta)
        titles.addWidget(self.item_title)
        timer_box = QVBoxLayout()
        timer_box.addWidget(self.timer_label)
        timer_box.addWidget(self.timer_caption)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.extend_button)
        timer_box.addLayout(buttons)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addLayout(timer_box)

        # Notes of the current item.
        self.notes_model = NotesModel(parent=self)
        self.notes_view = QTableView()
        self.notes_view.setModel(self.notes_model)
        self.notes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.notes_view.setEditTriggers(
            # Not AnyKeyPressed: typing the next note with a row selected must never
            # change the selected note.
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.notes_view.verticalHeader().hide()
        self.notes_view.setShowGrid(False)
        self.notes_view.setAlternatingRowColors(True)
        # Rows wrap to show the whole note; only the rows in sight are measured.
        self.notes_view.setWordWrap(True)
        self.notes_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.notes_view.setMinimumHeight(120)
        self._fit_rows_timer = QTimer(self)
        self._fit_rows_timer.setSingleShot(True)
        self._fit_rows_timer.setInterval(0)
        self._fit_rows_timer.timeout.connect(self.fit_visible_rows)
        self._fitted_rows: set[int] = set()
        hh = self.notes_view.horizontalHeader()
        hh.setSectionResizeMode(NotesModel.TIME, QHeaderView.ResizeMode.Fixed)
        hh.setResizeContentsPrecision(0)  # never measure thousands of rows
        hh.setSectionResizeMode(NotesModel.CATEGORY, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(NotesModel.SPEAKER, QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(NotesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        hh.resizeSection(NotesModel.CATEGORY, 170)
        hh.resizeSection(NotesModel.SPEAKER, 150)
        self.notes_view.setItemDelegateForColumn(NotesModel.CATEGORY, CategoryDelegate(self))
        self.notes_view.setItemDelegateForColumn(NotesModel.TEXT, NoteTextDelegate(self))
        self.notes_model.rowsInserted.connect(lambda *_: self.notes_view.scrollToBottom())
        self.notes_model.modelReset.connect(self._refit_rows)
        self.notes_model.rowsInserted.connect(self._refit_rows)
        self.notes_model.rowsRemoved.connect(self._refit_rows)
        self.notes_model.dataChanged.connect(self._refit_rows)
        self.notes_view.verticalScrollBar().valueChanged.connect(self._fit_rows_timer.start)
        hh.sectionResized.connect(self._refit_rows)
        self.notes_view.viewport().installEventFilter(self)
        self.delete_action = hotkeys.screen_action(
            self.notes_view, hotkeys.DELETE, self.delete_selected_notes, only_this_widget=True
        )
        self.notes_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        from facilitator.ui.map.evidence import EvidenceLink  # the map's hook (issue 16)

        self.evidence_link = EvidenceLink(self)

        # Capture: category chip, speaker, the box.
        self.category_button = QToolButton()
        self.category_button.setObjectName("categoryChip")
        self.category_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.category_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.category_menu = QMenu(self)
        self.category_button.setMenu(self.category_menu)
        self.pin_button = QToolButton()
        self.pin_button.setObjectName("pinButton")
        self.pin_button.setCheckable(True)
        self.pin_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin_button.clicked.connect(lambda _checked=False: self.toggle_pin())
        self.pin_action = hotkeys.screen_action(self, hotkeys.PIN_CATEGORY, self.toggle_pin)
        self.make_action = hotkeys.screen_action(
            self, hotkeys.MAKE_ACTION, self.make_action_from_note
        )
        self.make_action.setEnabled(False)
        self.offer_label = QLabel()
        self.offer_label.setObjectName("actionOffer")
        self.offer_label.setWordWrap(True)
        self.offer_label.hide()
        self.speaker_label = QLabel()
        self.speaker_edit = QLineEdit()
        self.speaker_edit.setClearButtonEnabled(True)
        self.speaker_names = QStringListModel(self)
        completer = QCompleter(self.speaker_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(completer)
        self.speaker_edit.textChanged.connect(self._schedule_draft)
        self.speaker_edit.returnPressed.connect(self.focus_capture)
        # a speaker's whole name stays readable in a narrow window (1024 px mirrored on a
        # projector, or a half screen), and the note-taker's line keeps its room
        char = self.speaker_edit.fontMetrics().averageCharWidth()
        self.speaker_edit.setMinimumWidth(char * 20)
        self.speaker_edit.setMaximumWidth(char * 48)  # the rest goes to the note-taker's line
        self.taker_label = QLabel()
        self.taker_label.setObjectName("noteTaker")
        self.hint_label = QLabel()
        self.hint_label.setObjectName("captureHint")
        # Muted, yet readable: the palette's placeholder text, kept at 4.5:1 (ui/contrast.py).
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint_label.setWordWrap(True)

        self.capture = CaptureBox()
        self.capture.setObjectName("captureBox")
        self.capture.commit_requested.connect(self.commit)
        self.capture.category_index_requested.connect(self.choose_category_index)
        self.capture.category_shortcut_typed.connect(self.choose_category_shortcut)
        self.capture.textChanged.connect(self._schedule_draft)
        self.capture.setMinimumHeight(56)  # two lines at least, wherever the splitter is

        self.question_label = QLabel()
        self.question_edit = QLineEdit()
        self.question_edit.setClearButtonEnabled(True)
        self.question_edit.textChanged.connect(self.question_changed)
        self.question_edit.editingFinished.connect(self.store_question)
        self._stored_question = ""

        capture_row = QHBoxLayout()
        capture_row.addWidget(self.category_button)
        capture_row.addWidget(self.pin_button)
        capture_row.addSpacing(12)
        capture_row.addWidget(self.speaker_label)
        capture_row.addWidget(self.speaker_edit, 1)
        capture_row.addSpacing(12)
        capture_row.addStretch(1)
        capture_row.addWidget(self.taker_label)
        question_row = QHBoxLayout()
        question_row.addWidget(self.question_label)
        question_row.addWidget(self.question_edit, 1)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(header)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        rv.addWidget(line)
        # The notes above, the capture box below: a splitter the note-taker can move.
        capture_panel = QWidget()
        cv = QVBoxLayout(capture_panel)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addLayout(capture_row)
        cv.addWidget(self.capture, 1)
        cv.addWidget(self.offer_label)
        cv.addWidget(self.hint_label)
        cv.addLayout(question_row)
        self.notes_splitter = QSplitter(Qt.Orientation.Vertical)
        self.notes_splitter.setObjectName("notesSplitter")
        self.notes_splitter.addWidget(self.notes_view)
        self.notes_splitter.addWidget(capture_panel)
        self.notes_splitter.setChildrenCollapsible(False)
        self.notes_splitter.setStretchFactor(0, 3)
        self.notes_splitter.setStretchFactor(1, 0)
        rv.addWidget(self.notes_splitter, 1)
        self.notes_splitter.setSizes([600, capture_panel.sizeHint().height()])

        # Agenda column: never squeezed below a readable width by the header's text.
        left.setMinimumWidth(LEFT_MIN_WIDTH)
        right.setMinimumWidth(RIGHT_MIN_WIDTH)
        self.item_title.setMinimumWidth(1)  # long titles wrap instead of widening the column
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("liveSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 770])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
        self.setFocusProxy(self.capture)
        self._restore_splitters()
        self.splitter.splitterMoved.connect(lambda *_: self._save_splitters())
        self.notes_splitter.splitterMoved.connect(lambda *_: self._save_splitters())

    # --- splitters and rows that wrap --------------------------------------------------------
    def _restore_splitters(self) -> None:
        for splitter, key in (
            (self.splitter, "live/splitter"),
            (self.notes_splitter, "live/notes_splitter"),
        ):
            state = self.settings.state(key)
            if state is not None:
                splitter.restoreState(state)

    def _save_splitters(self) -> None:
        self.settings.set_state("live/splitter", self.splitter.saveState())
        self.settings.set_state("live/notes_splitter", self.notes_splitter.saveState())

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.notes_view.viewport() and event.type() == QEvent.Type.Resize:
            self._refit_rows()
        return super().eventFilter(watched, event)

    def _refit_rows(self, *_args: object) -> None:
        """Rows' heights follow their text again (new rows, new widths, edited notes)."""
        self._fitted_rows.clear()
        self._fit_rows_timer.start()

    def fit_visible_rows(self) -> None:
        """Give the rows in sight (and a few more) the height of their whole note. Only
        those are measured: a list of thousands of notes is never measured at once."""
        view = self.notes_view
        count = self.notes_model.rowCount()
        if count == 0:
            return
        top = view.rowAt(0)
        top = 0 if top < 0 else top
        bottom = view.rowAt(view.viewport().height() - 1)
        bottom = count - 1 if bottom < 0 else bottom
        bar = view.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 2  # following the newest note
        for row in range(max(0, top - 5), min(count, bottom + 20)):
            if row not in self._fitted_rows:
                self._fitted_rows.add(row)
                view.resizeRowToContents(row)
        if at_bottom:
            view.scrollToBottom()

    def _set_capture_placeholder(self) -> None:
        if self.doc is not None and self.doc.read_only:
            self.capture.setPlaceholderText(self.tr("This file is open read-only: no new notes."))
        else:
            self.capture.setPlaceholderText(
                self.tr(
                    "Type a note and press Enter. Shift+Enter: new line. Ctrl+1…9 or “s: …”: category."
                )
            )

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day:"))
        self.speaker_label.setText(self.tr("Speaker:"))
        self.speaker_edit.setPlaceholderText(self.tr("who is speaking (Ctrl+K)"))
        self.question_label.setText(self.tr("Question for the room:"))
        self.question_edit.setPlaceholderText(self.tr("shown on the presenter window (F5)"))
        self._set_capture_placeholder()
        self.capture.setToolTip(
            self.tr(
                "Enter saves the note (it is on disk at once); Shift+Enter starts a new line.\n"
                "Ctrl+1 … Ctrl+9 choose a category, Ctrl+0 none.\n"
                "Or start with the category letter and a colon or slash, e.g. “s: text”.\n"
                "Unsent text is kept as a draft, even after a crash."
            )
        )
        self.delete_action.setText(self.tr("Delete note"))
        self.make_action.setText(self.tr("Make the action note an action item"))
        self.pause_button.setToolTip(self.tr("Pause or resume the timer (F7)"))
        self.extend_button.setText(self.tr("+5 min"))
        self.extend_button.setToolTip(self.tr("Give the current item five more minutes (F8)"))
        self._update_taker()
        self._fill_days()
        self._update_header()
        self._update_category_chip()
        self._fill_category_menu()
        self.refresh_timer()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.focus_capture()

    def focus_capture(self) -> None:
        if self.capture.isEnabled():
            self.capture.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_speaker(self) -> None:
        self.speaker_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.speaker_edit.selectAll()

    # --- document -----------------------------------------------------------------------------
    def set_document(self, doc: WorkshopDocument | None) -> None:
        if self.doc is not None:
            self.flush_draft()
            self.store_question()
            self.doc.changed.disconnect(self._on_changes)
            self.doc.agenda_changed.disconnect(self._on_agenda_changed)
            self.doc.participants_changed.disconnect(self._load_participants)
            self.doc.categories_changed.disconnect(self._load_categories)
            self.doc.workshop_changed.disconnect(self._update_header)
        self.doc = doc
        self.notes_model.set_document(doc)
        self.countdown = Countdown()
        self.running_item_id = None
        self.running_item = None
        self.day_id = None
        self.tick.stop()
        writable = doc is not None and not doc.read_only
        for w in (self.capture, self.speaker_edit, self.category_button, self.pin_button):
            w.setEnabled(writable)
        for b in (self.start_button, self.pause_button, self.extend_button):
            b.setEnabled(writable)
        self.delete_action.setEnabled(writable)
        self.capture.blockSignals(True)
        self.capture.clear()
        self.capture.blockSignals(False)
        if doc is None:
            self._categories = []
            self.agenda_model.set_items([])
            self._fill_days()
            self._update_header()
            self.refresh_timer()
            return
        doc.changed.connect(self._on_changes)
        doc.agenda_changed.connect(self._on_agenda_changed)
        doc.participants_changed.connect(self._load_participants)
        doc.categories_changed.connect(self._load_categories)
        doc.workshop_changed.connect(self._update_header)
        self._load_categories()
        self._load_participants()
        self._fill_days()
        self._load_question()
        self.sync_running()
        today = doc.service.today()
        if today is not None:
            self.select_day(today.id)
        self._set_capture_placeholder()
        if not doc.read_only:
            self.restore_draft()
        self.tick.start()
        self.focus_capture()

    # --- the question for the room (stored in the file: it survives a restart) -----------
    def _load_question(self) -> None:
        from facilitator.services.room import RoomService

        text = RoomService(self.doc.service).question() if self.doc is not None else ""
        self._stored_question = text
        if self.question_edit.text() != text:
            self.question_edit.setText(text)  # → question_changed: the projector follows

    def store_question(self) -> None:
        """Put the typed question to the room (Enter or leaving the field)."""
        doc = self.doc
        if doc is None or doc.read_only:
            return
        text = self.question_edit.text().strip()
        if text != self._stored_question and doc.run(ops.AskRoom(text)):
            self._stored_question = text

    def _on_changes(self, changes: ops.Changes) -> None:
        if changes.touches(ops.Kind.QUESTION) and not self.question_edit.hasFocus():
            self._load_question()  # asked from the room's panel, or elsewhere

    def service(self) -> Any:
        assert self.doc is not None
        return self.doc.service

    # --- days and items -------------------------------------------------------------------------
    def _fill_days(self) -> None:
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        if self.doc is not None:
            for day in self.doc.service.days():
                label = self.tr("Day %1").replace("%1", str(day.number))
                if day.date is not None:
                    from PySide6.QtCore import QDate, QLocale

                    qd = QDate(day.date.year, day.date.month, day.date.day)
                    label += " — " + QLocale().toString(qd, "ddd d MMM")
                if day.title:
                    label += " · " + day.title
                self.day_combo.addItem(label, day.id)
                self.day_combo.setItemData(
                    self.day_combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole
                )
        if self.day_id is not None:
            self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(self.day_id)))
        self.day_combo.blockSignals(False)

    def _day_chosen(self, index: int) -> None:
        day_id = self.day_combo.itemData(index)
        if day_id is not None and day_id != self.day_id:
            self.select_day(int(day_id))
            self.day_combo.setToolTip(self.day_combo.currentText())
        self.focus_capture()

    def select_day(self, day_id: int, item_id: int | None = None) -> None:
        if self.doc is None:
            return
        self.day_id = day_id
        self.day_combo.blockSignals(True)
        self.day_combo.setCurrentIndex(max(0, self.day_combo.findData(day_id)))
        self.day_combo.blockSignals(False)
        items = self.doc.service.items(day_id)
        self.agenda_model.set_items(items, outside=True)
        running = next((i for i in items if i.id == self.running_item_id), None)
        running = running or next((i for i in items if is_running(i)), None)
        if item_id is None:
            pick = running or next((i for i in items if i.actual_end is None), None)
            pick = pick or (items[0] if items else None)
            item_id = pick.id if pick else None
        self.select_item(item_id)

    def sync_running(self) -> bool:
        """Read the running item from the file (one row): the timer is the file's (its
        start, planned duration, pauses and +5), whichever window changed it. Returns
        whether the running item or its timer changed."""
        item: m.AgendaItem | None = None
        if self.doc is not None:
            try:
                item = self.doc.service.running_item()
            except FacilitatorError:
                return False  # a read that failed: keep what is shown, try at the next tick
        if item == self.running_item:
            return False
        self.running_item = item
        self.running_item_id = item.id if item is not None else None
        self.countdown = Countdown.of_item(item) if item is not None else Countdown()
        self._update_header()
        self.running_item_changed.emit(item)
        return True

    def _on_tick(self) -> None:
        self.sync_running()
        self.refresh_timer()

    def current_item(self) -> m.AgendaItem | None:
        index = self.agenda_view.currentIndex()
        if not index.isValid():
            return None
        return self.agenda_model.item_at(index.row())

    def outside_chosen(self) -> bool:
        """The day's "outside the agenda" entry is chosen: notes go there."""
        index = self.agenda_view.currentIndex()
        return index.isValid() and bool(index.data(OutsideRole))

    def current_item_id(self) -> int | None:
        item = self.current_item()
        return item.id if item else None

    def select_item(self, item_id: int | None) -> None:
        """Choose an item; None: the day's "outside the agenda" entry (if a day is shown)."""
        row = self.agenda_model.row_of(item_id) if item_id is not None else None
        if row is None and item_id is None:
            row = self.agenda_model.outside_row
        if row is None:
            self.agenda_view.setCurrentIndex(QModelIndex())
            self._item_chosen(QModelIndex(), QModelIndex())
            return
        self.agenda_view.selectionModel().setCurrentIndex(
            self.agenda_model.index(row),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        self.agenda_view.scrollTo(self.agenda_model.index(row))

    def _commit_open_editor(self) -> None:
        """An edit in progress in the notes table is saved before the table changes."""
        editor = (
            self.notes_view.focusWidget()
            if self.notes_view.state() == (QAbstractItemView.State.EditingState)
            else None
        )
        if editor is not None and editor is not self.notes_view:
            self.notes_view.commitData(editor)
            self.notes_view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _item_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ItemIdRole) if current.isValid() else None
        outside = self.day_id if current.isValid() and current.data(OutsideRole) else None
        if (item_id, outside) != (self.notes_model.item_id, self.notes_model.outside_day_id):
            self._commit_open_editor()
            self.notes_model.set_item(item_id, outside)
            self.notes_view.scrollToBottom()
            self._reset_speaker()
        self._update_header()
        self.refresh_timer()
        self.current_item_changed.emit(self.current_item())

    def next_item(self) -> None:
        self._step_item(+1)

    def previous_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, step: int) -> None:
        row = self.agenda_view.currentIndex().row()
        new = row + step
        if 0 <= new < self.agenda_model.rowCount():
            item = self.agenda_model.item_at(new)
            self.select_item(item.id if item is not None else None)
        self.focus_capture()

    def next_day(self) -> None:
        self._step_day(+1)

    def previous_day(self) -> None:
        self._step_day(-1)

    def _step_day(self, step: int) -> None:
        new = self.day_combo.currentIndex() + step
        if 0 <= new < self.day_combo.count():
            self.select_day(int(self.day_combo.itemData(new)))
        self.focus_capture()

    def _on_agenda_changed(self, day_id: int) -> None:
        if self.doc is None:
            return
        if day_id == 0:  # days added, renamed or deleted
            live_days = [d.id for d in self.doc.service.days()]
            self._fill_days()
            if self.day_id not in live_days:
                if live_days:
                    self.select_day(live_days[0])
                else:
                    self.day_id = None
                    self.agenda_model.set_items([])
                    self.select_item(None)
                return
        if self.day_id is None or day_id not in (0, self.day_id):
            return
        current = self.current_item_id()
        outside = self.outside_chosen()
        items = self.doc.service.items(self.day_id)
        self.agenda_model.update_items(items)
        if outside or self.agenda_model.row_of(current) is not None:
            self.select_item(None if outside else current)
        else:
            self.select_item(items[0].id if items else None)
        self.sync_running()
        self._update_header()
        self.refresh_timer()

    def _update_header(self) -> None:
        item = self.current_item()
        if item is None:
            self.item_title.setText(
                self.tr("Outside the agenda")
                if self.outside_chosen()
                else self.tr("No agenda item yet: add the day's programme in the Plan view.")
                if self.doc is not None
                else ""
            )
            self.item_meta.setText(
                self.tr("Notes of this day taken outside any agenda item")
                + (
                    ""
                    if self.agenda_model.items
                    else " · " + self.tr("add the day's programme in the Plan view")
                )
                if self.outside_chosen()
                else ""
            )
            self._update_buttons()
            return
        bits = [kind_label(item.kind)]
        if item.planned_start is not None and item.planned_end is not None:
            bits.insert(
                0,
                f"{item.planned_start.strftime('%H:%M')}–{item.planned_end.strftime('%H:%M')}",
            )
        bits.append(self.tr("%1 min").replace("%1", str(item.duration_min)))
        if item.location:
            bits.append(item.location)
        if item.speaker_names:
            bits.append(", ".join(item.speaker_names))
        running = self.running_item
        if running is not None and running.id != item.id:
            # Selected and running differ: say both (the projector shows the running one).
            bits.insert(0, self.tr("Selected (next)"))
            self.running_label.setText(self.tr("Running now: %1").replace("%1", running.title))
            self.running_label.show()
        else:
            if running is not None:
                bits.insert(0, self.tr("Running"))
            self.running_label.hide()
        self.item_meta.setText("  ·  ".join(bits))
        self.item_title.setText(item.title)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        running_here = item is not None and item.id == self.running_item_id
        self.start_button.setText(self.tr("Stop") if running_here else self.tr("Start"))
        self.start_button.setToolTip(
            self.tr("Record the end of this item (F6)")
            if running_here
            else self.tr("Record the start of this item and start its timer (F6)")
        )
        self.pause_button.setText(self.tr("Resume") if self.countdown.paused else self.tr("Pause"))
        self.pause_button.setToolTip(
            self.tr("Resume the timer of “%1” (F7)").replace("%1", self.running_item.title)
            if self.running_item is not None and self.countdown.paused
            else self.tr("Pause or resume the timer (F7)")
        )
        writable = self.doc is not None and not self.doc.read_only
        self.start_button.setEnabled(writable and item is not None)
        self.pause_button.setEnabled(writable and self.countdown.running)
        self.extend_button.setEnabled(writable and self.countdown.running)

    # --- start / stop and the timer -----------------------------------------------------------
    def start_stop(self) -> None:
        doc = self.doc
        item = self.current_item()
        if doc is None or item is None or doc.read_only:
            return
        now = self.clock()
        if item.id == self.running_item_id:
            doc.run(ops.StopItem(item.id, now))
        else:
            steps: list[ops.Operation] = []
            if self.running_item_id is not None:
                try:
                    still = doc.service.item(self.running_item_id)
                except FacilitatorError:
                    still = None
                if still is not None and is_running(still):
                    steps.append(ops.StopItem(still.id, now))
            steps.append(ops.StartItem(item.id, now))
            # Stopping the running item and starting this one: one undo step.
            doc.run(steps[0] if len(steps) == 1 else ops.Batch(steps, self.tr("Start item")))
        self.sync_running()
        self._update_buttons()
        self.refresh_timer()
        self.focus_capture()

    def toggle_pause(self) -> None:
        """Pause or resume the running item's timer (stored in the file: it survives a
        restart and other windows on the file follow)."""
        doc, item_id = self.doc, self.running_item_id
        if doc is not None and item_id is not None and not doc.read_only:
            now = self.clock()
            doc.run(
                ops.ResumeTimer(item_id, now)
                if self.countdown.paused
                else ops.PauseTimer(item_id, now)
            )
            self.sync_running()
        self._update_buttons()
        self.refresh_timer()

    def extend(self) -> None:
        doc, item_id = self.doc, self.running_item_id
        if doc is not None and item_id is not None and not doc.read_only:
            doc.run(ops.ExtendTimer(item_id, self.clock(), EXTEND_SECONDS // 60))
            self.sync_running()
        self.refresh_timer()

    def refresh_timer(self) -> None:
        now = self.clock()
        state = self.countdown.state(now)
        if state is TimerState.IDLE:
            item = self.current_item()
            text = format_seconds(item.duration_min * 60) if item else "--:--"
            caption = self.tr("not started")
        else:
            text = self.countdown.text(now)
            caption = {
                TimerState.NORMAL: self.tr("time left"),
                TimerState.WARNING: self.tr("time left — 20% of the timebox"),
                TimerState.URGENT: self.tr("time left — almost over"),
                TimerState.OVERTIME: self.tr("over time"),
            }[state]
            if self.countdown.paused:
                caption = self.tr("paused")
            if self.running_item is not None and self.running_item_id != self.current_item_id():
                caption += " · " + self.running_item.title
        self.timer_label.setText(text)
        self.timer_caption.setText(caption)
        colour = STATE_COLOURS[state]
        self.timer_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.timer_state = state
        self.timer_changed.emit(text, state.value)

    # --- categories -------------------------------------------------------------------------------
    def _load_categories(self) -> None:
        self._categories = self.doc.service.categories() if self.doc else []
        live = {c.id for c in self._categories}
        if self.category_id not in live:
            self.category_id = None
        if self.pinned_category_id not in live:
            self.pinned_category_id = None
        self.capture.shortcut_letters = {c.shortcut.lower() for c in self._categories if c.shortcut}
        self._fill_category_menu()
        self._update_category_chip()

    def _fill_category_menu(self) -> None:
        self.category_menu.clear()
        none = self.category_menu.addAction(self.tr("No category") + "\tCtrl+0")
        none.triggered.connect(lambda: self.choose_category(None))
        for n, cat in enumerate(self._categories):
            label = cat.name
            keys = []
            if n < 9:
                keys.append(f"Ctrl+{n + 1}")
            if cat.shortcut:
                keys.append(f"{cat.shortcut}:")
            action = self.category_menu.addAction(
                colour_icon(cat.colour), label + ("\t" + "  ".join(keys) if keys else "")
            )
            action.triggered.connect(lambda _=False, cid=cat.id: self.choose_category(cid))

    def category(self) -> m.Category | None:
        return next((c for c in self._categories if c.id == self.category_id), None)

    def choose_category(self, category_id: int | None) -> None:
        """The category of the next note only (Ctrl+1…9, a "s:" prefix, the chip's
        menu); after that note the chip goes back to the pinned category, or none."""
        self.category_id = category_id
        self._update_category_chip()
        self._schedule_draft()
        self.focus_capture()

    def toggle_pin(self) -> None:
        """Pin the chip's category for every following note, or unpin it. Pinning
        while the chip shows another category than the pinned one pins that one."""
        if self.category_pinned and self.category_id == self.pinned_category_id:
            self.category_pinned = False
            self.pinned_category_id = None
        else:
            self.category_pinned = True
            self.pinned_category_id = self.category_id
        self._update_category_chip()
        self.focus_capture()

    def _category_after_note(self) -> None:
        """A note was saved: the next one gets the pinned category, else none."""
        self.category_id = self.pinned_category_id if self.category_pinned else None
        self._update_category_chip()

    def choose_category_index(self, index: int) -> None:
        if index < 0:
            self.choose_category(None)
        elif index < len(self._categories):
            self.choose_category(self._categories[index].id)

    def choose_category_shortcut(self, letter: str) -> None:
        for cat in self._categories:
            if cat.shortcut.lower() == letter:
                self.choose_category(cat.id)
                return

    def _update_category_chip(self) -> None:
        cat = self.category()
        self.category_button.setText((cat.name if cat else self.tr("No category")) + "  ▾")
        pinned = next((c for c in self._categories if c.id == self.pinned_category_id), None)
        self.pin_button.setChecked(self.category_pinned)
        if self.category_pinned:
            self.pin_button.setText(
                self.tr("Pinned: %1").replace(
                    "%1", pinned.name if pinned else self.tr("no category")
                )
            )
            self.pin_button.setToolTip(
                self.tr("Every note gets this category until you unpin it (Ctrl+Shift+P)")
            )
        else:
            self.pin_button.setText(self.tr("Pin"))
            self.pin_button.setToolTip(
                self.tr(
                    "The category applies to the next note only; "
                    "pin it to keep it for the following notes (Ctrl+Shift+P)"
                )
            )
        self.pin_action.setText(self.tr("Pin the category"))
        self.category_button.setStyleSheet(
            "QToolButton#categoryChip {" + chip_style(cat.colour if cat else None) + "}"
            "QToolButton#categoryChip::menu-indicator { image: none; }"
        )
        self.category_button.setToolTip(
            self.tr("Category of the next note only: Ctrl+1…9, or type its letter and “:”")
        )
        hint = self.tr("Category: %1").replace("%1", cat.name) if cat is not None else ""
        letters = ", ".join(f"{c.shortcut}: {c.name}" for c in self._categories if c.shortcut)
        self.hint_label.setText(
            (hint + "  —  " if hint else "")
            + (self.tr("Letters: %1").replace("%1", letters) if letters else "")
        )

    # --- participants ------------------------------------------------------------------------------
    def _load_participants(self) -> None:
        names = [p.name for p in self.doc.service.participants()] if self.doc else []
        names = sorted_by_name(names)
        self.speaker_names.setStringList(names)

    def _reset_speaker(self) -> None:
        """Another item: the speaker field starts with that item's (first) speaker, as
        text, so the speaker shown is the one saved; clearing it saves none."""
        item = self.current_item()
        self._item_speaker = item.speaker_names[0] if item and item.speaker_names else ""
        self.speaker_edit.setText(self._item_speaker)

    def _update_taker(self) -> None:
        name = self.settings.note_taker()
        self.notes_model.own_taker = name
        self.taker_label.setText(
            self.tr("Note-taker: %1").replace("%1", name)
            if name
            else self.tr("Note-taker: (no name)")
        )
        self.taker_label.setToolTip(
            "" if name else self.tr("Set your name in Settings: it is saved with each note.")
        )

    def note_taker_changed(self) -> None:
        """The name in the settings changed: show it (drafts go under the new name)."""
        self._update_taker()

    # --- capture -------------------------------------------------------------------------------------
    def draft_key(self) -> str:
        return "capture:" + self.settings.note_taker()

    def commit(self) -> bool:
        doc = self.doc
        if doc is None or doc.read_only:
            return False
        text = self.capture.toPlainText().lstrip(" \t")
        if not text.strip():
            return False
        item_id = self.current_item_id()
        command = ops.AddNote(
            text,
            category_id=self.category_id,
            agenda_item_id=item_id,
            day_id=self.day_id if item_id is None else None,
            speaker=self.speaker_edit.text().strip(),
            note_taker=self.settings.note_taker(),
        )
        category = self.category()
        if not doc.run(command):
            return False  # the text stays in the box; the message was shown
        self.draft_timer.stop()
        self.capture.blockSignals(True)
        self.capture.clear()
        self.capture.blockSignals(False)
        self._offer_action(command.note_id if category and category.meaning == "action" else None)
        self._category_after_note()
        self.save_draft()
        return True

    # --- action notes ------------------------------------------------------------------------------
    def _offer_action(self, note_id: int | None) -> None:
        """A note in an action category was saved: offer (one key) to make it an action
        item with an owner and a due date. Any other note withdraws the offer."""
        self.action_note_id = note_id
        self.make_action.setEnabled(note_id is not None)
        if note_id is None:
            self.offer_label.hide()
            return
        self.offer_label.setText(
            self.tr("Action note saved. Ctrl+Shift+A: make it an action item (owner, due date).")
        )
        self.offer_label.show()

    def make_action_from_note(self) -> bool:
        """The offered note becomes an action item (its owner and due date asked)."""
        doc = self.doc
        note_id = self.action_note_id
        if doc is None or doc.read_only or note_id is None:
            return False
        from facilitator.services.organise import OrganiseService
        from facilitator.ui.organise.dialogs import ActionDialog

        try:
            note = doc.service.note(note_id)
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            self._offer_action(None)
            return False
        values = ActionDialog.ask(OrganiseService(doc.service), text=note.text, parent=self)
        if values is None:
            self.focus_capture()
            return False
        done = doc.run(
            ops.AddAction(
                values.text,
                owner_id=values.owner_id,
                due_date=values.due_date,
                status=values.status,
                note_id=note.id,
                agenda_item_id=note.agenda_item_id,
            ),
            parent=self,
        )
        if done:
            self._offer_action(None)
        self.focus_capture()
        return done

    def _schedule_draft(self) -> None:
        if self.doc is not None and not self.doc.read_only and not self._restoring:
            self._draft_dirty = True
            self.draft_timer.start()

    def save_draft(self) -> bool:
        self.draft_timer.stop()
        doc = self.doc
        if doc is None or doc.read_only:
            return False
        try:
            doc.service.save_draft(
                self.draft_key(),
                self.capture.toPlainText(),
                self.category_id,
                self.speaker_edit.text(),
            )
        except FacilitatorError as exc:
            if not self._draft_error_shown:
                self._draft_error_shown = True
                errors.show_error(self, exc)
            return False
        self._draft_error_shown = False
        self._draft_dirty = False
        return True

    def flush_draft(self) -> bool:
        """Save the draft now if it changed since the last successful save (a failed
        save stays pending). Returns False if it could not be saved."""
        if self.draft_timer.isActive() or self._draft_dirty:
            return self.save_draft()
        return True

    def restore_draft(self) -> None:
        if self.doc is None:
            return
        draft = self.doc.service.draft(self.draft_key())
        if draft is None:
            return
        text, category_id, speaker = draft
        self._restoring = True
        try:
            self.capture.setPlainText(text)
            self.capture.moveCursor(self.capture.textCursor().MoveOperation.End)
            if category_id in {c.id for c in self._categories}:
                self.choose_category(category_id)
            self.speaker_edit.setText(speaker)
        finally:
            self._restoring = False

    # --- notes table ------------------------------------------------------------------------------------
    def selected_note_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.notes_view.selectionModel().selectedRows()})
        return [self.notes_model.note_id(r) for r in rows]

    def delete_selected_notes(self) -> None:
        doc = self.doc
        if doc is None or doc.read_only:
            return
        ids = self.selected_note_ids()
        if not ids:
            return
        if len(ids) == 1:
            doc.run(ops.DeleteNote(ids[0]))
        else:
            label = self.tr("Delete %1 notes").replace("%1", str(len(ids)))
            doc.run(ops.Batch([ops.DeleteNote(n) for n in ids], label))

    def jump_to_note(self, note_id: int) -> None:
        """Show the day and item of a note and select it (a search result was picked)."""
        doc = self.doc
        if doc is None:
            return
        try:
            note = doc.service.note(note_id)
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return
        if note.agenda_item_id is not None:
            item = doc.service.item(note.agenda_item_id)
            if item.day_id != self.day_id:
                self.select_day(item.day_id, item.id)
            else:
                self.select_item(item.id)
        else:  # outside the agenda: its day's entry (the first day if its day is gone)
            days = [d.id for d in doc.service.days()]
            day_id = note.day_id if note.day_id in days else (days[0] if days else None)
            if day_id is not None and day_id != self.day_id:
                self.select_day(day_id)
            self.select_item(None)
        row = self.notes_model.row_of(note_id)
        if row is not None:
            index = self.notes_model.index(row, NotesModel.TEXT)
            self.notes_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.notes_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- zoom -------------------------------------------------------------------------------------------
    def set_zoom(self, steps: int) -> None:
        self.zoom_steps = max(-4, min(12, steps))
        factor = 1.15**self.zoom_steps
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, self._base_point_size * factor))
        self.setFont(font)
        metrics = self.notes_view.fontMetrics()
        self.notes_view.horizontalHeader().resizeSection(
            NotesModel.TIME, metrics.horizontalAdvance("00:00") + 16
        )
        self.notes_view.verticalHeader().setDefaultSectionSize(int(metrics.height() * 1.6))
        title = QFont(font)
        title.setPointSizeF(font.pointSizeF() * 1.6)
        title.setBold(True)
        self.item_title.setFont(title)
        timer = QFont(font)
        timer.setPointSizeF(font.pointSizeF() * 3.2)
        timer.setBold(True)
        timer.setStyleHint(QFont.StyleHint.Monospace)
        timer.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.timer_label.setFont(timer)
        capture = QFont(font)
        capture.setPointSizeF(font.pointSizeF() * 1.15)
        self.capture.setFont(capture)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_steps + 1)
        self.settings.set_zoom(self.zoom_steps)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_steps - 1)
        self.settings.set_zoom(self.zoom_steps)

    def zoom_reset(self) -> None:
        self.set_zoom(0)
        self.settings.set_zoom(0)
