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
    map units. Actors in ``fixed`` stay where they are and the others settle around them;
    actors with no relation (and not fixed) wait in a row under the network."""
    g = simple_graph(actors, relations)
    if len(g) == 0:
        return {}
    fixed = {k: v for k, v in (fixed or {}).items() if k in g}
    if fixed and len(fixed) == len(g):
        return dict(fixed)
    loose = sorted(k for k in g.nodes if g.degree(k) == 0 and k not in fixed)
    keys = sorted(k for k in g.nodes if k not in loose)
    out: dict[str, tuple[float, float]] = {}
    if keys:
        scale = LAYOUT_SCALE * max(2.0, len(keys) ** 0.5)
        h = nx.Graph()
        h.add_nodes_from(keys)  # a fixed node order: the result does not depend on the query
        h.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in g.edges(data=True)))
        k = 2.6 / len(h) ** 0.5
        if fixed:
            pos0 = {n: (x / scale, y / scale) for n, (x, y) in fixed.items()}
            pos = nx.spring_layout(
                h, pos=pos0, fixed=list(pos0), seed=seed, weight="weight", k=k, iterations=200
            )
            placed = {
                n: (float(x) * scale, float(y) * scale) if n not in fixed else fixed[n]
                for n, (x, y) in pos.items()
            }
        else:
            pos = nx.spring_layout(h, seed=seed, weight="weight", k=k, scale=scale, iterations=200)
            placed = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
        out = _spread(placed, set(fixed))
    if loose:
        xs = [x for x, _ in out.values()] or [0.0]
        ys = [y for _, y in out.values()] or [0.0]
        step = MIN_GAP * 2
        left = (min(xs) + max(xs)) / 2 - step * (len(loose) - 1) / 2
        below = max(ys) + MIN_GAP * 1.5
        for n, key in enumerate(loose):
            out[key] = (left + n * step, below)
    return out


MIN_GAP = 90.0  # map units between two actors' centres after the layout: room for names
NAME_WIDTH = 2.2  # side by side they need this many times MIN_GAP (names are wide)


def _spread(
    pos: dict[str, tuple[float, float]], fixed: set[str], rounds: int = 60
) -> dict[str, tuple[float, float]]:
    """Push apart actors the spring layout left on top of each other (deterministic: pairs
    in key order; fixed actors do not move)."""
    keys = sorted(pos)
    p = {k: list(pos[k]) for k in keys}
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                # distances measured with x shrunk by NAME_WIDTH: side by side, two
                # actors need room for their names; one above the other, for one line
                dx, dy = (p[b][0] - p[a][0]) / NAME_WIDTH, p[b][1] - p[a][1]
                dist = (dx * dx + dy * dy) ** 0.5
                if dist >= MIN_GAP:
                    continue
                if dist < 1e-6:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (MIN_GAP - dist) / 2
                ux, uy = dx / dist * NAME_WIDTH, dy / dist
                share_a = 0.0 if a in fixed else (1.0 if b in fixed else 0.5) * 2
                share_b = 0.0 if b in fixed else (1.0 if a in fixed else 0.5) * 2
                p[a][0] -= ux * push * share_a
                p[a][1] -= uy * push * share_a
                p[b][0] += ux * push * share_b
                p[b][1] += uy * push * share_b
                moved = moved or bool(share_a or share_b)
        if not moved:
            break
    return {k: (p[k][0], p[k][1]) for k in keys}
