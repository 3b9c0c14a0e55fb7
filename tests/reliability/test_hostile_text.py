"""Hostile text through add_note, storage and search: no crash; the text comes back
equal (after the documented newline normalisation), or a ValidationError is raised
and nothing is stored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.errors import ValidationError
from facilitator.domain.timeutil import utcnow
from facilitator.domain.validation import MAX_TEXT
from facilitator.services.workshop import WorkshopService

STORABLE = [
    "<script>alert('x')</script> <b>grassetto</b> &amp; &lt;",
    "{{ template }} ${HOME} %s %n %1 \\N{BULLET}",
    "'; DROP TABLE notes; --",
    '"quoted" AND OR NOT NEAR( * ^ - : "unbalanced',
    "**markdown** _em_ # titolo\n- elenco\n| a | b |",
    "Emoji: 👩🏽‍🔬🤝🏛️ 🇮🇹 😀",
    "RTL: مرحبا بالعالم — שלום עולם",
    "Mixed \u202eRTL override\u202c and \u200fmarks\u200e",
    "Combining: e\u0301 a\u0300 Z\u0335\u0321\u0322 n\u0303",
    "Zero-width: a\u200bb\u200cc\u200dd\ufeffe\u2060f",
    "Tabs\tand\nnewlines\n\nkept",
    "Unicode newlines: a\u2028b\u2029c\x85d",
    "CJK 漢字 かな 한글, Devanagari हिन्दी",
    "Astral: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀 𝄞",
    "NUL-like look: \\0 \\x00 \\u0000",
    "x" * 10_000,
]

REJECTED = [
    "NUL \x00 inside",
    "bell \x07 and escape \x1b[31m",
    "delete \x7f",
    "vertical tab \x0b and form feed \x0c",
    "lone high surrogate \ud800",
    "lone low surrogate \udfff",
    "   \n\t  ",
    "",
]


def stored_form(text: str) -> str:
    """What add_note keeps: CR/CRLF become LF, and blank lines at both ends go."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")


@pytest.mark.parametrize("text", STORABLE, ids=range(len(STORABLE)))
def test_storable_text_round_trips_and_is_searchable(svc: WorkshopService, text: str) -> None:
    note = svc.add_note(text, speaker="Ana María Ñúñez")
    assert svc.note(note.id).text == stored_form(text)
    assert [n.text for n in svc.notes()] == [stored_form(text)]
    # Searching with the note itself as the query never crashes.
    svc.search(text)
    svc.search(text[:50])


def test_search_finds_words_next_to_hostile_characters(svc: WorkshopService) -> None:
    ids = {t: svc.add_note(t).id for t in STORABLE}
    hits = {h.note.id for h in svc.search("grassetto")}
    assert ids[STORABLE[0]] in hits
    hits = {h.note.id for h in svc.search("titolo")}
    assert ids[STORABLE[4]] in hits
    hits = {h.note.id for h in svc.search("مرحبا")}
    assert ids[STORABLE[6]] in hits
    hits = {h.note.id for h in svc.search("kept")}
    assert ids[STORABLE[10]] in hits


@pytest.mark.parametrize("text", REJECTED, ids=range(len(REJECTED)))
def test_unstorable_text_is_rejected_before_anything_is_stored(
    svc: WorkshopService, text: str
) -> None:
    with pytest.raises(ValidationError) as info:
        svc.add_note(text)
    assert info.value.field == "text"
    assert svc.counts().notes == 0
    assert svc.search("inside") == []


def test_lone_surrogate_message_names_the_character(svc: WorkshopService) -> None:
    with pytest.raises(ValidationError) as info:
        svc.add_note("ok \ud83d then nothing")
    assert "U+D83D" in info.value.message


def test_one_megabyte_note(svc: WorkshopService) -> None:
    text = ("Lorem ipsum dolor sit amet, àèìòù € " * 40_000)[: MAX_TEXT - 20] + " unicaparola"
    assert len(text) <= MAX_TEXT
    note = svc.add_note(text)
    assert svc.note(note.id).text == text
    assert [h.note.id for h in svc.search("unicaparola")] == [note.id]
    with pytest.raises(ValidationError):
        svc.add_note("x" * (MAX_TEXT + 1))
    assert svc.counts().notes == 1


def test_ten_thousand_notes_in_one_item(svc: WorkshopService) -> None:
    item = svc.add_item(svc.days()[0].id, "Sessione lunghissima")
    # 9,900 through the storage's bulk path (the services' add_note would fsync each
    # one: minutes), then 100 through add_note, into the same item.
    start = utcnow() - dt.timedelta(hours=3)
    svc.repo.add_notes_bulk(
        (f"nota {i} rete locale", None, item, None, "", "", start + dt.timedelta(seconds=i))
        for i in range(9_900)
    )
    for i in range(9_900, 10_000):
        svc.add_note(f"nota {i} rete locale", agenda_item_id=item)
    ids = svc.note_ids(agenda_item_id=item)
    assert len(ids) == 10_000
    notes = svc.notes_by_ids(ids[-50:])
    assert sorted(n.text for n in notes.values())[0] == "nota 9950 rete locale"
    assert len(svc.search("rete", agenda_item_id=item, limit=20_000)) == 10_000
    assert [h.note.text for h in svc.search("9999")] == ["nota 9999 rete locale"]


# --- property: any text ---------------------------------------------------------------


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopService]:
    path: Path = tmp_path_factory.mktemp("hostile") / "property.workshop"
    with WorkshopService.create(path, "Property") as svc:
        yield svc


def _storable(text: str) -> bool:
    bad = any(
        (ord(c) < 32 and c not in "\t\n\r") or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF
        for c in text
    )
    return not bad and bool(stored_form(text).strip())


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.text(
        alphabet=st.characters(codec=None, exclude_categories=()),
        max_size=300,
    )
)
def test_any_text_is_stored_exactly_or_rejected(shared: WorkshopService, text: str) -> None:
    before = shared.counts().notes
    if _storable(text):
        note = shared.add_note(text)
        assert shared.note(note.id).text == stored_form(text)
        assert shared.counts().notes == before + 1
    else:
        with pytest.raises(ValidationError):
            shared.add_note(text)
        assert shared.counts().notes == before
    shared.search(text)


def test_search_with_lone_surrogate_does_not_crash(svc: WorkshopService) -> None:
    svc.add_note("rete")
    assert [h.note.text for h in svc.search("rete \ud800")] == ["rete"]


def test_search_with_nul_does_not_crash(svc: WorkshopService) -> None:
    svc.add_note("rete")
    assert [h.note.text for h in svc.search("rete\x00")] == ["rete"]
