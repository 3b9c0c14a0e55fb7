"""What the merge costs: the clock on every note commit, and merging two 5,000-note files.

    python benchmarks/merge_bench.py [--notes 5000] [--rounds 5]

Row 1: commit one note (``WorkshopService.add_note``, p50 and p99 of 1,000) with the
clock's TEMP triggers installed vs. the same file with them dropped, interleaved in blocks
of 100, ratio per round; and the same with ``synchronous=OFF`` (no fsync: the CPU
cost alone). Row 3: merging a copy where 10% of the notes were edited and
as many added into the other copy, vs. SQLite's backup of the same file (a yardstick of
reading and writing it once).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.services import merging  # noqa: E402
from facilitator.services.workshop import WorkshopService  # noqa: E402


def _drop_clock(svc: WorkshopService) -> None:
    conn = svc.file.db.conn
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_temp_master WHERE type = 'trigger'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER temp.{name}")


def commit_times(path: Path, clock: bool, n: int, fsync: bool = True) -> list[float]:
    with WorkshopService.open(path) as svc:
        if not fsync:  # the CPU part only: what the clock adds, without the disk's noise
            svc.file.db.conn.execute("PRAGMA synchronous = OFF")
        if not clock:
            _drop_clock(svc)
        item = svc.items()[0].id
        out = []
        for i in range(n):
            t = time.perf_counter()
            svc.add_note(f"nota di prova numero {i} sul progetto", agenda_item_id=item)
            out.append(time.perf_counter() - t)
        return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def build(folder: Path, notes: int) -> Path:
    path = folder / "base.workshop"
    with WorkshopService.create(path, "Bench") as svc:
        day = svc.days()[0].id
        items = [svc.add_item(day, f"Item {i}") for i in range(8)]
        with svc.file.writing():
            for i in range(notes):
                svc.add_note(f"nota {i} " + "parola " * (i % 40), agenda_item_id=items[i % 8])
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="merge-bench-"))
    try:
        base = build(folder, args.notes)
        p50s, p99s, ratios50, ratios99 = [], [], [], []
        for _ in range(args.rounds):
            on: list[float] = []
            off: list[float] = []
            for _block in range(10):
                off += commit_times(base, False, 100)
                on += commit_times(base, True, 100)
            p50s.append((pct(on, 0.5), pct(off, 0.5)))
            p99s.append((pct(on, 0.99), pct(off, 0.99)))
            ratios50.append(pct(on, 0.5) / pct(off, 0.5))
            ratios99.append(pct(on, 0.99) / pct(off, 0.99))
        cpu = []
        for r in range(args.rounds * 2):
            pair = [
                statistics.median(commit_times(base, c, 300, fsync=False))
                for c in (r % 2 == 0, r % 2 == 1)
            ]
            on, off = (pair[0], pair[1]) if r % 2 == 0 else (pair[1], pair[0])
            cpu.append((on, off))
        merge_times, copy_times, ratios = [], [], []
        for r in range(args.rounds):
            a = folder / f"a{r}.workshop"
            b = folder / f"b{r}.workshop"
            with WorkshopService.open(base) as svc:
                svc.save_copy(a)
                svc.save_copy(b)
            with WorkshopService.open(a) as svc:
                ids = svc.note_ids()
                with svc.file.writing():
                    for nid in ids[::10]:
                        svc.update_note(nid, text="modificata su A")
                    for i in range(len(ids) // 10):
                        svc.add_note(f"nuova su A {i}")
            t = time.perf_counter()
            with WorkshopService.open(b) as svc:
                result = merging.merge(svc, a, snapshot=False)
            merge_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            with WorkshopService.open(a) as svc:
                svc.save_copy(folder / f"copy{r}.workshop")
            copy_times.append(time.perf_counter() - t)
            ratios.append(merge_times[-1] / copy_times[-1])
        med = statistics.median
        print(f"notes in file: {args.notes}; rounds: {args.rounds}")
        print(
            f"commit one note p50: clock {med(p[0] for p in p50s) * 1000:.2f} ms, "
            f"no clock {med(p[1] for p in p50s) * 1000:.2f} ms, ratio {med(ratios50):.2f}x "
            f"({min(ratios50):.2f}-{max(ratios50):.2f})"
        )
        print(
            f"commit one note p99: clock {med(p[0] for p in p99s) * 1000:.2f} ms, "
            f"no clock {med(p[1] for p in p99s) * 1000:.2f} ms, ratio {med(ratios99):.2f}x "
            f"({min(ratios99):.2f}-{max(ratios99):.2f})"
        )
        cpu_ratios = [a / b for a, b in cpu]
        print(
            f"commit one note, CPU only (synchronous=OFF), p50 of 300: clock "
            f"{med(a for a, _ in cpu) * 1e6:.0f} us, no clock {med(b for _, b in cpu) * 1e6:.0f} us, "
            f"ratio {med(cpu_ratios):.2f}x ({min(cpu_ratios):.2f}-{max(cpu_ratios):.2f})"
        )
        print(
            f"merge ({result.total[0]} new, {result.total[1]} changed): {med(merge_times):.2f} s; "
            f"backup copy {med(copy_times):.3f} s; ratio {med(ratios):.0f}x "
            f"({min(ratios):.0f}-{max(ratios):.0f})"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
