"""How long the full-event PDF of a 5,000-note workshop takes, next to reportlab alone
laying out the same paragraphs (same font, page and margins). Not a test.

    python -m benchmarks.bench_report [--notes 5000] [--runs 3]

Prints the median of the runs with min and max, and the ratio ours / reportlab alone.
The two alternate in one process, with a full garbage collection before each (reportlab
leaves reference cycles: without it, whichever runs second pays for the first).
The difference is what the report adds on top of bare layout: reading the snapshot,
escaping and checking every character against the font, the cover, tables, outline,
header/footer and "page X of Y" (which keeps every page until the end).
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks import synth


def ours(path: Path) -> tuple[float, float, int]:
    """(seconds for the snapshot, seconds for the PDF, pages)."""
    from facilitator.reports.pdf import build_pdf
    from facilitator.services.snapshot import build_snapshot
    from facilitator.services.workshop import WorkshopService

    gc.collect()  # the garbage of the previous run must not be charged to this one
    t0 = time.perf_counter()
    with WorkshopService.open(path, read_only=True) as svc:
        snap = build_snapshot(svc)
    t1 = time.perf_counter()
    result = build_pdf(snap, io.BytesIO(), deterministic=True)
    return t1 - t0, time.perf_counter() - t1, result.pages


def same_paragraphs(path: Path) -> list[tuple[str, list[str]]]:
    """(item title, [note markup]) in report order, read through the service once."""
    from facilitator.services.snapshot import build_snapshot
    from facilitator.services.workshop import WorkshopService

    with WorkshopService.open(path, read_only=True) as svc:
        snap = build_snapshot(svc)
    out = []
    for day in snap.days:
        for item in day.items:
            notes = [
                (f"<b>{escape(n.speaker)}</b> · " if n.speaker else "")
                + f'<font color="#5f6368">{n.created_at:%H:%M}</font> — {escape(n.text)}'
                for n in item.notes
            ]
            out.append((item.title, notes))
    return out


def reportlab_alone(paragraphs: list[tuple[str, list[str]]]) -> tuple[float, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from facilitator.reports import fonts

    fonts.register()
    gc.collect()
    t0 = time.perf_counter()
    body = ParagraphStyle(
        "note", fontName=fonts.FAMILY, fontSize=10, leading=14, leftIndent=12, spaceAfter=5
    )
    head = ParagraphStyle("h2", fontName=fonts.BOLD, fontSize=12.5, leading=17, spaceBefore=14)
    story = []
    for title, notes in paragraphs:
        story.append(Paragraph(escape(title), head))
        story.extend(Paragraph(markup, body, bulletText="●") for markup in notes)
    doc = SimpleDocTemplate(
        io.BytesIO(),
        pagesize=A4,
        leftMargin=24 * mm,
        rightMargin=24 * mm,
        topMargin=26 * mm,
        bottomMargin=22 * mm,
        invariant=1,
    )
    doc.build(story)
    return time.perf_counter() - t0, doc.page


def spread(values: list[float], unit: str = " s") -> str:
    return f"{statistics.median(values):.2f}{unit} (min {min(values):.2f}, max {max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = synth.build(Path(tmp) / "bench.workshop", args.notes)
        paragraphs = same_paragraphs(path)
        ours(path)  # warm-up: imports, font registration
        reportlab_alone(paragraphs)
        snap_t, pdf_t, total_t, plain_t, ratio = [], [], [], [], []
        pages = (0, 0)
        for run in range(args.runs):
            if run % 2:
                b, pb = reportlab_alone(paragraphs)
                s, a, pa = ours(path)
            else:
                s, a, pa = ours(path)
                b, pb = reportlab_alone(paragraphs)
            snap_t.append(s)
            pdf_t.append(a)
            total_t.append(s + a)
            plain_t.append(b)
            ratio.append((s + a) / b)
            pages = (pa, pb)
            print(
                f"run {run + 1}: ours {s + a:.2f} s ({pa} pages), reportlab alone {b:.2f} s ({pb} pages)"
            )
    print()
    print(f"full-event PDF, {args.notes} notes, {args.runs} runs (median, min, max):")
    print(f"  Facilitator (snapshot + PDF): {spread(total_t)}, {pages[0]} pages")
    print(f"    of which snapshot:          {spread(snap_t)}")
    print(f"    of which PDF:               {spread(pdf_t)}")
    print(f"  reportlab alone:              {spread(plain_t)}, {pages[1]} pages")
    print(f"  ratio:                        {spread(ratio, '×')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
