"""Use cases of the room: what phones on the local network may do to a workshop, and
what the facilitator does with it (moderation, reveal, questions). No Qt, no SQL, no
network.

Every rule a phone must respect is checked here or by the domain (the same ballot
rules as on the laptop: :func:`facilitator.domain.voting.validate_ballot`); the page's
JavaScript only helps. Nothing is written when a rule is broken.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from facilitator.domain import room as r
from facilitator.domain import validation as v
from facilitator.domain.errors import NotFound, ValidationError
from facilitator.services.joincodes import Claimed, JoinCodeService
from facilitator.services.workshop import WorkshopService
from facilitator.storage.room import RoomRepository

if TYPE_CHECKING:  # polls and ballots are loaded when a poll is asked for, not before
    from facilitator.domain.organise import Poll
    from facilitator.domain.voting import Ballot, PollResult
    from facilitator.services.organise import OrganiseService

ANONYMOUS = {"it": "anonimo", "en": "anonymous"}
ROOM_TAKER = {"it": "sala", "en": "room"}


@dataclass(frozen=True)
class RoomSummary:
    """What the facilitator's screens show about the room (the laptop only)."""

    devices: int  # phones that joined and were not removed
    pending_ideas: int
    poll_id: int | None  # the room's current poll
    poll_title: str
    room_ballots: int  # counted ballots from phones in that poll
    all_ballots: int  # counted ballots in that poll, phones and laptop
    results_visible: bool  # to the phones
    question: str  # the open question, "" if none


@dataclass(frozen=True)
class IdeaTarget:
    """Where an idea sent now goes: an open question, else the running agenda item."""

    question: r.Question | None
    agenda_item_id: int | None
    title: str  # the question, or the item's title ("" when nothing is running)


