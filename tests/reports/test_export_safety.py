"""One road for every export (``services/exporting.py``), from the CLI and from the dialog:
never over the workshop or any database, and always ``.partial`` + rename, for PDF, CSV
and Markdown."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from facilitator import cli
from facilitator.services import exporting
from facilitator.services.snapshot import build_snapshot
from facilitator.services.workshop import WorkshopService
from facilitator.ui import export_dialog as ed
from facilitator.ui.export_dialog import ExportMinutesDialog

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def closed_workshop(demo_path: Path) -> Path:
    """The demo workshop, written and closed."""
    return demo_path


def _another_database(path: Path) -> bytes:
    WorkshopService.create(path, "Another workshop").close()
    return path.read_bytes()


# --- refusals, from the CLI ----------------------------------------------------------


def test_cli_refuses_the_workshop_and_any_database_for_every_format(
    closed_workshop: Path, tmp_path: Path
) -> None:
    w = closed_workshop
    original = w.read_bytes()
    other = tmp_path / "other.workshop"
    other_bytes = _another_database(other)
    csv_folder = tmp_path / "csv"
    csv_folder.mkdir()
    (csv_folder / "notes.csv").write_bytes(other_bytes)  # a database under a CSV's name
    cases = [
        (["report", w, "-o", w], "is the workshop file itself"),
        (["report", w, "-o", other], "is a database"),
        (["export", w, "--format", "md", "-o", w], "is the workshop file itself"),
        (["export", w, "--format", "md", "-o", other], "is a database"),
        (["export", w, "--format", "md", "-o", f"{w}-wal"], "is the workshop file itself"),
        (["export", w, "--format", "csv", "-o", csv_folder], "is a database"),
    ]
    for args, words in cases:
        result = run(*args)
        assert result.returncode == 1, (args, result.stdout)
        assert words in result.stderr, (args, result.stderr)
    assert w.read_bytes() == original and other.read_bytes() == other_bytes
    assert (csv_folder / "notes.csv").read_bytes() == other_bytes
    assert sorted(p.name for p in csv_folder.iterdir()) == ["notes.csv"]  # nothing else
    assert not list(tmp_path.rglob("*.partial"))


def test_the_workshop_is_recognised_through_a_symlink_and_a_hard_link(
    closed_workshop: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(closed_workshop)
    hard = tmp_path / "hard.md"
    hard.hardlink_to(closed_workshop)
    for target in (link, hard):
        with pytest.raises(exporting.ExportRefused) as info:
            exporting.check_target(target, closed_workshop)
        assert info.value.reason == "workshop"


def test_a_device_is_never_replaced_by_a_report(closed_workshop: Path, tmp_path: Path) -> None:
    import os
    import stat

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for args in (
        ["report", closed_workshop, "-o", fifo],
        ["export", closed_workshop, "--format", "md", "-o", "/dev/null"],
    ):
        result = run(*args)
        assert result.returncode == 1 and "is not an ordinary file" in result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert not list(tmp_path.glob("*.partial"))


# --- .partial + rename, for each format ----------------------------------------------


def test_pdf_is_built_under_partial_and_renamed(
    closed_workshop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import facilitator.reports.pdf as pdf

    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"yesterday's minutes")
    seen: list[tuple[str, bytes]] = []
    real = pdf.build_pdf

    def spying(snap: Any, target: Any, **kw: Any) -> Any:
        result = real(snap, target, **kw)
        seen.append((Path(target).name, out.read_bytes()))  # written, not yet renamed
        return result

    monkeypatch.setattr(pdf, "build_pdf", spying)
    assert cli.main(["report", str(closed_workshop), "-o", str(out)]) == 0
    assert seen == [("minutes.pdf.partial", b"yesterday's minutes")]
    assert PdfReader(out).pages and not (tmp_path / "minutes.pdf.partial").exists()


@pytest.mark.parametrize("fmt", ["pdf", "md", "csv"])
def test_a_failed_export_keeps_the_old_files_and_leaves_no_partial(
    closed_workshop: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
) -> None:
    import facilitator.reports.csv_export as csv_export
    import facilitator.reports.pdf as pdf

    def full_disk(path: Path) -> OSError:
        import errno

        return OSError(errno.ENOSPC, "No space left on device", str(path))

    if fmt == "pdf":
        out = tmp_path / "minutes.pdf"
        out.write_bytes(b"old pdf")
        olds = {out: b"old pdf"}
        args = ["report", str(closed_workshop), "-o", str(out)]

        def half_pdf(snap: Any, target: Any, **kw: Any) -> Any:
            Path(target).write_bytes(b"%PDF-1.4 half")
            raise full_disk(Path(target))

        monkeypatch.setattr(pdf, "build_pdf", half_pdf)
    elif fmt == "md":
        out = tmp_path / "minutes.md"
        out.write_text("old md")
        olds = {out: b"old md"}
        args = ["export", str(closed_workshop), "--format", "md", "-o", str(out)]
        real_write = Path.write_text

        def half_text(self: Path, text: str, *a: Any, **kw: Any) -> int:
            real_write(self, text[:10], *a, **kw)
            raise full_disk(self)

        monkeypatch.setattr(Path, "write_text", half_text)
    else:
        out = tmp_path / "csv"
        out.mkdir()
        olds = {out / "notes.csv": b"old notes", out / "agenda.csv": b"old agenda"}
        for path, data in olds.items():
            path.write_bytes(data)
        args = ["export", str(closed_workshop), "--format", "csv", "-o", str(out)]
        real_csv = csv_export.write_csv
        calls = []

        def third_fails(path: Path, *a: Any, **kw: Any) -> int:
            calls.append(path)
            if len(calls) == 3:
                raise full_disk(path)
            return real_csv(path, *a, **kw)

        monkeypatch.setattr(csv_export, "write_csv", third_fails)
    assert cli.main(args) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and ".partial" not in err
    for path, data in olds.items():
        assert path.read_bytes() == data, path
    assert not list(tmp_path.rglob("*.partial"))


def test_csv_export_writes_every_table_or_none(filled: Any, tmp_path: Path) -> None:
    svc, _ = filled
    files = exporting.export_csv(build_snapshot(svc), tmp_path / "out", workshop=svc.path)
    assert set(files) >= {"notes", "agenda", "participants"}
    with files["notes"].open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh, delimiter=";"))) > 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in files.values()
    )


# --- the same road from the dialog ---------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int]]:
    calls: list[tuple[Path, int]] = []
    monkeypatch.setattr(ed, "offer_open", lambda parent, path, pages: calls.append((path, pages)))
    return calls


def test_dialog_refuses_the_workshop_and_another_database(
    qtbot: Any, filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc, f = filled
    asked: list[Path] = []
    monkeypatch.setattr(ed, "confirm_overwrite", lambda parent, path: asked.append(path) or True)
    other = tmp_path / "other.pdf"  # a workshop saved under a PDF's name
    other_bytes = _another_database(other)
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    dialog.set_path(other)
    assert dialog.start_export() is False
    assert "is a database" in dialog.status.text() and not dialog.is_running()
    assert other.read_bytes() == other_bytes
    # The open workshop itself, named like a PDF (the dialog adds ".pdf" otherwise):
    with WorkshopService.create(tmp_path / "minutes.pdf", "Named like a PDF") as own:
        own_dialog = ExportMinutesDialog(own, None, None)
        qtbot.addWidget(own_dialog)
        own_dialog.set_path(own.path)
        assert own_dialog.start_export() is False
        assert "is the workshop file itself" in own_dialog.status.text()
        assert own.workshop().title == "Named like a PDF"  # still a working workshop
    assert asked == []  # refused before "Replace it?" is even asked


def test_dialog_failure_keeps_the_old_pdf_and_leaves_no_partial(
    qtbot: Any, filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc, f = filled
    shown: list[BaseException] = []
    monkeypatch.setattr(ed.errors, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(ed, "confirm_overwrite", lambda parent, path: True)

    def half(snap: Any, target: Any, **kw: Any) -> Any:
        Path(target).write_bytes(b"%PDF-1.4 half")
        raise OSError("disk on fire")

    monkeypatch.setattr("facilitator.reports.pdf.build_pdf", half)
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    dialog.set_path(target)
    with qtbot.waitSignal(dialog.export_failed, timeout=30_000):
        assert dialog.start_export()
    assert [str(e) for e in shown] == ["disk on fire"]
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.partial"))


def test_dialog_says_close_not_cancel_after_success(
    qtbot: Any, filled: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc, f = filled
    labels: list[str] = []
    dialog = ExportMinutesDialog(svc, f.day1, None)
    qtbot.addWidget(dialog)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    before = cancel.text()
    # What the user sees behind "The minutes were saved…":
    monkeypatch.setattr(ed, "offer_open", lambda parent, path, pages: labels.append(cancel.text()))
    dialog.set_path(tmp_path / "m.pdf")
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        assert dialog.start_export()
    qtbot.waitUntil(lambda: bool(labels), timeout=30_000)
    assert before != "Close" and labels == ["Close"]
    assert not dialog.export_button.isEnabled()
    assert PdfReader(tmp_path / "m.pdf").pages
