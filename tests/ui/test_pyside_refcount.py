"""The PySide6 reference-count bug (see facilitator/ui/qtfix.py): the installed PySide6
must not drop references to ``None``, and the workaround runs only where it is needed."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from facilitator.ui import qtfix

CALLS = 5000


def test_void_methods_in_an_open_window_keep_none_alive(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    label = QLabel("x", window)
    QVBoxLayout(window).addWidget(label)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    before = sys.getrefcount(None)
    for i in range(CALLS):  # each returns None to Python
        label.setObjectName("label")
        label.setText(str(i % 10))
        window.setWindowTitle("refcount")
        window.update()
    after = sys.getrefcount(None)
    assert after >= before, (
        f"PySide6 dropped {before - after} references to None in {4 * CALLS} calls: "
        "this PySide6 has the 6.12 reference-count bug on this Python "
        "(pip install 'PySide6-Essentials<6.12')"
    )


def test_the_workaround_is_chosen_by_version() -> None:
    assert qtfix.affected(python=(3, 11), pyside=(6, 12))
    assert qtfix.affected(python=(3, 11), pyside=(6, 13))
    assert not qtfix.affected(python=(3, 11), pyside=(6, 11))
    assert not qtfix.affected(python=(3, 12), pyside=(6, 12))
    assert not qtfix.affected(python=(3, 13), pyside=(7, 0))


def test_the_workaround_runs_once_and_only_where_needed() -> None:
    code = (
        "import sys, facilitator.ui, facilitator.ui.qtfix as q\n"
        "n = sys.getrefcount(None)\n"
        "again = q.apply()\n"
        "print(q.affected(), again, sys.getrefcount(None) - n, n > 2**39)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    affected = out[0] == "True"
    assert out[1] == str(affected)  # applied exactly when affected
    assert abs(int(out[2])) < 100  # a second apply() adds no second head start
    if sys.version_info < (3, 12):
        assert out[3] == str(affected)  # the head start is there only when needed
