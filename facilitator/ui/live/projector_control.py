"""The projector, seen from the main window: the presenter window (one per open
workshop, hidden until F5), what it shows (the switch: timer / question / results /
join code / blank), a small live preview of it, and the room's panel beside it.

The projector always shows the running item (or, when none runs, the selected one
marked "next"); everything it shows follows the document's change stream, so a phone's
ballot or an edit in Plan reaches it the same way as the window's own changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import FacilitatorError
from facilitator.services.operations import Changes, Kind
from facilitator.ui.live.presenter import Mode, PresenterWindow
from facilitator.ui.throttle import Throttle

if TYPE_CHECKING:
    from facilitator.room.server import RoomServer
    from facilitator.ui.document import WorkshopDocument
    from facilitator.ui.live.live_view import LiveView
    from facilitator.ui.live.room_window import DocumentBackend, RoomPanel, RoomSettings

PREVIEW_WIDTH = 224
PREVIEW_SOURCE = (1280, 720)  # the presenter is drawn at this size for the preview


class ProjectorPreview(QLabel):
    """A thumbnail of what the projector shows, redrawn every second while visible."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorPreview")
        self.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("QLabel#projectorPreview { background: #000; border: 1px solid #777; }")
        self.source: PresenterWindow | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)

    def set_source(self, source: PresenterWindow | None) -> None:
        self.source = source
        if source is None:
            self.timer.stop()
            self.clear()
        else:
            self.timer.start()
            self.refresh()

    def refresh(self) -> None:
        source = self.source
        if source is None or not self.isVisible():
            return
        if not source.isVisible():
            # Hidden (not on the projector yet): laid out at a projector's size.
            source.resize(*PREVIEW_SOURCE)
        pix: QPixmap = source.grab()
        self.setPixmap(
            pix.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class ProjectorPanel(QWidget):
    """The dock's content: the preview, the "show on projector" switch, show/hide."""

    mode_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = ProjectorPreview()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.buttons: dict[Mode, QPushButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        grid = QGridLayout()
        for n, mode in enumerate(m for m in Mode if m is not Mode.PICTURE):
            b = QPushButton()
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, m=mode: self.mode_chosen.emit(m.value))
            self.group.addButton(b)
            self.buttons[mode] = b
            grid.addWidget(b, n // 2, n % 2)
        self.show_button = QPushButton()
        self.show_button.setCheckable(True)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.room_box = QVBoxLayout()  # the room's panel goes here
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addLayout(grid)
        layout.addWidget(self.show_button)
        layout.addLayout(self.room_box, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(self.tr("Show on projector:"))
        names = {
            Mode.TIMER: self.tr("Timer"),
            Mode.QUESTION: self.tr("Question"),
            Mode.RESULTS: self.tr("Results"),
            Mode.JOIN: self.tr("Join code"),
            Mode.IDEAS: self.tr("Ideas"),
            Mode.BLANK: self.tr("Blank"),
        }
        for mode, b in self.buttons.items():
            b.setText(names[mode])
        self.show_button.setText(self.tr("On the projector (F5)"))

    def set_mode(self, mode: Mode) -> None:
        button = self.buttons.get(mode)  # a picture from another screen has no button
        if button is not None:
            button.setChecked(True)


class ProjectorControl(QObject):
    """Owns the presenter window of the open workshop and keeps it true."""

    visibility_changed = Signal(bool)

    def __init__(self, live: LiveView, parent: QWidget) -> None:
        super().__init__(parent)
        self.live = live
        self.host = parent
        self.doc: WorkshopDocument | None = None
        self.window: PresenterWindow | None = None
        self.poll_id: int | None = None
        self.server: RoomServer | None = None
        self._room_backend: DocumentBackend | None = None
        self.room_settings: RoomSettings | None = None
        self._room_panel: RoomPanel | None = None
        # A burst of ballots or joins (300 phones): one reload per interval, the first
        # at once (benchmarks/room_load.py --window).
        self.room_reload = Throttle(self._reload_room_panel, 250, self)
        self.results_reload = Throttle(self.reload_results, 200, self)
        self.panel = ProjectorPanel()
        self.panel.mode_chosen.connect(self.set_mode)
        self.dock = QDockWidget(parent)
        self.dock.setObjectName("projectorDock")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)
        scroll.setMinimumWidth(
            max(PREVIEW_WIDTH, self.panel.minimumSizeHint().width())
            + scroll.verticalScrollBar().sizeHint().width()
            + 8
        )
        self.dock.setWidget(scroll)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.dock.visibilityChanged.connect(self._dock_shown)
        live.timer_changed.connect(self._timer_changed)
        live.current_item_changed.connect(lambda _item: self.follow_item())
        live.running_item_changed.connect(lambda _item: self.follow_item())
        live.question_changed.connect(self._question_changed)
        self.retranslate()

    def _dock_shown(self, shown: bool) -> None:
        if shown:
            self.panel.preview.refresh()

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Projector"))
        self.panel.retranslate()
        if self.window is not None:
            self.window.retranslate()
        if self._room_panel is not None:
            self._room_panel.retranslate()

    # --- the document -----------------------------------------------------------------
    def set_document(self, doc: WorkshopDocument | None) -> None:
        self.close_room()
        if self.doc is not None:
            self.doc.changed.disconnect(self._changes)
        self.doc = doc
        self.poll_id = None
        if doc is None:
            if self.window is not None:
                self.window.close()
                self.window.deleteLater()
                self.window = None
            self.panel.preview.set_source(None)
            return
        doc.changed.connect(self._changes)
        if self.window is None:
            self.window = PresenterWindow()
            self.window.closed.connect(lambda: self.visibility_changed.emit(False))
            self.window.mode_changed.connect(lambda m: self.panel.set_mode(Mode(m)))
        self.window.set_mode(Mode.TIMER)
        self.panel.set_mode(Mode.TIMER)
        self._load_workshop()
        self._question_changed(self.live.question_edit.text())
        self.follow_item()
        self.live.refresh_timer()
        self.panel.preview.set_source(self.window)

    def _load_workshop(self) -> None:
        if self.doc is None or self.window is None:
            return
        try:
            workshop = self.doc.service.workshop()
        except FacilitatorError:
            return
        self.window.set_language(workshop.language.value)
        self.window.set_workshop_title(workshop.title)

    def visible_window(self) -> PresenterWindow | None:
        w = self.window
        return w if w is not None and w.isVisible() else None

    # --- showing ----------------------------------------------------------------------
    def show_on(self, screen_name: str) -> None:
        if self.window is None:
            return
        self.window.show_on(screen_name)
        self.visibility_changed.emit(True)

    def hide(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.close()  # emits closed → visibility_changed(False)

    def set_mode(self, mode: str | Mode) -> None:
        if self.window is None:
            return
        mode = Mode(mode)
        if mode is Mode.RESULTS and self.poll_id is None:
            self._pick_room_poll()
        if mode is Mode.IDEAS:
            self.reload_wall()
        self.window.set_mode(mode)
        self.panel.preview.refresh()

    def present_poll(self, poll_id: int | None) -> None:
        """Show a poll's results: the whole screen, updated as ballots arrive."""
        self.poll_id = poll_id
        self.reload_results()
        self.set_mode(Mode.RESULTS)

    def _pick_room_poll(self) -> None:
        if self.doc is None:
            return
        from facilitator.services.room import RoomService

        try:
            poll = RoomService(self.doc.service).shown_poll()
        except FacilitatorError:
            return
        if poll is not None:
            self.poll_id = poll.id
            self.reload_results()

    def reload_results(self) -> None:
        self.results_reload.cancel()  # a later tally waiting is this one
        if self.window is None or self.doc is None:
            return
        if self.poll_id is None:
            self.window.set_results(None, None, False)
            return
        from facilitator.services.room import RoomService

        room = RoomService(self.doc.service)
        try:
            poll = room.org.poll(self.poll_id)
            result = room.results(poll.id)
        except FacilitatorError:
            self.poll_id = None
            self.window.set_results(None, None, False)
            return
        self.window.set_results(poll, result, room.results_visible(poll))

    def reload_wall(self) -> None:
        if self.window is None or self.doc is None:
            return
        from facilitator.services.room import RoomService

        try:
            wall = RoomService(self.doc.service).projector_wall()
        except FacilitatorError:
            return
        self.window.set_ideas([(i.votes, i.text) for i in wall[:30]])

    # --- following --------------------------------------------------------------------
    def projected_item(self) -> tuple[object | None, bool]:
        running = self.live.running_item
        if running is not None:
            return running, True
        return self.live.current_item(), False

    def follow_item(self) -> None:
        if self.window is None:
            return
        item, running = self.projected_item()
        self.window.set_item(item, running)  # type: ignore[arg-type]

    def _timer_changed(self, text: str, state: str) -> None:
        if self.window is not None:
            self.window.set_timer(text, state)

    def _question_changed(self, text: str) -> None:
        if self.window is not None:
            self.window.set_question(text)

    def _changes(self, changes: Changes) -> None:
        if self.server is not None:
            self._tell_room(changes)
        if self.window is None:
            return
        if changes.touches(Kind.WORKSHOP):
            self._load_workshop()
            self.reload_results()  # the workshop's language names the methods
        item, running = self.projected_item()
        item_id = getattr(item, "id", None)
        if item_id is not None and item_id in changes.ids(Kind.ITEM) and self.doc is not None:
            try:
                fresh = self.doc.service.item(item_id)  # one row: the item as it is now
            except FacilitatorError:
                fresh = None  # deleted: Live moves to another item and says so
            if fresh is not None:
                self.window.set_item(fresh, running)
        if self.poll_id is not None and self.poll_id in changes.ids(Kind.POLL):
            self.reload_results()
        elif self.poll_id is not None and self.poll_id in changes.ids(Kind.BALLOT):
            self.results_reload()  # each re-tally reads every ballot: one per 0.2 s
        elif self.poll_id is not None and 0 in changes.ids(Kind.ROOM):
            self.reload_results()  # revealed to the room
        if self.window.mode is Mode.IDEAS and (
            0 in changes.ids(Kind.ROOM) or changes.touches(Kind.QUESTION)
        ):
            self.reload_wall()  # an idea accepted, merged or upvoted

    # --- the room -----------------------------------------------------------------------
    def room_panel(self) -> RoomPanel:
        if self._room_panel is None:
            from facilitator.ui.live.room_window import RoomPanel

            panel = RoomPanel()
            panel.open_requested.connect(lambda: self.open_room())
            panel.close_requested.connect(self.close_room)
            panel.joining.toggled.connect(self._set_joining)
            panel.reveal_button.clicked.connect(self.reveal)
            panel.ask_button.clicked.connect(self._ask)
            panel.question.returnPressed.connect(self._ask)
            panel.remove_button.clicked.connect(self.remove_selected_device)
            panel.accept_button.clicked.connect(self.accept_selected_idea)
            panel.reject_button.clicked.connect(self.reject_selected_ideas)
            panel.merge_button.clicked.connect(self.merge_selected_ideas)
            panel.reissue_button.clicked.connect(self.reissue_selected_code)
            panel.free_button.clicked.connect(self.free_selected_phone)
            panel.print_button.clicked.connect(self.print_join_codes)
            self.panel.room_box.addWidget(panel)
            self._room_panel = panel
        return self._room_panel

    def open_room(self, settings: RoomSettings | None = None) -> bool:
        """Open the room (asking where, unless ``settings`` says): the server starts in
        its thread, the projector shows the join screen. Returns whether it opened."""
        if self.doc is None or self.doc.read_only or self.server is not None:
            return False
        from facilitator.room import join
        from facilitator.room.server import RoomServer
        from facilitator.services.joincodes import JoinCodeService
        from facilitator.ui import errors
        from facilitator.ui.live.room_window import DocumentBackend, OpenRoomDialog

        codes = JoinCodeService(self.doc.service)
        if settings is None:
            people = (len(codes.codes()), codes.missing())
            settings = OpenRoomDialog.ask(self.host, people)
            if settings is None:
                return False
        if settings.participants and codes.missing():
            from facilitator.services import operations as ops

            if not self._run(ops.IssueJoinCodes(missing_only=True)):
                return False
        panel = self.room_panel()
        try:
            backend = DocumentBackend(self.doc)
            server = RoomServer(backend, settings.host, settings.port)
            server.room.ask_name = settings.ask_name
            server.room.participants = settings.participants
            server.start()
        except (OSError, ValueError) as exc:
            from facilitator.domain.errors import ValidationError

            errors.show_error(
                self.host,
                ValidationError(
                    "room",
                    self.tr("the room could not listen on %1: %2")
                    .replace(
                        "%1", f"{settings.host}:{settings.port}" if settings.port else settings.host
                    )
                    .replace("%2", str(exc)),
                ),
            )
            return False
        self.server, self.room_settings = server, settings
        self._room_backend = backend
        panel.doc = self.doc
        panel.joining.blockSignals(True)
        panel.joining.setChecked(True)
        panel.joining.blockSignals(False)
        panel.set_open(True, server.url, server.code, settings.participants)
        if self.window is not None:
            language = self.window.language
            screen = join.JoinScreen.build(
                server.url,
                server.code,
                language,
                settings.wifi_ssid,
                settings.wifi_password,
                participants=settings.participants,
            )
            wifi_png = b""
            if settings.wifi_ssid:
                wifi_png = join.qr_png(
                    join.wifi_payload(settings.wifi_ssid, settings.wifi_password)
                )
            self.window.set_join(
                screen.url,
                screen.code,
                screen.advice,
                join.qr_png(screen.url),
                settings.wifi_ssid,
                wifi_png,
            )
            self.set_mode(Mode.JOIN)
        return True

    def close_room(self) -> None:
        """Close the room: every socket within about a second."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        if self._room_backend is not None:  # what the room still asked is refused
            self._room_backend.close()
            self._room_backend = None
        self.room_reload.cancel()
        self.results_reload.cancel()
        if self._room_panel is not None:
            self._room_panel.set_open(False)
        if self.window is not None:
            self.window.set_join()
            if self.window.mode is Mode.JOIN:
                self.set_mode(Mode.TIMER)

    @property
    def room_open(self) -> bool:
        return self.server is not None

    def _tell_room(self, changes: Changes) -> None:
        """What the window (or a phone) changed reaches the phones: their pages are
        told to refresh; a ballot only refreshes the live results."""
        server = self.server
        if server is None:
            return
        server.notify(changes)
        if changes.touches(
            Kind.ROOM,
            Kind.QUESTION,
            Kind.POLL,
            Kind.CATEGORY,
            Kind.BALLOT,
            Kind.JOIN_CODE,
            Kind.PARTICIPANT,
            Kind.ORGANISATION,
        ):
            self.room_reload()

    def _reload_room_panel(self) -> None:
        if self._room_panel is not None:
            self._room_panel.reload()

    def _set_joining(self, open_: bool) -> None:
        if self.server is not None:
            self.server.set_joining(open_)

    def _run(self, op: object) -> bool:
        if self.doc is None:
            return False
        return self.doc.run(op, parent=self.host)  # type: ignore[arg-type]

    def reveal(self) -> None:
        from facilitator.services import operations as ops
        from facilitator.services.room import RoomService

        if self.doc is None:
            return
        poll = RoomService(self.doc.service).current_poll()
        if poll is not None:
            self._run(ops.RevealResults(poll.id))

    def _ask(self) -> None:
        from facilitator.services import operations as ops

        panel = self.room_panel()
        text = panel.question.text().strip()
        if self._run(ops.AskRoom(text)):
            self.live.question_edit.setText(text)  # the projector shows it too

    def remove_selected_device(self) -> None:
        from facilitator.services import operations as ops

        device = self.room_panel().selected_device()
        if device is not None and self._run(ops.RemoveDevice(device)) and self.server:
            self.server.forget_device(device)

    def reissue_selected_code(self) -> None:
        """A lost badge: the selected participant gets a new code (the panel says it)."""
        from facilitator.ui import join_codes

        pid = self.room_panel().selected_participant()
        if self.doc is not None and pid is not None:
            join_codes.reissue(self.doc, pid, self.host)

    def free_selected_phone(self) -> None:
        """The selected participant's phone is nobody again (their code works again)."""
        from facilitator.services import operations as ops

        device = self.room_panel().selected_participant_device()
        if device is not None:
            self._run(ops.FreeClaim(device))

    def print_join_codes(self) -> None:
        from facilitator.ui import join_codes

        if self.doc is not None:
            join_codes.print_codes(self.doc, self.host)

    def accept_selected_idea(self) -> None:
        from facilitator.services import operations as ops

        panel = self.room_panel()
        category = panel.category.currentData()
        for idea in panel.selected_ideas():
            self._run(ops.AcceptIdea(idea, category))

    def reject_selected_ideas(self) -> None:
        from facilitator.services import operations as ops

        for idea in self.room_panel().selected_ideas():
            self._run(ops.RejectIdea(idea))

    def merge_selected_ideas(self) -> None:
        from facilitator.services import operations as ops

        chosen = self.room_panel().selected_ideas()
        if len(chosen) >= 2:
            first, rest = chosen[0], chosen[1:]
            self._run(ops.Batch([ops.MergeIdeas(d, first) for d in rest], self.tr("Merge ideas")))
