"""Facilitator benchmarks: ratios against plain baselines, measured in the same run.

    python benchmarks/run.py               # full: more runs (about 2 minutes)
    python benchmarks/run.py --quick       # fewer runs (under a minute)
    python benchmarks/run.py --proposed    # also start-up with proposals.py applied

Builds synthetic workshops of 1,000, 5,000 and 100,000 notes in a temporary folder
(once per run), then prints progress on stderr and, on stdout, the machine line and
a Markdown table: each figure is the median of several runs with (min–max).
Only ratios count: the machine may be busy, but both sides of a ratio ran in the
same run, interleaved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `facilitator` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import measure, synth  # noqa: E402
from benchmarks.measure import Spread  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "main.py"
BARE = Path(__file__).resolve().with_name("bare_window.py")
QUIT_FLAG = "--quit-after-paint"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Row:
    measure: str
    ours: str
    baseline: str
    ratio: str
    target: str
    met: str


@dataclass
class Settings:
    quick: bool
    commit_notes: int
    commit_rounds: int
    startup_runs: int
    search_repeats: int
    pdf_runs: int
    big: int = 100_000

    @classmethod
    def make(cls, quick: bool) -> Settings:
        if quick:
            return cls(
                True,
                commit_notes=500,
                commit_rounds=2,
                startup_runs=3,
                search_repeats=7,
                pdf_runs=1,
            )
        return cls(
            False, commit_notes=2000, commit_rounds=5, startup_runs=7, search_repeats=25, pdf_runs=3
        )


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        log(f"{row.measure}: {row.ours} vs {row.baseline} -> {row.ratio} [{row.met}]")


def verdict(value: float, target: float) -> str:
    return "yes" if value <= target else "**no**"


# --- 1. committing one note -----------------------------------------------------------------


RAW_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA trusted_schema = OFF",
    "PRAGMA busy_timeout = 5000",
)


def note_inputs(path: Path, count: int, seed: int = 11) -> list[tuple[str, int, int, int, str]]:
    """(text, category id, item id, speaker id, speaker name) for ``count`` new notes."""
    import random

    conn = sqlite3.connect(path)
    try:
        cats = [r[0] for r in conn.execute("SELECT id FROM categories WHERE deleted_at IS NULL")]
        items = [r[0] for r in conn.execute("SELECT id FROM agenda_items WHERE deleted_at IS NULL")]
        people = conn.execute(
            "SELECT id, name FROM participants WHERE deleted_at IS NULL"
        ).fetchall()
    finally:
        conn.close()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pid, name = rng.choice(people)
        out.append((synth.note_text(rng), rng.choice(cats), rng.choice(items), pid, name))
    return out


def commit_with_service(
    path: Path, inputs: Sequence[tuple[str, int, int, int, str]]
) -> list[float]:
    from facilitator.services.workshop import WorkshopService

    times = []
    with WorkshopService.open(path) as svc:
        for text, cat, item, _pid, name in inputs:
            t0 = time.perf_counter()
            svc.add_note(
                text, category_id=cat, agenda_item_id=item, speaker=name, note_taker="Sara Rossi"
            )
            times.append(time.perf_counter() - t0)
    return times


def commit_with_sqlite(path: Path, inputs: Sequence[tuple[str, int, int, int, str]]) -> list[float]:
    """The same row with plain sqlite3: same pragmas, INSERT notes + INSERT notes_fts, one commit."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in RAW_PRAGMAS:
        conn.execute(pragma)
    times = []
    try:
        for text, cat, item, pid, name in inputs:
            t0 = time.perf_counter()
            now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
            conn.execute("BEGIN")
            cur = conn.execute(
                "INSERT INTO notes (uuid, text, category_id, agenda_item_id, speaker_id, speaker_name, "
                "note_taker, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (str(uuid.uuid4()), text, cat, item, pid, name, "Sara Rossi", now, now),
            )
            conn.execute(
                "INSERT INTO notes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
                (cur.lastrowid, text, name),
            )
            conn.execute("COMMIT")
            times.append(time.perf_counter() - t0)
    finally:
        conn.close()
    return times


