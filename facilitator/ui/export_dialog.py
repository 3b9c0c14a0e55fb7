"""File → Export minutes…: choose a day (or the whole event), language, paper and file;
the PDF is built off the GUI thread from a data snapshot, then offered to open.

Wiring (the main window): ``export_minutes(service, current_day_id, parent)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.errors import FacilitatorError
from facilitator.services import exporting
from facilitator.services.snapshot import Snapshot, build_snapshot
from facilitator.ui import errors
from facilitator.ui.workshop_language import LANGUAGE_NAMES

WHOLE_EVENT = -1


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """The save-file chooser (tests monkeypatch this function)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export", "Export minutes"),
        str(suggested),
        QCoreApplication.translate("export", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def confirm_overwrite(parent: QWidget | None, path: Path) -> bool:
    """Ask before replacing an existing file (tests monkeypatch this function)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("export", "Export minutes"),
        QCoreApplication.translate("export", "“%1” already exists. Replace it?").replace(
            "%1", path.name
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_open(parent: QWidget | None, path: Path, pages: int) -> None:
    """Tell the user the PDF is ready and offer to open it (tests monkeypatch this)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("export", "Export minutes"))
    box.setText(
        QCoreApplication.translate("export", "The minutes were saved to “%1” (%2 pages).")
        .replace("%1", str(path))
        .replace("%2", str(pages))
    )
    open_button = box.addButton(
        QCoreApplication.translate("export", "Open PDF"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class PdfWorker(QObject):
    """Builds the PDF in a worker thread. It sees only the snapshot, never the connection;
    ``services.exporting`` writes it (``.partial`` + rename, never over a database)."""

    progress = Signal(int, int)
    done = Signal(str, int)  # path, pages
    failed = Signal(object)  # the exception

    def __init__(
        self, snap: Snapshot, path: Path, lang: str, paper: str, workshop: Path | None = None
    ) -> None:
        super().__init__()
        self.snap, self.path, self.lang, self.paper = snap, path, lang, paper
        self.workshop = workshop

    def run(self) -> None:
        try:
            result = exporting.write_pdf(
                self.snap,
                self.path,
                workshop=self.workshop,
                lang=self.lang,
                paper=self.paper,
                progress=lambda done, total: self.progress.emit(done, total),
            )
        except Exception as exc:  # reported to the user by the dialog
            self.failed.emit(exc)
            return
        self.done.emit(str(self.path), result.pages)


class ExportMinutesDialog(QDialog):
    exported = Signal(str, int)  # path, pages
    export_failed = Signal(object)

    def __init__(self, service: Any, current_day_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.svc = service
        self.setWindowTitle(self.tr("Export minutes"))
        self.setMinimumWidth(600)
        self._thread: QThread | None = None
        self._worker: PdfWorker | None = None
        self._path_edited = False
        self._result: tuple[str, int] | None = None
        self._error: object | None = None
        workshop = service.workshop()

        self.scope = QComboBox()
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope.setMinimumContentsLength(36)
        locale = QLocale()
        for day in service.days():
            text = self.tr("Day %1").replace("%1", str(day.number))
            if day.date is not None:
                qdate = QDate(day.date.year, day.date.month, day.date.day)
                text += " – " + locale.toString(qdate, QLocale.FormatType.LongFormat)
            if day.title:
                text += " – " + day.title
            self.scope.addItem(text, day.id)
        self.scope.addItem(self.tr("Whole event (full report)"), WHOLE_EVENT)
        index = self.scope.findData(current_day_id) if current_day_id is not None else -1
        self.scope.setCurrentIndex(index if index >= 0 else 0)

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():  # each by its own name, as everywhere
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(str(workshop.language))))

        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")

        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow(self.tr("Minutes of:"), self.scope)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Save as:"), path_row)

        from facilitator.domain.timeutil import valid_zone

        venue = workshop.time_zone if valid_zone(workshop.time_zone) else ""
        hint = QLabel(
            self.tr("The report language follows the workshop; you may choose the other one.")
            + " "
            + (  # as reports/pdf.py prints them (domain.timeutil.zone)
                self.tr("Times are in the venue's time zone, %1.").replace("%1", venue)
                if venue
                else self.tr("Times are in this computer's time zone.")
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.export_button.setText(self.tr("Export PDF"))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.scope.currentIndexChanged.connect(self._suggest_path)
        self.language.currentIndexChanged.connect(self._suggest_path)
        self._suggest_path()

    # --- choices -------------------------------------------------------------------------

    def day_id(self) -> int | None:
        data = self.scope.currentData()
        return None if data == WHOLE_EVENT else int(data)

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._path_edited = True

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _on_path_edited(self, _text: str) -> None:
        self._path_edited = True

    def _suggest_path(self) -> None:
        if self._path_edited:
            return
        folder = Path(self.svc.path).parent
        stem = Path(self.svc.path).stem
        day_id = self.day_id()
        italian = self.language.currentData() == "it"
        if day_id is None:
            name = f"{stem} - resoconto completo.pdf" if italian else f"{stem} - full report.pdf"
        else:
            number = self.svc.day(day_id).number
            name = (
                f"{stem} - verbale giornata {number}.pdf"
                if italian
                else f"{stem} - minutes day {number}.pdf"
            )
        self.path_edit.setText(str(folder / name))

    def browse(self) -> None:
        chosen = ask_save_path(self, self.path())
        if chosen is not None:
            self.set_path(chosen)

    # --- export --------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread is not None

    def start_export(self) -> bool:
        """Check the choices, take the snapshot, start the worker. False if not started."""
        if self.is_running():
            return False
        path = self.path()
        if not self.path_edit.text().strip() or path.is_dir():
            self.status.setText(self.tr("Choose the file to save the minutes to."))
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            self.path_edit.setText(str(path))
        if not path.parent.is_dir():
            self.status.setText(
                self.tr("The folder “%1” does not exist.").replace("%1", str(path.parent))
            )
            return False
        try:
            exporting.check_target(path, Path(self.svc.path))
        except exporting.ExportRefused as exc:
            self.status.setText(self.refusal_text(exc))
            return False
        if path.exists() and not confirm_overwrite(self, path):
            return False
        try:
            snap = build_snapshot(self.svc, self.day_id())
        except FacilitatorError as exc:
            errors.show_error(self, exc)
            return False
        self._set_running(True)
        self.status.setText(self.tr("Writing the PDF…"))
        thread = QThread(self)
        worker = PdfWorker(
            snap,
            path,
            str(self.language.currentData()),
            str(self.paper.currentData()),
            Path(self.svc.path),
        )
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.done.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()
        return True

    def refusal_text(self, exc: exporting.ExportRefused) -> str:
        name = exc.path.name or str(exc.path)
        if exc.reason == "workshop":
            return self.tr("“%1” is the workshop file itself: choose another name.").replace(
                "%1", name
            )
        if exc.reason == "database":
            return self.tr(
                "“%1” is a database (another workshop?): it will not be overwritten. "
                "Choose another name."
            ).replace("%1", name)
        if exc.reason == "no_folder":
            return self.tr("The folder “%1” does not exist.").replace("%1", str(exc.path))
        return self.tr("Choose the file to save the minutes to.")

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(True)
        if running:
            self.progress.setValue(0)
        widgets = (
            self.scope,
            self.language,
            self.paper,
            self.path_edit,
            self.browse_button,
            self.buttons,
        )
        for widget in widgets:
            widget.setEnabled(not running)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))

    def _on_done(self, path: str, pages: int) -> None:
        self.progress.setValue(100)
        self.status.setText(
            self.tr("Saved “%1” (%2 pages).")
            .replace("%1", Path(path).name)
            .replace("%2", str(pages))
        )
        self._result = (path, pages)

    def _on_failed(self, exc: object) -> None:
        self.status.setText(self.tr("The PDF could not be written."))
        self._error = exc

    def _on_thread_finished(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self._set_running(False)
        result, error = self._result, self._error
        self._result = None
        self._error = None
        if result is not None:
            # The minutes are saved: nothing is left to cancel.
            close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            close.setText(self.tr("Close"))
            self.export_button.setEnabled(False)
            self.exported.emit(*result)
            offer_open(self, Path(result[0]), result[1])
            self.accept()
        elif error is not None:
            self.export_failed.emit(error)
            if isinstance(error, BaseException):
                errors.show_error(self, error)

    def reject(self) -> None:
        if self.is_running():
            return  # the export finishes first; it takes seconds
        super().reject()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.is_running():
            event.ignore()
            return
        super().closeEvent(event)


def export_minutes(
    service: Any, current_day_id: int | None, parent: QWidget | None = None
) -> ExportMinutesDialog:
    """Open the dialog (window-modal) and return it; it deletes itself when closed."""
    dialog = ExportMinutesDialog(service, current_day_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
