"""Training Studio: train the book's SimpleConvNet or DeepConvNet on MNIST and race the optimizers, live."""

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.pretrained import network_from_file
from engine.weights import WeightsFileError, atomic_write_bytes

from ...data import MnistDownload, data_folder
from ...dialogs import ask_path
from ...i18n import fill
from ...workers import GeneratorWorker, release, stop_all
from ..base import Panel
from .batchnorm_page import BatchNormPage
from .convnet_page import ConvNetPage
from .init_page import InitPage
from .landscape_page import LandscapePage
from .overfit_page import OverfitPage
from .race_page import RacePage
from .search_page import SearchPage


class TrainingPanel(Panel):
    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        self.data = None  # MNIST as uint8 images, loaded by the first run and kept for the next
        self.worker = None
        self.running_page = None
        self._download = None
        self._build_ui()
        self._connect()
        self.retranslate()
        self._restore_autosave()

    @property
    def autosave_path(self):
        """Where an unsaved trained network waits when the window closes (beside the settings)."""
        return Path(self.context.settings.path).parent / "training-autosave.npz"

    def _build_ui(self):
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.download_button = QPushButton()
        self.notice_bar = QWidget()
        bar = QHBoxLayout(self.notice_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.notice, 1)
        bar.addWidget(self.download_button)
        self.convnet_page = ConvNetPage(app_settings=self.context.settings)
        self.race_page = RacePage()
        self.init_page = InitPage()
        self.batchnorm_page = BatchNormPage()
        self.overfit_page = OverfitPage()
        self.search_page = SearchPage()
        self.landscape_page = LandscapePage()
        self.pages = (self.convnet_page, self.race_page, self.init_page, self.batchnorm_page, self.overfit_page,
                      self.search_page, self.landscape_page)
        self.tabs = QTabWidget()
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.tabs.setUsesScrollButtons(True)  # seven tabs and the script button in a 1024-pixel window
        self.script_button = QPushButton()
        self.tabs.setCornerWidget(self.script_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.tabs, 1)
        self.start_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Return", "Ctrl+Enter")]
        self.stop_shortcut = QShortcut(QKeySequence("Esc"), self)

    def _connect(self):
        for page in self.pages:
            page.run_requested.connect(lambda job, settings, page=page: self.run_job(page, job, settings))
            page.run.stop_clicked.connect(self.stop)
        self.convnet_page.use_requested.connect(self._on_use_requested)
        self.download_button.clicked.connect(self._on_download_clicked)
        self.script_button.clicked.connect(self._on_script_clicked)
        for shortcut in self.start_shortcuts:
            shortcut.activated.connect(lambda: self.tabs.currentWidget().start())
        self.stop_shortcut.activated.connect(self.stop)

    def retranslate(self):
        self.tabs.setTabText(0, self.tr("Train a CNN"))
        self.tabs.setTabText(1, self.tr("Optimizer race"))
        self.tabs.setTabToolTip(0, self.tr("The book's chapter 7 or chapter 8 network trained on MNIST, "
                                           "its filters before and after"))
        self.tabs.setTabToolTip(1, self.tr("The book's chapter 6 comparison: one network per optimizer, same batches"))
        self.tabs.setTabText(2, self.tr("Weight init"))
        self.tabs.setTabToolTip(2, self.tr("Chapter 6.2: how the initial weights shape every layer's activations, "
                                           "and which ones let a network learn"))
        self.tabs.setTabText(3, self.tr("Batch norm"))
        self.tabs.setTabToolTip(3, self.tr("Chapter 6.3: the same network with and without batch normalisation, "
                                           "from 16 initial weight scales"))
        self.tabs.setTabText(5, self.tr("Hyperparameters"))
        self.tabs.setTabToolTip(5, self.tr("Chapter 6.5: a random search for the learning rate and weight decay, "
                                           "scored on validation images"))
        self.tabs.setTabText(6, self.tr("Loss landscape"))
        self.tabs.setTabToolTip(6, self.tr("SimpleConvNet's loss on a 2-D slice of its 433,890 dimensions, with "
                                           "the paths of SGD, Momentum, AdaGrad and Adam on it"))
        self.tabs.setTabText(4, self.tr("Overfitting"))
        self.tabs.setTabToolTip(4, self.tr("Chapter 6.4: a deep network learns 300 images by heart; weight decay "
                                           "and dropout close the gap to the test images"))
        self.download_button.setText(self.tr("Download MNIST"))
        self.script_button.setText(self.tr("Export as script…"))
        self.script_button.setToolTip(self.tr("This tab's experiment with its current settings as a short Python "
                                              "script on the book's code, to run outside the app"))
        for page in self.pages:
            page.retranslate()
        self._update_notice()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self._update_notice()

    def _update_notice(self):
        missing = self.data is None and data_folder(self.context.settings) is None
        self.notice.setText(self.tr("Training needs MNIST (about 11 MB), which is not on this computer yet: "
                                    "download it, or choose a folder that holds it with File › Choose MNIST "
                                    "folder…"))
        self.notice_bar.setVisible(missing)

    # -- running a job --------------------------------------------------------------------------------------

    def is_running(self):
        return self.worker is not None and self.worker.isRunning()

    def run_job(self, page, job, settings):
        if self.is_running():
            return False
        folder = data_folder(self.context.settings)
        if self.data is None and folder is None:
            self._update_notice()
            page.run.set_status(self.tr("MNIST is not on this computer yet: download it first."))
            return False
        self.running_page = page
        page.on_started()
        for p in self.pages:
            p.run.start_button.setEnabled(False)
        self.worker = GeneratorWorker(job, data=self.data, folder=folder, **settings, parent=self)
        self.worker.progress.connect(page.on_progress)
        self.worker.succeeded.connect(self._on_job_succeeded)
        self.worker.errored.connect(self._on_job_errored)
        self.worker.cancelled.connect(lambda: self._end(None, self.tr("Stopped.")))
        self.worker.start()
        return True

    def stop(self):
        if self.is_running():
            self.worker.request_stop()

    def _on_job_succeeded(self, result):
        self.data = result["data"]
        stopped = self.worker is not None and self.worker.should_stop()
        kept = self.running_page.stopped_text()
        done = kept if stopped or not result.get("finished", True) else self.tr("Done.")
        self._end(result, done)

    def _on_job_errored(self, message, _details):
        self._end(None, fill(self.tr("Training stopped: %1"), message))

    def _end(self, result, message):
        page, self.running_page = self.running_page, None
        worker, self.worker = self.worker, None
        if worker is not None:  # done: it lets go of its result (the data, a network) and of itself
            worker.result = None
            release(worker)
        if page is not None:
            page.on_finished(result, message)
        for p in self.pages:
            p.run.start_button.setEnabled(True)
        self._update_notice()

    def _on_use_requested(self, net):
        if type(net).__name__ == "DeepConvNet":
            self.context.model.explore(net, self.tr("trained in the Training Studio"))
            return
        self.context.model.use(net, self.tr("trained in the Training Studio"))
        self.status_message.emit(self.tr("Draw & Classify now uses the network trained here."))

    def _on_script_clicked(self):
        page = self.tabs.currentWidget()
        path = ask_path(self, self.context.settings, "script", self.tr("Export as script"),
                        self.tr("Python script (*.py)"), save=True, name=page.SCRIPT_NAME)
        if path:
            self.export_script(page, path)

    def export_script(self, page, path):
        """Write ``page``'s experiment as a Python script to ``path``; True if written (else the reason is said)."""
        path = str(path) if str(path).endswith(".py") else f"{path}.py"
        text = page.script().replace("@SCRIPT@", Path(path).name)
        try:
            atomic_write_bytes(path, text.encode("utf-8"))
        except OSError as e:
            QMessageBox.warning(self, self.tr("Cannot write the script"), f"{path}: {e.strerror or e}")
            return False
        self.status_message.emit(fill(self.tr("Script written to %1"), path))
        return True

    def data_folder_changed(self):
        self._update_notice()

    def _on_download_clicked(self):
        self._download = MnistDownload(self)
        self._download.finished.connect(lambda _folder: self._update_notice())
        self._download.start()

    def shutdown(self):
        """Stop any run; a trained network nobody saved is kept for the next start (nothing lost)."""
        stop_all(self)  # the run, and a finished one released but still ending
        if self._download is not None:
            self._download.stop()
        page = self.convnet_page
        if self.running_page is page and self.worker is not None and self.worker.result:
            page._set_trained(self.worker.result["net"])  # the run's end never reached the page
        if page.trained is not None and not page.saved:
            try:
                page.trained.save_params(self.autosave_path)
            except OSError as e:  # a read-only config folder, a full disk: say so, offer another place
                self._keep_elsewhere(page.trained, e)
        elif page.saved:
            self.autosave_path.unlink(missing_ok=True)

    def _keep_elsewhere(self, net, error):
        """The unsaved trained network cannot wait beside the settings: ask where to save it instead."""
        answer = QMessageBox.question(
            self, self.tr("Keep the trained network?"),
            fill(self.tr("The network you trained and did not save cannot be kept in %1 (%2). Save it "
                         "somewhere else?"), self.autosave_path.parent, error.strerror or error))
        while answer == QMessageBox.StandardButton.Yes:
            path = ask_path(self, self.context.settings, "weights", self.tr("Save weights"),
                            self.tr("NumPy weights (*.npz)"), save=True, name="trained.npz")
            if not path:
                return
            try:
                net.save_params(path)
                return
            except OSError as e:
                answer = QMessageBox.question(
                    self, self.tr("Keep the trained network?"),
                    fill(self.tr("%1 cannot be written (%2). Choose another place?"), path, e.strerror or e))

    def _restore_autosave(self):
        if not self.autosave_path.exists():
            return
        try:
            net = network_from_file(self.autosave_path)
        except (WeightsFileError, OSError) as e:
            self.convnet_page.run.set_status(fill(self.tr("The network kept from last time could not be read: %1"),
                                                  str(e)))
            self.autosave_path.unlink(missing_ok=True)
            return
        self.convnet_page.restore(net)

    def export_widget(self):
        return self.tabs.currentWidget()
