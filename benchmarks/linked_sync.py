"""How long a linked copy takes to catch up after the network comes back.

    python benchmarks/linked_sync.py              # 500 notes written offline
    python benchmarks/linked_sync.py --notes 2000

A hub (owner-thread backend and room server on 127.0.0.1, in this process) and one
linked copy with its client. The hub goes away; N notes are written on the copy (each
committed locally, as Enter does); the hub comes back; the time until the copy has
nothing waiting is measured and compared with the time the N local writes took (a
ratio within one run, as every benchmark here). Then both files are read: every note
once on the hub. Bounded by ``--timeout`` seconds.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.room.backend import OwnerThreadBackend  # noqa: E402
from facilitator.room.client import LinkedClient, OwnerThreadLocal, join_room  # noqa: E402
from facilitator.room.server import RoomServer  # noqa: E402
from facilitator.services import operations as ops  # noqa: E402
from facilitator.services.linked import Status  # noqa: E402
from facilitator.services.workshop import WorkshopService  # noqa: E402

CODE = "BENCH234"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=500)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="linked-bench-"))
    hub_path = folder / "hub.workshop"
    WorkshopService.create(hub_path, "Banco di prova").close()
    backend = OwnerThreadBackend(hub_path)
    server = RoomServer(backend, "127.0.0.1", 0, taker_code=CODE)
    server.start()
    port = server.port
    copy = folder / "copy.workshop"
    join_room(server.url, CODE, "Marta", copy)
    local = OwnerThreadLocal(copy)
    changed = threading.Condition()
    last: list[Status] = [Status(False, 0)]

    def on_status(s: Status) -> None:
        with changed:
            last[0] = s
            changed.notify_all()

    client = LinkedClient(local, on_status, max_backoff=0.5)
    client.start()
    with changed:
        changed.wait_for(lambda: last[0].connected, args.timeout)
    server.stop()
    with changed:
        changed.wait_for(lambda: not last[0].connected, args.timeout)
    start = time.perf_counter()
    for n in range(args.notes):
        local.run(ops.AddNote(f"appunto offline numero {n}")).result()
    written = time.perf_counter() - start
    server = RoomServer(backend, "127.0.0.1", port)
    start = time.perf_counter()
    server.start()
    client.kick()
    with changed:
        ok = changed.wait_for(lambda: last[0].connected and last[0].waiting == 0, args.timeout)
    synced = time.perf_counter() - start
    client.stop()
    local.close()
    server.stop()
    backend.close()
    conn = sqlite3.connect(hub_path)
    on_hub = conn.execute(
        "SELECT count(*), count(DISTINCT text) FROM notes WHERE text LIKE 'appunto offline%'"
    ).fetchone()
    conn.close()
    print("| measure | value |\n|---|---|")
    print(f"| notes written offline | {args.notes} |")
    print(f"| local writes (as Enter) | {written:.2f} s |")
    print(f"| catching up after the hub is back | {synced:.2f} s |")
    print(f"| ratio catch-up / local writes | {synced / written:.2f}× |")
    print(f"| on the hub (rows, distinct texts) | {on_hub[0]}, {on_hub[1]} |")
    print(f"| caught up within the timeout | {ok} |")
    return 0 if ok and on_hub == (args.notes, args.notes) else 1


if __name__ == "__main__":
    raise SystemExit(main())
