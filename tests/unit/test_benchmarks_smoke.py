"""The benchmark helpers work (on a 50-note file). No timing is asserted here."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks import measure, proposals, run, synth
from facilitator.services.workshop import WorkshopService


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return synth.build(tmp_path / "small.workshop", 50)


def test_synthetic_workshop_has_the_notes_days_and_items(small: Path) -> None:
    with WorkshopService.open(small, read_only=True) as svc:
        assert svc.counts().notes == 50
        assert len(svc.days()) == synth.DAYS
        assert len(svc.items()) == synth.DAYS * synth.ITEMS_PER_DAY
        notes = svc.notes()
        assert all(n.text.strip() for n in notes)
        assert len({n.agenda_item_id for n in notes}) > 1
        assert len({n.text for n in notes}) > 10  # varied texts


def test_note_text_is_deterministic_and_varied() -> None:
    import random

    a = [synth.note_text(random.Random(3)) for _ in range(1)]
    b = [synth.note_text(random.Random(3)) for _ in range(1)]
    assert a == b
    rng = random.Random(5)
    lengths = {len(synth.note_text(rng)) for _ in range(300)}
    assert min(lengths) < 60 < max(lengths)


def test_service_and_plain_sqlite_write_the_same_rows(small: Path, tmp_path: Path) -> None:
    ours = tmp_path / "ours.workshop"
    raw = tmp_path / "raw.workshop"
    shutil.copyfile(small, ours)
    shutil.copyfile(small, raw)
    inputs = run.note_inputs(small, 5)
    assert len(run.commit_with_service(ours, inputs)) == 5
    assert len(run.commit_with_sqlite(raw, inputs)) == 5
    for path in (ours, raw):
        with WorkshopService.open(path, read_only=True) as svc:
            assert svc.counts().notes == 55
            # the plain-sqlite3 baseline keeps the full-text index up to date too
            word = inputs[-1][0].split()[-1].strip(".")
            assert svc.search(word)
    conn = sqlite3.connect(raw)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_search_timing_pairs_the_app_with_plain_fts5(small: Path) -> None:
    query = run.Query("common", synth.COMMON_WORD)
    with WorkshopService.open(small) as svc:
        out = run.time_search(svc, query, repeats=2)
        assert len(out["app"]) == len(out["raw"]) == 2
        assert out["app_hits"], "the common word must be found"
        assert {h.note.id for h in out["app_hits"]} == {row[0] for row in out["raw_hits"]}
        day2 = run.Query("day 2", synth.COMMON_WORD, day=2)
        out = run.time_search(svc, day2, repeats=1)
        day_id = svc.day_by_number(2).id
        assert out["app_hits"] and all(h.day_id == day_id for h in out["app_hits"])


def test_patched_open_skips_only_the_quick_check(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.storage import file

    monkeypatch.setattr(file, "_read_only_connection", file._read_only_connection)
    seen: list[str] = []
    original = proposals._NoQuickCheck.execute

    def execute(self: Any, sql: str, *args: Any) -> Any:
        seen.append(sql.split()[1].upper() if sql.startswith("PRAGMA") else "")
        return original(self, sql, *args)

    monkeypatch.setattr(proposals._NoQuickCheck, "execute", execute)
    proposals.skip_quick_check()
    assert file.inspect(small).schema_version >= 1
    assert "QUICK_CHECK" in seen and "USER_VERSION" in seen
    with WorkshopService.open(small, read_only=True) as svc:
        assert svc.counts().notes == 50


def test_pdf_row_compares_the_report_with_reportlab_alone(tmp_path: Path) -> None:
    cache = synth.Cache(tmp_path)
    results = run.Results()
    run.bench_pdf(cache, run.Settings.make(quick=True), results, notes=50)
    (row,) = results.rows
    if not run.reports_available():
        assert row.ratio.startswith("n/a")
        return
    assert row.ours.endswith("pages") and row.baseline.startswith("reportlab alone")
    assert "×" in row.ratio and row.met in ("yes", "**no**")


def test_statistics() -> None:
    values = [float(v) for v in range(1, 101)]
    assert measure.percentile(values, 50) == 50
    assert measure.percentile(values, 99) == 99
    spread = measure.Spread.of([3.0, 1.0, 2.0])
    assert (spread.median, spread.low, spread.high, spread.runs) == (2.0, 1.0, 3.0, 3)
    assert spread.fmt(" ms") == "2.00 ms (1.00–3.00, n=3)"
    with pytest.raises(ValueError):
        measure.Spread.of([])


def test_run_child_reports_time_memory_and_exit_code() -> None:
    ok = measure.run_child([sys.executable, "-c", "x = bytearray(30_000_000)"])
    assert ok.returncode == 0
    assert ok.max_rss_kb > 30_000
    assert ok.seconds > 0
    bad = measure.run_child([sys.executable, "-c", "raise SystemExit(3)"])
    assert bad.returncode == 3


def test_markdown_report_has_the_table() -> None:
    results = run.Results()
    results.rows.append(run.Row("m", "1 ms", "b", "1.0×", "≤ 2×", "yes"))
    text = run.markdown(results, run.Settings.make(quick=True), 1.0)
    assert "| measure | Facilitator | baseline | ratio | target | met |" in text
    assert "| m | 1 ms | b | 1.0× | ≤ 2× | yes |" in text
    assert "Python" in text and "SQLite" in text
