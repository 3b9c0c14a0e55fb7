"""``python main.py merge INTO FROM`` as a user runs it: preview, exit codes, sentences."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from facilitator.services.workshop import WorkshopService
from tests.services.merge_helpers import copy, make_base

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "merge", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_merge_previews_with_dry_run_then_merges_once(tmp_path: Path) -> None:
    base = make_base(tmp_path / "base.workshop")
    a, b = copy(base, tmp_path / "a.workshop"), copy(base, tmp_path / "b.workshop")
    with WorkshopService.open(a) as svc:
        svc.add_note("from laptop A")
        svc.add_category("Risks")
    with WorkshopService.open(b) as svc:
        svc.add_category("risks ")  # made apart, same name: matched
    dry = run(b, a, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "1 new, 0 changed, 0 in conflict" in dry.stdout
    assert "notes: 1 new" in dry.stdout
    assert "categories: Risks" in dry.stdout  # the natural-key pair is shown
    assert "Dry run: nothing was written." in dry.stdout
    done = run(b, a)
    assert done.returncode == 0, done.stderr
    assert "Merged into" in done.stdout and ".before-merge.workshop" in done.stdout
    with WorkshopService.open(b) as svc:
        assert "from laptop A" in {n.text for n in svc.notes()}
        assert [c.name.casefold() for c in svc.categories()].count("risks") == 1
    again = run(b, a)
    assert again.returncode == 0 and "Nothing to merge" in again.stdout


def test_merge_errors_are_one_sentence(tmp_path: Path) -> None:
    a = make_base(tmp_path / "a.workshop")
    other = make_base(tmp_path / "other.workshop")
    junk = tmp_path / "junk.workshop"
    junk.write_text("not a database")
    for args, words in (
        ((a, other), "another workshop"),
        ((a, junk), "not a SQLite database"),
        ((a, tmp_path / "missing.workshop"), "no such file"),
        ((a, a), "the workshop itself"),
    ):
        result = run(*args)
        assert result.returncode == 1
        assert result.stderr.startswith("error: ") and words in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    imported = run(a, other, "--as-new-workshop")
    assert imported.returncode == 0 and "second workshop" in imported.stdout
