"""Issue 11, attack 2: re-opening the open file in the same process (Recent files,
File › Open) must not drop SQLite's locks. Before the fix, the header check and the lock
helper opened and closed the database file; on POSIX that releases every fcntl lock the
process holds on it, so another program's short connection believed it was the last
user, checkpointed and deleted the -wal under the running app, and the notes written
after that were lost on a SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from crashkit import ROOT, prepare

from facilitator.services.workshop import WorkshopService

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from facilitator.domain.errors import FacilitatorError
    from facilitator.services.check import check_file
    from facilitator.services.workshop import WorkshopService

    path = Path(sys.argv[1])
    svc = WorkshopService.open(path)
    svc.add_note("before the re-open")
    for read_only in (False, True):  # what File > Open and its read-only offer do
        try:
            WorkshopService.open(path, read_only=read_only).close()
            print("reopened", read_only, flush=True)
        except FacilitatorError as exc:
            print("refused", read_only, exc.message, flush=True)
    print("check", check_file(path).ok, flush=True)
    print("ready", flush=True)
    sys.stdin.readline()  # the parent's foreign connection comes and goes
    for i in range(20):
        note = svc.add_note(f"after the foreign connection {i}")
        print("committed", note.uuid, flush=True)
    sys.stdin.readline()  # killed here
    """
)


def test_attack_reopen_then_foreign_connection_loses_no_note(tmp_path: Path) -> None:
    path = tmp_path / "reopen.workshop"
    prepare(path)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    committed: list[str] = []
    try:
        assert child.stdin is not None and child.stdout is not None
        lines = []
        for _ in range(5):  # bounded: the child prints exactly these lines
            line = child.stdout.readline()
            lines.append(line)
            if line.startswith("ready") or not line:
                break
        assert lines[-1].startswith("ready"), lines
        # A second writer in the same process is refused before the file is touched.
        assert lines[0].startswith("refused False"), lines
        assert lines[1].startswith("reopened True"), lines  # read-only, shared safely
        assert lines[2].strip() == "check True", lines
        # A SQLite tool looks at the file and closes (what README invites).
        foreign = sqlite3.connect(path)
        foreign.execute("SELECT count(*) FROM notes").fetchone()
        foreign.close()
        assert path.with_name(path.name + "-wal").exists()  # still the app's WAL
        child.stdin.write("go\n")
        child.stdin.flush()
        for _ in range(20):
            line = child.stdout.readline()
            assert line.startswith("committed "), line
            committed.append(line.split()[1])
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    assert len(committed) == 20
    with WorkshopService.open(path) as svc:
        found = {n.uuid for n in svc.notes()}
        assert svc.repo.integrity_check() == ["ok"]
    assert sum(u in found for u in committed) == 20
