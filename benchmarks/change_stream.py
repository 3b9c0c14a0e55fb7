"""What one road for every change costs, as ratios measured side by side in one run.

    QT_QPA_PLATFORM=offscreen python benchmarks/change_stream.py [--notes 5000] [--rounds 5]

1. Taking a note in the open window (``WorkshopDocument.run(AddNote)``: the operation,
   the undo step, the change stream, the Live row shown) against the service call
   alone (``WorkshopService.add_note``) on a copy of the same file: p50 of 200 notes.
2. A note reaching the visible Themes screen from elsewhere (one row read and shown)
   against rebuilding its tree (what every change used to cost).
3. A ballot reaching the visible Polls screen (the poll's results redrawn) against
   reloading the screen.

Prints one Markdown table; nothing is asserted.
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


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from facilitator.domain.voting import Ballot, CastMode, Method
    from facilitator.services import operations as ops
    from facilitator.services.organise import OrganiseService, PollSettings
    from facilitator.services.workshop import WorkshopService
    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.organise import OrganiseView, PollsView
    from facilitator.ui.settings import Settings

    tmp = Path(tempfile.mkdtemp(prefix="facilitator-stream-"))
    try:
        source = synth.build(tmp / "source.workshop", args.notes)
        with WorkshopService.open(source) as svc:
            org = OrganiseService(svc)
            poll = org.create_poll(
                PollSettings("P", Method.DOT, (("A", None), ("B", None)), hide_results=False)
            )
            org.open_poll(poll)
        window_note: list[float] = []
        service_note: list[float] = []
        tree_row: list[float] = []
        tree_rebuild: list[float] = []
        poll_redraw: list[float] = []
        poll_reload: list[float] = []
        for r in range(args.rounds):
            plain = shutil.copy(source, tmp / f"plain{r}.workshop")
            opened = shutil.copy(source, tmp / f"window{r}.workshop")
            w = MainWindow(Settings(tmp / f"s{r}.ini"))
            w.resize(1200, 760)
            w.show()
            assert w.open_path(opened)
            doc = w.doc
            assert doc is not None
            item = w.live.current_item_id()
            with WorkshopService.open(plain) as bare:
                one: list[float] = []
                two: list[float] = []
                for n in range(200):  # interleaved, so both sides see the same machine
                    start = time.perf_counter()
                    bare.add_note(f"nota {n}", agenda_item_id=item)
                    one.append(time.perf_counter() - start)
                    start = time.perf_counter()
                    doc.run(ops.AddNote(f"nota {n}", agenda_item_id=item))
                    two.append(time.perf_counter() - start)
                    app.processEvents()
                service_note.append(measure.percentile(one, 50) * 1000)
                window_note.append(measure.percentile(two, 50) * 1000)

            themes = w.doc_view("OrganiseView")
            assert isinstance(themes, OrganiseView)
            w.tabs.setCurrentWidget(themes)
            app.processEvents()
            note = ops.AddNote("altrove", agenda_item_id=item)
            tree_row.append(_timed(lambda op=note, d=doc: d.submit(op)) * 1000)
            tree_rebuild.append(_timed(themes.reload) * 1000)

            polls = w.doc_view("PollsView")
            assert isinstance(polls, PollsView)
            w.tabs.setCurrentWidget(polls)
            polls.select_poll(poll)
            app.processEvents()
            option = OrganiseService(doc.service).poll(poll).options[0].id
            cast = ops.CastBallot(poll, Ballot.dots({option: 1}), CastMode.KIOSK)
            poll_redraw.append(_timed(lambda op=cast, d=doc: d.submit(op)) * 1000)
            poll_reload.append(_timed(polls.reload) * 1000)
            w.close_document()
            w.close()
            app.processEvents()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def row(what: str, ours: list[float], base: list[float], base_name: str) -> str:
        ratios = [a / b for a, b in zip(ours, base, strict=True)]
        return (
            f"| {what} | {Spread.of(ours).fmt(' ms')} | {base_name} "
            f"{Spread.of(base).fmt(' ms')} | {Spread.of(ratios).fmt('×')} |"
        )

    print(measure.machine_line())
    print(f"{args.notes:,} notes in the file, {args.rounds} rounds\n")
    print("| measure | through operations and the stream | baseline | ratio |")
    print("|---|---|---|---|")
    print(row("take a note, p50 of 200", window_note, service_note, "service call alone"))
    print(
        row(
            "a note from elsewhere on the visible Themes tree",
            tree_row,
            tree_rebuild,
            "tree rebuilt",
        )
    )
    print(
        row(
            "a ballot from elsewhere on the visible Polls screen",
            poll_redraw,
            poll_reload,
            "screen reloaded",
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
