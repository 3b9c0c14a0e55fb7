"""Shared set-up of the organise/polls UI tests."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.domain.voting import Method
from facilitator.services.organise import OrganiseService, PollSettings
from facilitator.services.workshop import WorkshopService


class Errors:
    """Collects what would have been shown to the user."""

    def __init__(self) -> None:
        self.shown: list[BaseException] = []

    def __call__(self, parent: Any, exc: BaseException) -> None:
        self.shown.append(exc)


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> Errors:
    from facilitator.ui import errors

    collector = Errors()
    monkeypatch.setattr(errors, "show_error", collector)
    return collector


def open_poll(
    org: OrganiseService,
    method: Method,
    labels: tuple[str, ...] = ("Alpha", "Beta", "Gamma"),
    **kw: Any,
) -> int:
    settings = PollSettings(
        title=f"{method.value} poll", method=method, options=tuple((x, None) for x in labels), **kw
    )
    if method is Method.SCORE and "criteria" not in kw:
        from dataclasses import replace

        from facilitator.domain.voting import default_criteria

        settings = replace(settings, criteria=default_criteria("en"))
    pid = org.create_poll(settings)
    org.open_poll(pid)
    return pid


def people(svc: WorkshopService, *names: str) -> list[int]:
    return [svc.add_participant(n) for n in names]
