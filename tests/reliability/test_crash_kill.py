"""SIGKILL right after a note is committed: on reopening every committed note is there."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from crashkit import prepare, run_round


def test_note_survives_sigkill_right_after_commit(tmp_path: Path) -> None:
    path = tmp_path / "crash.workshop"
    prepare(path)
    result = run_round(path, seed=1, max_kill_after=1)
    assert result.kill_after == 1
    assert result.committed == 1
    assert result.lost == 0
    assert result.found >= 1
    assert result.integrity == "ok"


def test_random_kill_moments_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.workshop"
    prepare(path)
    seeds = random.Random().sample(range(10_000), 3)
    for seed in seeds:
        result = run_round(path, seed)
        assert result.lost == 0, f"seed {seed}: {result}"
        assert result.found >= result.committed, f"seed {seed}: {result}"
        assert result.integrity == "ok", f"seed {seed}: {result}"


@pytest.mark.slow
def test_hundreds_of_kills_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.workshop"
    prepare(path)
    for seed in range(300):
        result = run_round(path, seed)
        assert result.lost == 0, f"seed {seed}: {result}"
        assert result.integrity == "ok", f"seed {seed}: {result}"
