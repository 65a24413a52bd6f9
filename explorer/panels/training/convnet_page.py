"""Train the book's SimpleConvNet or DeepConvNet on MNIST: live loss and accuracy, the first
layer's filters before and after training, the time per epoch, and the trained weights handed to
Draw & Classify (SimpleConvNet) or the Layer Explorer (DeepConvNet), or saved."""

import time

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from engine.parallel import usable_cores
from engine.pretrained import NETWORKS
from engine.util import smooth_curve
from engine.weights import WeightsFileError

from ...colors import OPTIMIZER_NAMES as NAMES
from ...colors import OPTIMIZER_ORDER
from ...dialogs import ask_path
from ...i18n import fill
from ...plotting import book_plot, long_curve, pg, set_long_data, set_title
from ...widgets.agreement_plot import EpochAgreementPlot
from ...widgets.combo import refill, select_data
from ...widgets.mosaic import MosaicView
from ...widgets.run_controls import RunControls, job_page_layout
from .common import CHANCE, STUCK_TEXT, ExperimentPage, accuracy_floor, duration, learning_rate_box, seed_box, whole_box
from .events import Epoch, Evaluating, EvaluatingAll, Final, Loading, Started, Steps

# Learning rates that train SimpleConvNet well in a few epochs (the book's chapter 7 uses Adam, 0.001).
CONVNET_LR = {"sgd": 0.1, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.01, "rmsprop": 0.001, "adam": 0.001}
TRAIN_SIZES = (1000, 5000, 10000, 60000)


