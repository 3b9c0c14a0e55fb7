"""The room opened from the window (*Live › Open the room…*): the same server as
``python main.py serve``, over the window's document.

- :class:`DocumentBackend` — every write of a phone is an operation submitted to the
  document (``document.submit``): it runs on the GUI thread that owns the one writing
  connection, is announced on the change stream (the projector's results, the Live
  notes, the room's panel follow it) and is never on the undo stack. Reads run on the
  GUI thread too; the server never opens a connection of its own.
- :class:`OpenRoomDialog` — which address to listen on (the laptop's LAN addresses,
  the one with a route to a private network first; never 0.0.0.0), the port, an
  optional Wi-Fi network for the join screen's second QR code.
- :class:`RoomPanel` — the facilitator's side: who and how many joined, remove a phone,
  close joining, reveal results, put a question, the moderation queue of ideas.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain import room as r
from facilitator.domain.voting import Ballot
from facilitator.room.backend import RoomInfo, ServiceBackend
from facilitator.services import operations as ops
from facilitator.services.joincodes import Claimed
from facilitator.services.room import RoomService
from facilitator.ui.linked import GuiCalls

if TYPE_CHECKING:
    from facilitator.ui.document import WorkshopDocument

T = TypeVar("T")


class DocumentBackend(ServiceBackend):
    """A :class:`~facilitator.room.backend.RoomBackend` over the window's document."""

    def __init__(self, doc: WorkshopDocument) -> None:
        self.doc = doc
        self._gui = GuiCalls()  # made on the GUI thread, like the document
        workshop = doc.service.workshop()
        # Asked while the server starts, when the GUI thread waits for it: known now.
        self._info = RoomInfo(workshop.title, workshop.language.value)

    async def info(self) -> RoomInfo:
        return self._info

    def submit(self, fn: Callable[[RoomService], T]) -> concurrent.futures.Future[T]:
        """Reads (the phone's view, the live results...) on the GUI thread."""
        return self._gui.call(lambda: fn(RoomService(self.doc.service)))

    async def _op(self, op: ops._RoomEvent) -> Any:
        await asyncio.wrap_future(self.doc.submit(op))
        return op.result

    def close(self) -> None:
        """Refuse what the room still asks: its threads stop waiting at once."""
        self._gui.close()

    async def run_op(self, op: ops.Operation) -> ops.Changes:
        """Any other operation (a note-taker's batch): through the document too."""
        return await asyncio.wrap_future(self.doc.submit(op))

    # Every write is an operation:
    async def join(self, token_hash: str, name: object, language: str) -> r.Device:
        device: r.Device = await self._op(ops.JoinRoom(token_hash, name, language))
        return device

    async def cast(
        self, device_id: int, poll_id: int, ballot: Ballot, key: str, participants: bool = False
    ) -> r.CastOutcome:
        outcome: r.CastOutcome = await self._op(
            ops.CastFromPhone(device_id, poll_id, ballot, key, participants)
        )
        return outcome

    async def submit_idea(
        self, device_id: int, key: str, text: object, participants: bool = False
    ) -> r.Idea:
        idea: r.Idea = await self._op(ops.SendIdea(device_id, key, text, participants))
        return idea

    async def upvote(self, device_id: int, idea_id: int, participants: bool = False) -> bool:
        return bool(await self._op(ops.UpvoteIdea(device_id, idea_id, participants)))

    async def claim(self, device_id: int, participant_id: object, code: object) -> Claimed:
        claimed: Claimed = await self._op(ops.ClaimJoinCode(device_id, participant_id, code))
        return claimed

    async def free_claim(self, device_id: int) -> int | None:
        freed: int | None = await self._op(ops.FreeClaim(device_id))
        return freed

    async def remove_device(self, device_id: int) -> None:
        await self._op(ops.RemoveDevice(device_id))

    async def accept(self, idea_id: int, category_id: int | None = None) -> int:
        return int(await self._op(ops.AcceptIdea(idea_id, category_id)))

    async def reject(self, idea_id: int) -> None:
        await self._op(ops.RejectIdea(idea_id))

    async def merge(self, duplicate_id: int, into_id: int) -> None:
        await self._op(ops.MergeIdeas(duplicate_id, into_id))

    async def reveal(self, poll_id: int, revealed: bool = True) -> None:
        await self._op(ops.RevealResults(poll_id, revealed))

    async def ask(self, text: str, agenda_item_id: int | None = None) -> int:
        return int(await self._op(ops.AskRoom(text)) or 0)

    async def close_question(self) -> None:
        await self._op(ops.AskRoom(""))


