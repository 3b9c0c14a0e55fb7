"""The command line tried as a new user would: typos, wrong outputs, pipes, big imports.

Real subprocesses of ``main.py`` wherever the terminal is what the user sees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import cli
from facilitator.services import importing as imp
from facilitator.services.workshop import WorkshopService

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **env}
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):  # as on a bare server
        if name not in env:
            full_env.pop(name, None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env=full_env,
    )


def one_sentence_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single ``error: ...`` line of a failed command (and nothing technical)."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith("error: ")
    assert not re.search(r"Errno|Traceback|Exception|\.partial", line), line
    return line


def _make(path: Path) -> Path:
    WorkshopService.create(path, "CLI").close()
    return path


def _people_csv(path: Path, rows: int, bad: int = 0) -> Path:
    lines = ["Nome;Cognome;Ente;Ruolo;Email"]
    lines += [f"Persona;Numero {i};Ente {i % 7};partecipante;p{i}@example.org" for i in range(rows)]
    lines += [f"Senza;Email {i};Ente;partecipante;non-una-mail-{i}" for i in range(bad)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- a mistyped sub-command ----------------------------------------------------------


def test_a_mistyped_subcommand_is_named_and_never_opens_the_window(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "x.workshop")
    result = run("chek", workshop)  # no display: the window would abort (exit 134)
    assert result.returncode == 2, result.stderr
    assert "unknown command 'chek' — did you mean 'check'?" in result.stderr
    assert result.stdout == ""
    result = run("imprt-agenda", workshop, "a.csv")
    assert result.returncode == 2
    assert "did you mean 'import-agenda'?" in result.stderr
    result = run("import", workshop, "a.csv")  # the start of two commands
    assert result.returncode == 2
    assert "did you mean 'import-participants' or 'import-agenda'?" in result.stderr


def test_a_file_that_looks_like_a_command_is_still_a_file(tmp_path: Path) -> None:
    (tmp_path / "chek").write_bytes(b"")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert cli.suggestion(["chek"]) is None  # it exists: the window opens it
        assert cli.suggestion(["chek.workshop"]) is None  # a file name, even if missing
        assert cli.suggestion(["chec"]) == ["check"]
        assert cli.suggestion(["--quit-after-paint"]) is None
        assert cli.suggestion(["zzzzzz"]) is None  # nothing like a command
    finally:
        os.chdir(cwd)


# --- only a dry run says "dry run" ---------------------------------------------------


def test_only_a_dry_run_says_dry_run(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    bad = tmp_path / "bad.csv"
    bad.write_text("Nome;Email\n;x@example.org\nBruno;non-mail\n", encoding="utf-8")
    real = run("import-participants", workshop, bad)
    assert real.returncode == 1
    assert "dry run" not in (real.stdout + real.stderr).lower()
    assert "Nothing was imported" in real.stdout
    assert "Rejected rows: 2" in real.stdout
    dry = run("import-participants", workshop, bad, "--dry-run")
    assert dry.returncode == 1
    assert "Dry run: would import 0 participants; nothing was written." in dry.stdout
    good = _people_csv(tmp_path / "good.csv", 3)
    real = run("import-participants", workshop, good)
    assert real.returncode == 0
    assert "dry run" not in real.stdout.lower() and "Imported 3 participants." in real.stdout


# --- errors in the user's words ------------------------------------------------------


def test_report_into_a_folder_is_one_sentence(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    folder = tmp_path / "some-folder"
    folder.mkdir()
    line = one_sentence_error(run("report", workshop, "-o", folder))
    assert (
        line == f"error: {folder} is a folder: give a file name, for example {folder}/minutes.pdf"
    )
    line = one_sentence_error(run("export", workshop, "--format", "md", "-o", folder))
    assert "is a folder" in line and "minutes.md" in line
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("report", "{w}", "-o", "{t}/nowhere/x.pdf"), "the folder {t}/nowhere does not exist"),
        (("report", "{t}/missing.workshop", "-o", "{t}/x.pdf"), "missing.workshop"),
        (("export", "{w}", "--format", "csv", "-o", "{t}/file.txt"), "is a file: give a folder"),
        (("export", "{w}", "--format", "md", "-o", "{w}"), "is the workshop file itself"),
        (("report", "{w}", "-o", "{w}-wal"), "is the workshop file itself"),
        (("report", "{w}", "--day", "9", "-o", "{t}/x.pdf"), "there is no day 9"),
        (("import-agenda", "{w}", "{t}", "--dry-run"), "is a folder, not a CSV file"),
        (("import-agenda", "{w}", "{t}/none.csv"), "none.csv: no such file"),
        (("check", "{t}/file.txt"), ""),
        (("import-agenda", "{t}/file.txt", "{w}"), "give the workshop first, then the CSV"),
        (("report", "{w}", "-o", "{t}/file.txt/x.pdf"), "the folder {t}/file.txt does not exist"),
    ],
)
def test_every_error_is_one_sentence(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    workshop = _make(tmp_path / "w.workshop")
    (tmp_path / "file.txt").write_text("not a folder")
    filled = [a.format(w=workshop, t=tmp_path) for a in args]
    result = run(*filled)
    if args[0] == "check":  # check prints its verdict on stdout, exit 1
        assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
        return
    line = one_sentence_error(result)
    assert expected.format(w=workshop, t=tmp_path) in line


def test_os_errors_become_sentences() -> None:
    import errno

    cases = {
        errno.EISDIR: "is a folder, not a file",
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "read-only disk",
    }
    for code, words in cases.items():
        text = cli.os_error_sentence(OSError(code, os.strerror(code), "out.pdf"))
        assert words in text and "out.pdf" in text and "Errno" not in text


# --- a closed pipe -------------------------------------------------------------------


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    people = _people_csv(tmp_path / "people.csv", 3000)  # ~150 KB of --verbose output
    command = (
        f"{sys.executable} {ROOT / 'main.py'} import-participants {workshop} {people} --verbose"
        f" 2>{tmp_path / 'stderr.txt'} | head -3"
    )
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3
    assert (tmp_path / "stderr.txt").read_text() == ""  # no "Broken pipe", no traceback
    with WorkshopService.open(workshop, read_only=True) as svc:
        assert len(svc.participants()) == 3000  # the import itself was complete


def test_a_closed_pipe_keeps_an_exit_code_that_is_not_an_error(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    people = _people_csv(tmp_path / "people.csv", 3000)
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "import-participants", workshop, people, "-v"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = [proc.stdout.readline() for _ in range(3)]
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    assert head[0].startswith("Read people.csv")
    assert err == ""
    assert code in (0, cli.EXIT_PIPE_CLOSED)  # 141: stopped by the reader, as for SIGPIPE


# --- the import prints a summary -----------------------------------------------------


def test_a_big_import_prints_a_summary_and_the_rejected_rows(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    people = _people_csv(tmp_path / "people.csv", 5000, bad=3)
    result = run("import-participants", workshop, people)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) < 10, result.stdout
    assert "Imported 5000 participants." in lines
    assert "Rejected rows: 3" in lines
    assert "  row 5002: 'non-una-mail-0' is not an e-mail address" in lines
    again = run("import-participants", workshop, people)
    assert len(again.stdout.splitlines()) < 10
    assert "Duplicates, not imported: 5000" in again.stdout and "--verbose" in again.stdout
    verbose = run("import-participants", workshop, people, "--dry-run", "--verbose")
    assert "  row 2: Persona Numero 0 - already in the workshop (same e-mail)" in verbose.stdout
    assert len(verbose.stdout.splitlines()) > 5000


def test_many_rejected_rows_are_counted_beyond_the_first_ones(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    people = _people_csv(tmp_path / "people.csv", 1, bad=cli.REJECTED_SHOWN + 20)
    result = run("import-participants", workshop, people)
    assert result.stdout.count("is not an e-mail address") == cli.REJECTED_SHOWN
    assert "... and 20 more rejected rows (--verbose lists them)" in result.stdout
    verbose = run("import-participants", workshop, people, "--verbose", "--dry-run")
    assert verbose.stdout.count("is not an e-mail address") == cli.REJECTED_SHOWN + 20


# --- the columns and the sample files ------------------------------------------------


@pytest.mark.parametrize("kind", ["participants", "agenda"])
def test_help_documents_every_column_and_names_the_sample(kind: str) -> None:
    result = run(f"import-{kind}", "--help")
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    for field, names in imp.header_names(imp.ImportKind(kind)).items():
        assert imp.FIELD_LABELS[field] in help_text
        for name in names:
            assert name in help_text, name
    sample = cli.sample_csv(kind)
    assert str(sample) in result.stdout and sample.is_file()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"resources/samples/{kind}.csv" in readme


def test_readme_names_the_header_words() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8").casefold()
    readme = " " + " ".join(re.sub(r"[^\w]+", " ", text).split()) + " "
    for kind in imp.ImportKind:
        for field, names in imp.header_names(kind).items():
            found = [n for n in names if f" {n} " in readme]
            assert len(found) >= 2, (field, found)  # an Italian and an English name at least


def test_the_samples_import_cleanly(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    people = run("import-participants", workshop, cli.sample_csv("participants"))
    assert people.returncode == 0, people.stderr
    assert "Imported 5 participants." in people.stdout
    agenda = run("import-agenda", workshop, cli.sample_csv("agenda"))
    assert agenda.returncode == 0, agenda.stderr
    assert "Imported 6 agenda items." in agenda.stdout
    for out in (people.stdout, agenda.stdout):
        assert "(ignored)" not in out and "Rejected" not in out and "Warning" not in out
    with WorkshopService.open(workshop, read_only=True) as svc:
        kinds = {o.kind.value for o in svc.organisations()}
        assert {"public_authority", "managing_authority", "third_sector"} <= kinds
        linked = [i for i in svc.items() if i.speaker_ids]
        assert len(linked) >= 3


# --- bad options, and no display -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("report", "{w}"), "the following arguments are required: -o/--output"),
        (("export", "{w}", "--format", "pdf", "-o", "x"), "invalid choice: 'pdf'"),
        (("report", "{w}", "--day", "one", "-o", "x.pdf"), "invalid int value: 'one'"),
        (("--bogus",), "unknown option '--bogus'"),
        (("{w}", "--quit-after-pant"), "unknown option '--quit-after-pant'"),
    ],
)
def test_bad_options_are_one_sentence_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    workshop = _make(tmp_path / "w.workshop")
    result = run(*[a.format(w=workshop) for a in args])
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and words in line and "--help" in line
    assert "usage:" not in result.stderr and result.stdout == ""


def test_without_a_display_the_window_says_so_instead_of_aborting(tmp_path: Path) -> None:
    from facilitator.app import has_display

    workshop = _make(tmp_path / "w.workshop")
    result = run(workshop)  # run() removes DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux desktops can lack a display")
    assert result.returncode == 1
    assert "needs a desktop session" in result.stderr and "Traceback" not in result.stderr
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not has_display({}, "linux") and has_display({}, "win32")


def test_many_warnings_are_counted_beyond_the_first_ones(tmp_path: Path) -> None:
    workshop = _make(tmp_path / "w.workshop")
    agenda = tmp_path / "agenda.csv"
    rows = [f"1;Punto {i};Relatore Sconosciuto {i}" for i in range(cli.REJECTED_SHOWN + 5)]
    agenda.write_text("Giorno;Titolo;Relatori\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = run("import-agenda", workshop, agenda, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Warning: ") == cli.REJECTED_SHOWN
    assert "... and 5 more warnings (--verbose lists them)" in result.stdout
