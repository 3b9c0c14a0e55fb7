"""A note-taker's client process killed at random moments while it sends: no note it
committed is lost on either side, none is duplicated, and every note the hub
acknowledged is on the hub. Real processes (``python main.py join``), a real room server
on 127.0.0.1, real files."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.linked.conftest import TAKER_CODE, Hub, rows

ROOT = Path(__file__).resolve().parents[2]


def _main() -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "join"]


class Taker:
    """One run of the note-taker's process; its output lines, read as they come."""

    def __init__(self, args: list[str], lines: list[str]) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            _main() + args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.out: list[str] = []
        self.first_saved = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write("".join(line + "\n" for line in lines))
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.out.append(line.rstrip("\n"))
            if line.startswith("saved "):
                self.first_saved.set()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                with contextlib.suppress(BrokenPipeError):
                    pipe.close()

    def said(self, word: str) -> set[str]:
        return {line.split(" ", 1)[1] for line in self.out if line.startswith(word + " ")}


def _kill_rounds(hub: Hub, tmp_path: Path, rounds: int, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "marta.workshop"
    joined = subprocess.run(
        [*_main(), hub.url, TAKER_CODE, str(path), "--name", "Marta", "--exit-when-sent"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert joined.returncode == 0, joined.stderr
    saved: set[str] = set()
    acked: set[str] = set()
    for r in range(rounds):
        texts = [f"giro {r} appunto {k}" for k in range(rng.randint(5, 40))]
        taker = Taker([str(path)], texts)
        taker.first_saved.wait(timeout=30)
        threading.Event().wait(rng.uniform(0.0, 0.4))  # a random moment while sending
        taker.kill()
        saved |= taker.said("saved")
        acked |= taker.said("acked")
        print(
            f"round {r}: {len(texts)} typed, {len(taker.said('saved'))} saved, "
            f"{len(taker.said('acked'))} acknowledged before the kill"
        )
        if r % 3 == 2:  # now and then the hub goes away too
            hub.stop()
            hub.restart()
    final = subprocess.run(
        [*_main(), str(path), "--exit-when-sent"],
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert final.returncode == 0, final.stderr
    assert "0 waiting" in final.stdout
    acked |= {
        line.split(" ", 1)[1] for line in final.stdout.splitlines() if line.startswith("acked ")
    }

    hub_notes = rows(hub.path, "SELECT uuid, text FROM notes WHERE note_taker = 'Marta'")
    copy_notes = rows(path, "SELECT uuid, text FROM notes WHERE text LIKE 'giro %'")
    hub_uuids = {str(u) for u, _ in hub_notes}
    assert saved, "no round saved a note: the kills came too early"
    assert saved <= {str(u) for u, _ in copy_notes}  # committed here: still here
    assert saved <= hub_uuids  # and on the hub in the end
    assert acked <= hub_uuids  # acknowledged: on the hub
    assert sorted(map(str, (t for _, t in hub_notes))) == sorted(
        map(str, (t for _, t in copy_notes))
    )  # every note of the copy once on the hub, no duplicate
    assert len({t for _, t in hub_notes}) == len(hub_notes)
    for p in (hub.path, path):
        assert rows(p, "PRAGMA integrity_check") == [("ok",)]


def test_a_client_killed_while_sending_loses_and_doubles_nothing(hub: Hub, tmp_path: Path) -> None:
    _kill_rounds(hub, tmp_path, rounds=4, seed=15)


@pytest.mark.slow
def test_many_kills(hub: Hub, tmp_path: Path) -> None:
    _kill_rounds(hub, tmp_path, rounds=40, seed=1515)
