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


@pytest.fixture(autouse=True)
def close_questions(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """A modal "close anyway?" would block an offscreen test: answer "close" and record
    that it was asked."""
    asked: list[object] = []

    def answer(parent: object) -> bool:
        asked.append(parent)
        return True

    monkeypatch.setattr(errors, "ask_close_with_unsaved_text", answer)
    return asked
