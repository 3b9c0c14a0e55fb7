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
    # Tables and columns added later by migrations are not part of the comparison, nor is
    # the list of migrations applied (it grows with each one).
    for table, (columns, *rows) in expected.items():
        if table == "_sqlite_migrations":
            continue
        assert table in got, table
        got_columns, *got_rows = got[table]
        index = [got_columns.index(c) for c in columns]
        projected = sorted(([r[i] for i in index] for r in got_rows), key=repr)
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


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_demo_has_a_torino_map_backed_by_its_notes(tmp_path: Path, lang: str) -> None:
    from facilitator.services.ecosystem import MapService

    with write_demo(tmp_path / "demo.workshop", language=lang) as svc:
        eco = MapService(svc)
        actors = {a.key: a for a in eco.actors()}
        relations = eco.relations()
        names = {a.name for a in actors.values()}
        notes = {n.id: n.text for n in svc.notes()}
    assert {"Città di Torino", "PN Metro Plus", "Rete Case del Quartiere"} <= names
    assert "Regione Piemonte – Autorità di gestione PR FSE+" in names  # did not attend
    assert sum(not a.attended for a in actors.values()) == 6
    assert all(a.role for a in actors.values())
    assert len(relations) == 22
    backed = [r for r in relations if r.note_ids]
    assert len(backed) >= 17
    for r in backed:
        assert all(n in notes for n in r.note_ids)
    pacts = next(
        r
        for r in relations
        if {actors[r.source].name, actors[r.target].name}
        == {"Città di Torino", "Rete Case del Quartiere"}
    )
    word = "patti" if lang == "it" else "pacts"
    assert word in " ".join(notes[n] for n in pacts.note_ids) + pacts.description
