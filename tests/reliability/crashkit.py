"""Kill-at-a-random-moment harness, shared by the crash tests and benchmarks/crash_rounds.py.

A child process captures notes through ``WorkshopService.add_note`` (the call the
capture box makes) and prints ``committed <uuid>`` after each call returns. The
parent reads those lines and sends SIGKILL after a random number of them, while the
child is already busy with the next note. Then it reopens the file and checks that
every committed note is there, with its exact text, and that ``integrity_check`` is ok.

``during_checkpoint``: the child checkpoints often (``wal_autocheckpoint`` of a few
pages, the code path of ordinary capture) and the kill lands the moment the main file
starts to change, that is inside a checkpoint. Before reopening, a private copy of the
file and its ``-wal`` is read with plain SQLite: a file SQLite reads that Facilitator
refuses counts as ``refused``.

Run as a script, this module is the child: ``python crashkit.py FILE SEED [PAGES]``.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_CHILD_NOTES = 5000  # a child that is never killed stops by itself


def note_text(seed: int, i: int) -> str:
    """The i-th note of a child: sizes vary from a line to several pages."""
    rng = random.Random(seed * 100_003 + i)
    words = rng.randint(3, 3000)
    body = " ".join(
        rng.choice(("rete", "attori", "co-progettazione", "città", "€", "ü")) for _ in range(words)
    )
    return f"seed {seed} note {i}: {body}"


def child(path: Path, seed: int, checkpoint_pages: int = 0) -> None:
    from facilitator.services.workshop import WorkshopService

    svc = WorkshopService.open(path)
    if checkpoint_pages:
        svc.file.db.conn.execute(f"PRAGMA wal_autocheckpoint = {checkpoint_pages}")
    item = svc.items()[0].id if svc.items() else None
    for i in range(MAX_CHILD_NOTES):
        note = svc.add_note(note_text(seed, i), agenda_item_id=item, speaker="Relatore")
        sys.stdout.write(f"committed {note.uuid}\n")
        sys.stdout.flush()
    svc.close()


@dataclass(frozen=True)
class RoundResult:
    seed: int
    kill_after: int
    committed: int  # notes whose add_note returned before the kill
    found: int  # notes of this round found on reopening
    lost: int  # committed but missing or different: must be 0
    integrity: str  # "ok" or the problems
    refused: str = ""  # Facilitator's refusal of a file plain SQLite reads: must be ""
    short_main_file: bool = False  # killed with the header counting pages not yet written


def prepare(path: Path) -> None:
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.create(path, "Crash test") as svc:
        svc.add_item(svc.days()[0].id, "Sessione")


def run_round(
    path: Path, seed: int, max_kill_after: int = 25, during_checkpoint: bool = False
) -> RoundResult:
    from facilitator.domain.errors import WorkshopFileError
    from facilitator.services.workshop import WorkshopService

    rng = random.Random(seed)
    kill_after = rng.randint(1, max_kill_after)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [sys.executable, str(Path(__file__).resolve()), str(path), str(seed)]
    if during_checkpoint:
        args.append(str(rng.choice((8, 16, 32, 64))))
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    committed: list[str] = []
    try:
        assert proc.stdout is not None
        if during_checkpoint:
            _kill_in_checkpoint(proc, path, kill_after, committed)
        else:
            for line in proc.stdout:
                if line.startswith("committed "):
                    committed.append(line.split()[1])
                if len(committed) >= kill_after:
                    break
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        _, err = proc.communicate()
    if proc.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the child ended by itself ({proc.returncode}): {err}")
    short = _main_file_short(path)
    plain = plain_sqlite_reads(path)
    try:
        svc = WorkshopService.open(path)
    except WorkshopFileError as exc:
        if not plain:
            raise
        # Plain SQLite reads it: a wrong refusal. Let SQLite settle it and go on.
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        svc = WorkshopService.open(path)
        refused = exc.message
    else:
        refused = ""
    with svc:
        found = {n.uuid: n.text for n in svc.notes()}
        integrity = "; ".join(svc.repo.integrity_check())
        integrity += fts_problem(svc)
    lost = sum(1 for i, u in enumerate(committed) if found.get(u) != note_text(seed, i))
    mine = sum(1 for t in found.values() if t.startswith(f"seed {seed} note "))
    return RoundResult(seed, kill_after, len(committed), mine, lost, integrity, refused, short)


def _kill_in_checkpoint(
    proc: subprocess.Popen[str], path: Path, kill_after: int, committed: list[str]
) -> None:
    """Return (for the kill) once ``kill_after`` notes are committed and the main file
    then starts to change (only a checkpoint writes to it in WAL mode)."""
    assert proc.stdout is not None
    out = proc.stdout

    def read() -> None:
        for line in out:
            if line.startswith("committed "):
                committed.append(line.split()[1])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 120
    while len(committed) < kill_after and proc.poll() is None:
        if time.monotonic() > deadline:
            return
        time.sleep(0.001)
    before = _stamp(path)
    while proc.poll() is None and time.monotonic() < deadline:
        if _stamp(path) != before:
            return
    return


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _main_file_short(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(100)
    (page_size,) = struct.unpack(">H", header[16:18])
    (pages,) = struct.unpack(">I", header[28:32])
    return path.stat().st_size < (65536 if page_size == 1 else page_size) * pages


def plain_sqlite_reads(path: Path) -> bool:
    """True if plain SQLite reads a private copy of ``path`` (and its -wal) with
    ``integrity_check`` ok."""
    with tempfile.TemporaryDirectory(prefix="facilitator-plain-") as tmp:
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(copy)
        try:
            conn.execute("SELECT count(*) FROM notes").fetchone()
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        except sqlite3.Error:
            return False
        finally:
            conn.close()


def fts_problem(svc: object) -> str:
    """ "" if the full-text index matches the notes exactly (no note is ever deleted here)."""
    import sqlite3

    conn = svc.file.db.conn  # type: ignore[attr-defined]
    try:
        conn.execute("INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.Error as exc:
        return f"; full-text index: {exc}"
    return ""


if __name__ == "__main__":
    child(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 0)