# --- opening ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RoomSettings:
    host: str
    port: int = 0  # 0: a free port
    wifi_ssid: str = ""
    wifi_password: str = ""
    ask_name: bool = False
    participants: bool = False  # phones pick their name from the list and type its code


class OpenRoomDialog(QDialog):
    """Where the room listens, what the join screen shows, and who the phones are:
    anonymous, a name they give, or a participant of the list (with a join code).
    ``people``: (participants on the list, how many have no code yet)."""

    def __init__(self, parent: QWidget | None = None, people: tuple[int, int] = (0, 0)) -> None:
        super().__init__(parent)
        from facilitator.room.network import list_addresses, pick_address

        self.setWindowTitle(self.tr("Open the room"))
        self.addresses = list_addresses()
        chosen = pick_address(self.addresses)
        self.address = QComboBox()
        for a in self.addresses:
            label = a.label
            if a.routes_to_lan:
                label += "  — " + self.tr("local network")
            elif a.ip.startswith("127."):
                label += "  — " + self.tr("this computer only")
            self.address.addItem(label, a.ip)
        if chosen is not None:
            self.address.setCurrentIndex(max(0, self.address.findData(chosen.ip)))
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("any free port"))
        self.ssid = QLineEdit()
        self.ssid.setPlaceholderText(self.tr("optional: a QR code to join the Wi-Fi"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.anonymous = QRadioButton(self.tr("Anonymous phones"))
        self.ask_name = QRadioButton(self.tr("Ask phones for a name"))
        self.participants = QRadioButton(
            self.tr("Phones pick a name from the participant list and type its join code")
        )
        self.anonymous.setChecked(True)
        who = QButtonGroup(self)
        for button in (self.anonymous, self.ask_name, self.participants):
            who.addButton(button)
        total, missing = people
        self.participants_hint = QLabel()
        self.participants_hint.setWordWrap(True)
        self.participants_hint.setContentsMargins(24, 0, 0, 0)
        if total == 0:
            self.participants.setEnabled(False)
            self.participants_hint.setText(self.tr("Add participants in Plan first."))
        else:
            hint = self.tr("%1 participants; only they can vote (print their codes first).")
            hint = hint.replace("%1", str(total))
            if missing:
                hint += " " + self.tr("%1 without a code get one now.").replace("%1", str(missing))
            self.participants_hint.setText(hint)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        if chosen is None:
            self.warning.setText(
                self.tr(
                    "This computer is on no local network: only this computer can join. "
                    "Connect to the venue Wi-Fi, a travel router or your hotspot first."
                )
            )
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Wi-Fi name:"), self.ssid)
        form.addRow(self.tr("Wi-Fi password:"), self.password)
        who_box = QVBoxLayout()
        who_box.setSpacing(2)
        for w in (self.anonymous, self.ask_name, self.participants, self.participants_hint):
            who_box.addWidget(w)
        form.addRow(self.tr("Phones:"), who_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the room"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

    def values(self) -> RoomSettings:
        return RoomSettings(
            host=str(self.address.currentData()),
            port=self.port.value(),
            wifi_ssid=self.ssid.text().strip(),
            wifi_password=self.password.text(),
            ask_name=self.ask_name.isChecked(),
            participants=self.participants.isChecked() and self.participants.isEnabled(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None = None, people: tuple[int, int] = (0, 0)
    ) -> RoomSettings | None:
        dialog = cls(parent, people)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()


# --- the facilitator's panel -------------------------------------------------------------


IdRole = Qt.ItemDataRole.UserRole
DeviceRole = Qt.ItemDataRole.UserRole + 1


class RoomPanel(QWidget):
    """The room's state and the facilitator's controls (in the projector's dock)."""

    open_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: WorkshopDocument | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_or_close)
        self.joining = QCheckBox()
        self.reveal_button = QPushButton()
        self.question = QLineEdit()
        self.ask_button = QPushButton()
        self.devices = QListWidget()
        self.devices.setMaximumHeight(90)
        self.remove_button = QPushButton()
        self.ideas = QListWidget()
        self.ideas.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.ideas.setWordWrap(True)
        self.category = QComboBox()
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        self.merge_button = QPushButton()
        self.devices_label = QLabel()
        self.ideas_label = QLabel()
        # the participants' mode: who joined, a new code for a lost badge, free a phone
        self.participants_mode = False
        self.people_label = QLabel()
        self.people = QListWidget()
        self.people.setMaximumHeight(150)
        self.reissue_button = QPushButton()
        self.free_button = QPushButton()
        self.print_button = QPushButton()
        self.people_box = QWidget()
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(self.reissue_button)
        people_buttons.addWidget(self.free_button)
        people_layout = QVBoxLayout(self.people_box)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.people_label)
        people_layout.addWidget(self.people)
        people_layout.addLayout(people_buttons)
        people_layout.addWidget(self.print_button)
        self.people.currentItemChanged.connect(lambda *_: self._people_buttons())
        for b in (
            self.reissue_button,
            self.free_button,
            self.print_button,
            self.open_button,
            self.reveal_button,
            self.ask_button,
            self.remove_button,
            self.accept_button,
            self.reject_button,
            self.merge_button,
        ):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        device_row = QHBoxLayout()
        device_row.addWidget(self.devices_label, 1)
        device_row.addWidget(self.remove_button)
        self.status.setMinimumWidth(200)
        idea_row = QHBoxLayout()
        idea_row.addWidget(self.category, 1)
        idea_row.addWidget(self.accept_button)
        idea_row2 = QHBoxLayout()
        idea_row2.addWidget(self.reject_button)
        idea_row2.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_button)
        layout.addWidget(self.status)
        layout.addWidget(self.joining)
        layout.addWidget(self.reveal_button)
        layout.addLayout(ask_row)
        layout.addWidget(self.people_box)
        layout.addLayout(device_row)
        layout.addWidget(self.devices)
        layout.addWidget(self.ideas_label)
        layout.addWidget(self.ideas, 1)
        layout.addLayout(idea_row)
        layout.addLayout(idea_row2)
        self.is_open = False
        self.url = ""
        self.code = ""
        self.retranslate()
        self.set_open(False)

    def retranslate(self) -> None:
        self.joining.setText(self.tr("Phones may join"))
        self.reveal_button.setText(self.tr("Reveal results to phones"))
        self.question.setPlaceholderText(self.tr("a question for the room's phones"))
        self.ask_button.setText(self.tr("Ask"))
        self.remove_button.setText(self.tr("Remove phone"))
        self.accept_button.setText(self.tr("Accept as note"))
        self.reject_button.setText(self.tr("Reject"))
        self.merge_button.setText(self.tr("Merge duplicates"))
        self.merge_button.setToolTip(
            self.tr("Select two or more ideas: the later ones join the first")
        )
        self.reissue_button.setText(self.tr("New code…"))
        self.reissue_button.setToolTip(
            self.tr("A lost badge: the selected participant gets a new code, the old one stops")
        )
        self.free_button.setText(self.tr("Free phone"))
        self.free_button.setToolTip(
            self.tr("The selected participant's phone is nobody again: their code works once more")
        )
        self.print_button.setText(self.tr("Print join codes…"))
        self.set_open(self.is_open, self.url, self.code, self.participants_mode)

    def _open_or_close(self) -> None:
        (self.close_requested if self.is_open else self.open_requested).emit()

    def set_open(
        self, is_open: bool, url: str = "", code: str = "", participants: bool = False
    ) -> None:
        self.is_open, self.url, self.code = is_open, url, code
        self.participants_mode = participants and is_open
        self.people_box.setVisible(self.participants_mode)
        self.open_button.setText(
            self.tr("Close the room") if is_open else self.tr("Open the room…")
        )
        for w in (
            self.joining,
            self.reveal_button,
            self.question,
            self.ask_button,
            self.devices,
            self.remove_button,
            self.ideas,
            self.category,
            self.accept_button,
            self.reject_button,
            self.merge_button,
        ):
            w.setEnabled(is_open)
        self.reload()

    def reload(self) -> None:
        doc = self.doc
        if doc is None or not self.is_open:
            self.status.setText(self.tr("The room is closed: phones cannot join."))
            self.devices.clear()
            self.ideas.clear()
            self.devices_label.setText("")
            self.ideas_label.setText("")
            return
        room = RoomService(doc.service)
        summary = room.summary()
        self.status.setText(
            self.tr("Open at %1 · code %2").replace("%1", self.url).replace("%2", self.code)
        )
        claims = room.codes.repo.live_claims()
        names = {p.id: p.name for p in doc.service.participants()}
        self.devices.clear()
        for d in room.devices():
            label = names.get(claims.get(d.id, -1), "") or d.name
            item = QListWidgetItem(label or self.tr("anonymous phone %1").replace("%1", str(d.id)))
            item.setData(IdRole, d.id)
            self.devices.addItem(item)
        if self.participants_mode:
            self._reload_people(room)
        self.devices_label.setText(self.tr("Phones joined: %1").replace("%1", str(summary.devices)))
        self.ideas.clear()
        for idea in room.pending():
            item = QListWidgetItem(idea.text + (f"  — {idea.author}" if idea.author else ""))
            item.setData(IdRole, idea.id)
            self.ideas.addItem(item)
        self.ideas_label.setText(
            self.tr("Ideas waiting: %1").replace("%1", str(summary.pending_ideas))
        )
        current = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("No category"), None)
        for c in doc.service.categories():
            self.category.addItem(c.name, c.id)
        if current is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.reveal_button.setEnabled(summary.poll_id is not None and not summary.results_visible)
        if not self.question.hasFocus():
            self.question.setText(summary.question)

    def _reload_people(self, room: RoomService) -> None:
        current = self.selected_participant()
        codes = room.codes.codes()
        self.people.clear()
        for c in codes:
            if c.claimed:
                text = "✓ " + c.name  # joined
            elif c.code:
                text = "○ " + c.name  # not yet
            else:
                text = "○ " + c.name + "  — " + self.tr("no code")
            if c.organisation:
                text += f"  ({c.organisation})"
            item = QListWidgetItem(text)
            item.setData(IdRole, c.participant_id)
            item.setData(DeviceRole, c.device_id)
            self.people.addItem(item)
            if c.participant_id == current:
                self.people.setCurrentItem(item)
        joined = sum(1 for c in codes if c.claimed)
        self.people_label.setText(
            self.tr("Participants joined: %1 of %2")
            .replace("%1", str(joined))
            .replace("%2", str(len(codes)))
        )
        self._people_buttons()

    def _people_buttons(self) -> None:
        item = self.people.currentItem()
        self.reissue_button.setEnabled(self.is_open and item is not None)
        self.free_button.setEnabled(
            self.is_open and item is not None and item.data(DeviceRole) is not None
        )

    def selected_participant(self) -> int | None:
        item = self.people.currentItem()
        return int(item.data(IdRole)) if item is not None else None

    def selected_participant_device(self) -> int | None:
        item = self.people.currentItem()
        device = item.data(DeviceRole) if item is not None else None
        return int(device) if device is not None else None

    def selected_ideas(self) -> list[int]:
        rows = sorted(self.ideas.row(i) for i in self.ideas.selectedItems())
        return [int(self.ideas.item(n).data(IdRole)) for n in rows]

    def selected_device(self) -> int | None:
        item = self.devices.currentItem()
        return int(item.data(IdRole)) if item is not None else None