def bench_commit(cache: synth.Cache, s: Settings, results: Results) -> None:
    base = cache.get(1000)
    inputs = note_inputs(base, s.commit_notes)
    p50_ratio, p99_ratio, ours50, ours99, raw50, raw99 = [], [], [], [], [], []
    for r in range(s.commit_rounds):
        ours_path = cache.copy(1000, "commit-service.workshop")
        raw_path = cache.copy(1000, "commit-sqlite.workshop")
        if r % 2 == 0:
            a = commit_with_service(ours_path, inputs)
            b = commit_with_sqlite(raw_path, inputs)
        else:
            b = commit_with_sqlite(raw_path, inputs)
            a = commit_with_service(ours_path, inputs)
        ours50.append(measure.percentile(a, 50) * 1000)
        ours99.append(measure.percentile(a, 99) * 1000)
        raw50.append(measure.percentile(b, 50) * 1000)
        raw99.append(measure.percentile(b, 99) * 1000)
        p50_ratio.append(ours50[-1] / raw50[-1])
        p99_ratio.append(ours99[-1] / raw99[-1])
        log(
            f"commit round {r + 1}: p50 {ours50[-1]:.2f}/{raw50[-1]:.2f} ms, p99 {ours99[-1]:.2f}/{raw99[-1]:.2f} ms"
        )
    n = s.commit_notes
    for label, ours, raw, ratio in (
        ("p50", ours50, raw50, p50_ratio),
        ("p99", ours99, raw99, p99_ratio),
    ):
        spread = Spread.of(ratio)
        results.add(
            Row(
                f"commit one note, {label} of {n:,} (1,000-note file)",
                Spread.of(ours).fmt(" ms"),
                "plain sqlite3 " + Spread.of(raw).fmt(" ms"),
                spread.fmt("×"),
                "≤ 1.5×",
                verdict(spread.median, 1.5),
            )
        )


# --- 2, 3, 6. start-up and memory (child processes) -------------------------------------


def quit_flag_available() -> bool:
    app = ROOT / "facilitator" / "ui" / "application.py"
    return app.exists() and QUIT_FLAG in app.read_text(encoding="utf-8")


def child_env(folder: Path) -> dict[str, str | None]:
    """Offscreen; settings in a throwaway folder (no last-files list, no saved geometry);
    compiled .pyc files kept in the run's folder, as an installed app has them (a
    PYTHONDONTWRITEBYTECODE set for development would make every start compile the
    app's modules again: 0.35 s of CPU)."""
    config = folder / "config"
    config.mkdir(exist_ok=True)
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "FACILITATOR_STATE_DIR": str(folder / "state"),  # the seals of checked files
        "PYTHONDONTWRITEBYTECODE": None,
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
    }


def app_command(path: Path) -> list[str]:
    return [measure.python(), str(MAIN), QUIT_FLAG, str(path)]


def bare_command() -> list[str]:
    return [measure.python(), str(BARE)]


PATCHED_MAIN = Path(__file__).resolve().with_name("patched_main.py")


def patched_command(path: Path) -> list[str]:
    return [measure.python(), str(PATCHED_MAIN), QUIT_FLAG, str(path)]


def _startup_row(
    what: str,
    runs: dict[str, list[measure.ChildRun]],
    ours: str,
    base: str,
    base_label: str,
    target: float,
) -> Row:
    wall = Spread.of([a.seconds / b.seconds for a, b in zip(runs[ours], runs[base], strict=True)])
    cpu = Spread.of(
        [a.cpu_seconds / b.cpu_seconds for a, b in zip(runs[ours], runs[base], strict=True)]
    )
    return Row(
        what,
        Spread.of([x.seconds for x in runs[ours]]).fmt(" s"),
        f"{base_label} " + Spread.of([x.seconds for x in runs[base]]).fmt(" s"),
        wall.fmt("×") + f"; CPU time {cpu.median:.2f}×",
        f"≤ {target:g}×",
        verdict(wall.median, target),
    )


def _memory_row(what: str, runs: dict[str, list[measure.ChildRun]], ours: str) -> Row:
    def mib(name: str) -> list[float]:
        return [x.max_rss_kb / 1024 for x in runs[name]]

    ratio = Spread.of([a / b for a, b in zip(mib(ours), mib("bare"), strict=True)])
    return Row(
        what,
        Spread.of(mib(ours)).fmt(" MiB", 0),
        "bare QMainWindow " + Spread.of(mib("bare")).fmt(" MiB", 0),
        ratio.fmt("×"),
        "≤ 2×",
        verdict(ratio.median, 2.0),
    )


