"""MNIST for the panels: where it is, and downloading it with a progress dialog."""

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from engine import mnist

from .i18n import fill


def data_folder(settings):
    """The folder holding MNIST (settings' data folder, $DLFS_DATA, cache), or None."""
    try:
        return mnist.find_data_dir(settings.get("data_dir", "", str) or None)
    except mnist.DatasetError:
        return mnist.find_data_dir(None)


def _download_job(report, should_stop):
    return mnist.download_mnist(progress=lambda name, done, total: report((name, done, total)),
                                should_stop=should_stop)


class _DownloadThread(QObject):
    """The download in a daemon Python thread: a server that stops sending can hold it for as long as
    its socket timeout, but never the app — Cancel answers at once, and closing the window never
    waits for it or destroys a running QThread (which aborts the process)."""

    progress = Signal(object)
    succeeded = Signal(object)
    errored = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="mnist-download", daemon=True)

    def _run(self):
        try:
            folder = _download_job(self.progress.emit, self._stop.is_set)
        except mnist.DownloadCancelled:
            return
        except Exception as e:  # shown to the user
            if not self._stop.is_set():
                self.errored.emit(str(e) or type(e).__name__)
            return
        if not self._stop.is_set():
            self.succeeded.emit(folder)

    def start(self):
        self.thread.start()

    def request_stop(self):
        self._stop.set()


class MnistDownload(QObject):
    """Download MNIST into the cache with a cancellable progress dialog; emits ``finished(folder)``."""

    finished = Signal(object)  # the folder, or None if cancelled or failed

    def __init__(self, parent_widget):
        super().__init__(parent_widget)
        self.parent_widget = parent_widget
        self.worker = _DownloadThread(self)
        self.done = False
        self.dialog = QProgressDialog(self.tr("Downloading MNIST…"), self.tr("Cancel"), 0, 1000, parent_widget)
        self.dialog.setWindowTitle("MNIST")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        # One bar per file, four files: a finished file must not reset and close the dialog (Qt's default).
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.stop)
        self.worker.progress.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_succeeded)
        self.worker.errored.connect(self._on_errored)

    def start(self):
        self.dialog.show()
        self.worker.start()

    def _on_progress(self, info):
        name, done, total = info
        self.dialog.setLabelText(fill(self.tr("Downloading %1…"), name))
        if total:
            self.dialog.setValue(int(1000 * done / total))

    def _on_succeeded(self, folder):
        self._finish(folder)

    def _on_errored(self, message):
        QMessageBox.warning(self.parent_widget, self.tr("MNIST could not be downloaded"), message)
        self._finish(None)

    def _finish(self, folder):
        if self.done:
            return
        self.done = True
        self.dialog.reset()
        self.dialog.hide()
        self.finished.emit(folder)

    def stop(self):
        """Cancel now: the dialog closes at once; the thread drops what it was fetching when its next
        bytes arrive or its connection times out (pooch then removes the partial file)."""
        self.worker.request_stop()
        self._finish(None)
        return True
