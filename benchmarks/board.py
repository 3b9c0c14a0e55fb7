"""The theme board with hundreds of cards, as ratios measured side by side in one run.

    QT_QPA_PLATFORM=offscreen python benchmarks/board.py [--rounds 5] [--sizes 500,2000]

For each size (500 and 2,000 cards; a fifth of them in 25 themes):

1. Build: ``BoardView.reload()`` (notes, themes and positions read from the file, one
   card item per note, text wrapped) plus the first paint of the whole board (fitted
   in a 1600×900 view), against a plain QGraphicsScene of as many rectangles with one
   ``QGraphicsSimpleTextItem`` each (the least Qt needs to show that many cards).
2. Frame while dragging: one card dragged across the fitted board by real mouse events
   on the viewport; each move is followed by a synchronous repaint; p50 and p95 of 60
   frames. Baseline: the same drag of a rectangle in the plain scene.
3. Frame while dragging a theme of 20 cards (same baseline).
4. Drop: a move's operation through the document (stored, undo step, board updated in
   place), p50 of 7, against the operation alone on the service (the commit); and the
   board rebuilt from the file (what a filter, a new theme or a membership change costs).
5. Suggest groups on the cards in no theme (pure Python), for scale.

Prints the machine line and one Markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `facilitator` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import measure, synth  # noqa: E402
from benchmarks.measure import Spread  # noqa: E402

THEMES = 25
PER_THEME_SHARE = 5  # one note in five is in a theme


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _prepare(path: Path, notes: int) -> None:
    from facilitator.services.organise import OrganiseService
    from facilitator.services.workshop import WorkshopService

    synth.build(path, notes)
    with WorkshopService.open(path) as svc:
        ids = svc.note_ids()
        org = OrganiseService(svc)
        grouped = ids[: len(ids) // PER_THEME_SHARE]
        size = max(1, len(grouped) // THEMES)
        for t in range(THEMES):
            chunk = grouped[t * size : (t + 1) * size]
            if chunk:
                org.create_theme(f"Tema {t + 1}", chunk)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="500,2000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QMouseEvent, QUndoStack
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsItem,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
    )

    app = QApplication.instance() or QApplication([])
    from facilitator.domain.clustering import suggest_groups
    from facilitator.services.workshop import WorkshopService
    from facilitator.ui.organise.board import CARD_H, CARD_W, BoardView, ThemeItem

    def send(view: QGraphicsView, kind: QEvent.Type, pt: QPointF, buttons: Qt.MouseButton):
        vp = view.viewport()
        local = view.mapFromScene(pt)
        button = (
            Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        )
        event = QMouseEvent(
            kind, QPointF(local), QPointF(vp.mapToGlobal(local)), button, buttons,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(vp, event)

    def drag_frames(view: QGraphicsView, start: QPointF, frames: int = 60) -> list[float]:
        left = Qt.MouseButton.LeftButton
        send(view, QEvent.Type.MouseButtonPress, start, left)
        times = []
        for n in range(1, frames + 1):
            pt = start + QPointF(9 * n, 4 * n)
            t0 = time.perf_counter()
            send(view, QEvent.Type.MouseMove, pt, left)
            view.viewport().repaint()
            times.append((time.perf_counter() - t0) * 1000)
        send(view, QEvent.Type.MouseButtonRelease, start + QPointF(9 * frames, 4 * frames), left)
        return times

    def plain_scene(count: int) -> tuple[QGraphicsScene, QGraphicsItem]:
        scene = QGraphicsScene()
        first: QGraphicsItem | None = None
        for n in range(count):
            row, col = divmod(n, 30)
            rect = QGraphicsRectItem(QRectF(0, 0, CARD_W, CARD_H))
            rect.setBrush(QBrush(QColor("#fffdf5")))
            rect.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
            rect.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            text = QGraphicsSimpleTextItem(f"nota {n} sul tema della coprogettazione", rect)
            text.setPos(12, 8)
            rect.setPos(col * (CARD_W + 14), row * (CARD_H + 14))
            scene.addItem(rect)
            first = first or rect
        assert first is not None
        return scene, first

    rows: list[str] = []
    tmp = Path(tempfile.mkdtemp(prefix="facilitator-board-"))
    try:
        for size in sizes:
            source = tmp / f"board{size}.workshop"
            _prepare(source, size)
            build: list[float] = []
            build_plain: list[float] = []
            frame50: list[float] = []
            frame95: list[float] = []
            theme50: list[float] = []
            plain50: list[float] = []
            plain95: list[float] = []
            drop: list[float] = []
            stored: list[float] = []
            rebuild: list[float] = []
            suggest: list[float] = []
            for r in range(args.rounds):
                copy = shutil.copy(source, tmp / f"r{size}-{r}.workshop")
                svc = WorkshopService.open(copy)
                view = BoardView(svc, QUndoStack())
                view.resize(1600, 900)
                view.show()
                app.processEvents()
                # 1. build (the view exists; reload is what opening the tab or a filter costs)
                canvas = view.canvas

                def built(v: BoardView = view) -> None:
                    v.reload()
                    v.canvas.fit_all()
                    v.canvas.viewport().repaint()

                build.append(_timed(built) * 1000)
                pscene, prect = plain_scene(size)
                pview = QGraphicsView(pscene)
                pview.resize(1600, 900)
                pview.show()
                app.processEvents()

                def plain_built(s: int = size, pv: QGraphicsView = pview) -> None:
                    sc, _ = plain_scene(s)
                    pv.setScene(sc)
                    pv.fitInView(sc.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
                    pv.viewport().repaint()
                    pv.setProperty("keep", sc)  # keep it alive until the next round

                build_plain.append(_timed(plain_built) * 1000)
                # 2. a free card dragged across the fitted board
                free = [c for c in view.scene.cards.values() if c.theme() is None]
                card = free[len(free) // 2]
                start = card.scenePos() + QPointF(CARD_W / 2, CARD_H / 2)
                times = drag_frames(canvas, start)
                frame50.append(measure.percentile(times, 50))
                frame95.append(measure.percentile(times, 95))
                app.processEvents()  # the drop: an operation
                # 3. a theme of 20 cards
                theme = next(iter(view.scene.themes.values()))
                assert isinstance(theme, ThemeItem)
                times = drag_frames(canvas, theme.scenePos() + QPointF(40, 20))
                theme50.append(measure.percentile(times, 50))
                app.processEvents()
                # baseline drag
                current = pview.scene()
                prect = next(i for i in current.items() if isinstance(i, QGraphicsRectItem))
                pview.fitInView(current.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
                times = drag_frames(pview, prect.scenePos() + QPointF(CARD_W / 2, CARD_H / 2))
                plain50.append(measure.percentile(times, 50))
                plain95.append(measure.percentile(times, 95))
                # 4. a drop through the document vs rebuilding the board
                from facilitator.services import board_ops

                through: list[float] = []
                alone: list[float] = []
                for k in range(7):  # interleaved: the commit's fsync dominates both
                    a = free[(len(free) // 3 + k) % len(free)].note_id
                    bare = free[(len(free) // 2 + k) % len(free)].note_id
                    op = board_ops.PlaceOnBoard(view.board, {a: (5000.0 + k, 5000.0)})
                    through.append(_timed(lambda o=op, v=view: v.doc.run(o)) * 1000)
                    op = board_ops.PlaceOnBoard(view.board, {bare: (9000.0 + k, 5000.0)})
                    alone.append(_timed(lambda o=op, s=svc: o.do(s)) * 1000)
                    app.processEvents()
                drop.append(measure.percentile(through, 50))
                stored.append(measure.percentile(alone, 50))
                rebuild.append(_timed(view.reload) * 1000)
                # 5. suggestions
                texts = [(c.note_id, c.data_.text) for c in free]
                suggest.append(_timed(lambda t=texts: suggest_groups(t)) * 1000)
                view.close()
                pview.close()
                view.deleteLater()
                pview.deleteLater()
                app.processEvents()
                svc.close()

            def row(what: str, ours: list[float], base: list[float] | None, name: str) -> str:
                if base is None:
                    return f"| {what} | {Spread.of(ours).fmt(' ms')} | {name} | |"
                ratios = [a / b for a, b in zip(ours, base, strict=True)]
                return (
                    f"| {what} | {Spread.of(ours).fmt(' ms')} | {name} "
                    f"{Spread.of(base).fmt(' ms')} | {Spread.of(ratios).fmt('×')} |"
                )

            n = f"{size:,}"
            rows += [
                row(f"build and first paint, {n} cards", build, build_plain, "plain scene"),
                row(f"frame while dragging a card, p50, {n}", frame50, plain50, "plain scene"),
                row(f"frame while dragging a card, p95, {n}", frame95, plain95, "plain scene"),
                row(f"frame while dragging a theme, p50, {n}", theme50, plain50, "plain scene"),
                row(f"a drop, p50 of 7: stored and shown, {n}", drop, stored, "operation alone"),
                row(f"the board rebuilt (a filter, a new theme), {n}", rebuild, None, "—"),
                row(f"suggest groups, {n} cards (4/5 free)", suggest, None, "—"),
            ]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(measure.machine_line())
    print(f"{args.rounds} rounds; views 1600×900, the whole board fitted\n")
    print("| measure | board | baseline | ratio |")
    print("|---|---|---|---|")
    for line in rows:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
