"""The ecosystem map for other tools: GraphML (Gephi, yEd, Cytoscape, networkx) and a
nodes/edges pair of CSV files (Gephi's spreadsheet import, Kumu, pandas). No Qt, no SQL.

Nodes are actors, named by their key (``o<organisation id>``, ``a<actor id>``); edges
are relations, one per relation (two actors may have several). A mutual relation has
``directed`` false; the GraphML graph itself is directed (the direction of money,
referrals). CSV headers are English, the file is UTF-8 without a BOM, comma-separated,
as those tools expect; a text cell that begins with ``=``, ``+``, ``-`` or ``@`` is
prefixed with ``'`` so no spreadsheet runs it.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from facilitator.domain.ecosystem import MapSnapshot
from facilitator.reports.csv_export import neutralise

NODE_HEADER = ["Id", "Label", "Kind", "Role", "Contributions", "Attended", "X", "Y"]
EDGE_HEADER = [
    "Id",
    "Source",
    "Target",
    "Type",  # Gephi: Directed / Undirected
    "Weight",  # the strength, 1-3
    "Relation",
    "Period",
    "Description",
    "Evidence",
]


def graphml(snap: MapSnapshot) -> bytes:
    """The map as GraphML (UTF-8), positions included (stored, or the layout's)."""
    import networkx as nx

    from facilitator.domain.ecosystem_analysis import multigraph

    g = multigraph(snap.actors, snap.relations)
    for key, (x, y) in snap.positions().items():
        g.nodes[key]["x"], g.nodes[key]["y"] = x, y
    for _u, _v, data in g.edges(data=True):
        data["evidence"] = " | ".join(
            snap.evidence[int(n)].text
            for n in filter(None, data["notes"].split(","))
            if int(n) in snap.evidence
        )
    g.graph["name"] = snap.title
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    return buf.getvalue()


def nodes_csv(snap: MapSnapshot) -> str:
    pos = snap.positions()
    rows = [
        [
            a.key,
            a.name,
            a.kind.value,
            a.role,
            ",".join(c.value for c in a.contributions),
            "true" if a.attended else "false",
            round(pos.get(a.key, (0.0, 0.0))[0], 2),
            round(pos.get(a.key, (0.0, 0.0))[1], 2),
        ]
        for a in snap.actors
    ]
    return _csv(NODE_HEADER, rows)


def edges_csv(snap: MapSnapshot) -> str:
    rows = [
        [
            r.id,
            r.source,
            r.target,
            "Directed" if r.directed else "Undirected",
            r.strength,
            r.type.value,
            r.period,
            r.description,
            " | ".join(snap.evidence[n].text for n in r.note_ids if n in snap.evidence),
        ]
        for r in snap.relations
    ]
    return _csv(EDGE_HEADER, rows)
