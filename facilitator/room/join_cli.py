"""``python main.py join URL CODE FILE`` (and ``join FILE``): a note-taker's laptop
without the window, for scripts and tests.

``join URL CODE FILE --name NAME`` joins the room at URL with the note-takers' code and
makes FILE a new linked copy; ``join FILE`` resumes a linked copy (its outbox is sent
first). While it runs, every line on standard input is a note: written to FILE first
(``saved UUID`` is printed once it is on disk), then sent; ``acked UUID`` is printed
once the hub has committed it. Standard input ending leaves the client running until
Ctrl+C, or, with ``--exit-when-sent``, until nothing is waiting.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

# Only argparse at import time: the parser of every sub-command imports this module.


def add_join_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "where",
        nargs="+",
        metavar="ARG",
        help="URL CODE FILE: join the room at URL with the note-takers' code; FILE becomes "
        "a linked copy. FILE alone: resume a linked copy",
    )
    p.add_argument("--name", default="", help="the note-taker's name (shown with the notes)")
    p.add_argument(
        "--exit-when-sent",
        action="store_true",
        help="once standard input ends, exit when every note has been acknowledged",
    )


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def join_command(args: argparse.Namespace) -> int:
    from facilitator.domain.errors import FacilitatorError
    from facilitator.room.client import LinkedClient, OwnerThreadLocal, Status, join_room
    from facilitator.services.linked import LinkedService
    from facilitator.services.operations import AddNote
    from facilitator.storage.room import RoomRepository

    if len(args.where) == 3:
        url, code, path = args.where[0], args.where[1], Path(args.where[2])
        if not args.name.strip():
            print("error: say who takes the notes with --name", file=sys.stderr)
            return 2
        try:
            join_room(url, code, args.name, path)
        except FacilitatorError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"Joined: {path} is a linked copy of the room's workshop.", flush=True)
    elif len(args.where) == 1:
        path = Path(args.where[0])
    else:
        print("error: give URL CODE FILE to join, or FILE to resume", file=sys.stderr)
        return 2
    try:
        local = OwnerThreadLocal(path)
    except FacilitatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    link = local.call(lambda s: LinkedService(s).link()).result()
    if link is None:
        local.close()
        print(f"error: {path} is not a linked copy (join a room first)", file=sys.stderr)
        return 1
    done = threading.Event()
    stdin_ended = threading.Event()
    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            print(line, flush=True)

    def on_status(status: Status) -> None:
        state = "connected" if status.connected else "offline"
        say(f"status {state}, {status.waiting} waiting")
        if stdin_ended.is_set() and args.exit_when_sent and status.connected and not status.waiting:
            done.set()

    def on_acked(uuids: list[str]) -> None:
        for u in uuids:
            say(f"acked {u}")

    client = LinkedClient(local, on_status, on_acked)
    client.start()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    say(f"Linked to {link.hub_url} as {link.name}; one note per line.")
    try:
        for line in sys.stdin:
            text = line.rstrip("\n")
            if not text.strip():
                continue

            def add(s, text=text):
                item = RoomRepository(s.file).running_item_id()
                op = AddNote(text, agenda_item_id=item, note_taker=link.name)
                op.do(s)
                return op.note

            try:
                note = local.call(add).result()
            except FacilitatorError as exc:
                say(f"refused: {exc}")
                continue
            say(f"saved {note.uuid}")
            client.kick()
        stdin_ended.set()
        if args.exit_when_sent:
            client.kick()
            s = client.status
            if s.connected and not s.waiting:
                done.set()
            done.wait()
        else:
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        client.stop()
        local.close()
    return 0