def bench_startup(
    cache: synth.Cache, s: Settings, results: Results, folder: Path, proposed: bool
) -> None:
    if not quit_flag_available():
        for what in ("start-up, demo", f"start-up, {s.big:,} notes", "peak memory, 5,000 notes"):
            results.add(Row(what, "n/a", "n/a", f"n/a ({QUIT_FLAG} not available)", "", "n/a"))
        return
    from facilitator.services.demo import write_demo

    demo = folder / "demo.workshop"
    if not demo.exists():
        with write_demo(demo):
            pass
    files = {"demo": demo, "empty": cache.get(0), "big": cache.get(s.big), "5k": cache.get(5000)}
    env = child_env(folder)
    commands = {"bare": bare_command()} | {k: app_command(p) for k, p in files.items()}
    # First opens: a file this app has not closed before (no seal, storage/seal.py), so
    # the checks that read the whole file run, as for a file received from elsewhere.
    commands |= {k + "-first": app_command(files[k]) for k in ("empty", "big")}
    if proposed:  # the start-up rows again, with proposals.py applied
        commands |= {k + "+fix": patched_command(files[k]) for k in ("demo", "empty", "big")}

    def env_of(name: str) -> dict[str, str | None]:
        if not name.endswith("-first"):
            return env
        return env | {"FACILITATOR_STATE_DIR": tempfile.mkdtemp(dir=folder, prefix="state-")}

    # one untimed run of each: warms the page cache and .pyc files, and checks they work
    for name, cmd in commands.items():
        run = measure.run_child(cmd, env_of(name))
        if run.returncode != 0:
            tail = run.stderr.strip().splitlines()[-3:]
            raise RuntimeError(f"{name} start-up failed ({run.returncode}): {' | '.join(tail)}")
    runs: dict[str, list[measure.ChildRun]] = {k: [] for k in commands}
    names = list(commands)
    for r in range(s.startup_runs):
        rotated = names[r % len(names) :] + names[: r % len(names)]
        for name in rotated:
            run = measure.run_child(commands[name], env_of(name))
            if run.returncode != 0:
                raise RuntimeError(f"{name} start-up failed: {run.stderr[-300:]}")
            runs[name].append(run)
        log(
            f"start-up round {r + 1}: "
            + ", ".join(f"{k} {runs[k][-1].seconds:.2f}s" for k in names)
        )
    variants = [("", "")] + ([("+fix", " — proposed: no quick_check at open")] if proposed else [])
    for key, label in variants:
        results.add(
            _startup_row(
                f"start-up to first paint, demo workshop{label}",
                runs,
                "demo" + key,
                "bare",
                "bare QMainWindow",
                1.5,
            )
        )
    for key, label in variants:
        results.add(
            _startup_row(
                f"start-up to first paint, {s.big:,} notes (reopened: sealed){label}",
                runs,
                "big" + key,
                "empty" + key,
                "empty workshop",
                1.2,
            )
        )
    results.add(
        _startup_row(
            f"start-up to first paint, {s.big:,} notes, first open (no seal: full checks)",
            runs,
            "big-first",
            "empty-first",
            "empty workshop, first open",
            1.2,
        )
    )
    results.add(_memory_row("peak memory (max RSS), app with 5,000 notes open", runs, "5k"))


# --- 4. full-text search ---------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    label: str
    text: str
    day: int | None = None  # day number (1-based)


QUERIES = (
    Query(f'common word "{synth.COMMON_WORD}"', synth.COMMON_WORD),
    Query(f'rare word "{synth.RARE_WORD}"', synth.RARE_WORD),
    Query(f'prefix "{synth.PREFIX}"', synth.PREFIX),
    Query('two words "governance condivisa"', "governance condivisa"),
    Query(f'"{synth.COMMON_WORD}" on day 2 only', synth.COMMON_WORD, day=2),
)


RAW_SEARCH = (
    "SELECT rowid, snippet(notes_fts, 0, '[', ']', '…', 12) FROM notes_fts "
    "WHERE notes_fts MATCH ? LIMIT ?"
)


def time_search(svc: Any, query: Query, repeats: int) -> dict[str, Any]:
    """Milliseconds of ``repeats`` searches (after one untimed warm-up), interleaved:
    ``app`` WorkshopService.search, ``raw`` plain FTS5 returning as many unranked
    snippets as the app returns at most (a yardstick for how busy the machine is)."""
    from facilitator.services.workshop import SEARCH_LIMIT
    from facilitator.storage.notes import fts_query

    day_id = svc.day_by_number(query.day).id if query.day else None
    match = fts_query(query.text)
    runs = {
        "app": lambda: svc.search(query.text, day_id=day_id),
        "raw": lambda: svc.repo.conn.execute(RAW_SEARCH, (match, SEARCH_LIMIT)).fetchall(),
    }
    out: dict[str, Any] = {name: [] for name in runs}
    for name, once in runs.items():
        out[name + "_hits"] = once()
    for _ in range(repeats):
        for name, once in runs.items():
            t0 = time.perf_counter()
            once()
            out[name].append((time.perf_counter() - t0) * 1000)
    return out


