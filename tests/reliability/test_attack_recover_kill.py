"""Issue 11, attack 8: a killed ``check --recover`` left a target that looked valid
(schema but no workshop row, or truncated), and a second run refused it ("already
exists"). The new file is built as ``NEW_FILE.partial`` and renamed when complete."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from badfiles import make_workshop
from crashkit import ROOT

from facilitator.services.check import check_file


def _recover(source: Path, target: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "check", str(source), "--recover", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def test_attack_killed_recovery_leaves_no_valid_looking_target(tmp_path: Path) -> None:
    source = make_workshop(tmp_path / "source.workshop", notes=3000)
    target = tmp_path / "rescued.workshop"
    partial = tmp_path / "rescued.workshop.partial"
    child = _recover(source, target)
    try:
        for _ in range(5_000_000):  # bounded: wait for the new file to appear
            if target.exists() or partial.exists() or child.poll() is not None:
                break
        child.send_signal(signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL, "the recovery finished before the kill"
    assert not target.exists()  # nothing that looks like a finished rescue
    again = _recover(source, target)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "3000 notes recovered" in out
    assert not partial.exists()
    report = check_file(target)
    assert report.ok and report.examination is not None
    assert report.examination.counts is not None and report.examination.counts.notes == 3000
