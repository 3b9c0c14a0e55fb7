"""``python main.py check`` as a user runs it: exit code, reason, file untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from badfiles import BAD_FILES, BAD_IDS, BadFile, fingerprint, make_workshop

from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]


def run_check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_good_file_prints_version_integrity_and_counts(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "good.workshop", notes=7)
    before = fingerprint(path)
    result = run_check(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Schema version: " in result.stdout
    assert "Integrity check: ok" in result.stdout
    assert "7 notes (0 deleted)" in result.stdout
    assert "1 agenda items" in result.stdout
    assert "Result: OK" in result.stdout
    assert fingerprint(path) == before


@dataclass
class Checked:
    path: Path
    before: tuple[str | None, str]
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def checked_bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Checked]:
    """Every bad file built, then all checked by concurrent ``main.py check`` processes
    (each process pays Python's start-up; together they take the time of a few)."""
    folder = tmp_path_factory.mktemp("bad")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = {}
    for bad in BAD_FILES:
        sub = folder / bad.name
        sub.mkdir()
        path = bad.build(sub)
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "check", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        started[bad.name] = (path, fingerprint(path), proc)
    done = {}
    for name, (path, before, proc) in started.items():
        out, err = proc.communicate(timeout=120)
        done[name] = Checked(
            path, before, subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        )
    return done


@pytest.mark.parametrize("bad", BAD_FILES, ids=BAD_IDS)
def test_bad_file_exits_non_zero_with_reason(
    checked_bad_files: dict[str, Checked], bad: BadFile
) -> None:
    checked = checked_bad_files[bad.name]
    result = checked.result
    assert result.returncode == 1, result.stdout + result.stderr
    assert bad.reason in result.stdout
    assert f"({bad.error.code})" in result.stdout
    assert "NOT USABLE" in result.stdout
    assert fingerprint(checked.path) == checked.before


def test_read_only_file_checks_fine(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "ro.workshop", notes=2)
    os.chmod(path, 0o444)
    try:
        result = run_check(path)
    finally:
        os.chmod(path, 0o644)
    assert result.returncode == 0, result.stdout
    assert "read-only" in result.stdout
    assert "2 notes" in result.stdout


def test_file_open_in_another_facilitator_checks_fine(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "busy.workshop", notes=2)
    with WorkshopService.open(path) as svc:  # holds the writer's lock
        svc.add_note("not yet checkpointed: lives in the -wal")
        before = fingerprint(path)
        result = run_check(path)
        assert fingerprint(path) == before
    assert result.returncode == 0, result.stdout
    assert "3 notes" in result.stdout


def test_recover_truncated_file_into_new_file(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "cut.workshop", notes=400)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = fingerprint(path)
    new = tmp_path / "rescued.workshop"
    result = run_check(path, "--recover", new)
    assert result.returncode == 1  # the original is still unusable
    assert "truncated" in result.stdout
    assert f"Recovered into {new}" in result.stdout
    assert fingerprint(path) == before
    again = run_check(new)
    assert again.returncode == 0, again.stdout
    assert "Integrity check: ok" in again.stdout


def test_recover_refuses_existing_target(tmp_path: Path) -> None:
    path = make_workshop(tmp_path / "a.workshop", notes=1)
    other = make_workshop(tmp_path / "b.workshop", notes=1)
    before = fingerprint(other)
    result = run_check(path, "--recover", other)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert fingerprint(other) == before
