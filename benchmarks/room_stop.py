"""Does stopping the room in the middle of note-takers' requests leave a socket open?

    python benchmarks/room_stop.py              # 40 stops
    python benchmarks/room_stop.py --rounds 100

A hub (owner-thread backend and room server on 127.0.0.1, in this process) and three
linked copies whose clients retry every 50 ms. Each round every copy writes five notes
and is told to send them, and the room is stopped a moment later (0, 50, 100 or 150 ms),
then opened again on the same port. After each stop, the process's sockets whose local
port is the room's are counted (Linux: /proc): any left is a socket the room's stop did
not close (the garbage collector would, later, with a ResourceWarning). Prints the
rounds with a socket left and the ResourceWarnings seen.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.room.backend import OwnerThreadBackend  # noqa: E402
from facilitator.room.client import LinkedClient, OwnerThreadLocal, join_room  # noqa: E402
from facilitator.room.server import RoomServer  # noqa: E402
from facilitator.services import operations as ops  # noqa: E402
from tests.linked.conftest import TAKER_CODE, make_hub_file, server_sockets  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    seen: list[str] = []
    sys.unraisablehook = lambda u: seen.append(repr(u.exc_value))
    warnings.simplefilter("always", ResourceWarning)
    old = warnings.showwarning
    warnings.showwarning = lambda m, c, *a, **k: (
        seen.append(str(m)) if c is ResourceWarning else old(m, c, *a, **k)
    )
    folder = Path(tempfile.mkdtemp(prefix="room-stop-"))
    hub = folder / "hub.workshop"
    make_hub_file(hub)
    backend = OwnerThreadBackend(hub)
    server = RoomServer(backend, "127.0.0.1", 0, push_interval=0.1, taker_code=TAKER_CODE)
    server.start()
    port = server.port
    copies = []
    for name in ("Marta", "Luca", "Sara"):
        path = folder / f"{name}.workshop"
        join_room(server.url, TAKER_CODE, name, path)
        local = OwnerThreadLocal(path)
        client = LinkedClient(local, poll_every=0.2, max_backoff=0.05)
        client.start()
        copies.append((local, client))
    left = []
    started = time.perf_counter()
    for n in range(args.rounds):
        for local, client in copies:
            for k in range(5):
                local.run(ops.AddNote(f"appunto {n}.{k}")).result()
            client.kick()
        time.sleep(0.05 * (n % 4))
        server.stop()
        if server_sockets(port):
            left.append(n)
        server = RoomServer(backend, "127.0.0.1", port, push_interval=0.1, taker_code=TAKER_CODE)
        server.start()
    for local, client in copies:
        client.stop()
        local.close()
    server.stop()
    backend.close()
    gc.collect()
    took = time.perf_counter() - started
    print(f"stops while note-takers were sending:  {args.rounds}")
    print(f"stops that left a server socket open:  {len(left)} {left if left else ''}")
    print(f"ResourceWarnings (sockets collected):  {len(seen)}")
    print(f"time:                                  {took:.1f} s")
    return 1 if left or seen else 0


if __name__ == "__main__":
    raise SystemExit(main())
