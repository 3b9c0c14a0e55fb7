"""Start-up of two checkouts side by side: ``python benchmarks/ab_startup.py OTHER_CHECKOUT
[FILE] [-n RUNS]`` runs OTHER_CHECKOUT/main.py, this checkout's main.py and the bare
window in turn (rotating the order each round), each to its first paint, and prints the
median wall and CPU times and the paired ratio this/other.

Make OTHER_CHECKOUT with ``git archive <commit> | tar -x -C /tmp/before``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path)
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="facilitator-ab-"))
    path = args.file
    if path is None:
        from facilitator.services.demo import write_demo

        path = folder / "demo.workshop"
        with write_demo(path):
            pass
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    quit_flag = "--quit-after-paint"
    cmds = {
        "other": [sys.executable, str(args.other / "main.py"), quit_flag, str(path)],
        "this": [sys.executable, str(ROOT / "main.py"), quit_flag, str(path)],
        "bare": [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")],
    }
    for cmd in cmds.values():  # warm the page cache and the .pyc files
        _run(cmd, env)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
    names = list(cmds)
    for r in range(args.n):
        for name in names[r % 3 :] + names[: r % 3]:
            times[name].append(_run(cmds[name], env))
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:6s} wall {wall:.3f} s  cpu {cpu:.3f} s  (n={len(runs)})")
    for i, what in ((0, "wall"), (1, "cpu")):
        pairs = zip(times["this"], times["other"], strict=True)
        ratio = statistics.median(a[i] / b[i] for a, b in pairs)
        print(f"this/other, paired {what}: {ratio:.3f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
