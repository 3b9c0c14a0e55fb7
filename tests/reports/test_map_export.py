"""The ecosystem map exported as GraphML and as nodes/edges CSV, read back the way
Gephi's and networkx's users read them, and the refusals every export obeys."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from facilitator.services import exporting
from facilitator.services.demo import write_demo
from facilitator.services.ecosystem import MapService

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    with write_demo(path, language="it"):
        pass
    return path


def _snapshot(path: Path):  # type: ignore[no-untyped-def]
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.open(path, read_only=True) as svc:
        return MapService(svc).snapshot()


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_graphml_from_the_command_line_reads_back_with_networkx(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.graphml"
    done = run("export", demo, "--format", "graphml", "-o", out)
    assert done.returncode == 0, done.stderr
    assert "20 actors, 22 relations" in done.stdout
    g = nx.read_graphml(out, force_multigraph=True, edge_key_type=str)
    snap = _snapshot(demo)
    assert set(g.nodes) == {a.key for a in snap.actors}
    for a in snap.actors:
        node = g.nodes[a.key]
        assert node["label"] == a.name and node["kind"] == a.kind.value
        assert node["role"] == a.role and node["attended"] is a.attended
        assert isinstance(node["x"], float) and isinstance(node["y"], float)
    edges = {key: (u, v, d) for u, v, key, d in g.edges(keys=True, data=True)}
    assert set(edges) == {str(r.id) for r in snap.relations}
    for r in snap.relations:
        u, v, d = edges[str(r.id)]
        assert (u, v) == (r.source, r.target)
        assert d["type"] == r.type.value and d["strength"] == r.strength
        assert d["directed"] is r.directed and d["period"] == r.period
        for n in r.note_ids:
            assert snap.evidence[n].text in d["evidence"]
    pacts = next(r for r in snap.relations if "patti" in r.description)
    assert "patti di collaborazione" in edges[str(pacts.id)][2]["description"]


def test_nodes_and_edges_csv_read_back_as_the_same_graph(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "gephi"
    done = run("export", demo, "--format", "map-csv", "-o", out)
    assert done.returncode == 0, done.stderr
    raw = (out / "nodes.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: Gephi's first header stays "Id"
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with (out / "edges.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    g = nx.MultiDiGraph()
    g.add_nodes_from((n["Id"], n) for n in nodes)
    for e in edges:
        g.add_edge(e["Source"], e["Target"], key=e["Id"], **e)
    want = nx.read_graphml(
        _graphml(demo, tmp_path / "check.graphml"), force_multigraph=True, edge_key_type=str
    )
    assert set(g.nodes) == set(want.nodes)
    assert sorted(g.edges(keys=True)) == sorted(want.edges(keys=True))
    assert {e["Type"] for e in edges} == {"Directed", "Undirected"}
    for n in nodes:
        assert n["Label"] == want.nodes[n["Id"]]["label"]
        assert float(n["X"]) == pytest.approx(want.nodes[n["Id"]]["x"], abs=0.01)


def _graphml(demo: Path, out: Path) -> Path:
    return exporting.export_graphml(_snapshot(demo), out, workshop=demo)


def test_map_exports_refuse_the_workshop_and_other_databases(demo: Path, tmp_path: Path) -> None:
    before = demo.read_bytes()
    done = run("export", demo, "--format", "graphml", "-o", demo)
    assert done.returncode == 1 and "workshop file itself" in done.stderr
    assert demo.read_bytes() == before
    other = tmp_path / "other.workshop"
    with write_demo(other):
        pass
    other_bytes = other.read_bytes()
    with pytest.raises(exporting.ExportRefused):
        exporting.export_graphml(_snapshot(demo), other, workshop=demo)
    assert other.read_bytes() == other_bytes
    not_folder = tmp_path / "a-file"
    not_folder.write_text("keep me")
    with pytest.raises(exporting.ExportRefused):
        exporting.export_map_csv(_snapshot(demo), not_folder, workshop=demo)
    assert not_folder.read_text() == "keep me"


def test_a_failed_csv_pair_leaves_the_folder_as_it_was(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "nodes.csv").write_text("old nodes")
    real = Path.write_text

    def full_disk(self: Path, *args: object, **kwargs: object) -> int:
        if self.name == "edges.csv.partial":
            raise OSError(28, "No space left on device", str(self))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full_disk)
    with pytest.raises(OSError) as failed:
        exporting.export_map_csv(_snapshot(demo), folder, workshop=demo)
    assert failed.value.filename == str(folder / "edges.csv")  # the name the user knows
    assert sorted(p.name for p in folder.iterdir()) == ["nodes.csv"]
    assert (folder / "nodes.csv").read_text() == "old nodes"
