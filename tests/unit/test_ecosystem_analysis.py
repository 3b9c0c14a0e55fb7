"""The map's analysis on small graphs whose answers are known by hand."""

from __future__ import annotations

import pytest

from facilitator.domain.ecosystem import Actor, Relation, RelationType
from facilitator.domain.ecosystem_analysis import analyse, layout
from facilitator.domain.model import OrganisationKind as K


def _actor(key: str, kind: K = K.OTHER) -> Actor:
    return Actor(key, int(key[1:]), None, f"Actor {key}", kind)


def _rel(n: int, s: str, t: str, strength: int = 2) -> Relation:
    return Relation(n, f"u{n}", s, t, RelationType.PARTNERSHIP, False, strength, "", "")


def test_the_centre_of_a_star_brokers_everything() -> None:
    actors = [_actor("a1"), _actor("a2"), _actor("a3"), _actor("a4")]
    rels = [_rel(1, "a1", "a2"), _rel(2, "a1", "a3"), _rel(3, "a4", "a1")]
    got = analyse(actors, rels)
    assert got.degree == {"a1": 3, "a2": 1, "a3": 1, "a4": 1}
    # every one of the 3 shortest paths between two leaves runs through the centre
    assert got.betweenness["a1"] == pytest.approx(1.0)
    assert got.betweenness["a2"] == 0.0
    assert got.brokers() == ["a1"]
    assert got.isolated == [] and len(got.components) == 1


def test_a_path_middle_brokers_and_two_relations_with_one_partner_count_once() -> None:
    actors = [_actor("a1"), _actor("a2"), _actor("a3"), _actor("a4"), _actor("a5")]
    rels = [
        _rel(1, "a1", "a2"),
        _rel(2, "a2", "a1"),  # a second relation between the same two
        _rel(3, "a2", "a3"),
        _rel(4, "a3", "a4"),
    ]
    got = analyse(actors, rels)
    assert got.degree["a1"] == 1 and got.relations["a1"] == 2
    # a1-a2-a3-a4: a2 lies on a1-a3 and a1-a4 (2 of the 3 pairs of others: 2/3 normalised
    # over the 5 nodes' (n-1)(n-2)/2 = 6 pairs -> 2/6)
    assert got.betweenness["a2"] == pytest.approx(2 / 6)
    assert got.betweenness["a3"] == pytest.approx(2 / 6)
    assert got.isolated == ["a5"]
    assert got.components == [["a1", "a2", "a3", "a4"], ["a5"]]
    assert got.most_connected(2) == ["a2", "a3"]


def test_the_collaboration_matrix_counts_relations_by_kind() -> None:
    actors = [
        _actor("a1", K.PUBLIC_AUTHORITY),
        _actor("a2", K.THIRD_SECTOR),
        _actor("a3", K.THIRD_SECTOR),
        _actor("a4", K.UNIVERSITY),
    ]
    rels = [_rel(1, "a1", "a2"), _rel(2, "a1", "a3"), _rel(3, "a2", "a3")]
    got = analyse(actors, rels)
    assert got.kinds == [K.PUBLIC_AUTHORITY, K.THIRD_SECTOR, K.UNIVERSITY]
    assert got.matrix[(K.PUBLIC_AUTHORITY, K.THIRD_SECTOR)] == 2
    assert got.matrix[(K.THIRD_SECTOR, K.PUBLIC_AUTHORITY)] == 2
    assert got.matrix[(K.THIRD_SECTOR, K.THIRD_SECTOR)] == 1
    assert (K.UNIVERSITY, K.PUBLIC_AUTHORITY) not in got.matrix
    assert got.isolated == ["a4"]


def test_an_empty_map_has_nothing_to_say() -> None:
    got = analyse([], [])
    assert got.degree == {} and got.components == [] and got.brokers() == []
    assert layout([], []) == {}


def test_the_layout_is_seeded_and_keeps_fixed_actors_where_they_are() -> None:
    actors = [_actor(f"a{i}") for i in range(1, 8)]
    rels = [_rel(i, f"a{i}", f"a{i + 1}") for i in range(1, 7)]
    first = layout(actors, rels)
    again = layout(list(reversed(actors)), list(reversed(rels)))
    assert first == again
    assert len(set(first.values())) == 7  # no two actors on one spot
    fixed = {"a1": (500.0, -40.0)}
    moved = layout(actors, rels, fixed)
    assert moved["a1"] == (500.0, -40.0)
    assert layout(actors, rels, fixed) == moved
