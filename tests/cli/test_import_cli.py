"""The CLI twins of the CSV imports, as subprocesses and as function calls."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
    )


def _make(path: Path) -> Path:
    WorkshopService.create(path, "CLI").close()
    return path


def test_import_participants_subprocess(tmp_path: Path) -> None:
    path = _make(tmp_path / "w.workshop")
    proc = _run("import-participants", path, DATA / "participants_en_comma_utf8bom.csv")
    assert proc.returncode == 0, proc.stderr
    assert "Imported 6 participants" in proc.stdout
    assert "UTF-8 (with BOM), comma-separated" in proc.stdout
    with WorkshopService.open(path) as svc:
        assert "Георги Иванов" in {p.name for p in svc.participants()}
    again = _run("import-participants", path, DATA / "participants_en_comma_utf8bom.csv")
    assert again.returncode == 0
    assert "Imported 0 participants." in again.stdout
    assert "Duplicates, not imported: 6" in again.stdout


def test_import_agenda_subprocess_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = _make(tmp_path / "w.workshop")
    before = path.read_bytes()
    proc = _run("import-agenda", path, DATA / "agenda_it_semicolon_utf8.csv", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "would import 9 agenda items" in proc.stdout
    assert "The import would add 2 days to the workshop." in proc.stdout
    assert path.read_bytes() == before
    proc = _run("import-agenda", path, DATA / "agenda_it_semicolon_utf8.csv")
    assert proc.returncode == 0, proc.stderr
    with WorkshopService.open(path) as svc:
        assert len(svc.days()) == 3


def test_garbage_csv_exits_1_with_a_clear_error(tmp_path: Path) -> None:
    path = _make(tmp_path / "w.workshop")
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    proc = _run("import-participants", path, junk)
    assert proc.returncode == 1
    assert "junk.csv is not a text (CSV) file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_function_call_reports_rejected_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _make(tmp_path / "w.workshop")
    csv = tmp_path / "bad.csv"
    csv.write_text("Name,Email\nAnna Verdi,anna@example.org\n,x@example.org\nBruno,bad\n")
    assert cli.main(["import-participants", str(path), str(csv)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 participant." in out
    assert "row 3: the name is empty" in out
    assert "row 4: 'bad' is not an e-mail address" in out


def test_nothing_valid_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "w.workshop")
    csv = tmp_path / "bad.csv"
    csv.write_text("Giorno;Titolo;Tipo\n1;Apertura;concerto\n")
    assert cli.main(["import-agenda", str(path), str(csv)]) == 1
    captured = capsys.readouterr()
    assert "unknown kind 'concerto'" in captured.out
    assert "no valid rows" in captured.err
    with WorkshopService.open(path) as svc:
        assert svc.items(svc.days()[0].id) == []


def test_missing_csv_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "w.workshop")
    assert cli.main(["import-participants", str(path), str(tmp_path / "none.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
