"""How long the Map tab takes to build, and the map section of the minutes, on the demo
(20 actors) and on synthetic maps of 100 and 300 actors; next to networkx's spring layout
alone on the same graph (the baseline), as ratios within one run.

    python benchmarks/map_build.py          # prints a table; about a minute
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.domain.ecosystem import RelationFields, RelationType  # noqa: E402
from facilitator.domain.model import OrganisationKind  # noqa: E402
from facilitator.services.demo import write_demo  # noqa: E402
from facilitator.services.ecosystem import MapService  # noqa: E402
from facilitator.services.workshop import WorkshopService  # noqa: E402


def synthetic(path: Path, actors: int) -> Path:
    rnd = random.Random(16)
    with WorkshopService.create(path, "Synthetic map") as svc:
        eco = MapService(svc)
        kinds = list(OrganisationKind)
        with svc.file.writing():
            keys = [
                f"a{eco.add_actor(f'Actor {n:03d}', kinds[n % len(kinds)])}" for n in range(actors)
            ]
            for _ in range(actors * 2):
                a, b = rnd.sample(keys, 2)
                eco.add_relation(
                    RelationFields(
                        a, b, rnd.choice(list(RelationType)), rnd.random() < 0.4, rnd.randint(1, 3)
                    ),
                    [],
                    [],
                )
    return path


def timed(fn, n: int = 5) -> list[float]:  # noqa: ANN001
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    import networkx as nx
    from PySide6.QtWidgets import QApplication

    from facilitator.domain.ecosystem_analysis import simple_graph
    from facilitator.reports.map_section import map_flowables
    from facilitator.ui.map.view import MapView

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    demo = tmp / "demo.workshop"
    with write_demo(demo):
        pass
    files = {"demo (20 actors)": demo}
    for n in (100, 300):
        files[f"{n} actors, {2 * n} relations"] = synthetic(tmp / f"s{n}.workshop", n)
    print("| map | open the Map tab | spring layout alone | ratio | minutes section (flowables) |")
    print("|---|---|---|---|---|")
    for label, path in files.items():
        with WorkshopService.open(path, read_only=True) as svc:
            eco = MapService(svc)
            actors, relations = eco.actors(), eco.relations()
            g = simple_graph(actors, relations)

            def build() -> None:
                view = MapView(svc)
                app.processEvents()
                view.deleteLater()

            tab = timed(build)
            alone = timed(lambda g=g: nx.spring_layout(g, seed=16, iterations=200))
            snap = eco.snapshot()
            section = timed(lambda snap=snap: map_flowables(snap, "it", 450.0), 3)
        ratio = [t / a for t, a in zip(tab, alone, strict=False)]
        print(
            f"| {label} | {statistics.median(tab) * 1000:.0f} ms "
            f"({min(tab) * 1000:.0f}–{max(tab) * 1000:.0f}, n={len(tab)}) "
            f"| {statistics.median(alone) * 1000:.0f} ms | {statistics.median(ratio):.2f}× "
            f"| {statistics.median(section) * 1000:.0f} ms |"
        )


if __name__ == "__main__":
    main()
