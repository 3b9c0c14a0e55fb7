"""The kiosk speaks the workshop's language, leaves only with the facilitator's PIN (if
one was set when it started) and fills the laptop's screen."""

from __future__ import annotations

import pytest
from organise_helpers import open_poll
from PySide6.QtCore import Qt

from facilitator.domain import model as m
from facilitator.domain.voting import Method
from facilitator.services.organise import OrganiseService
from facilitator.services.workshop import WorkshopService
from facilitator.ui.document import WorkshopDocument
from facilitator.ui.i18n import apply_language
from facilitator.ui.organise import kiosk as kiosk_module
from facilitator.ui.organise.kiosk import KioskWindow


def _open_poll(svc: WorkshopService) -> int:
    return open_poll(OrganiseService(svc), Method.APPROVAL, ("Uno", "Due"))


@pytest.fixture
def doc(svc: WorkshopService) -> WorkshopDocument:
    return WorkshopDocument(svc)


def test_the_kiosk_speaks_the_workshop_s_language_in_an_english_window(
    qtbot,
    svc: WorkshopService,
    doc: WorkshopDocument,  # noqa: ANN001
) -> None:
    apply_language("en")
    assert svc.workshop().language is m.Language.ITALIAN
    k = KioskWindow(doc, _open_poll(svc))
    qtbot.addWidget(k)
    assert k.cast_button.text() == "Registra il mio voto"
    assert k.next_button.text() == "Prossimo votante"
    assert "Grazie" in k.thanks_label.text()
    svc.update_workshop(language=m.Language.ENGLISH)
    english = KioskWindow(doc, _open_poll(svc))
    qtbot.addWidget(english)
    assert english.cast_button.text() == "Cast my vote"


def test_leaving_needs_the_pin_when_one_was_set(
    qtbot,
    svc: WorkshopService,
    doc: WorkshopDocument,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    typed = iter(["0000", "1234"])
    wrong: list[bool] = []
    monkeypatch.setattr(kiosk_module, "ask_pin", lambda parent: next(typed))
    monkeypatch.setattr(kiosk_module, "wrong_pin", lambda parent: wrong.append(True))
    monkeypatch.setattr(
        kiosk_module, "confirm_leave", lambda parent: pytest.fail("a PIN kiosk asks for the PIN")
    )
    k = KioskWindow(doc, _open_poll(svc), pin="1234")
    qtbot.addWidget(k)
    k.show()
    qtbot.keyClick(k, Qt.Key.Key_Escape)  # wrong PIN: stays
    assert k.isVisible() and wrong == [True]
    qtbot.keyClick(k, Qt.Key.Key_Escape)  # right PIN: leaves
    assert not k.isVisible()


def test_without_a_pin_leaving_is_confirmed(
    qtbot,
    svc: WorkshopService,
    doc: WorkshopDocument,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(kiosk_module, "confirm_leave", lambda parent: asked.append(True) or False)
    k = KioskWindow(doc, _open_poll(svc))
    qtbot.addWidget(k)
    k.show()
    qtbot.keyClick(k, Qt.Key.Key_Escape)
    assert asked == [True] and k.isVisible()
    k._leaving = True
    k.close()


def test_the_kiosk_fills_the_screen_of_the_window_that_opened_it(
    qtbot,
    svc: WorkshopService,
    doc: WorkshopDocument,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(400, 300)
    host.show()
    k = KioskWindow(doc, _open_poll(svc), host)
    k.start()
    qtbot.waitExposed(k)
    screen = host.screen().geometry()
    assert k.screen() is host.screen()
    assert (k.width(), k.height()) == (screen.width(), screen.height())
    k._leaving = True
    k.close()


def test_each_language_has_one_name_on_every_screen(qtbot, svc: WorkshopService) -> None:  # noqa: ANN001
    from facilitator.ui.dialogs import NewWorkshopDialog
    from facilitator.ui.export_dialog import ExportMinutesDialog
    from facilitator.ui.plan.details import DetailsView

    apply_language("it")  # the Italian interface names English "English" too, and back
    try:
        combos = []
        new = NewWorkshopDialog("it")
        qtbot.addWidget(new)
        combos.append(new.language)
        export = ExportMinutesDialog(svc, None)
        qtbot.addWidget(export)
        combos.append(export.language)
        details = DetailsView(WorkshopDocument(svc))
        qtbot.addWidget(details)
        combos.append(details.language_combo)
        for combo in combos:
            assert [combo.itemText(i) for i in range(combo.count())] == ["Italiano", "English"]
    finally:
        apply_language("en")


def test_number_boxes_clamp_and_say_why(qtbot, svc: WorkshopService, doc: WorkshopDocument) -> None:  # noqa: ANN001
    poll = open_poll(OrganiseService(svc), Method.DOT, ("Uno", "Due"), dots_per_voter=5)
    k = KioskWindow(doc, poll)
    qtbot.addWidget(k)
    k.show()
    editor = k.editor
    assert editor is not None
    spin = next(iter(editor.spins.values()))
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "9")  # past the 5 dots a voter has
    assert spin.value() == 5
    assert "5" in editor.status.text() and editor.clamp_message
    spin.selectAll()
    qtbot.keyClicks(spin, "3")  # within the limit: taken as typed
    assert spin.value() == 3


def test_the_default_poll_question_is_in_the_workshop_s_language(
    qtbot,
    svc: WorkshopService,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    from PySide6.QtGui import QUndoStack

    from facilitator.ui.organise import dialogs
    from facilitator.ui.organise.polls_view import PollsView

    apply_language("en")  # an English window on an Italian workshop
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs.PollDialog,
        "ask",
        classmethod(lambda cls, org, settings, parent=None: asked.append(settings.title)),
    )
    view = PollsView(svc, QUndoStack())
    qtbot.addWidget(view)
    view.new_poll()
    assert asked == ["Quali soluzioni si trasferiscono meglio in altri contesti?"]


def test_the_kiosk_ballot_speaks_the_workshop_s_language_too(
    qtbot,
    svc: WorkshopService,
    doc: WorkshopDocument,  # noqa: ANN001
) -> None:
    from facilitator.ui.organise.ballot import BallotEditor

    apply_language("en")  # English window, Italian workshop
    poll = open_poll(OrganiseService(svc), Method.DOT, ("Uno", "Due"), dots_per_voter=5)
    k = KioskWindow(doc, poll)
    qtbot.addWidget(k)
    assert k.editor is not None
    assert k.editor.status.text() == "La scheda è vuota."
    # The facilitator's own ballot editor stays in the window's language.
    own = BallotEditor(OrganiseService(svc).poll(poll))
    qtbot.addWidget(own)
    assert own.status.text() == "The ballot is empty."
