"""Kill a note-capturing process with SIGKILL, N times, and count what was lost.

    python benchmarks/crash_rounds.py            # 200 rounds
    python benchmarks/crash_rounds.py 500 --seed 9
    python benchmarks/crash_rounds.py 200 --during-checkpoint

Each round starts a child that captures notes through ``WorkshopService.add_note``
into the same workshop file, kills it after a random number (1-25) of committed
notes, reopens the file and checks every committed note (exact text), ``PRAGMA
integrity_check`` and the full-text index. Prints the totals; exits 1 if anything
was lost, or if Facilitator refused a file that plain SQLite reads.

``--during-checkpoint``: the child checkpoints every few pages and each kill lands
the moment the main file starts to change, inside a checkpoint. The harness is tests/reliability/crashkit.py (the crash tests use it too).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

from crashkit import prepare, run_round  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", type=int, nargs="?", default=200)
    parser.add_argument("--seed", type=int, default=0, help="first seed (rounds use seed..)")
    parser.add_argument("--during-checkpoint", action="store_true", help="kill inside checkpoints")
    args = parser.parse_args(argv)
    started = time.monotonic()
    committed = found = lost = bad_integrity = refused = short = 0
    with tempfile.TemporaryDirectory(prefix="facilitator-crash-") as tmp:
        path = Path(tmp) / "crash.workshop"
        prepare(path)
        for n in range(args.rounds):
            r = run_round(path, args.seed + n, during_checkpoint=args.during_checkpoint)
            short += r.short_main_file
            if r.refused:
                refused += 1
                print(f"round {n} (seed {r.seed}) refused: {r.refused}", file=sys.stderr)
            committed += r.committed
            found += r.found
            lost += r.lost
            if r.integrity != "ok":
                bad_integrity += 1
                print(f"round {n} (seed {r.seed}): {r.integrity}", file=sys.stderr)
            if (n + 1) % 25 == 0:
                print(f"  {n + 1} rounds...", file=sys.stderr)
        size = path.stat().st_size
    elapsed = time.monotonic() - started
    when = "inside a checkpoint" if args.during_checkpoint else "at a random moment"
    print(f"{'rounds (SIGKILL ' + when + '):':<41}{args.rounds}")
    print(f"kills with the main file still short:    {short}")
    print(f"notes committed before the kill:         {committed}")
    print(f"committed notes found intact on reopen:  {committed - lost}")
    print(f"committed notes lost or changed:         {lost}")
    print(f"notes in flight that also survived:      {found - committed + lost}")
    print(f"rounds with integrity_check not ok:      {bad_integrity}")
    print(f"files refused that plain SQLite reads:   {refused}")
    print(f"final file size:                         {size // 1024} KiB")
    print(f"time:                                    {elapsed:.0f} s")
    return 1 if lost or bad_integrity or refused else 0


if __name__ == "__main__":
    raise SystemExit(main())
