"""Group suggestions by shared words, on small sets whose answer is known."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from facilitator.domain.clustering import fold, stem, suggest_groups, words


def groups(texts: list[str]) -> list[set[int]]:
    return [set(g.note_ids) for g in suggest_groups(list(enumerate(texts)))]


def test_italian_plurals_and_verbs_share_a_stem() -> None:
    assert stem("spazio") == stem("spazi")
    assert stem("finanziamento") == stem("finanziamenti") == stem("finanziare")
    assert stem("coprogettazione") == stem("coprogettare")
    assert stem(fold("attività")) == stem("attivita")


def test_english_forms_share_a_stem() -> None:
    assert stem("funding") == stem("funds") == stem("fund")
    assert stem("communities") == stem("community")
    assert stem("partnerships") == stem("partnership")


def test_stop_words_and_short_words_are_not_words() -> None:
    assert words("Il e la di che per con the and of to a") == []
    assert [w for _, w in words("Città e comunità")] == ["città", "comunità"]


def test_two_topics_in_italian_give_two_groups() -> None:
    texts = [
        "Fondi rotativi per le cooperative sociali",  # 0
        "Il fondo rotativo gestito da una banca",  # 1
        "Mancano spazi pubblici per le associazioni",  # 2
        "Spazio scolastico aperto il pomeriggio",  # 3
        "La fiducia si costruisce lentamente",  # 4: shares nothing
    ]
    assert groups(texts) == [{0, 1}, {2, 3}]
    labels = [g.label for g in suggest_groups(list(enumerate(texts)))]
    assert labels[1] in ("spazi", "spazio")


def test_english_and_mixed_notes_group_by_meaningful_words() -> None:
    texts = [
        "Funding is fragmented across programmes",
        "Regional funds should be pooled",
        "Trust between the city and the third sector",
        "Building trust takes years",
        "A new desk for co-design",
    ]
    assert groups(texts) == [{0, 1}, {2, 3}]


def test_a_word_in_every_note_groups_nothing() -> None:
    texts = [f"progetto {w}" for w in ("alfa", "beta", "gamma", "delta", "epsilon")]
    assert groups(texts) == []


def test_only_shared_words_link_notes_and_one_note_is_never_a_group() -> None:
    assert groups(["una sola nota sui trasporti"]) == []
    assert groups([]) == []
    assert groups(["trasporti urbani", "mense scolastiche", "orti condivisi"]) == []


def test_a_larger_topic_comes_first_and_the_result_does_not_depend_on_order() -> None:
    texts = [
        "spazi comuni nel quartiere",
        "spazi per i giovani nel quartiere",
        "quartiere e spazi verdi",
        "bandi troppo complessi",
        "bandi di coprogettazione complessi",
        "un orto sul tetto",
    ]
    notes = list(enumerate(texts))
    first = suggest_groups(notes)
    assert [set(g.note_ids) for g in first] == [{0, 1, 2}, {3, 4}]
    shuffled = notes[:]
    random.Random(7).shuffle(shuffled)
    assert suggest_groups(shuffled) == first


@given(st.lists(st.text(max_size=80), max_size=30))
def test_any_text_gives_disjoint_groups_of_known_notes(texts: list[str]) -> None:
    result = suggest_groups(list(enumerate(texts)))
    seen: set[int] = set()
    for g in result:
        assert len(g.note_ids) >= 2
        assert not seen & set(g.note_ids)
        seen |= set(g.note_ids)
    assert seen <= set(range(len(texts)))


def test_category_names_typed_before_notes_link_nothing() -> None:
    texts = [
        "Decisione: il gruppo si riunisce online",
        "Decisione: le soluzioni vanno al voto",
        "Sfida: trasporti rurali",
        "Sfida: mense scolastiche",
    ]
    assert groups(texts) == [{0, 1}, {2, 3}]
    notes = list(enumerate(texts))
    assert suggest_groups(notes, ignore=["Decisioni", "Sfide"]) == []
