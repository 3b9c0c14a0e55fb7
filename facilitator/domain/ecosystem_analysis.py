"""What the ecosystem map says, computed with networkx: who is connected to whom
(degree), who brokers between others (betweenness), who is isolated (components), and
which kinds of actors collaborate (a matrix by actor kind); and the map's layout.

networkx (and numpy, for its layouts) are imported by this module only: it is imported
when a map is drawn, analysed or exported, never when the window starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from facilitator.domain.ecosystem import Actor, Relation
from facilitator.domain.model import OrganisationKind

LAYOUT_SEED = 16  # the spring layout is seeded: the same map gets the same picture
LAYOUT_SCALE = 110.0  # map units (scene pixels at 100 %) per square root of the actors


def simple_graph(actors: Sequence[Actor], relations: Sequence[Relation]) -> nx.Graph:
    """Undirected, one edge per pair of actors (weight: the strongest relation)."""
    g = nx.Graph()
    for a in actors:
        g.add_node(a.key)
    for r in relations:
        if r.source not in g or r.target not in g:
            continue
        if g.has_edge(r.source, r.target):
            g[r.source][r.target]["weight"] = max(g[r.source][r.target]["weight"], r.strength)
            g[r.source][r.target]["count"] += 1
        else:
            g.add_edge(r.source, r.target, weight=r.strength, count=1)
    return g


def multigraph(actors: Sequence[Actor], relations: Sequence[Relation]) -> nx.MultiDiGraph:
    """Every actor and every relation with its attributes (what the exports write).
    A mutual relation is one edge with ``directed`` False."""
    g = nx.MultiDiGraph()
    for a in actors:
        g.add_node(
            a.key,
            label=a.name,
            kind=a.kind.value,
            role=a.role,
            contributions=",".join(c.value for c in a.contributions),
            attended=a.attended,
        )
        if a.placed:
            g.nodes[a.key]["x"] = float(a.x or 0.0)
            g.nodes[a.key]["y"] = float(a.y or 0.0)
    for r in relations:
        if r.source in g and r.target in g:
            g.add_edge(
                r.source,
                r.target,
                key=str(r.id),
                type=r.type.value,
                directed=r.directed,
                strength=r.strength,
                period=r.period,
                description=r.description,
                notes=",".join(str(n) for n in r.note_ids),
            )
    return g


@dataclass(frozen=True)
class Analysis:
    degree: dict[str, int]  # distinct partners of each actor
    relations: dict[str, int]  # relations of each actor (two with one partner count 2)
    betweenness: dict[str, float]  # 0..1: share of shortest paths between others through it
    components: list[list[str]]  # connected groups, largest first (keys by name)
    isolated: list[str]  # actors with no relation
    kinds: list[OrganisationKind]  # the kinds present, in their usual order
    matrix: dict[tuple[OrganisationKind, OrganisationKind], int]  # relations by kind pair

    def brokers(self, n: int = 5) -> list[str]:
        """The actors through which most shortest paths between others pass."""
        ranked = sorted(
            (k for k, b in self.betweenness.items() if b > 0),
            key=lambda k: (-self.betweenness[k], k),
        )
        return ranked[:n]

    def most_connected(self, n: int = 5) -> list[str]:
        ranked = sorted(
            (k for k, d in self.degree.items() if d > 0), key=lambda k: (-self.degree[k], k)
        )
        return ranked[:n]


def analyse(actors: Sequence[Actor], relations: Sequence[Relation]) -> Analysis:
    g = simple_graph(actors, relations)
    names = {a.key: a.name.casefold() for a in actors}
    kind_of = {a.key: a.kind for a in actors}
    degree = {k: int(d) for k, d in g.degree()}
    count = dict.fromkeys(g.nodes, 0)
    matrix: dict[tuple[OrganisationKind, OrganisationKind], int] = {}
    for r in relations:
        if r.source not in g or r.target not in g:
            continue
        count[r.source] += 1
        count[r.target] += 1
        a, b = kind_of[r.source], kind_of[r.target]
        matrix[(a, b)] = matrix.get((a, b), 0) + 1
        if a != b:
            matrix[(b, a)] = matrix.get((b, a), 0) + 1
    betweenness = (
        {k: float(v) for k, v in nx.betweenness_centrality(g, normalized=True).items()}
        if len(g) > 2
        else dict.fromkeys(g.nodes, 0.0)
    )
    components = sorted(
        (sorted(c, key=lambda k: (names[k], k)) for c in nx.connected_components(g)),
        key=lambda c: (-len(c), names[c[0]]),
    )
    order = list(OrganisationKind)
    kinds = sorted({a.kind for a in actors}, key=order.index)
    isolated = sorted((k for k, d in degree.items() if d == 0), key=lambda k: (names[k], k))
    return Analysis(degree, count, betweenness, components, isolated, kinds, matrix)


def layout(
    actors: Sequence[Actor],
    relations: Sequence[Relation],
    fixed: Mapping[str, tuple[float, float]] | None = None,
    seed: int = LAYOUT_SEED,
) -> dict[str, tuple[float, float]]:
    """A seeded spring layout (deterministic: the same map gives the same positions), in
    map units. Actors in ``fixed`` stay where they are and the others settle around them."""
    g = simple_graph(actors, relations)
    if len(g) == 0:
        return {}
    fixed = {k: v for k, v in (fixed or {}).items() if k in g}
    if fixed and len(fixed) == len(g):
        return dict(fixed)
    scale = LAYOUT_SCALE * max(2.0, len(g) ** 0.5)
    keys = sorted(g.nodes)
    h = nx.Graph()
    h.add_nodes_from(keys)  # a fixed node order: the result does not depend on the query
    h.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in g.edges(data=True)))
    if fixed:
        pos0 = {k: (x / scale, y / scale) for k, (x, y) in fixed.items()}
        pos = nx.spring_layout(
            h, pos=pos0, fixed=list(pos0), seed=seed, weight="weight", k=0.9 / len(h) ** 0.5
        )
        return {
            k: (float(x) * scale, float(y) * scale) if k not in fixed else fixed[k]
            for k, (x, y) in pos.items()
        }
    pos = nx.spring_layout(h, seed=seed, weight="weight", k=2.2 / len(h) ** 0.5, scale=scale)
    return {k: (float(x), float(y)) for k, (x, y) in pos.items()}
