"""`pip install .` works: the wheel carries every package, the resources and the format docs,
and an installed copy finds them without the source checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            "-q",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    (found,) = out.glob("facilitator-*.whl")
    return found


def test_wheel_contains_packages_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in (ROOT / "facilitator").rglob("__init__.py"):
        rel = init.relative_to(ROOT).as_posix()
        assert rel in names, f"package missing from the wheel: {rel}"
    assert "facilitator/dbformat/schema.sql" in names
    assert "facilitator/dbformat/README.md" in names
    assert "facilitator/resources/translations/facilitator_it.qm" in names
    assert "facilitator/resources/samples/participants.csv" in names
    assert "facilitator/resources/samples/agenda.csv" in names
    assert "facilitator/resources/demo/torino.json" in names
    for page in ("index.html", "room.js", "room.css"):  # the phones' page of the room
        assert f"facilitator/resources/room/{page}" in names
    assert any(n.startswith("facilitator/resources/fonts/") and n.endswith(".ttf") for n in names)
    assert not any(n.startswith(("tests/", "resources/", "db/")) for n in names)


def test_installed_copy_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import facilitator.paths as p, sys\n"
        "r = p.resources_dir(); d = p.db_dir()\n"
        f"assert str(r).startswith({str(site)!r}), r\n"
        "assert (r / 'translations' / 'facilitator_it.qm').is_file()\n"
        "assert (d / 'schema.sql').is_file()\n"
        "from facilitator.storage import schema\n"
        "assert (d / 'schema.sql').read_text(encoding='utf-8') == schema.schema_sql()\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
