"""Issue 11, attack 4: a workshop in a folder the user cannot write to. SQLite cannot
create the -wal/-shm there (SQLITE_READONLY_DIRECTORY), so the file could not be
opened at all, not even read-only, and ``report`` failed the same way.

The suite runs as root, for whom folder permissions do not count: the attacked
process drops to the ``nobody`` user first (everything it needs is imported before)."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from badfiles import make_workshop

ROOT = Path(__file__).resolve().parents[2]

ATTACKED = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    import facilitator.cli, facilitator.services.exporting, facilitator.reports.markdown
    import facilitator.services.snapshot, facilitator.services.check, facilitator.services.organise
    import facilitator.domain.voting, facilitator.storage.organise, facilitator.reports.csv_export
    from facilitator.domain.errors import FacilitatorError
    from facilitator.services.check import check_file
    from facilitator.services.workshop import WorkshopService
    import argparse, difflib, textwrap, facilitator.room.cli  # the CLI imports these lazily
    import encodings.idna, gettext, locale  # noqa: imported later must be readable by nobody
    uid = int(sys.argv[3])
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    path = Path(sys.argv[1])
    out = {"uid": os.geteuid()}
    try:
        with WorkshopService.open(path) as svc:
            out["read_only"] = svc.read_only
            out["reason"] = svc.file.read_only_reason
            out["notes"] = len(svc.notes())
            out["hits"] = len(svc.search("collaborazione"))
    except FacilitatorError as exc:
        out["error"] = exc.message
    out["check"] = check_file(path).ok
    out["export"] = facilitator.cli.main(
        ["export", str(path), "--format", "md", "-o", sys.argv[2]]
    )
    print(json.dumps(out))
    """
)


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside root's private tmp, that ``nobody`` can enter and read."""
    base = Path(tempfile.mkdtemp(prefix="facilitator-rofolder-"))
    os.chmod(base, 0o755)
    try:
        yield base
    finally:
        os.chmod(base, 0o755)
        for p in base.rglob("*"):
            if p.is_dir():
                os.chmod(p, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def _attack(folder: Path, path: Path, out_dir: Path) -> dict[str, object]:
    nobody = pwd.getpwnam("nobody").pw_uid
    if os.geteuid() == 0:
        os.chown(path, nobody, -1)  # the file is the user's; the folder is not
        for side in ("-wal", "-shm"):
            if Path(str(path) + side).exists():
                os.chown(Path(str(path) + side), nobody, -1)
        os.chown(out_dir, nobody, -1)
    os.chmod(folder, 0o555)
    try:
        result = subprocess.run(
            [sys.executable, "-c", ATTACKED, str(path), str(out_dir / "m.md"), str(nobody)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            cwd=out_dir,
        )
    finally:
        os.chmod(folder, 0o755)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["uid"] != 0  # the attack really ran as an ordinary user
    return found


def _folders(base: Path) -> tuple[Path, Path]:
    folder = base / "readonly"
    folder.mkdir()
    out = base / "out"
    out.mkdir()
    return folder, out


def test_attack_read_only_folder_opens_read_only_and_says_why(shared_folder: Path) -> None:
    folder, out = _folders(shared_folder)
    path = make_workshop(folder / "w.workshop", notes=7)
    os.chmod(path, 0o644)
    found = _attack(folder, path, out)
    assert "error" not in found, found
    assert found["read_only"] is True
    assert found["reason"] == "folder"
    assert found["notes"] == 7 and found["hits"] == 7
    assert found["check"] is True
    assert found["export"] == 0
    assert "Nota 6" in (out / "m.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["w.workshop"]


@pytest.mark.parametrize("keep_shm", [True, False], ids=["wal-and-shm", "wal-only"])
def test_attack_read_only_folder_with_a_wal_shows_its_notes(
    shared_folder: Path, keep_shm: bool
) -> None:
    """A writer was killed, then the folder became read-only: the notes in the -wal
    must be seen (an immutable read of the main file alone would hide them)."""
    folder, out = _folders(shared_folder)
    path = make_workshop(folder / "w.workshop", notes=3)
    os.chmod(path, 0o644)
    code = textwrap.dedent(
        """
        import os, sys
        from facilitator.services.workshop import WorkshopService
        svc = WorkshopService.open(sys.argv[1])
        for i in range(4):
            svc.add_note(f"nel wal {i} collaborazione")
        os.kill(os.getpid(), 9)
        """
    )
    killed = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL
    assert Path(str(path) + "-wal").stat().st_size > 0
    if not keep_shm:
        Path(str(path) + "-shm").unlink()
    before = sorted(p.name for p in folder.iterdir())
    found = _attack(folder, path, out)
    assert "error" not in found, found
    assert found["read_only"] is True and found["reason"] == "folder"
    assert found["notes"] == 7
    assert found["export"] == 0
    assert "nel wal 3" in (out / "m.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == before
