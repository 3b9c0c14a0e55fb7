"""The facilitator's side of ``python main.py serve`` in the terminal: open and close
polls, reveal results, put a question to the room, moderate ideas, remove phones.

Each command is one line; every change runs on the workshop's owning thread through
the backend (the same services and rules as the window), and the phones are told.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any

from facilitator.domain.errors import FacilitatorError
from facilitator.room.backend import OwnerThreadBackend
from facilitator.room.server import RoomServer
from facilitator.services.room import RoomService

HELP = """Commands:
  status                    the room: phones, waiting ideas, the current poll
  polls                     every poll with its number and state
  open N | close N          open or close poll N (phones vote in the poll opened last)
  reveal | hide             show the current poll's results to the phones, or hide them
  ask TEXT                  put a question to the room (ideas go to it)
  endq                      close the question (ideas go to the running agenda item)
  ideas                     the ideas waiting for moderation
  accept N [CATEGORY]       idea N becomes a note (CATEGORY: a category's number or letter)
  reject N                  refuse idea N
  merge N M                 idea N is a duplicate of idea M
  phones                    the phones in the room
  remove N                  remove phone N (it can no longer vote or send ideas)
  codes                     the participant list with each join code and who joined
  codes pdf FILE.pdf        print every participant's join code (a badge each)
  reissue N                 a new code for participant N (a lost badge: the old one stops working)
  free N                    phone N is nobody again: the participant's code works on another phone
  lock | unlock             close or reopen joining
  takers                    the note-takers' laptops (linked copies) and their code
  conflicts                 notes edited on two laptops: both versions, for review
  help                      this list
Ctrl+C closes the room."""


class Console:
    def __init__(self, server: RoomServer, backend: OwnerThreadBackend) -> None:
        self.server = server
        self.backend = backend
        self._commands: dict[str, Callable[[list[str]], str]] = {
            "help": lambda a: HELP,
            "status": self._status,
            "polls": self._polls,
            "open": self._open,
            "close": self._close,
            "reveal": lambda a: self._reveal(True),
            "hide": lambda a: self._reveal(False),
            "ask": self._ask,
            "endq": self._end_question,
            "ideas": self._ideas,
            "accept": self._accept,
            "reject": self._reject,
            "merge": self._merge,
            "phones": self._phones,
            "remove": self._remove,
            "lock": lambda a: self._joining(False),
            "unlock": lambda a: self._joining(True),
            "takers": self._takers,
            "codes": self._codes,
            "reissue": self._reissue,
            "free": self._free,
            "conflicts": self._conflicts,
        }

    def handle(self, line: str) -> str:
        """Run one command line; returns what to print."""
        try:
            words = shlex.split(line)
        except ValueError as exc:
            return f"error: {exc}"
        if not words:
            return ""
        command = self._commands.get(words[0].lower())
        if command is None:
            return f"unknown command {words[0]!r}: type help"
        try:
            return command(words[1:])
        except FacilitatorError as exc:
            return f"error: {exc.message}"
        except (ValueError, IndexError):
            return "error: see help for this command's arguments"

    def _call(self, fn: Callable[[RoomService], Any], changed: bool = True) -> Any:
        result = self.backend.call(fn)
        if changed:
            self.server.notify_changed()
        return result

    @staticmethod
    def _number(args: list[str], at: int = 0) -> int:
        return int(args[at])

    def _status(self, args: list[str]) -> str:
        s = self._call(lambda r: r.summary(), changed=False)
        poll = (
            f"poll {s.poll_id} “{s.poll_title}”: {s.room_ballots} ballots from phones "
            f"({s.all_ballots} in all), results {'shown' if s.results_visible else 'hidden'}"
            if s.poll_id
            else "no poll open"
        )
        question = f"question: “{s.question}”" if s.question else "no question open"
        joining = "open" if self.server.room.joining_open else "closed"
        return (
            f"{s.devices} phones (joining {joining}); {s.pending_ideas} ideas waiting; "
            f"{poll}; {question}"
        )

    def _polls(self, args: list[str]) -> str:
        polls = self._call(lambda r: r.org.polls(), changed=False)
        if not polls:
            return "no polls in this workshop"
        return "\n".join(
            f"  {p.id:>3}  {p.state.value:<6}  {p.method.value:<8}  {p.title}" for p in polls
        )

    def _open(self, args: list[str]) -> str:
        n = self._number(args)
        self._call(lambda r: r.org.open_poll(n))
        return f"poll {n} is open: phones vote in it now"

    def _close(self, args: list[str]) -> str:
        n = self._number(args)
        self._call(lambda r: r.org.close_poll(n))
        return f"poll {n} is closed"

    def _reveal(self, shown: bool) -> str:
        def run(r: RoomService) -> int | None:
            poll = r.current_poll()
            if poll is not None:
                r.reveal(poll.id, shown)
            return poll.id if poll else None

        poll_id = self._call(run)
        if poll_id is None:
            return "no poll open"
        return f"results of poll {poll_id} {'shown to' if shown else 'hidden from'} the phones"

    def _ask(self, args: list[str]) -> str:
        text = " ".join(args)
        self._call(lambda r: r.ask(text))
        return f"question open: “{text}”"

    def _end_question(self, args: list[str]) -> str:
        self._call(lambda r: r.close_question())
        return "question closed"

    def _ideas(self, args: list[str]) -> str:
        ideas = self._call(lambda r: r.pending(), changed=False)
        if not ideas:
            return "no ideas waiting"
        return "\n".join(
            f"  {i.id:>3}  {(i.author or 'anonymous'):<20.20}  {i.text.splitlines()[0][:60]}"
            for i in ideas
        )

    def _accept(self, args: list[str]) -> str:
        n = self._number(args)
        category = args[1] if len(args) > 1 else None

        def run(r: RoomService) -> int:
            category_id = None
            if category is not None:
                cats = r.svc.categories()
                found = [
                    c
                    for pos, c in enumerate(cats, start=1)
                    if category.lower() in (str(pos), c.shortcut.lower(), c.name.lower())
                ]
                if not found:
                    raise ValueError(category)
                category_id = found[0].id
            return r.accept(n, category_id)

        note_id = self._call(run)
        return f"idea {n} is now note {note_id}"

    def _reject(self, args: list[str]) -> str:
        n = self._number(args)
        self._call(lambda r: r.reject(n))
        return f"idea {n} rejected"

    def _merge(self, args: list[str]) -> str:
        dup, into = self._number(args, 0), self._number(args, 1)
        self._call(lambda r: r.merge(dup, into))
        return f"idea {dup} merged into idea {into}"

    def _phones(self, args: list[str]) -> str:
        def run(r: RoomService) -> list[tuple[int, str, str]]:
            claims = r.codes.repo.live_claims()
            names = {p.id: p.name for p in r.svc.participants()}
            return [
                (d.id, names.get(claims.get(d.id, -1), "") or d.name, d.language)
                for d in r.devices()
            ]

        devices = self._call(run, changed=False)
        if not devices:
            return "no phones yet"
        return "\n".join(f"  {n:>3}  {name or 'anonymous'}  ({lang})" for n, name, lang in devices)

    def _codes(self, args: list[str]) -> str:
        if args and args[0].lower() == "pdf":
            return self._codes_pdf(args[1])
        codes = self._call(lambda r: r.codes.codes(), changed=False)
        if not codes:
            return "the participant list is empty"
        joined = sum(1 for c in codes if c.claimed)
        lines = [f"{joined} of {len(codes)} participants joined"]
        for c in codes:
            who = f"joined (phone {c.device_id})" if c.claimed else ""
            lines.append(
                f"  {c.participant_id:>3}  {c.code or '(no code)':<9} {c.name[:30]:<30}  {who}"
            )
        return "\n".join(lines)

    def _codes_pdf(self, target: str) -> str:
        from pathlib import Path

        from facilitator.services import exporting

        out = Path(target)
        workshop = self.backend.path
        exporting.check_target(out, workshop, "join-codes.pdf")
        sheet = self._call(lambda r: r.codes.sheet(), changed=False)
        if not sheet.badges:
            return "no participant has a code: add participants first"
        try:
            pages = exporting.write_join_codes(sheet, out, workshop=workshop)
        except OSError as exc:
            return f"error: cannot write {out}: {exc.strerror or exc}"
        return f"wrote {out}: {len(sheet.badges)} badges on {pages} pages"

    def _reissue(self, args: list[str]) -> str:
        from facilitator.services import operations as ops

        n = self._number(args)

        def run(r: RoomService) -> str:
            ops.IssueJoinCodes([n]).do(r.svc)
            return next(c.code for c in r.codes.codes() if c.participant_id == n)

        code = self._call(run)
        return f"participant {n} has a new code: {code} (the old one no longer works)"

    def _free(self, args: list[str]) -> str:
        from facilitator.services import operations as ops

        n = self._number(args)
        self._call(lambda r: ops.FreeClaim(n).do(r.svc))
        return f"phone {n} is nobody now: the participant's code works on another phone"

    def _remove(self, args: list[str]) -> str:
        n = self._number(args)
        self._call(lambda r: r.remove_device(n))
        self.server.forget_device(n)
        return f"phone {n} removed"

    def _joining(self, open_: bool) -> str:
        self.server.set_joining(open_)
        return "joining is open" if open_ else "joining is closed: phones already in stay"

    def _takers(self, args: list[str]) -> str:
        from facilitator.services.linked import LinkedService

        clients = self._call(lambda r: LinkedService(r.svc).clients(), changed=False)
        lines = [f"note-takers' code: {self.server.taker_code} (do not project it)"]
        lines += [f"  {c.name}" for c in clients] or ["  no note-taker has joined"]
        return "\n".join(lines)

    def _conflicts(self, args: list[str]) -> str:
        from facilitator.services.linked import LinkedService

        found = self._call(lambda r: LinkedService(r.svc).conflicts(), changed=False)
        if not found:
            return "no conflicts"
        lines = []
        for c in found:
            what = {
                "edit": "edited on two laptops",
                "delete": "deleted by one, edited by another: kept",
                "edit_deleted": "edited after it was deleted: back",
            }.get(c.kind, c.kind)
            lines.append(f"{c.id}. note {what}; kept ({c.kept_by}): “{c.kept_text}”")
            lines.append(f"    the other version: “{c.other_text}”")
        lines.append("decide them in the window: File › Review conflicts…")
        return "\n".join(lines)
