"""Fixtures of the report tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from report_helpers import Filled, fill

from facilitator.services.workshop import WorkshopService


@pytest.fixture
def filled(svc: WorkshopService) -> Iterator[tuple[WorkshopService, Filled]]:
    yield svc, fill(svc)
