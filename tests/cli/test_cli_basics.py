"""`python main.py --help`, `demo`, and the demo's content, through real subprocesses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from facilitator.cli import COMMANDS
from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT
    )


def test_help_lists_every_subcommand() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_demo_writes_the_torino_workshop(tmp_path: Path) -> None:
    path = tmp_path / "x.workshop"
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    with WorkshopService.open(path, read_only=True) as svc:
        w = svc.workshop()
        assert "FSE+" in w.title and w.place == "Torino"
        assert len(svc.days()) == 3
        kinds = {i.kind.value for i in svc.items()}
        assert {"presentation", "site_visit", "group_work", "plenary", "break"} <= kinds
        notes = svc.notes()
        assert len(notes) >= 40
        used = {n.category_id for n in notes}
        names = {c.id: c.name for c in svc.categories()}
        assert {"Collaborazioni", "Ruoli e contributi", "Sfide", "Soluzioni", "Trasferibilità"} <= {
            names[c] for c in used
        }
        assert svc.search("cooperativ")
        assert svc.actions()
        orgs = {o.kind.value for o in svc.organisations()}
        assert {
            "public_authority",
            "managing_authority",
            "competence_centre",
            "third_sector",
        } <= orgs


def test_demo_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.workshop"
    path.write_bytes(b"mine")
    result = run("demo", str(path))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert path.read_bytes() == b"mine"


def test_demo_in_english(tmp_path: Path) -> None:
    path = tmp_path / "en.workshop"
    assert run("demo", str(path), "--lang", "en").returncode == 0
    with WorkshopService.open(path, read_only=True) as svc:
        assert svc.workshop().language.value == "en"
        assert svc.categories()[0].name == "Collaborations"


def test_a_value_written_by_another_tool_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "x.workshop"
    assert run("demo", str(path)).returncode == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE participants SET role = 'Boss'")
    conn.commit()
    conn.close()
    result = run("report", str(path), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert "cannot read" in result.stderr and "Traceback" not in result.stderr
