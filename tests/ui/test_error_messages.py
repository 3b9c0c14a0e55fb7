"""Validation errors reach the user as translated sentences, not as English internals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitator.domain.errors import ValidationError
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors, i18n


@pytest.fixture
def italian(qapp: object) -> Iterator[None]:
    i18n.apply_language("it")
    yield
    i18n.apply_language("en")


def _error(call) -> ValidationError:  # noqa: ANN001
    with pytest.raises(ValidationError) as info:
        call()
    return info.value


def test_validation_messages_in_italian(svc: WorkshopService, italian: None) -> None:
    assert (
        errors.message_for(_error(lambda: svc.add_note("  "))) == "Il testo non può essere vuoto."
    )
    cats = svc.categories()
    msg = errors.message_for(_error(lambda: svc.add_category("Nuova", "#112233", cats[0].shortcut)))
    assert (
        msg == f"La scorciatoia «{cats[0].shortcut}» è già usata dalla categoria «{cats[0].name}»."
    )
    assert "non è un indirizzo e-mail" in errors.message_for(
        _error(lambda: svc.add_participant("X", email="nope"))
    )
    assert errors.message_for(_error(lambda: svc.add_note("a\x00b"))).startswith(
        "Il testo contiene un carattere"
    )


def test_validation_messages_in_english(svc: WorkshopService, qapp: object) -> None:
    i18n.apply_language("en")
    assert errors.message_for(_error(lambda: svc.add_note(""))) == "The text must not be empty."
    day = svc.days()[0].id
    assert errors.message_for(_error(lambda: svc.add_item(day, "x", duration_min=-1))) == (
        "A duration is between 0 and 1440 minutes."
    )
