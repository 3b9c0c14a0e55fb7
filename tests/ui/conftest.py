"""Fixtures shared by the UI tests (the organise tests bring their own ``shown_errors``)."""

from __future__ import annotations

import pytest

from facilitator.ui import errors


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """The errors that would have been shown to the user, in order."""
    seen: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: seen.append(exc))
    return seen
