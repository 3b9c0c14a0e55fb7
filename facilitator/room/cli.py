"""``python main.py serve FILE [--host H] [--port P]``: the room without the window.

Prints the join URL and the room code (and the QR code in the terminal); Ctrl+C closes
the room: every socket is closed and the workshop file is closed cleanly.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.room.backend import OwnerThreadBackend
    from facilitator.room.console import Console
    from facilitator.services.room import RoomService

# Only argparse at import time: the parser of every sub-command imports this module.


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path, metavar="FILE")
    p.add_argument(
        "--host",
        metavar="H",
        help="the address of this computer to listen on (default: the one on the local network)",
    )
    p.add_argument("--port", type=int, default=0, metavar="P", help="port (default: a free one)")
    p.add_argument(
        "--qr", type=Path, metavar="FILE.svg|FILE.png", help="also save the join QR code"
    )
    p.add_argument(
        "--wifi-ssid", default="", metavar="NAME", help="Wi-Fi network to show as a QR code"
    )
    p.add_argument("--wifi-password", default="", metavar="PASSWORD")
    p.add_argument(
        "--wifi-qr", type=Path, metavar="FILE.svg|FILE.png", help="save the Wi-Fi QR code"
    )
    p.add_argument(
        "--ask-name",
        action="store_true",
        help="let phones give a name (shown with their accepted ideas); default: anonymous",
    )
    p.add_argument(
        "--participants",
        action="store_true",
        help="link phones to the participant list: each picks its name and types the code "
        "printed for it (join-codes); anonymous phones cannot vote",
    )
    p.add_argument("--no-terminal-qr", action="store_true", help="do not draw the QR code here")


def _save_qr(payload: str, target: Path) -> None:
    from facilitator.room import join

    if target.suffix.lower() == ".png":
        target.write_bytes(join.qr_png(payload))
    else:
        target.write_text(join.qr_svg(payload), encoding="utf-8")


def _participants_ready(backend: OwnerThreadBackend, path: Path) -> str:
    """Codes for participants who have none yet; what to tell the facilitator."""
    from facilitator.services import operations as ops

    def run(room: RoomService) -> tuple[int, int]:
        op = ops.IssueJoinCodes(missing_only=True)
        op.do(room.svc)
        return len(room.codes.codes()), len(op.record.new)

    total, new = backend.call(run)
    if total == 0:
        return (
            "warning: the participant list is empty: no phone can join as a participant "
            "(add participants, or serve without --participants)"
        )
    issued = f" ({new} new codes issued now)" if new else ""
    return (
        f"Participants' mode: {total} participants on the list{issued}. Phones pick their "
        f"name and type their code; print the codes with: codes pdf FILE.pdf "
        f"(or, with the room closed, python main.py join-codes {path} -o codes.pdf)"
    )


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def _run_console(console: Console) -> None:
    """Read commands until stdin ends (Ctrl+D, or no terminal)."""
    prompt = "room> " if sys.stdin is not None and sys.stdin.isatty() else ""
    while True:
        try:
            line = input(prompt)
        except EOFError:
            return
        out = console.handle(line)
        if out:
            print(out, flush=True)


def serve_command(args: argparse.Namespace) -> int:
    from facilitator.room import join, network
    from facilitator.room.backend import OwnerThreadBackend
    from facilitator.room.console import Console
    from facilitator.room.server import RoomServer

    host = args.host
    if host is None:
        addresses = network.list_addresses()
        picked = network.pick_address(addresses)
        if picked is None:
            print(
                "error: this computer is on no local network. Join a Wi-Fi network or start "
                "a hotspot, or use --host 127.0.0.1 to try the room on this computer only.",
                file=sys.stderr,
            )
            return 1
        host = picked.ip
        others = [a.label for a in addresses if a.ip != picked.ip]
        print(
            f"Listening on {picked.label}, the address on the local network"
            + (f" (others: {', '.join(others)}; choose one with --host)" if others else "")
        )
    try:
        host = network.check_host(host)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if host in ("0.0.0.0", "::"):
        print(
            "error: the room listens on one address, not on every network at once; "
            "addresses of this computer: " + ", ".join(a.label for a in network.list_addresses()),
            file=sys.stderr,
        )
        return 2
    if not 0 <= args.port <= 65535:
        print("error: the port must be 0 to 65535", file=sys.stderr)
        return 2
    backend = OwnerThreadBackend(args.path)
    server = RoomServer(backend, host, args.port)
    server.room.ask_name = args.ask_name
    server.room.participants = args.participants
    try:
        try:
            server.start()
        except OSError as exc:
            print(
                f"error: cannot listen on {host}:{args.port}: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return 1
        info = backend.call(lambda s: (s.workshop_title(), s.language))
        if args.participants:
            print(_participants_ready(backend, args.path))
        screen = join.JoinScreen.build(
            server.url,
            server.code,
            info[1],
            args.wifi_ssid,
            args.wifi_password,
            participants=args.participants,
        )
        print(f"Room open for “{info[0]}”.")
        print(f"Join: {screen.url}")
        print(f"  or open {screen.base_url} and type the code {screen.code}")
        print(screen.advice)
        print(
            f"Note-takers' laptops: join {server.url} with the code {server.taker_code} "
            "(for note-takers only: do not project it)"
        )
        if not args.no_terminal_qr:
            print(join.qr_text(screen.url))
        if args.qr:
            _save_qr(screen.url, args.qr)
            print(f"QR code saved to {args.qr}")
        if args.wifi_ssid and args.wifi_qr:
            _save_qr(join.wifi_payload(args.wifi_ssid, args.wifi_password), args.wifi_qr)
            print(f"Wi-Fi QR code saved to {args.wifi_qr}")
        print(
            "Type help for the facilitator's commands. Press Ctrl+C to close the room.", flush=True
        )
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            _run_console(Console(server, backend))
            threading.Event().wait()  # stdin ended: serve until Ctrl+C
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        print("Closing the room…", flush=True)
    finally:
        server.stop()
        backend.close()
    print("Room closed; the workshop file is saved and closed.")
    return 0
