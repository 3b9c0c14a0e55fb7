"""``main.py`` with the fixes of proposals.py applied first (for ``run.py --proposed``).

BENCH_PATCHES=numpy,order,quickcheck python benchmarks/patched_main.py --quit-after-paint FILE
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import proposals  # noqa: E402

if __name__ == "__main__":
    for name in filter(None, os.environ.get("BENCH_PATCHES", "").split(",")):
        proposals.PATCHES[name]()
    from facilitator.app import main

    raise SystemExit(main())
