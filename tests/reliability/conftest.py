"""Slow reliability runs (hundreds of SIGKILL rounds) only run when asked: ``-m slow``.

A guard in case a plain ``pytest`` is run without ``-m "not slow"``."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
