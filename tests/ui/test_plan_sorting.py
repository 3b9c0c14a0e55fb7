"""Names are sorted A→Z with the locale's collation (QCollator) everywhere they are
listed: "Íñigo" with the I's, before "Zoë"; the header's arrow says ascending."""

from __future__ import annotations

from plan_helpers import plan_view
from PySide6.QtCore import QLocale, Qt

from facilitator.domain import model as m
from facilitator.services.workshop import WorkshopService
from facilitator.ui.collation import sorted_by_name

NAMES = ["Zoë Martin", "Íñigo Etxeberria", "anna Verdi", "Élodie Bernard", "Marco Rossi"]
EXPECTED = ["anna Verdi", "Élodie Bernard", "Íñigo Etxeberria", "Marco Rossi", "Zoë Martin"]


def _column(proxy, col: int = 0) -> list[str]:  # noqa: ANN001
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_participants_and_organisations_sort_ascending_with_collation(
    qtbot,
    svc: WorkshopService,
    shown_errors,  # noqa: ANN001
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    try:
        _check_sorted(qtbot, svc)
    finally:
        QLocale.setDefault(before)


def _check_sorted(qtbot, svc: WorkshopService) -> None:  # noqa: ANN001
    for name in NAMES:
        svc.add_participant(name, name.split()[1] + " Ente")
    view = plan_view(qtbot, svc)
    editor = view.participants
    assert _column(editor.proxy) == EXPECTED
    header = editor.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    orgs = _column(editor.org_proxy)
    assert orgs == sorted_by_name(orgs) and orgs[0].startswith("Bernard")
    assert orgs.index("Etxeberria Ente") < orgs.index("Martin Ente")
    assert editor.org_table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # The organisation box of the form, and the check-in list, too.
    combo = [
        editor.org_combo.itemText(i)
        for i in range(editor.org_combo.count())
        if editor.org_combo.itemText(i)
    ]
    assert combo == orgs
    check_in = _column(view.attendance.proxy)
    # Each check-in row starts with the name (then the organisation).
    assert [next(x for x in EXPECTED if n.startswith(x)) for n in check_in] == EXPECTED


def test_speaker_completion_is_sorted_too(tmp_path, qtbot, shown_errors) -> None:  # noqa: ANN001
    from live_helpers import build_workshop

    from facilitator.ui.main_window import MainWindow
    from facilitator.ui.settings import Settings

    path = tmp_path / "t.workshop"
    build_workshop(path)
    with WorkshopService.open(path) as svc:
        for name in NAMES:
            svc.add_participant(name, "", m.Role.PARTICIPANT)
    w = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    assert w.open_path(path)
    names = w.live.speaker_names.stringList()
    assert names == sorted_by_name(names)
    assert names.index("Íñigo Etxeberria") < names.index("Zoë Martin")
    w.close()
