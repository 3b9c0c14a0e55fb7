"""Small measuring helpers: statistics, timed child processes, the machine line."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p50 of 2,000 values is the 1,000th smallest)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil
    return ordered[int(rank) - 1]


@dataclass(frozen=True)
class Spread:
    """The median of several runs, with their min and max."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise ValueError("no values")
        return cls(statistics.median(values), min(values), max(values), len(values))

    def fmt(self, unit: str = "", digits: int = 2) -> str:
        return (
            f"{self.median:.{digits}f}{unit} "
            f"({self.low:.{digits}f}–{self.high:.{digits}f}, n={self.runs})"
        )


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system: less sensitive to a busy machine
    max_rss_kb: int
    returncode: int
    stderr: str


def run_child(
    args: Sequence[str], env: dict[str, str | None] | None = None, timeout: float = 120.0
) -> ChildRun:
    """Run ``args``; wall-clock seconds from spawn to exit and the child's peak RSS.

    ``env`` adds to (``None``: removes from) this process's environment.
    ``os.wait4`` gives the resource usage of exactly this child (RUSAGE_CHILDREN
    would be the maximum over every child this process ever had).
    """
    full_env = dict(os.environ)
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)  # None: unset it for the child
        else:
            full_env[key] = value
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        list(args),
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, cpu, int(usage.ru_maxrss), proc.returncode, stderr)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        qt = f"Qt {qVersion()} (PySide6 {pyside_version})"
    except ImportError:  # pragma: no cover
        qt = "Qt not installed"
    return (
        f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; {qt}; "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    )


def python() -> str:
    return sys.executable
