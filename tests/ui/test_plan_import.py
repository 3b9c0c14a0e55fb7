"""The CSV import dialog: detected encoding, mapping, preview, rejects; import as one undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_helpers import plan_view
from PySide6.QtWidgets import QDialog

from facilitator.services import importing as imp
from facilitator.services.workshop import WorkshopService
from facilitator.ui import errors
from facilitator.ui.plan import PlanView, import_dialog
from facilitator.ui.plan.import_dialog import ImportDialog

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = (
    "Nome;Cognome;Ente;Ruolo;Email\n"
    "Anna;Verdi;Comune di Bari;Partecipante;anna@example.org\n"
    ";;Comune;Partecipante;nobody@example.org\n"
    "Bruno;Rossi;;Relatore;not-an-email\n"
    "Carla;Blu;;Astronauta;carla@example.org\n"
    "Anna;Verdi;;;\n"
)


@pytest.fixture
def view(qtbot, svc: WorkshopService, shown_errors) -> PlanView:  # type: ignore[no-untyped-def]
    return plan_view(qtbot, svc, show=False)


def _dialog(qtbot, svc, data: bytes, kind=imp.ImportKind.PARTICIPANTS) -> ImportDialog:  # type: ignore[no-untyped-def]
    d = ImportDialog(svc, kind, imp.parse_csv(data, "list.csv"))
    qtbot.addWidget(d)
    return d


def test_preview_shows_mapping_rows_duplicates_and_rejects(qtbot, qtmodeltester, svc) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, svc, BAD.encode("utf-8"))
    assert "UTF-8" in d.info.text() and "semicolon" in d.info.text()
    assert d.mapping() == ["first_name", "last_name", "organisation", "role", "email"]
    assert d.rows_model.rowCount() == 1
    assert d.rows_model.text(0, 1) == "Anna Verdi"
    assert d.dup_model.rowCount() == 1
    assert d.dup_model.text(0, 2) == "repeats row 2 (same name)"
    rejected = [
        (d.rejected_model.text(r, 0), d.rejected_model.text(r, 1))
        for r in range(d.rejected_model.rowCount())
    ]
    assert rejected == [
        ("3", "the name is empty"),
        ("4", "“not-an-email” is not an e-mail address"),
        ("5", "unknown role “Astronauta” (facilitator, note-taker, speaker, participant)"),
    ]
    assert d.tabs.tabText(2) == "Rejected (3)"
    assert d.import_button.text() == "Import 1 row"
    for model in (d.rows_model, d.dup_model, d.rejected_model):
        qtmodeltester.check(model)


def test_changing_the_mapping_changes_the_preview(qtbot, svc) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(qtbot, svc, b"Chi,Dove\nAnna Verdi,Comune di Bari\nBruno Neri,Regione\n")
    assert d.mapping() == [None, None]
    assert d.rows_model.rowCount() == 0
    assert not d.import_button.isEnabled()
    d.set_mapping(0, "name")
    d.set_mapping(1, "organisation")
    assert d.rows_model.rowCount() == 2
    assert d.rows_model.text(1, 2) == "Regione"
    assert d.import_button.isEnabled()
    assert d.import_button.text() == "Import 2 rows"


def test_agenda_preview_and_new_days(qtbot, svc) -> None:  # type: ignore[no-untyped-def]
    d = _dialog(
        qtbot,
        svc,
        (DATA / "agenda_it_semicolon_utf8.csv").read_bytes(),
        imp.ImportKind.AGENDA,
    )
    assert d.rows_model.rowCount() == 9
    assert [d.rows_model.text(0, c) for c in range(5)] == ["2", "1", "09:00", "30", "Plenary"]
    assert "not found: Città di Torino" in d.rows_model.text(0, 7)
    assert d.note.text() == ""  # the fixture workshop already has three days


def test_import_from_the_plan_view_is_one_undo_step(view: PlanView, svc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(
        import_dialog,
        "ask_csv_path",
        lambda parent, title: DATA / "participants_it_semicolon_cp1252.csv",
    )
    view.participants.import_button.click()
    assert len(svc.participants()) == 8
    assert view.participants.model.rowCount() == 8
    assert view.undo_stack.count() == 1
    view.undo_stack.undo()
    assert svc.participants() == [] and svc.organisations() == []
    assert view.participants.model.rowCount() == 0
    view.undo_stack.redo()
    assert len(svc.participants()) == 8
    # the agenda import links speakers by organisation and shows them at once
    assert view.import_csv(imp.ImportKind.AGENDA, DATA / "agenda_it_semicolon_utf8.csv")
    day1 = view.agenda.model
    assert day1.rowCount() == 5
    assert day1.index(2, 6).data() == "Niccolò Bertè (PN Metro Plus)"
    view.undo_stack.undo()
    assert view.agenda.model.rowCount() == 0


def test_cancel_imports_nothing(view: PlanView, svc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not view.import_csv(
        imp.ImportKind.PARTICIPANTS, DATA / "participants_en_comma_utf8bom.csv"
    )
    assert svc.participants() == []
    assert view.undo_stack.count() == 0


def test_garbage_file_shows_a_clear_error(view: PlanView, svc, tmp_path, shown_errors) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "photo.csv"
    junk.write_bytes(bytes(range(256)) * 8)
    assert not view.import_csv(imp.ImportKind.PARTICIPANTS, junk)
    assert len(shown_errors) == 1
    assert "photo.csv is not a text (CSV) file" in errors.message_for(shown_errors[0])
    assert view.undo_stack.count() == 0
