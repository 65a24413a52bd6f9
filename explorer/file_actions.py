"""The File menu's work, for the main window: weights in and out, the MNIST folder and its download,
exporting the current view. Files are read off the GUI thread; every failure is said in a dialog or
the status bar, and nothing the user has is lost by a bad file."""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.mnist import load_idx_dataset

from .dialogs import ask_path
from .exporting import export_widget
from .i18n import fill
from .model import read_weights_job
from .workers import FunctionWorker

STATUS_MS = 8000  # how long a status-bar message stays


def dataset_sizes(folder):
    """(training images, test images) in an MNIST folder, after reading it whole (about a second: a
    worker's job); raises DatasetError with the reason when it is not a usable dataset."""
    (x, _), (xt, _) = load_idx_dataset(folder)
    return len(x), len(xt)


class FileActions(QObject):
    """Open/save weights, choose the data folder, download MNIST, export the view.

    ``window`` gives the dialogs' parent, its status bar, its settings, model and panels.
    ``weights_opened(ok)`` and ``data_folder_set(ok)`` say when a file read off the GUI thread is over.
    """

    weights_opened = Signal(bool)  # File › Open weights is over: loaded, or refused with a message
    data_folder_set = Signal(bool)  # File › Choose data folder is over: in use, or refused with a message

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.download = None  # the MnistDownload under way, if any
        self._weights_reader = None  # the worker reading a weights file, if any
        self._folder_reader = None  # the worker checking a data folder, if any

    def _status(self, text):
        self.window.statusBar().showMessage(text, STATUS_MS)

    # -- weights ------------------------------------------------------------------------------------

    def ask_open_weights(self):
        # The folder is remembered even for a bad file.
        path = ask_path(self.window, self.settings, "weights", self.tr("Open weights"),
                        self.tr("Weights (*.npz *.pkl);;All files (*)"))
        if path:
            self.open_weights(path)

    def open_weights(self, path):
        """Read weights off the GUI thread (a busy cursor meanwhile; a large file takes seconds); a bad
        file is refused with its reason and the current weights stay. ``weights_opened(ok)`` tells
        when it is over; a newer request wins over one still reading."""
        if self._weights_reader is not None:
            self._weights_reader.request_stop()
        worker = FunctionWorker(read_weights_job, str(path), parent=self)
        self._weights_reader = worker
        worker.succeeded.connect(lambda net, w=worker: self._on_weights_read(w, path, net))
        worker.errored.connect(lambda message, _tb, w=worker: self._on_weights_read(w, path, message))
        worker.finished.connect(worker.deleteLater)
        self.window.setCursor(Qt.CursorShape.BusyCursor)
        worker.start()

    def _on_weights_read(self, worker, path, net):
        if worker is not self._weights_reader:
            return
        self._weights_reader = None
        self.window.unsetCursor()
        if isinstance(net, str):
            QMessageBox.warning(self.window, self.tr("Cannot open weights"), net)
            self.weights_opened.emit(False)
            return
        self.window.model.use(net, Path(path).name)
        self.weights_opened.emit(True)

    def ask_save_weights(self):
        path = ask_path(self.window, self.settings, "weights", self.tr("Save weights"), self.tr("Weights (*.npz)"),
                        save=True)
        if not path:
            return
        if not path.endswith(".npz"):
            path += ".npz"
        try:
            self.window.model.save(path)
        except OSError as e:
            QMessageBox.warning(self.window, self.tr("Cannot save weights"), str(e))
            return
        self._status(fill(self.tr("Weights saved to %1"), path))

    # -- MNIST ----------------------------------------------------------------------------------------

    def ask_data_folder(self):
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder with the four MNIST IDX files"),
                                                  self.settings.get("data_dir", "", str))
        if folder:
            self.set_data_folder(folder)

    def set_data_folder(self, folder):
        """Check a dataset folder off the GUI thread (the whole dataset is read: ~1 s), then remember it
        and tell the panels; a folder that is not a usable dataset is refused with the reason.
        ``data_folder_set(ok)`` says when it is over; a newer choice wins over one being checked."""
        if self._folder_reader is not None:
            self._folder_reader.request_stop()
        worker = FunctionWorker(dataset_sizes, str(folder), parent=self)
        self._folder_reader = worker
        worker.succeeded.connect(lambda sizes, w=worker: self._on_folder_checked(w, folder, sizes))
        worker.errored.connect(lambda message, _tb, w=worker: self._on_folder_checked(w, folder, message))
        worker.finished.connect(worker.deleteLater)
        self.window.setCursor(Qt.CursorShape.BusyCursor)
        worker.start()

    def _on_folder_checked(self, worker, folder, sizes):
        if worker is not self._folder_reader:
            return
        self._folder_reader = None
        self.window.unsetCursor()
        if isinstance(sizes, str):
            QMessageBox.warning(self.window, self.tr("Not a usable dataset folder"), sizes)
            self.data_folder_set.emit(False)
            return
        self.settings.set("data_dir", str(folder))
        self._tell_panels()
        self._status(fill(self.tr("Using %1: %2 training and %3 test images"), str(folder), f"{sizes[0]:,}",
                          f"{sizes[1]:,}"))
        self.data_folder_set.emit(True)

    def _tell_panels(self):
        for panel in self.window.panels.values():
            panel.data_folder_changed()

    def start_download(self):
        from .data import MnistDownload  # pooch and requests: loaded when a download starts

        self.download = MnistDownload(self.window)
        self.download.finished.connect(self._on_download_finished)
        self.download.start()

    def _on_download_finished(self, folder):
        if folder is not None:
            self._tell_panels()
            self._status(fill(self.tr("MNIST is ready in %1"), str(folder)))

    # -- export ---------------------------------------------------------------------------------------

    def ask_export(self):
        path = ask_path(self.window, self.settings, "export", self.tr("Export view"),
                        self.tr("PNG image (*.png);;SVG drawing (*.svg)"), save=True)
        if path:
            self.export_view(path)

    def export_view(self, path):
        """Render the current panel to PNG (pixels) or SVG (vector); True if the file was written."""
        widget = self.window.current_panel().export_widget()
        path = str(path)
        if not path.lower().endswith((".svg", ".png")):
            path += ".png"
        ok = export_widget(widget, path)
        message = self.tr("Exported to %1") if ok else self.tr("Could not write %1")
        self._status(fill(message, path))
        return ok

    # -- closing --------------------------------------------------------------------------------------

    def shutdown(self):
        """Window close: cancel a download (its half file is removed by the engine) and let a bounded
        read end (the loaders cap what they read)."""
        if self.download is not None:
            self.download.stop()
        for name in ("_weights_reader", "_folder_reader"):
            reader = getattr(self, name)
            setattr(self, name, None)
            if reader is not None:
                try:
                    reader.request_stop()
                    reader.wait()
                except RuntimeError:  # already ended and deleted
                    pass
