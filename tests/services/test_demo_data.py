"""The demo is data (resources/demo/torino.json), and it writes the same workshop as the
code that held it before: compared table by table with dumps taken from that code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from workshop_dump import dump

from facilitator.services.demo import write_demo

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_demo_writes_the_same_workshop_as_before(tmp_path: Path, lang: str) -> None:
    path = tmp_path / f"demo-{lang}.workshop"
    with write_demo(path, language=lang):
        pass
    expected = json.loads((DATA / f"demo_dump_{lang}.json").read_text(encoding="utf-8"))
    got = dump(path)
    # Tables and columns added later by migrations are not part of the comparison.
    for table, (columns, *rows) in expected.items():
        assert table in got, table
        got_columns, *got_rows = got[table]
        index = [got_columns.index(c) for c in columns]
        projected = sorted(([r[i] for i in index] for r in got_rows), key=repr)
        if table == "_sqlite_migrations":  # later migrations add their own rows
            projected = projected[: len(rows)]
        assert projected == rows, table


def test_demo_modules_import_no_cycle() -> None:
    for first in ("facilitator.services.demo_organise", "facilitator.services.demo"):
        code = f"import {first}; import facilitator.services.demo as d; print(d.write_demo)"
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    source = (
        Path(__file__).resolve().parents[2] / "facilitator" / "services" / "demo_organise.py"
    ).read_text(encoding="utf-8")
    assert "services.demo " not in source and "services.demo import" not in source
    assert (
        "importlib"
        not in (
            Path(__file__).resolve().parents[2] / "facilitator" / "services" / "demo.py"
        ).read_text()
    )


def test_the_demo_file_is_data() -> None:
    from facilitator.services import demo_data

    data = demo_data.load()
    assert len(data["agenda"]) == 12 and len(data["notes"]) == 44
    assert {p["role"] for p in data["people"]} == {
        "facilitator",
        "note_taker",
        "speaker",
        "participant",
    }
    for note in data["notes"]:
        assert set(note["text"]) == {"it", "en"}
