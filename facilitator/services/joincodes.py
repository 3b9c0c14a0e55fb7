"""Use cases of join codes: issue the codes printed on the badge list, let a phone claim
one (pick your name, type your code), free a claim. No Qt, no SQL, no network.

Rules:
- each participant has at most one current code; issuing a new one replaces it (the
  old code is then a wrong code) and ends the claim made with it;
- a code is single-use: one phone at a time holds it; the facilitator frees a claim
  (a phone changed hands, a battery died) and the same code works once more;
- a phone is only ever one participant (so one person's ballot can never replace
  another's);
- the code a phone types is compared in constant time with the chosen participant's
  own code: a phone never learns anything about another participant's code.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from facilitator.domain import joincodes as jc
from facilitator.domain.errors import NotFound, ValidationError
from facilitator.domain.timeutil import to_iso, utcnow
from facilitator.services.workshop import WorkshopService
from facilitator.storage.joincodes import JoinCodeRepository


@dataclass
class Issued:
    """What one issue wrote, so that it can be undone and redone exactly."""

    at: str
    new: dict[int, int] = field(default_factory=dict)  # participant id -> new code id
    replaced: dict[int, int] = field(default_factory=dict)  # participant id -> old code id
    ended: list[int] = field(default_factory=list)  # claims ended by the replacement


@dataclass(frozen=True)
class Claimed:
    participant_id: int
    name: str
    again: bool  # this phone already held the code: nothing new was written


class JoinCodeService:
    def __init__(self, svc: WorkshopService) -> None:
        self.svc = svc
        self.repo = JoinCodeRepository(svc.file)

    # --- the facilitator's side -----------------------------------------------------------

    def codes(self) -> list[jc.JoinCode]:
        return self.repo.codes()

    def issue(self, participant_ids: list[int] | None = None, missing_only: bool = False) -> Issued:
        """New codes for these participants (default: everyone on the list); with
        ``missing_only``, only for those who have none. One transaction."""
        live = {p.id for p in self.svc.participants()}
        if participant_ids is None:
            targets = sorted(live)
        else:
            for pid in participant_ids:
                if pid not in live:
                    raise NotFound(f"no participant {pid}")
            targets = list(dict.fromkeys(participant_ids))
        record = Issued(to_iso(utcnow()))
        taken = self.repo.every_code()
        with self.svc.file.writing():
            for pid in targets:
                old = self.repo.live_code(pid)
                if old is not None and missing_only:
                    continue
                if old is not None:
                    claim = self.repo.live_claim_of_code(old[0])
                    if claim is not None:
                        self.repo.set_claim_ended(claim[0], record.at)
                        record.ended.append(claim[0])
                    self.repo.set_revoked(old[0], record.at)
                    record.replaced[pid] = old[0]
                code = jc.new_code(taken)
                taken.add(code)
                record.new[pid] = self.repo.add_code(pid, code, record.at)
        return record

    def undo_issue(self, record: Issued) -> None:
        """Put back the codes (and claims) an issue replaced. Refused once a phone has
        claimed one of the new codes: re-issue instead."""
        for code_id in record.new.values():
            if self.repo.live_claim_of_code(code_id) is not None:
                raise ValidationError(
                    "code",
                    "a phone has joined with one of these codes: issue new ones instead",
                    rule="code_used",
                )
        with self.svc.file.writing():
            for code_id in record.new.values():
                self.repo.set_deleted(code_id, record.at)
            for code_id in record.replaced.values():
                self.repo.set_revoked(code_id, None)
            for claim_id in record.ended:
                self.repo.set_claim_ended(claim_id, None)

    def redo_issue(self, record: Issued) -> None:
        with self.svc.file.writing():
            for claim_id in record.ended:
                self.repo.set_claim_ended(claim_id, record.at)
            for code_id in record.replaced.values():
                # a phone that claimed an old code since the undo: its claim ends too
                # (one phone per participant), and an undo gives it back
                claim = self.repo.live_claim_of_code(code_id)
                if claim is not None:
                    self.repo.set_claim_ended(claim[0], record.at)
                    record.ended.append(claim[0])
                self.repo.set_revoked(code_id, record.at)
            for code_id in record.new.values():
                self.repo.set_deleted(code_id, None)

    def sheet(self) -> jc.CodeSheet:
        """The badges to print: every participant with a current code, by name."""
        ws = self.svc.workshop()
        badges = tuple(
            jc.Badge(c.name, c.organisation, c.code) for c in self.repo.codes() if c.code
        )
        return jc.CodeSheet(ws.title, ws.language.value, badges)

    def missing(self) -> int:
        """How many participants have no code yet."""
        return sum(1 for c in self.repo.codes() if not c.code)

    def free(self, device_id: int) -> int | None:
        """End the phone's claim: it is nobody again, and the participant's code works
        once more (on another phone). Returns the participant it was, if any."""
        claim = self.repo.live_claim_of_device(device_id)
        if claim is None:
            raise ValidationError("device", "this phone is no participant", rule="not_claimed")
        self.repo.set_claim_ended(claim[0], to_iso(utcnow()))
        return claim[1]

    # --- the phone's side ---------------------------------------------------------------

    def listed(self) -> list[jc.ListedParticipant]:
        return self.repo.listed()

    def claimant(self, device_id: int) -> int | None:
        """The participant this phone is now (a current claim), if any."""
        claim = self.repo.live_claim_of_device(device_id)
        return claim[1] if claim else None

    def devices_of(self, participant_id: int) -> list[int]:
        return self.repo.devices_of(participant_id)

    def claim(self, device_id: int, participant_id: object, code: object) -> Claimed:
        """The phone picked ``participant_id`` from the list and typed ``code``."""
        if (
            isinstance(participant_id, bool)
            or not isinstance(participant_id, int)
            or not 0 < participant_id < 2**63  # a row id; beyond it SQLite overflows
        ):
            raise ValidationError("participant", "pick your name from the list", rule="pick_name")
        live = self.repo.live_code(participant_id)
        given = jc.normalise(code).encode()
        # Always one comparison of the same length, whatever the participant and code.
        expected = (live[1] if live else "\0" * jc.LENGTH).encode()
        matches = hmac.compare_digest(given, expected) and live is not None
        if not matches or live is None:
            raise ValidationError("code", "this is not the code of that name", rule="wrong_code")
        try:
            person = self.svc.participant(participant_id)
        except NotFound as exc:
            raise ValidationError(
                "code", "this is not the code of that name", rule="wrong_code"
            ) from exc
        current = self.repo.live_claim_of_code(live[0])
        if current is not None:
            if current[1] == device_id:
                return Claimed(participant_id, person.name, again=True)
            raise ValidationError("code", "this code is in use on another phone", rule="code_used")
        been = self.repo.participants_of_device(device_id) - {participant_id}
        if been or self.repo.live_claim_of_device(device_id) is not None:
            raise ValidationError(
                "device", "this phone is already another participant's", rule="phone_taken"
            )
        self.repo.add_claim(live[0], participant_id, device_id, to_iso(utcnow()))
        return Claimed(participant_id, person.name, again=False)
