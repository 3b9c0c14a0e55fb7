"""The "Print join codes" PDF, written by ``python main.py join-codes`` as a user would
run it, read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.domain.model import Language
from facilitator.services.joincodes import JoinCodeService
from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [
    ("Małgorzata Wiśniewska", "National Competence Centre (PL)"),
    ("Георги Иванов", "Национален компетентен център (BG)"),
    ("Ελένη Παπαδοπούλου", "Υπουργείο Εργασίας (EL)"),
    ("Zoë Ó Briain", ""),
    ("Íñigo Peña", "Unidad Administradora del FSE+ (ES)"),
    ("Jürgen Möller-Lüdenscheidt von Großherzogtum-Sachsen-Weimar-Eisenach", "Ministerium " * 12),
] + [(f"Partecipante {n:02}", "Comune di Torino") for n in range(1, 10)]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def make(path: Path, language: str = "it") -> Path:
    with WorkshopService.create(path, "Visita studio", language=Language(language)) as svc:
        for name, org in PEOPLE:
            svc.add_participant(name, org, email="x@example.org")
    return path


def codes_in_file(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(
            conn.execute(
                "SELECT p.name, c.code FROM room_join_codes c JOIN participants p "
                "ON p.id = c.participant_id WHERE c.revoked_at IS NULL AND c.deleted_at IS NULL"
            ).fetchall()
        )
    finally:
        conn.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_every_participant_gets_one_badge_with_their_code_exactly_once(tmp_path: Path) -> None:
    workshop = make(tmp_path / "w.workshop")
    out = tmp_path / "codes.pdf"
    result = run("join-codes", workshop, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "15 badges on 2 pages; 15 new codes issued" in result.stdout
    codes = codes_in_file(workshop)
    assert len(codes) == len(PEOPLE) and len(set(codes.values())) == len(PEOPLE)
    text = pdf_text(out)
    for name, code in codes.items():
        assert text.count(code) == 1, (name, code)
    flat = " ".join(text.split())
    for name in ("Małgorzata Wiśniewska", "Георги Иванов", "Ελένη Παπαδοπούλου", "Íñigo Peña"):
        assert name in flat
    assert "x@example.org" not in text
    assert "scegli il tuo nome e scrivi questo codice" in flat
    assert len(PdfReader(out).pages) == 2
    assert not list(tmp_path.glob("*.partial"))
    # printed again: the same codes (they are kept in the file)
    again = tmp_path / "again.pdf"
    assert run("join-codes", workshop, "-o", again).returncode == 0
    assert codes_in_file(workshop) == codes
    assert {c for c in codes.values() if c in pdf_text(again)} == set(codes.values())


def test_new_codes_replace_the_old_ones_and_english_instructions(tmp_path: Path) -> None:
    workshop = make(tmp_path / "w.workshop", "en")
    first = tmp_path / "first.pdf"
    assert run("join-codes", workshop, "-o", first).returncode == 0
    old = codes_in_file(workshop)
    second = tmp_path / "second.pdf"
    result = run("join-codes", workshop, "-o", second, "--new")
    assert result.returncode == 0 and "15 new codes issued" in result.stdout
    new = codes_in_file(workshop)
    assert set(new) == set(old) and not set(new.values()) & set(old.values())
    text = pdf_text(second)
    assert all(text.count(c) == 1 for c in new.values())
    assert not any(c in text for c in old.values())
    assert "pick your name, type this code" in " ".join(text.split())
    with WorkshopService.open(workshop, read_only=True) as svc:
        assert {c.name: c.code for c in JoinCodeService(svc).codes()} == new


def test_it_refuses_to_write_over_a_database(tmp_path: Path) -> None:
    workshop = make(tmp_path / "w.workshop")
    other = make(tmp_path / "other.workshop")
    before = other.read_bytes()
    for target in (other, workshop):
        result = run("join-codes", workshop, "-o", target)
        assert result.returncode == 1 and result.stderr.startswith("error:")
    assert other.read_bytes() == before
    assert codes_in_file(workshop) == {}  # refused before anything was written


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_the_badges_render(tmp_path: Path) -> None:
    workshop = make(tmp_path / "w.workshop")
    out = tmp_path / "codes.pdf"
    assert run("join-codes", workshop, "-o", out).returncode == 0
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")], check=True, timeout=60
    )
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == 2
    from PIL import Image

    with Image.open(pages[0]) as img:
        histogram = img.convert("L").histogram()
        dark = sum(histogram[:128])
    assert dark > 2000  # ten badges of ink, not a blank page
