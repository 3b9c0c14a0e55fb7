"""Issue 10: ``report``, ``export`` and ``import --dry-run`` on a file nobody has open
read it as ``check`` does and leave nothing next to it (no -wal, no -shm), also when
the file is read-only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from badfiles import fingerprint, make_workshop

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize(
    "command",
    [
        ["report", "{file}", "--all", "-o", "{out}/all.pdf"],
        ["export", "{file}", "--format", "md", "-o", "{out}/minutes.md"],
        ["export", "{file}", "--format", "csv", "-o", "{out}/csv"],
        [
            "import-participants",
            "{file}",
            str(DATA / "participants_en_comma_utf8bom.csv"),
            "--dry-run",
        ],
    ],
    ids=["report", "export-md", "export-csv", "import-dry-run"],
)
def test_one_off_commands_leave_nothing_next_to_the_file(
    tmp_path: Path, command: list[str], read_only: bool
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    path = make_workshop(folder / "w.workshop", notes=5)
    if read_only:
        os.chmod(path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = fingerprint(path)
    try:
        result = run(*(a.format(file=path, out=out) for a in command))
        assert result.returncode == 0, result.stderr
        assert [p.name for p in folder.iterdir()] == ["w.workshop"]
        assert fingerprint(path) == before
    finally:
        os.chmod(path, 0o644)
