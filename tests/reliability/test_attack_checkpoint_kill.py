"""Issue 11, attack 3: SIGKILL while a checkpoint is growing the main file. The file's
header already counts the new pages, the file is still shorter, and the -wal holds
the rest: plain SQLite reads every note. Facilitator refused such a healthy file as
"truncated" (it compared the size with the header and ignored the -wal)."""

from __future__ import annotations

import os
import signal
import sqlite3
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

from crashkit import ROOT

from facilitator.services.check import check_file
from facilitator.services.workshop import WorkshopService

# Writes many long notes without checkpointing, then dies: a big -wal is left behind.
FILL = textwrap.dedent(
    """
    import os, sys
    from facilitator.services.workshop import WorkshopService
    svc = WorkshopService.create(sys.argv[1], "Checkpoint")
    svc.file.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    item = svc.add_item(svc.days()[0].id, "Sessione")
    for i in range(int(sys.argv[2])):
        svc.add_note(f"nota {i} " + "co-progettazione tra attori " * 60, agenda_item_id=item)
    os.kill(os.getpid(), 9)
    """
)

# Ordinary capture: the next note's commit runs the automatic checkpoint.
CAPTURE = textwrap.dedent(
    """
    import sys
    from facilitator.services.workshop import WorkshopService
    svc = WorkshopService.open(sys.argv[1])
    print("open", flush=True)
    svc.add_note("the note whose commit checkpoints")
    print("done", flush=True)
    sys.stdin.readline()
    """
)


def _header_pages(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:100]
    (page_size,) = struct.unpack(">H", data[16:18])
    (pages,) = struct.unpack(">I", data[28:32])
    return page_size * pages, len(path.read_bytes())


def _run(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def _kill_while_growing(path: Path) -> bool:
    """One attack: True if the kill landed while the main file was short."""
    start = path.stat().st_size
    child = _run(CAPTURE, str(path))
    try:
        assert child.stdout is not None
        assert child.stdout.readline().startswith("open")
        for _ in range(2_000_000):  # bounded: a checkpoint of ~10 MB takes milliseconds
            if path.stat().st_size > start:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    expected, size = _header_pages(path)
    return size < expected


def test_attack_kill_during_checkpoint_is_not_refused_as_truncated(tmp_path: Path) -> None:
    template = tmp_path / "template.workshop"
    fill = _run(FILL, str(template), "1500")
    fill.communicate()
    assert template.with_name(template.name + "-wal").stat().st_size > 5_000_000
    hits = 0
    for attempt in range(8):  # bounded; one short file is enough to show the point
        path = tmp_path / f"cut{attempt}.workshop"
        path.write_bytes(template.read_bytes())
        wal = template.with_name(template.name + "-wal").read_bytes()
        path.with_name(path.name + "-wal").write_bytes(wal)
        if not _kill_while_growing(path):
            continue
        hits += 1
        # Plain SQLite: every note is there, integrity ok (on a private copy).
        probe = tmp_path / f"probe{attempt}.db"
        probe.write_bytes(path.read_bytes())
        probe.with_name(probe.name + "-wal").write_bytes(
            path.with_name(path.name + "-wal").read_bytes()
        )
        plain = sqlite3.connect(probe)
        notes = plain.execute("SELECT count(*) FROM notes").fetchone()[0]
        assert plain.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plain.close()
        assert notes >= 1500
        report = check_file(path)
        assert report.ok, report.text()
        with WorkshopService.open(path) as svc:
            assert len(svc.notes()) == notes
            assert svc.repo.integrity_check() == ["ok"]
            svc.add_note("capture goes on")
        if hits >= 2:
            break
    assert hits, "no kill landed inside the checkpoint: the attack did not happen"
