"""Kill-at-a-random-moment harness, shared by the crash tests and benchmarks/crash_rounds.py.

A child process captures notes through ``WorkshopService.add_note`` (the call the
capture box makes) and prints ``committed <uuid>`` after each call returns. The
parent reads those lines and sends SIGKILL after a random number of them, while the
child is already busy with the next note. Then it reopens the file and checks that
every committed note is there, with its exact text, and that ``integrity_check`` is ok.

Run as a script, this module is the child: ``python crashkit.py FILE SEED``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
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


def child(path: Path, seed: int) -> None:
    from facilitator.services.workshop import WorkshopService

    svc = WorkshopService.open(path)
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


def prepare(path: Path) -> None:
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.create(path, "Crash test") as svc:
        svc.add_item(svc.days()[0].id, "Sessione")


def run_round(path: Path, seed: int, max_kill_after: int = 25) -> RoundResult:
    from facilitator.services.workshop import WorkshopService

    rng = random.Random(seed)
    kill_after = rng.randint(1, max_kill_after)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    committed: list[str] = []
    try:
        assert proc.stdout is not None
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
    with WorkshopService.open(path) as svc:
        found = {n.uuid: n.text for n in svc.notes()}
        integrity = "; ".join(svc.repo.integrity_check())
        integrity += fts_problem(svc)
    lost = sum(1 for i, u in enumerate(committed) if found.get(u) != note_text(seed, i))
    mine = sum(1 for t in found.values() if t.startswith(f"seed {seed} note "))
    return RoundResult(seed, kill_after, len(committed), mine, lost, integrity)


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
    child(Path(sys.argv[1]), int(sys.argv[2]))