def bench_search(cache: synth.Cache, s: Settings, results: Results) -> None:
    from facilitator.services.workshop import WorkshopService

    path = cache.copy(s.big, "search.workshop")
    with WorkshopService.open(path) as svc:
        for q in QUERIES:
            out = time_search(svc, q, s.search_repeats)
            spread = Spread.of(out["app"])
            ratio = Spread.of([a / b for a, b in zip(out["app"], out["raw"], strict=True)])
            results.add(
                Row(
                    f"full-text search, {s.big:,} notes: {q.label} ({len(out['app_hits'])} hits)",
                    spread.fmt(" ms", 1),
                    f"plain FTS5, {len(out['raw_hits'])} unranked snippets "
                    + Spread.of(out["raw"]).fmt(" ms", 1),
                    ratio.fmt("×", 1),
                    "≤ 20 ms",
                    verdict(spread.median, 20.0),
                )
            )


# --- 5. full-event PDF -------------------------------------------------------------------------


def reports_available() -> bool:
    """The reports (facilitator/reports/pdf.py) and their benchmark (bench_report.py,
    whose snapshot + PDF and reportlab-alone baseline are reused here) exist."""
    try:
        from benchmarks import bench_report  # noqa: F401
        from facilitator.reports import pdf
        from facilitator.services import snapshot
    except ImportError:
        return False
    return hasattr(pdf, "build_pdf") and hasattr(snapshot, "build_snapshot")


def bench_pdf(cache: synth.Cache, s: Settings, results: Results, notes: int = 5000) -> None:
    what = f"full-event PDF, {notes:,} notes (snapshot + layout)"
    if not reports_available():
        results.add(Row(what, "n/a", "n/a", "n/a (reports not available)", "≤ 1.3×", "n/a"))
        return
    from benchmarks import bench_report

    path = cache.get(notes)
    paragraphs = bench_report.same_paragraphs(path)
    bench_report.ours(cache.get(0))  # warm-up: imports, font registration
    bench_report.reportlab_alone(paragraphs[:1])
    ours, plain, ratio = [], [], []
    pages = (0, 0)
    for r in range(s.pdf_runs):
        if r % 2 == 0:
            snap, pdf, pa = bench_report.ours(path)
            b, pb = bench_report.reportlab_alone(paragraphs)
        else:
            b, pb = bench_report.reportlab_alone(paragraphs)
            snap, pdf, pa = bench_report.ours(path)
        ours.append(snap + pdf)
        plain.append(b)
        ratio.append((snap + pdf) / b)
        pages = (pa, pb)
        log(f"pdf round {r + 1}: {snap + pdf:.2f}s ({pa} pages) vs {b:.2f}s ({pb} pages)")
    spread = Spread.of(ratio)
    results.add(
        Row(
            what,
            Spread.of(ours).fmt(" s") + f", {pages[0]} pages",
            "reportlab alone " + Spread.of(plain).fmt(" s") + f", {pages[1]} pages",
            spread.fmt("×"),
            "≤ 1.3×",
            verdict(spread.median, 1.3),
        )
    )


# --- report --------------------------------------------------------------------------------


def markdown(results: Results, s: Settings, elapsed: float) -> str:
    lines = [
        f"Facilitator benchmarks ({'quick' if s.quick else 'full'} mode, {elapsed:.0f} s)",
        "",
        f"Machine: {measure.machine_line()}",
        "",
        "| measure | Facilitator | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.measure} | {r.ours} | {r.baseline} | {r.ratio} | {r.target} | {r.met} |"
        for r in results.rows
    ]
    lines.append("")
    lines.append(
        "Each figure: median of the runs, (min–max), n = runs; ratios are paired run by run."
    )
    return "\n".join(lines)


BENCHES = ("commit", "startup", "search", "pdf")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs (under a minute)")
    parser.add_argument(
        "--only", default=",".join(BENCHES), help=f"comma-separated subset of {','.join(BENCHES)}"
    )
    parser.add_argument(
        "--proposed",
        action="store_true",
        help="also measure start-up with the fix of benchmarks/proposals.py applied",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder with the built files"
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="also write the Markdown report to this file"
    )
    args = parser.parse_args(argv)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = set(chosen) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    s = Settings.make(args.quick)
    folder = Path(tempfile.mkdtemp(prefix="facilitator-bench-"))
    cache = synth.Cache(folder)
    results = Results()
    started = time.perf_counter()
    log(f"building synthetic workshops in {folder}")
    try:
        for n in (0, 1000, 5000, s.big):
            cache.get(n)
            log(f"  {n:,} notes: {cache.build_seconds[n]:.1f} s")
        if "commit" in chosen:
            bench_commit(cache, s, results)
        if "startup" in chosen:
            bench_startup(cache, s, results, folder, args.proposed)
        if "search" in chosen:
            bench_search(cache, s, results)
        if "pdf" in chosen:
            bench_pdf(cache, s, results)
    finally:
        if args.keep:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    report = markdown(results, s, time.perf_counter() - started)
    print(report)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
