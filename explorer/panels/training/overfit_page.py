"""Overfitting and its cures (chapter 6.4; the book's overfit_weight_decay.py and overfit_dropout.py): a
deep network learns 300 images by heart while the test accuracy stays behind; weight decay λ and dropout
close the gap. Each run is drawn over the previous one, so the change shows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from engine.events import OverfitEpoch

from ...i18n import fill
from ...plotting import book_plot, pg, set_title, themed
from ...widgets.combo import refill
from ...widgets.run_controls import RunControls, job_page_layout
from .common import ExperimentPage, seed_box, whole_box
from .events import Loading

TRAIN, TEST = "#2b6cb0", "#dd6b20"  # the book's figure: train blue, test orange
EARLIER = "#a0aec0"  # the previous run, faded
# The book's three runs: overfitting, then weight decay λ = 0.1, then dropout 0.2 (for 301 epochs).
BOOK_RUNS = {"plain": (0.0, 0.0, 200), "decay": (0.1, 0.0, 200), "dropout": (0.0, 0.2, 300)}


class OverfitPage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "overfit", "overfit_script", "overfit_weight_decay.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.history = ([], [], [])  # epochs, train accuracy, test accuracy of the current run
        self.previous = None  # (settings, history) of the run before it
        self.current = None  # the settings of the current run
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.book_runs = QComboBox()
        self.train_size = whole_box(100, 60000, 300, step=100)
        self.decay = QDoubleSpinBox()
        self.decay.setRange(0.0, 1.0)
        self.decay.setDecimals(3)
        self.decay.setSingleStep(0.01)
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.9)
        self.dropout.setDecimals(2)
        self.dropout.setSingleStep(0.05)
        self.epochs = whole_box(1, 1000, 200)
        self.test_images = whole_box(500, 10000, 2000, step=500)
        self.seed = seed_box()
        self.labels = {key: QLabel() for key in ("book", "train", "decay", "dropout", "epochs", "test", "seed")}
        form = QFormLayout()
        for key, box in (("book", self.book_runs), ("train", self.train_size), ("decay", self.decay),
                         ("dropout", self.dropout), ("epochs", self.epochs), ("test", self.test_images),
                         ("seed", self.seed)):
            form.addRow(self.labels[key], box)
        self.settings_box = QGroupBox()
        self.settings_box.setLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.run = RunControls()
        self.plot = book_plot(legend=(-10, -10))
        self.plot.setYRange(0, 1)
        self.earlier_curves = [self.plot.plot([], [], pen=pg.mkPen(EARLIER, width=1.5, style=style))
                               for style in (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine)]
        self.train_curve = self.plot.plot([], [], pen=pg.mkPen(TRAIN, width=2))
        self.test_curve = self.plot.plot([], [], pen=pg.mkPen(TEST, width=2, style=Qt.PenStyle.DashLine))
        themed(self.plot)
        left = QVBoxLayout()
        left.addWidget(self.settings_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QVBoxLayout()
        body.addWidget(self.plot, 1)
        job_page_layout(self, left, self.run, body)

    def _connect(self):
        self.run.start_clicked.connect(self.start)
        self.book_runs.activated.connect(self._on_book_run_chosen)

    def retranslate(self):
        self.settings_box.setTitle(self.tr("Network 784–100×6–10 (ReLU, He), SGD 0.01, batch 100"))
        refill(self.book_runs, [(self.tr("Choose one of the book's runs…"), ""),
                                (self.tr("Overfitting: no regularisation"), "plain"),
                                (self.tr("Weight decay λ = 0.1"), "decay"),
                                (self.tr("Dropout 0.2, 300 epochs"), "dropout")])
        texts = {"book": self.tr("The book"), "train": self.tr("Training images"), "decay": self.tr("Weight decay λ"),
                 "dropout": self.tr("Dropout ratio"), "epochs": self.tr("Epochs"), "test": self.tr("Test images"),
                 "seed": self.tr("Seed")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.train_size.setToolTip(self.tr("The first images of the training set; the book takes 300 so that the "
                                           "network can learn them by heart"))
        self.decay.setToolTip(self.tr("λ: the loss gets λ/2·ΣW² added, so large weights cost (0: none)"))
        self.dropout.setToolTip(self.tr("The share of hidden units switched off at random in every training "
                                        "step (0: no dropout)"))
        self.test_images.setToolTip(self.tr("The accuracy curve's test images (the first ones of the test set); "
                                            "the book measures all 10,000, which takes longer"))
        self.seed.setToolTip(self.tr("The same seed gives the same initial weights and batches"))
        self.run.start_button.setText(self.tr("Train", "the button that starts training (a verb)"))
        self.run.start_button.setToolTip(self.tr("Train the network on the few images and watch both accuracies "
                                                 "(Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current epoch (Esc)"))
        set_title(self.plot, self.tr("Accuracy: training images (solid) and test images (dashed)"))
        self.plot.setLabel("bottom", self.tr("epoch"))
        self._show_legend()
        if self.idle:
            self.run.set_status(self.tr("Press Train: the training accuracy climbs to 100 % while the test "
                                        "accuracy stays behind — overfitting."))

    def _show_legend(self):
        legend = self.plot.plotItem.legend
        legend.clear()
        legend.addItem(self.train_curve, self.tr("train", "the training images (a curve's name)"))
        legend.addItem(self.test_curve, self.tr("test", "the test images (a curve's name)"))
        if self.previous is not None:
            legend.addItem(self.earlier_curves[0], self.tr("previous run"))

    def _on_book_run_chosen(self, _index):
        key = self.book_runs.currentData()
        if key:
            decay, dropout, epochs = BOOK_RUNS[key]
            self.train_size.setValue(300)
            self.decay.setValue(decay)
            self.dropout.setValue(dropout)
            self.epochs.setValue(epochs)

    def settings(self):
        return {"train_size": self.train_size.value(), "weight_decay": self.decay.value(),
                "dropout": self.dropout.value(), "epochs": self.epochs.value(),
                "test_images": self.test_images.value(), "seed": self.seed.value()}

    def stopped_text(self):
        return self.tr("Stopped; the curves so far stay.")

    # -- what the job reports -------------------------------------------------------------------------------

    def on_started(self):
        if self.current is not None and self.history[0]:
            self.previous = (self.current, tuple(list(h) for h in self.history))
        self.current = self.settings()
        self.history = ([], [], [])
        self.idle = False
        self.run.set_running(True)
        for curve in (self.train_curve, self.test_curve):
            curve.setData([], [])
        if self.previous is not None:
            epochs, train, test = self.previous[1]
            self.earlier_curves[0].setData(epochs, train)
            self.earlier_curves[1].setData(epochs, test)
        self.plot.setXRange(0, max(self.current["epochs"], max(self.previous[1][0], default=0)
                                   if self.previous else 0) * 1.02, padding=0)
        self._show_legend()

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, OverfitEpoch):
            epochs, train, test = self.history
            epochs.append(e.epoch)
            train.append(e.train_acc)
            test.append(e.test_acc)
            self.train_curve.setData(epochs, train)
            self.test_curve.setData(epochs, test)
            self.run.set_fraction(e.epoch, e.epochs,
                                  fill(self.tr("epoch %1 of %2 · train %3 % · test %4 %"), e.epoch, e.epochs,
                                       f"{100 * e.train_acc:.1f}", f"{100 * e.test_acc:.1f}"))

    def gap(self, history=None):
        """The last epoch's training accuracy minus its test accuracy, or None before any epoch."""
        _, train, test = history if history is not None else self.history
        return (train[-1] - test[-1]) if train else None

    def on_finished(self, result, message):
        self.run.set_running(False)
        self.run.set_status(message)
        gap = self.gap()
        if gap is None:
            return
        _, train, test = self.history
        lines = [fill(self.tr("Training images: <b>%1 %</b>, test images: <b>%2 %</b> — a gap of <b>%3</b> "
                              "points."), f"{100 * train[-1]:.1f}", f"{100 * test[-1]:.1f}", f"{100 * gap:.1f}")]
        if self.previous is not None:
            before = self.gap(self.previous[1])
            s = self.previous[0]
            lines.append(fill(self.tr("The previous run (λ = %1, dropout %2): a gap of %3 points."),
                              f"{s['weight_decay']:g}", f"{s['dropout']:g}", f"{100 * before:.1f}"))
        self.summary.setText("<br>".join(lines))
