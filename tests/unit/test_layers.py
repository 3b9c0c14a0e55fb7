"""domain, storage, services and reports never import PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import facilitator

ROOT = Path(facilitator.__file__).resolve().parent


def _modules(package: str) -> list[str]:
    path = ROOT / package
    return [f"facilitator.{package}"] + [
        f"facilitator.{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])
    ]


def test_core_layers_import_without_qt() -> None:
    modules = ["facilitator.cli", "facilitator.paths"]
    for package in ("domain", "storage", "services", "reports", "room"):
        modules += _modules(package)
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('PySide6 is blocked in core layers: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith('PySide6') for k in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_no_sql_outside_storage() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("storage/"):
            continue
        text = path.read_text(encoding="utf-8")
        if "import sqlite3" in text or "sqlite_utils" in text or ".execute(" in text:
            offenders.append(rel)
    assert offenders == []
