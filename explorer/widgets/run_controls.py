"""Start / Stop, a progress bar with the time left, and a line of status: for long runs."""

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStyle, QVBoxLayout, QWidget

from ..i18n import fill
from .sizing import cap_width


def format_seconds(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class RunControls(QWidget):
    start_clicked = Signal()
    stop_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.start_button = QPushButton()
        self.start_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.stop_button = QPushButton()
        self.stop_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaStop))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.start_button.clicked.connect(self.start_clicked)
        self.stop_button.clicked.connect(self.stop_clicked)
        self._t0 = None
        self.set_running(False)

    def set_running(self, running):
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        if running:
            self._t0 = time.perf_counter()
            self.progress.setValue(0)

    def set_fraction(self, done, total, text):
        """Progress done/total; the status gets the text and, once measurable, the time left."""
        self.progress.setValue(int(1000 * done / max(total, 1)))
        if self._t0 is not None and 0 < done < total:
            elapsed = time.perf_counter() - self._t0
            text += "  ·  " + fill(self.tr("%1 left"), format_seconds(elapsed * (total - done) / done))
        self.status.setText(text)

    def set_status(self, text):
        self.status.setText(text)


def job_page_layout(page, side, run, body):
    """Lay out a page that runs long jobs: settings down the left; Start/Stop, progress and
    status above the page's plots (``body``, a layout) on the right."""
    column = QWidget()
    column.setLayout(side)
    cap_width(column, 380)  # long status text wraps instead of squeezing the plots
    side.setContentsMargins(0, 0, 0, 0)
    right = QVBoxLayout()
    right.addWidget(run)
    right.addLayout(body, 1)
    layout = QHBoxLayout(page)
    layout.addWidget(column)
    layout.addLayout(right, 1)
