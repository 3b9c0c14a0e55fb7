"""``python main.py report`` and ``python main.py export``, run as a user would."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    path = tmp_path / "cli.workshop"
    with WorkshopService.create(
        path,
        "Tavolo ESF+",
        organiser="Regione",
        start_date=dt.date(2025, 11, 5),
        end_date=dt.date(2025, 11, 6),
    ) as svc:
        d1, d2 = svc.days()
        i1 = svc.add_item(d1.id, "Apertura", planned_start=dt.time(9, 0))
        i2 = svc.add_item(d2.id, "Chiusura", planned_start=dt.time(9, 0))
        svc.add_note("Prima nota: perché sì", agenda_item_id=i1)
        svc.add_note("=1+1 nota del secondo giorno", agenda_item_id=i2)
    return path


def test_report_of_one_day_and_of_the_event(workshop: Path, tmp_path: Path) -> None:
    day = run("report", workshop, "--day", "1", "--deterministic", "-o", tmp_path / "d1.pdf")
    assert day.returncode == 0, day.stderr
    assert "d1.pdf" in day.stdout and "pages" in day.stdout
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "d1.pdf").pages)
    assert "Prima nota: perché sì" in text and "secondo giorno" not in text

    full = run(
        "report", workshop, "--all", "--lang", "en", "--paper", "letter", "-o", tmp_path / "all.pdf"
    )
    assert full.returncode == 0, full.stderr
    pdf = PdfReader(tmp_path / "all.pdf")
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Full report of the event" in text and "=1+1 nota del secondo giorno" in text
    assert round(float(pdf.pages[0].mediabox.height)) == 792


def test_deterministic_reports_are_identical_and_need_no_write_access(
    workshop: Path, tmp_path: Path
) -> None:
    with WorkshopService.open(workshop):  # the app holds the file open for writing
        for name in ("a.pdf", "b.pdf"):
            result = run("report", workshop, "--deterministic", "-o", tmp_path / name)
            assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_bad_day_and_bad_file_are_errors(workshop: Path, tmp_path: Path) -> None:
    bad_day = run("report", workshop, "--day", "7", "-o", tmp_path / "x.pdf")
    assert bad_day.returncode == 1 and "there is no day 7" in bad_day.stderr
    (tmp_path / "junk.workshop").write_bytes(b"not sqlite at all" * 10)
    junk = run("report", tmp_path / "junk.workshop", "-o", tmp_path / "y.pdf")
    assert junk.returncode == 1 and "error:" in junk.stderr
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_export_csv_and_markdown(workshop: Path, tmp_path: Path) -> None:
    result = run("export", workshop, "--format", "csv", "-o", tmp_path / "csv")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "csv" / "notes.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert [r[-1] for r in rows[1:]] == ["Prima nota: perché sì", "'=1+1 nota del secondo giorno"]

    result = run("export", workshop, "--format", "md", "--lang", "en", "-o", tmp_path / "m.md")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert text.startswith("# Tavolo ESF+\n") and "## Day 2 – Thursday 6 November 2025" in text

    result = run("export", workshop, "--format", "md", "--day", "2", "-o", tmp_path / "d2.md")
    text = (tmp_path / "d2.md").read_text(encoding="utf-8")
    assert "Chiusura" in text and "Apertura" not in text


def test_report_never_overwrites_the_workshop(tmp_path: Path) -> None:
    import subprocess
    import sys

    from facilitator.services.demo import write_demo

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "victim.workshop"
    with write_demo(path):
        pass
    before = path.read_bytes()
    other = tmp_path / "other.workshop"
    other.write_bytes(before)
    for out, args in (
        (path, ["report", str(path), "-o", str(path)]),
        (path, ["export", str(path), "--format", "md", "-o", str(path)]),
        (other, ["report", str(path), "-o", str(other)]),
    ):
        result = subprocess.run(
            [sys.executable, str(root / "main.py"), *args], capture_output=True, text=True
        )
        assert result.returncode == 1 and "error:" in result.stderr
        assert out.read_bytes() == before
    assert not list(tmp_path.glob("*.partial"))
