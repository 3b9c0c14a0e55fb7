"""``main.py`` with the fix of proposals.py applied first (for ``run.py --proposed``).

python benchmarks/patched_main.py --quit-after-paint FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import proposals  # noqa: E402

if __name__ == "__main__":
    proposals.skip_quick_check()
    from facilitator.app import main

    raise SystemExit(main())
