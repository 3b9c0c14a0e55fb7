"""CSV imports: reading real-world files, mapping, duplicates, rejects, all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator.domain import model as m
from facilitator.services import importing as imp
from facilitator.services.workshop import WorkshopService

DATA = Path(__file__).resolve().parents[1] / "data"
P = imp.ImportKind.PARTICIPANTS
A = imp.ImportKind.AGENDA


def _import(svc: WorkshopService, name: str, kind: imp.ImportKind) -> imp.ImportPreview:
    preview = imp.make_preview(svc, imp.read_csv(DATA / name), kind)
    imp.apply_import(svc, preview)
    return preview


def test_italian_cp1252_semicolon(svc: WorkshopService) -> None:
    preview = _import(svc, "participants_it_semicolon_cp1252.csv", P)
    assert preview.table.encoding == "cp1252"
    assert preview.table.delimiter == ";"
    assert preview.mapping == ["first_name", "last_name", "organisation", "role", "email"]
    people = {p.name: p for p in svc.participants()}
    assert len(people) == 8
    assert people["Niccolò Bertè"].role is m.Role.SPEAKER
    assert people["Giulia Ferraris"].role is m.Role.FACILITATOR
    assert people["Giulia Ferraris"].organisation_name == "Città di Torino"
    assert people["Chiara Dell'Acqua"].role is m.Role.NOTE_TAKER
    assert people["Íñigo Peña"].role is m.Role.PARTICIPANT
    assert "Zoë Ó Briain" in people
    assert not preview.rejected and not preview.duplicates


def test_english_utf8_bom_comma_keeps_every_script(svc: WorkshopService) -> None:
    preview = _import(svc, "participants_en_comma_utf8bom.csv", P)
    assert preview.table.encoding == "utf-8-sig"
    assert preview.table.delimiter == ","
    assert preview.table.header[0] == "Full name"  # no BOM left in the header
    names = {p.name for p in svc.participants()}
    assert {"Eleni Papadopoulou", "Małgorzata Wiśniewska", "Ștefan Rădulescu"} <= names
    assert "Георги Иванов" in names
    orgs = {o.name for o in svc.organisations()}
    assert "Национален компетентен център (BG)" in orgs


def test_italian_agenda_three_days_times_kinds_speakers(svc: WorkshopService) -> None:
    _import(svc, "participants_it_semicolon_cp1252.csv", P)
    preview = _import(svc, "agenda_it_semicolon_utf8.csv", A)
    assert not preview.rejected
    days = svc.days()
    assert len(days) == 3
    day1 = svc.items(days[0].id)
    assert [(i.planned_start, i.duration_min, i.kind) for i in day1[:4]] == [
        (dt.time(9, 0), 30, m.ItemKind.PLENARY),
        (dt.time(9, 30), 45, m.ItemKind.PRESENTATION),
        (dt.time(10, 15), 45, m.ItemKind.PRESENTATION),
        (dt.time(11, 0), 15, m.ItemKind.BREAK),
    ]
    visit = svc.items(days[1].id)[0]
    assert visit.kind is m.ItemKind.SITE_VISIT
    assert visit.location == "Torino, quartieri Barriera di Milano e San Salvario"
    # "Cooperativa sociale Il Ponte" is an organisation: its speaker is linked
    assert visit.speaker_names == ("Zoë Ó Briain",)
    assert svc.items(days[1].id)[1].kind is m.ItemKind.GROUP_WORK
    assert day1[2].speaker_names == ("Niccolò Bertè",)


def test_agenda_creates_missing_days_by_number(tmp_path: Path) -> None:
    with WorkshopService.create(tmp_path / "one.workshop", "One day") as s:
        preview = imp.make_preview(s, imp.read_csv(DATA / "agenda_it_semicolon_utf8.csv"), A)
        assert preview.new_days == 2
        result = imp.apply_import(s, preview)
        assert len(result.day_ids) == 2
        assert len(s.days()) == 3
        assert len(s.items(s.days()[2].id)) == 2
        # speakers that match nobody are reported, not invented
        assert any("Città di Torino" in w for w in preview.warnings)


def test_reimport_detects_duplicates(svc: WorkshopService) -> None:
    _import(svc, "participants_it_semicolon_cp1252.csv", P)
    again = _import(svc, "participants_it_semicolon_cp1252.csv", P)
    assert again.rows == []
    assert len(again.duplicates) == 8
    assert all(d.reason == "file" and d.by == "email" for d in again.duplicates)
    assert len(svc.participants()) == 8
    _import(svc, "agenda_it_semicolon_utf8.csv", A)
    agenda_again = _import(svc, "agenda_it_semicolon_utf8.csv", A)
    assert agenda_again.rows == [] and len(agenda_again.duplicates) == 9


def test_duplicates_within_the_csv_by_email_and_by_name(svc: WorkshopService) -> None:
    svc.add_participant("Anna Verdi", email="anna@example.org")
    data = (
        b"Name,Email\r\n"
        b"Luca Bianchi,luca@example.org\r\n"
        b"Luca B.,LUCA@example.org\r\n"
        b"Maria  Neri,\r\n"
        b"maria neri,\r\n"
        b"Anna Verdi,\r\n"
    )
    preview = imp.make_preview(svc, imp.parse_csv(data), P)
    assert [r.name for r in preview.rows] == ["Luca Bianchi", "Maria Neri"]
    dups = {d.line: (d.reason, d.by, d.other_line) for d in preview.duplicates}
    assert dups == {3: ("csv", "email", 2), 5: ("csv", "name", 4), 6: ("file", "name", None)}


BAD = (
    "Nome;Cognome;Ente;Ruolo;Email\n"
    "Anna;Verdi;Comune;Partecipante;anna@example.org\n"
    ";;Comune;Partecipante;nobody@example.org\n"
    "Bruno;Rossi;;Relatore;not-an-email\n"
    "Carla;Blu;;Astronauta;carla@example.org\n"
    "Dario;Neri;;;\n"
)


def test_bad_rows_are_rejected_with_a_reason_each(svc: WorkshopService) -> None:
    preview = imp.make_preview(svc, imp.parse_csv(BAD.encode("utf-8")), P)
    assert [r.name for r in preview.rows] == ["Anna Verdi", "Dario Neri"]
    rejected = {r.line: r.code for r in preview.rejected}
    assert rejected == {3: "missing_name", 4: "bad_email", 5: "unknown_role"}
    reasons = {r.line: r.reason for r in preview.rejected}
    assert "not-an-email" in reasons[4]
    assert "Astronauta" in reasons[5]
    imp.apply_import(svc, preview)
    assert sorted(p.name for p in svc.participants()) == ["Anna Verdi", "Dario Neri"]


BAD_AGENDA = (
    "Giorno;Inizio;Durata (min);Tipo;Titolo\n"
    "1;09:00;30;plenaria;Apertura\n"
    "1;25:99;30;plenaria;Orario impossibile\n"
    "1;10:00;30;concerto;Tipo sconosciuto\n"
    "1;10:30;mezzora;pausa;Durata sbagliata\n"
    "x;10:30;30;pausa;Giorno sbagliato\n"
    "2;9.30;1h30;lavoro di gruppo;Gruppi\n"
    "2;11:00;30;pausa;\n"
)


def test_bad_agenda_rows_are_rejected(svc: WorkshopService) -> None:
    preview = imp.make_preview(svc, imp.parse_csv(BAD_AGENDA.encode()), A)
    assert {r.line: r.code for r in preview.rejected} == {
        3: "bad_time",
        4: "unknown_kind",
        5: "bad_duration",
        6: "bad_day",
        8: "missing_title",
    }
    assert [(r.title, r.start, r.duration) for r in preview.rows] == [
        ("Apertura", dt.time(9, 0), 30),
        ("Gruppi", dt.time(9, 30), 90),
    ]


def test_a_failure_during_the_write_imports_nothing(
    svc: WorkshopService, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = imp.make_preview(svc, imp.read_csv(DATA / "participants_it_semicolon_cp1252.csv"), P)
    real = svc.repo.add_participant
    calls = []

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 5:
            raise RuntimeError("disk fell off")
        return real(*args, **kwargs)

    monkeypatch.setattr(svc.repo, "add_participant", failing)
    with pytest.raises(RuntimeError):
        imp.apply_import(svc, preview)
    assert len(calls) == 5  # four were written inside the transaction, then rolled back
    assert svc.participants() == []
    assert svc.organisations() == []


def test_a_failing_agenda_import_adds_no_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with WorkshopService.create(tmp_path / "one.workshop", "One day") as s:
        preview = imp.make_preview(s, imp.read_csv(DATA / "agenda_it_semicolon_utf8.csv"), A)
        real = s.repo.add_item
        monkeypatch.setattr(
            s.repo,
            "add_item",
            lambda *a, **k: (
                (_ for _ in ()).throw(RuntimeError("boom"))
                if a[2].startswith("Come")
                else real(*a, **k)
            ),
        )
        with pytest.raises(RuntimeError):
            imp.apply_import(s, preview)
        assert len(s.days()) == 1
        assert s.items(s.days()[0].id) == []


def test_user_mapping_changes_the_preview(svc: WorkshopService) -> None:
    data = b"Chi,Dove,Posta\nAnna Verdi,Comune di Bari,anna@example.org\n"
    table = imp.parse_csv(data)
    assert imp.guess_mapping(table.header, P) == [None, None, None]
    assert imp.make_preview(svc, table, P).rejected[0].code == "no_name_column"
    preview = imp.make_preview(svc, table, P, ["name", "organisation", "email"])
    assert preview.rows[0].organisation == "Comune di Bari"
    assert preview.rows[0].email == "anna@example.org"


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00\xff" * 50,
        bytes(range(256)) * 20,
        b"",
        b"\r\n\r\n   \r\n",
    ],
)
def test_garbage_gives_a_clear_error(data: bytes) -> None:
    with pytest.raises(imp.ImportFileError) as err:
        imp.parse_csv(data, "x.csv")
    assert "x.csv" in err.value.message
    assert "not a text" in err.value.message or "empty" in err.value.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(imp.ImportFileError, match="no such file"):
        imp.read_csv(tmp_path / "nope.csv")
    with pytest.raises(imp.ImportFileError, match="folder"):
        imp.read_csv(tmp_path)


def test_lf_and_crlf_and_quoted_delimiters(svc: WorkshopService) -> None:
    data = b'Name;Organisation\n"Rossi; Mario";"Ente; con punto e virgola"\r\n'
    preview = imp.make_preview(svc, imp.parse_csv(data), P)
    assert preview.rows[0].name == "Rossi; Mario"
    assert preview.rows[0].organisation == "Ente; con punto e virgola"


def test_extra_cells_are_rejected(svc: WorkshopService) -> None:
    data = b"Name,Email\nAnna,anna@example.org,surplus\n"
    preview = imp.make_preview(svc, imp.parse_csv(data), P)
    assert preview.rejected[0].code == "extra_cells"


@pytest.mark.parametrize(
    ("text", "minutes"), [("90", 90), ("90 min", 90), ("1h30", 90), ("1:15", 75), ("2h", 120)]
)
def test_durations(text: str, minutes: int) -> None:
    assert imp.parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("plenaria", m.ItemKind.PLENARY),
        ("Presentazione", m.ItemKind.PRESENTATION),
        ("pausa", m.ItemKind.BREAK),
        ("discussione", m.ItemKind.DISCUSSION),
        ("visita", m.ItemKind.SITE_VISIT),
        ("Lavoro di gruppo", m.ItemKind.GROUP_WORK),
        ("site visit", m.ItemKind.SITE_VISIT),
    ],
)
def test_agenda_kinds(word: str, kind: m.ItemKind) -> None:
    assert imp.parse_kind(word) is kind


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("Facilitatore", m.Role.FACILITATOR),
        ("Relatore", m.Role.SPEAKER),
        ("relatrice", m.Role.SPEAKER),
        ("Verbalizzante", m.Role.NOTE_TAKER),
        ("Partecipante", m.Role.PARTICIPANT),
        ("note-taker", m.Role.NOTE_TAKER),
        ("", m.Role.PARTICIPANT),
    ],
)
def test_roles(word: str, role: m.Role) -> None:
    assert imp.parse_role(word) is role
