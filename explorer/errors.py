"""Uncaught exceptions: log them and show a dialog with a "copy details" button; the app keeps running."""

import logging
import logging.handlers
import sys
import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from .settings import config_dir

log = logging.getLogger("dlfs")


def setup_logging():
    """Log to dlfs-explorer.log in the config folder; when that cannot be written (a read-only
    folder, a folder where the file should be, a file where the folder should be) log to the
    terminal instead and say so. Returns the problem, or None."""
    problem = None
    path = config_dir() / "dlfs-explorer.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError as e:
        problem = f"cannot write the log {path} ({e.strerror or e}): logging to the terminal instead"
        print(f"DLFS Explorer: {problem}", file=sys.stderr)
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return problem


class ErrorDialog(QDialog):
    """Non-blocking: shows the message, the traceback on demand, and copies it."""

    def __init__(self, message, details, parent=None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(QLabel(self.tr("The action could not be completed. Your work is still open.")))
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(160)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the error and its traceback to the clipboard"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def _on_copy_clicked(self):
        QGuiApplication.clipboard().setText(self.message.text() + "\n\n" + self.details.toPlainText())


def _excepthook(exc_type, exc, tb):
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception\n%s", details)
    if QApplication.instance() is None or issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    parent = QApplication.activeWindow()
    dialog = ErrorDialog(f"{exc_type.__name__}: {exc}", details, parent)
    dialog.show()


def _exit_on_error(exc_type, exc, tb):
    """With nobody at the window (``--screenshot``): say what failed and leave with status 1 (the run
    used to wait for ever for a panel that could not be built)."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception\n%s", details)
    print(f"DLFS Explorer: {exc_type.__name__}: {exc}\n{details}", file=sys.stderr)
    app = QApplication.instance()
    if app is not None:
        app.exit(1)


def install_excepthook(exit_on_error=False):
    sys.excepthook = _exit_on_error if exit_on_error else _excepthook