class RoomService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = RoomRepository(svc.file)

    @cached_property
    def codes(self) -> JoinCodeService:
        return JoinCodeService(self.svc)

    @cached_property
    def org(self) -> OrganiseService:
        from facilitator.services.organise import OrganiseService

        return OrganiseService(self.svc)

    @property
    def language(self) -> str:
        return self.svc.workshop().language.value

    def workshop_title(self) -> str:
        return self.svc.workshop().title

    # --- devices ----------------------------------------------------------------------

    def join(self, token_hash: str, name: object, language: str) -> r.Device:
        """Register a phone (or update the name of one that joined before)."""
        clean = r.clean_device_name(name)
        lang = language if language in ("it", "en") else self.language
        known = self.repo.device_by_token(token_hash)
        if known is not None:
            if known.removed:
                raise ValidationError(
                    "device", "this phone was removed from the room", rule="removed"
                )
            new_name = known.name if name is None else clean
            if new_name != known.name or lang != known.language:
                self.repo.set_device_name(known.id, new_name, lang)
            return self._device(known.id)
        return self._device(self.repo.add_device(token_hash, clean, lang))

    def _device(self, device_id: int) -> r.Device:
        d = self.repo.get_device(device_id)
        if d is None:
            raise NotFound(f"no device {device_id}")
        return d

    def device(self, token_hash: str) -> r.Device | None:
        """The phone holding this token (``removed`` says whether it may still act)."""
        return self.repo.device_by_token(token_hash)

    def devices(self) -> list[r.Device]:
        return [d for d in self.repo.list_devices() if not d.removed]

    def remove_device(self, device_id: int) -> int | None:
        """The phone may do nothing more; if it was a participant, their code works
        again on another phone. Returns that participant (None: it was nobody)."""
        self._device(device_id)
        freed = None
        with self.svc.file.writing():
            if self.codes.claimant(device_id) is not None:
                freed = self.codes.free(device_id)
            self.repo.set_device_removed(device_id, True)
        return freed

    # --- participants (join codes) ------------------------------------------------------

    def claim(self, device_id: int, participant_id: object, code: object) -> Claimed:
        """The phone is ``participant_id`` if ``code`` is theirs (see JoinCodeService)."""
        self._live_device(device_id)
        return self.codes.claim(device_id, participant_id, code)

    def participant_of(self, device_id: int) -> tuple[int, str] | None:
        """(participant id, name) of the participant this phone is now."""
        pid = self.codes.claimant(device_id)
        if pid is None:
            return None
        return pid, self.svc.participant(pid).name

    def _participant(self, device_id: int, participants: bool) -> int | None:
        """The phone's participant; in the participants' mode an anonymous phone is
        refused (it must pick its name and type its code first)."""
        pid = self.codes.claimant(device_id)
        if participants and pid is None:
            raise ValidationError(
                "device", "pick your name and type your code first", rule="pick_name"
            )
        return pid

    def _live_device(self, device_id: int) -> r.Device:
        d = self._device(device_id)
        if d.removed:
            raise ValidationError("device", "this phone was removed from the room", rule="removed")
        return d

    def summary(self) -> RoomSummary:
        poll = self.current_poll()
        question = self.repo.open_question()
        room_ballots = self.repo.room_ballot_counts(poll.id)[0] if poll else 0
        return RoomSummary(
            devices=len(self.devices()),
            pending_ideas=len(self.pending()),
            poll_id=poll.id if poll else None,
            poll_title=poll.title if poll else "",
            room_ballots=room_ballots,
            all_ballots=self.org.ballot_count(poll.id) if poll else 0,
            results_visible=self.results_visible(poll) if poll else False,
            question=question.text if question else "",
        )

    # --- polls ------------------------------------------------------------------------

    def current_poll(self) -> Poll | None:
        """The poll phones vote in: the open poll opened last."""
        poll_id = self.repo.current_poll_id()
        return self.org.poll(poll_id) if poll_id is not None else None

    def shown_poll(self) -> Poll | None:
        """The poll phones see: the current one, else the poll closed last (its results,
        once visible, stay on the phones until another poll opens)."""
        poll_id = self.repo.current_poll_id(include_closed=True)
        return self.org.poll(poll_id) if poll_id is not None else None

    def results_visible(self, poll: Poll) -> bool:
        return poll.results_visible or self.repo.revealed(poll.id)

    def reveal(self, poll_id: int, revealed: bool = True) -> None:
        self.org.poll(poll_id)
        self.repo.set_revealed(poll_id, revealed)

    def results(self, poll_id: int) -> PollResult:
        return self.org.result(poll_id)

    def my_ballot(self, device_id: int, poll_id: int) -> Ballot | None:
        """The phone's ballot; a participant's phone sees the participant's ballot,
        whichever of their phones cast it."""
        pid = self.codes.claimant(device_id)
        devices = self.codes.devices_of(pid) if pid is not None else [device_id]
        found = self.repo.device_ballot(poll_id, devices)
        return found[1] if found else None

    def cast(
        self, device_id: int, poll_id: int, ballot: Ballot, key: str, participants: bool = False
    ) -> r.CastOutcome:
        """Store a phone's ballot in the room's current poll, replacing its earlier one
        (a participant's phone: the participant's earlier one, from any of their phones).
        With ``participants`` (the room's participants' mode) an anonymous phone is
        refused.

        A submission whose key was seen before stores nothing and reports the first
        outcome (a retried request never counts twice)."""
        from facilitator.domain import voting

        key = r.check_key(key)
        self._live_device(device_id)
        pid = self._participant(device_id, participants)
        seen = self.repo.ballot_by_key(device_id, key)
        if seen is not None:
            return r.CastOutcome(seen[0], replaced=False, duplicate=True)
        current = self.repo.current_poll_id()
        if current != poll_id:
            poll = self.org.repo.get_poll(poll_id)
            if poll is not None and poll.state is voting.PollState.CLOSED:
                raise ValidationError(
                    "poll", "the poll is closed: it accepts no more ballots", rule="closed"
                )
            raise ValidationError("poll", "this poll is not open in the room", rule="not_current")
        clean = self.org.check_ballot(poll_id, ballot, voting.CastMode.KIOSK)
        devices = [device_id]
        if pid is not None:
            devices = sorted(set(self.codes.devices_of(pid)) | {device_id})
            if pid in self.org.voted(poll_id) and self.repo.device_ballot(poll_id, devices) is None:
                raise ValidationError(
                    "poll",
                    "your ballot in this poll was entered on the laptop",
                    rule="voted_on_laptop",
                )
        ballot_id, replaced = self.repo.cast_room_ballot(
            poll_id, device_id, key, clean, replace=devices, voter=pid
        )
        return r.CastOutcome(ballot_id, replaced=replaced, duplicate=False)

    def room_ballot_counts(self, poll_id: int) -> tuple[int, int]:
        return self.repo.room_ballot_counts(poll_id)

    # --- questions and ideas ----------------------------------------------------------

    def ask(self, text: str, agenda_item_id: int | None = None) -> int:
        """Put a question to the room (closing the one open before)."""
        clean = v.clean_line(text, "question")
        if agenda_item_id is None:
            agenda_item_id = self.repo.running_item_id()
        else:
            self.svc.item(agenda_item_id)
        return self.repo.add_question(clean, agenda_item_id)

    def question(self) -> str:
        """The open question's text ("" when none is open)."""
        q = self.repo.open_question()
        return q.text if q is not None else ""

    def close_question(self) -> None:
        self.repo.close_questions()

    def target(self) -> IdeaTarget:
        q = self.repo.open_question()
        if q is not None:
            return IdeaTarget(q, q.agenda_item_id, q.text)
        item_id = self.repo.running_item_id()
        title = self.svc.item(item_id).title if item_id is not None else ""
        return IdeaTarget(None, item_id, title)

    def submit_idea(
        self, device_id: int, key: str, text: object, participants: bool = False
    ) -> r.Idea:
        """A phone's idea, into the moderation queue; a participant's carries their name."""
        key = r.check_key(key)
        device = self._live_device(device_id)
        pid = self._participant(device_id, participants)
        seen = self.repo.idea_by_key(device_id, key)
        if seen is not None:
            return seen
        clean = r.clean_idea(text)
        target = self.target()
        author = self.svc.participant(pid).name if pid is not None else device.name
        idea_id = self.repo.add_idea(
            device_id,
            key,
            clean,
            author,
            target.agenda_item_id,
            target.question.id if target.question else None,
        )
        return self.idea(idea_id)

    def idea(self, idea_id: int) -> r.Idea:
        i = self.repo.get_idea(idea_id)
        if i is None:
            raise NotFound(f"no idea {idea_id}")
        return i

    def pending(self) -> list[r.Idea]:
        """The moderation queue, oldest first."""
        return self.repo.list_ideas(r.IdeaStatus.PENDING)

    def ideas(self, status: r.IdeaStatus | None = None) -> list[r.Idea]:
        return self.repo.list_ideas(status)

    def accept(self, idea_id: int, category_id: int | None = None) -> int:
        """Turn a pending idea into a note (with the phone's name or "anonymous" as
        speaker) in the item it was sent to. Returns the note id."""
        idea = self.idea(idea_id)
        if idea.status is not r.IdeaStatus.PENDING:
            raise ValidationError("idea", "only a waiting idea can be accepted", rule="decided")
        lang = self.language
        with self.svc.file.writing():
            note = self.svc.add_note(
                idea.text,
                category_id=category_id,
                agenda_item_id=idea.agenda_item_id,
                speaker=idea.author or ANONYMOUS[lang],
                note_taker=ROOM_TAKER[lang],
            )
            self.repo.set_idea_status(idea_id, r.IdeaStatus.ACCEPTED, note_id=note.id)
        return note.id

    def reject(self, idea_id: int) -> None:
        idea = self.idea(idea_id)
        if idea.status is not r.IdeaStatus.PENDING:
            raise ValidationError("idea", "only a waiting idea can be rejected", rule="decided")
        self.repo.set_idea_status(idea_id, r.IdeaStatus.REJECTED)

    def merge(self, duplicate_id: int, into_id: int) -> None:
        """A duplicate joins another idea (waiting or accepted); its upvotes move along."""
        if duplicate_id == into_id:
            raise ValidationError("idea", "an idea cannot be merged into itself")
        dup = self.idea(duplicate_id)
        into = self.idea(into_id)
        if dup.status not in (r.IdeaStatus.PENDING, r.IdeaStatus.ACCEPTED):
            raise ValidationError("idea", "this idea has already been decided", rule="decided")
        if into.status not in (r.IdeaStatus.PENDING, r.IdeaStatus.ACCEPTED):
            raise ValidationError("idea", "merge into a waiting or accepted idea", rule="decided")
        with self.svc.file.writing():
            self.repo.move_votes(duplicate_id, into_id)
            self.repo.set_idea_status(
                duplicate_id, r.IdeaStatus.MERGED, note_id=dup.note_id, merged_into=into_id
            )

    def upvote(self, device_id: int, idea_id: int, participants: bool = False) -> bool:
        """One upvote per phone and accepted idea. True if this one counted."""
        self._live_device(device_id)
        self._participant(device_id, participants)
        idea = self.repo.get_idea(idea_id)
        if idea is None or idea.status is not r.IdeaStatus.ACCEPTED:
            raise ValidationError("idea", "only accepted ideas can be upvoted", rule="not_accepted")
        return self.repo.add_vote(idea_id, device_id)

    def projector_wall(self) -> list[r.Idea]:
        """Accepted ideas, most upvoted first, for the projector (the laptop's screen)."""
        ideas = self.repo.list_ideas(r.IdeaStatus.ACCEPTED)
        return sorted(ideas, key=lambda i: (-i.votes, i.created_at, i.id))

    def wall(self, device_id: int) -> list[r.WallIdea]:
        return self.repo.wall(device_id)

    def my_ideas(self, device_id: int) -> list[r.Idea]:
        return self.repo.device_ideas(device_id)
