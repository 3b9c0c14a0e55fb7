"""CSV exports: BOM, header row, formula neutralisation, round trip with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from report_helpers import NOTES_DAY2

from facilitator.reports.csv_export import neutralise, write_csv
from facilitator.services.exporting import export_csv
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService

DANGEROUS = ["=1+1", "+39 011 555", "-2", "@SUM(A1)", "\tindent", "\rreturn", '=HYPERLINK("x")']


def read(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


@pytest.mark.parametrize("value", DANGEROUS)
def test_cells_that_start_a_formula_are_neutralised(value: str) -> None:
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["ciao", "", "a=b", "3", "'già", "€ 5", 42, None])
def test_other_cells_are_left_alone(value: object) -> None:
    assert neutralise(value) == value


def test_round_trip_equals_the_data(tmp_path: Path) -> None:
    rows = [
        ["semplice", "con; punto e virgola", 'virgolette "doppie"'],
        ["a capo\nseconda riga", "ελληνικά, кириллица", "àèéìòù ŁŚŻ"],
        *[[value, "x", "y"] for value in DANGEROUS],
    ]
    path = tmp_path / "t.csv"
    write_csv(path, ["A", "B", "C"], rows, delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = read(path, ";")
    assert back[0] == ["A", "B", "C"]
    assert back[1:3] == rows[:2]
    for got, want in zip(back[3:], rows[2:], strict=True):
        assert got == ["'" + want[0], "x", "y"]


def test_export_writes_every_table(filled, tmp_path: Path) -> None:
    svc, f = filled
    svc.add_note("=cmd|' /C calc'!A0", agenda_item_id=f.items["opening"])
    files = export_csv(build_snapshot(svc), tmp_path / "out")
    assert set(files) == {"notes", "participants", "attendance", "agenda", "action_items"}
    notes = read(files["notes"], ";")
    assert notes[0][0] == "Id" and notes[0][-1] == "Testo"
    texts = [row[-1] for row in notes[1:]]
    for note in [*f.notes, *NOTES_DAY2]:
        assert note in texts
    assert "'=cmd|' /C calc'!A0" in texts
    assert len(notes) - 1 == len(svc.notes())

    people = read(files["participants"], ";")
    assert [r[0] for r in people[1:]] == [p.name for p in svc.participants()]
    attendance = read(files["attendance"], ";")
    assert sorted((r[0], r[2]) for r in attendance[1:]) == sorted(
        [
            ("1", "Mario Rossi"),
            ("1", "Ελένη Παπαδοπούλου"),
            ("1", "Иван Петров"),
            ("2", "Mario Rossi"),
        ]
    )
    actions = read(files["action_items"], ";")
    assert actions[1][:4] == [
        "Inviare il verbale ai ministeri",
        "Mario Rossi",
        "2025-11-20",
        "aperta",
    ]


def test_english_export_uses_commas_and_english_headers(filled, tmp_path: Path) -> None:
    svc, f = filled
    files = export_csv(build_snapshot(svc), tmp_path, lang="en")
    rows = read(files["action_items"], ",")
    assert rows[0][:4] == ["Action", "Owner", "Due date", "Status"]
    assert rows[1][3] == "open"


def test_empty_workshop_exports_headers_only(tmp_path: Path) -> None:
    with WorkshopService.create(tmp_path / "e.workshop", "Vuoto") as svc:
        files = export_csv(build_snapshot(svc), tmp_path / "csv")
    for path in files.values():
        assert len(read(path, ";")) == 1
