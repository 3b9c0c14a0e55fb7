"""Shared fixtures. Qt runs offscreen; every database opened here is closed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Seals of checked files (storage/seal.py) go to a folder of this run, not the user's.
os.environ.setdefault(
    "FACILITATOR_STATE_DIR", __import__("tempfile").mkdtemp(prefix="facilitator-state-")
)

import datetime as dt  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import facilitator.ui.qtfix  # noqa: E402, F401  (PySide6 6.12 on Python 3.11: see qtfix)
from facilitator.services.workshop import WorkshopService  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def workshop_path(tmp_path: Path) -> Path:
    return tmp_path / "test.workshop"


@pytest.fixture
def svc(workshop_path: Path) -> Iterator[WorkshopService]:
    """A fresh three-day workshop on disk, with the ecosystem categories."""
    s = WorkshopService.create(
        workshop_path,
        "Incontro-studio Torino",
        organiser="Centro di Competenza",
        place="Torino",
        start_date=dt.date(2025, 11, 5),
        end_date=dt.date(2025, 11, 7),
    )
    yield s
    s.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from facilitator.services.demo import write_demo

    path = tmp_path / "demo.workshop"
    with write_demo(path):
        pass
    return path