class ConvNetPage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "train_convnet", "convnet_script", "train_convnet.py"
    use_requested = Signal(object)  # the trained network

    def __init__(self, parent=None, app_settings=None):
        super().__init__(parent)
        self.app_settings = app_settings  # explorer.settings.Settings: where file dialogs open (None: home)
        self.iterations = []  # loss of every update, in order
        self.epochs = []  # (epoch, train_acc, test_acc)
        self.test_images = 0
        self.epoch_seconds = None  # measured on this computer by the last run
        self.evaluation_seconds = 0.0  # of it, the accuracy on the training and test images
        self.final_train = None
        self._evaluation_started = None
        self.trained = None  # the last run's SimpleConvNet
        self.saved = False  # whether the user saved it to a file
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()
        select_data(self.optimizer, "adam")
        self.lr.setValue(CONVNET_LR["adam"])
        select_data(self.train_size, 10000)
        self._on_seed_changed(self.seed.value())

    def _build_ui(self):
        self.network = QComboBox()
        self.optimizer = QComboBox()
        self.lr = learning_rate_box()
        self.epochs_spin = whole_box(1, 50, 2)
        self.train_size = QComboBox()
        self.seed = seed_box()
        self.threads = QComboBox()
        form = QFormLayout()
        self.labels = [QLabel() for _ in range(7)]
        for label, field in zip(self.labels, (self.network, self.optimizer, self.lr, self.epochs_spin,
                                              self.train_size, self.seed, self.threads)):
            form.addRow(label, field)
        self.settings_box = QGroupBox()
        self.settings_box.setLayout(form)
        self.use_button = QPushButton()
        self.save_button = QPushButton()
        self.run = RunControls()

        self.loss_plot = book_plot()
        self.loss_raw = long_curve(self.loss_plot, (150, 150, 150, 110), width=1, method="peak")
        self.loss_smooth = long_curve(self.loss_plot, (49, 130, 206), width=2)
        self.acc_plot = book_plot(legend=(-10, -10))
        self.acc_plot.setYRange(0, 1)
        self.train_curve = self.acc_plot.plot([], [], pen=pg.mkPen((49, 130, 206), width=2), symbol="o",
                                              symbolSize=6, symbolBrush=(49, 130, 206), name="train")
        self.test_curve = self.acc_plot.plot([], [], pen=pg.mkPen((229, 62, 62), width=2, style=Qt.PenStyle.DashLine),
                                             symbol="s", symbolSize=6, symbolBrush=(229, 62, 62), name="test")
        self.before_view = MosaicView("CET-D1", symmetric=True)
        self.after_view = MosaicView("CET-D1", symmetric=True)
        for view in (self.before_view, self.after_view):
            view.setMinimumSize(150, 140)
        self.before_title, self.after_title = QLabel(), QLabel()
        self.depth_title = QLabel()
        self.depth_title.setWordWrap(True)
        self.depth_plot = EpochAgreementPlot()
        self.depth_plot.setMinimumSize(150, 140)

        left = QVBoxLayout()
        left.addWidget(self.settings_box)
        left.addWidget(self.use_button)
        left.addWidget(self.save_button)
        left.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.acc_plot, 0, 1)
        filters = QGridLayout()
        filters.addWidget(self.before_title, 0, 0)
        filters.addWidget(self.after_title, 0, 1)
        filters.addWidget(self.before_view, 1, 0)
        filters.addWidget(self.after_view, 1, 1)
        filters.addWidget(self.depth_title, 0, 2)
        filters.addWidget(self.depth_plot, 1, 2)
        grid.addLayout(filters, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        for plot in (self.loss_plot, self.acc_plot):
            plot.setMinimumHeight(180)  # the curves get most of the height, not the filter mosaics
        job_page_layout(self, left, self.run, grid)
        self._set_trained(None)

    def _connect(self):
        self.network.currentIndexChanged.connect(self._on_network_changed)
        self.optimizer.currentIndexChanged.connect(self._on_optimizer_changed)
        self.seed.valueChanged.connect(self._on_seed_changed)
        self.run.start_clicked.connect(self.start)
        self.use_button.clicked.connect(self._on_use_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)

    def retranslate(self):
        refill(self.network, [(self.tr("SimpleConvNet (chapter 7)"), "simple"),
                              (self.tr("DeepConvNet (chapter 8)"), "deep")])
        self.network.setToolTip(self.tr("DeepConvNet has six convolution layers: an epoch costs about ten times "
                                        "as much as SimpleConvNet's"))
        refill(self.optimizer, [(NAMES[k], k) for k in OPTIMIZER_ORDER])
        refill(self.train_size, [(fill(self.tr("%1 images"), f"{n:,}"), n) for n in TRAIN_SIZES])
        refill(self.threads, [(self.tr("Automatic"), "auto")] + [(str(k), k) for k in range(1, usable_cores() + 1)])
        self.threads.setToolTip(self.tr("Threads per training step. Automatic uses all cores while that is "
                                        "faster and one when the computer is busy (it measures as it trains)"))
        for label, text in zip(self.labels, (self.tr("Network"), self.tr("Optimizer"), self.tr("Learning rate"),
                                             self.tr("Epochs"), self.tr("Training images"), self.tr("Seed"),
                                             self.tr("Threads"))):
            label.setText(text)
        self._update_titles()
        self.train_size.setToolTip(self.tr("How many of the 60,000 training images one epoch visits; "
                                           "10,000 make an epoch of about 100 updates"))
        self.seed.setToolTip(self.tr("The same seed gives the same initial weights and batches"))
        self.run.start_button.setText(self.tr("Train", "the button that starts training (a verb)"))
        self.run.start_button.setToolTip(self.tr("Train a fresh network from its initial weights (Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current update; the weights so far are kept (Esc)"))
        self._update_use_button()
        self.save_button.setText(self.tr("Save weights…"))
        set_title(self.loss_plot, self.tr("Loss of every mini-batch"))
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        set_title(self.acc_plot, self.tr("Accuracy after every epoch"))
        self.acc_plot.setLabel("bottom", self.tr("epoch"))
        self.train_curve.opts["name"] = self.tr("train", "the training images (a curve's name)")
        self.test_curve.opts["name"] = self.tr("test", "the test images (a curve's name)")
        legend = self.acc_plot.plotItem.legend
        legend.clear()
        legend.addItem(self.train_curve, self.tr("train", "the training images (a curve's name)"))
        legend.addItem(self.test_curve, self.tr("test", "the test images (a curve's name)"))
        self.depth_title.setText(self.tr("How abstract each conv layer is, epoch by epoch"))
        self.depth_plot.setToolTip(self.tr("For every channel: how many of the 9 test images (of the first 1,000) "
                                           "that excite it most show the same digit, averaged over the layer. "
                                           "Darker: later epochs. Red dots: chance."))
        self.before_title.setText(self.tr("Filters before training"))
        self.after_title.setText(self.tr("Filters now"))
        if self.idle:  # nothing run yet: the invitation, in the current language
            self.run.set_status(self.tr("Press Train to start."))

    def _update_titles(self):
        deep = self.network.currentData() == "deep"
        self.settings_box.setTitle(self.tr("DeepConvNet (six 3×3 conv layers – 50 – 10)") if deep
                                   else self.tr("SimpleConvNet (conv 30×5×5 – ReLU – pool – 100 – 10)"))

    def _update_use_button(self):
        deep = self.trained is not None and type(self.trained).__name__ == "DeepConvNet"
        self.use_button.setText(self.tr("Open in the Layer Explorer") if deep else self.tr("Use in Draw && Classify"))
        self.use_button.setToolTip(self.tr("Look inside the trained network, layer by layer") if deep else
                                   self.tr("Make the trained network the one Draw & Classify and the gallery use"))

    def _on_network_changed(self, _i):
        self._update_titles()
        self._on_seed_changed(self.seed.value())

    def _on_seed_changed(self, seed):
        """The filters a run with this seed starts from (about 10 ms to make the network)."""
        if self.idle:
            net = NETWORKS[self.network.currentData() or "simple"](seed=seed)
            self.set_filters(self.before_view, self._first_filters(net))

    @staticmethod
    def _first_filters(net):
        return net.params["W1"][:, 0]

    def set_filters(self, view, filters):
        view.set_maps(filters, cols=6 if len(filters) % 6 == 0 else 4)

    def _on_optimizer_changed(self, _i):
        key = self.optimizer.currentData()
        if key:
            self.lr.setValue(CONVNET_LR[key])

    def settings(self):
        return {"optimizer": self.optimizer.currentData(), "lr": self.lr.value(), "epochs": self.epochs_spin.value(),
                "train_images": int(self.train_size.currentData()), "seed": self.seed.value(),
                "network": self.network.currentData(), "threads": self.threads.currentData()}

    def stopped_text(self):
        return self.tr("Stopped; the weights so far are kept.")

    # -- what the job reports ---------------------------------------------------------------------------------

    def on_started(self):
        self.idle = False
        self.iterations, self.epochs = [], []
        self.epoch_seconds = None
        self.evaluation_seconds, self._evaluation_started = 0.0, None
        self.final_train = None  # (accuracy, images) on the whole training set, after the last epoch
        self.run.set_running(True)
        self.loss_raw.setData([], [])
        self.loss_smooth.setData([], [])
        self.train_curve.setData([], [])
        self.test_curve.setData([], [])
        self.after_view.image.clear()
        self.depth_plot.clear_epochs()

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, Started):
            self.test_images = e.test_images
            self.set_filters(self.before_view, e.filters)
            self.set_filters(self.after_view, e.filters)
        elif isinstance(e, Steps):
            step = e.step
            self.iterations.extend(e.losses.tolist())
            self.run.set_fraction(step.iteration, step.iterations,
                                  fill(self.tr("epoch %1 · iteration %2 of %3 · loss %4"),
                                       str(step.epoch), f"{step.iteration:,}", f"{step.iterations:,}",
                                       f"{step.loss:.3f}"))
            self._draw_loss()
            if e.filters is not None:
                self.set_filters(self.after_view, e.filters)
        elif isinstance(e, EvaluatingAll):
            self.run.set_status(fill(self.tr("Measuring the accuracy on all %1 training images…"),
                                     f"{e.train_images:,}"))
        elif isinstance(e, Final):
            self.final_train = (e.train_acc, e.train_images)
        elif isinstance(e, Evaluating):
            self._evaluation_started = time.perf_counter()
            self.run.set_status(fill(self.tr("Measuring the accuracy after epoch %1…"), str(e.epoch)))
        elif isinstance(e, Epoch):
            self._on_epoch(e)

    def _on_epoch(self, e):
        end = e.end
        self.epochs.append((end.epoch, end.train_acc, end.test_acc))
        ep = np.array(self.epochs)
        self.train_curve.setData(ep[:, 0], ep[:, 1])
        self.test_curve.setData(ep[:, 0], ep[:, 2])
        self.acc_plot.setXRange(0.5, max(self.epochs_spin.value(), len(ep)) + 0.5)
        self.acc_plot.setYRange(accuracy_floor(float(np.nanmin(ep[:, 1:]))), 1.0)
        self.epoch_seconds = end.seconds / end.epoch
        if self._evaluation_started is not None:
            self.evaluation_seconds = time.perf_counter() - self._evaluation_started
        if e.agreement:
            self.depth_plot.add_epoch(e.agreement)
        self.run.set_status(fill(self.tr("Epoch %1: %2 % on the test images · %3 per epoch on this computer, "
                                         "%4 of it measuring accuracy"), end.epoch, f"{100 * end.test_acc:.2f}",
                                 duration(self.epoch_seconds), duration(self.evaluation_seconds)))
        self.set_filters(self.after_view, e.filters)

    def _draw_loss(self):
        y = np.asarray(self.iterations)
        x = np.arange(1, len(y) + 1)
        set_long_data(self.loss_raw, x, y)
        set_long_data(self.loss_smooth, x, smooth_curve(y))

    def on_finished(self, result, message):
        """The run ended (result is None if it failed before training anything)."""
        self.run.set_running(False)
        if result is not None:
            self._set_trained(result["net"])
        if self.epochs:
            _, train_acc, test_acc = self.epochs[-1]
            if self.final_train is not None:  # measured on every training image once, at the end
                train_acc = self.final_train[0]
            message += " " + (fill(self.tr("Accuracy: %1 % on the training images, %2 % on the %3 test images."),
                                   f"{100 * train_acc:.2f}", f"{100 * test_acc:.2f}", f"{self.test_images:,}"))
            if test_acc < CHANCE:
                message += " " + STUCK_TEXT()
            if self.epoch_seconds:
                message += " " + fill(self.tr("%1 per epoch, %2 of it measuring accuracy."),
                                      duration(self.epoch_seconds), duration(self.evaluation_seconds))
        self.run.set_status(message)

    def restore(self, net):
        """A network trained in an earlier session, kept because the window closed before it was saved."""
        self._set_trained(net)
        self.idle = False
        self.set_filters(self.after_view, self._first_filters(net))
        self.run.set_status(self.tr("Restored the network you trained last time (it was not saved): "
                                    "use it in Draw & Classify or save it."))

    def _set_trained(self, net):
        if net is not self.trained:
            self.saved = False
        self.trained = net
        self.use_button.setEnabled(net is not None)
        self.save_button.setEnabled(net is not None)
        self._update_use_button()

    # -- the trained weights ------------------------------------------------------------------------------------

    def _on_use_clicked(self):
        if self.trained is not None:
            self.use_requested.emit(self.trained)

    def _on_save_clicked(self):
        deep = type(self.trained).__name__ == "DeepConvNet"
        name = "deep_convnet_trained.npz" if deep else "simple_convnet_trained.npz"
        path = ask_path(self, self.app_settings, "weights", self.tr("Save weights"), self.tr("NumPy weights (*.npz)"),
                        save=True, name=name)
        if path:
            self.save(path)

    def save(self, path):
        try:
            self.trained.save_params(path)
        except (OSError, WeightsFileError) as e:
            QMessageBox.warning(self, self.tr("Could not save the weights"), str(e))
            return False
        self.saved = True
        self.run.set_status(fill(self.tr("Saved %1"), str(path)))
        return True
