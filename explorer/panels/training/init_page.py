"""Weight initialisation (chapter 6.2): the activations of five layers as histograms for std 1, std 0.01,
Xavier and He with sigmoid, tanh or ReLU (the book's weight_init_activation_histogram.py, recomputed at
once on every change), then the three initialisations training on MNIST side by side
(weight_init_compare.py)."""

import numpy as np
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from engine.experiments import activation_histograms
from engine.util import smooth_curve

from ...i18n import fill
from ...plotting import book_plot, long_curve, pg, set_long_data, set_title, themed
from ...widgets.combo import refill
from ...widgets.run_controls import RunControls, job_page_layout
from .common import ExperimentPage, seed_box, whole_box
from .events import Loading, RaceStarted, RaceSteps

LAYERS = 5
BINS = 30
BAR = "#4a7ab8"
CURVES = {"0.01": "#dd6b20", "xavier": "#2f855a", "he": "#2b6cb0"}  # the book's figure: orange, green, blue
INIT_NAMES = {"1": "std = 1", "0.01": "std = 0.01", "xavier": "Xavier", "he": "He"}


def histogram_range(activation, layers):
    """The x range of the histograms: the book's (0, 1) for sigmoid, (-1, 1) for tanh; for ReLU from 0 to
    the largest layer's 99th percentile (shared, so growing or shrinking shows from layer to layer)."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    top = max(float(np.percentile(a[a > 0], 99)) if (a > 0).any() else 0.0 for a in layers)
    return 0.0, top if top > 0 else 1.0


def verdict(activation, init):
    """Which of the lecture's cases this is: 'saturated', 'collapsed', 'exploding', 'shrinking' or 'suited'."""
    if init == "0.01":
        return "collapsed"
    if init == "1":
        return "exploding" if activation == "relu" else "saturated"
    if activation == "relu":
        return "suited" if init == "he" else "shrinking"
    return "suited"


class InitPage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "compare_inits", "init_script", "weight_init_compare.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layers = []  # the current activations, one (1000, 100) array per layer
        self.names = []
        self.losses = np.zeros((0, 0))
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.activation = QComboBox()
        self.init = QComboBox()
        self.seed = seed_box()
        self.labels = {key: QLabel() for key in ("activation", "init", "seed", "iterations")}
        form = QFormLayout()
        for key, box in (("activation", self.activation), ("init", self.init), ("seed", self.seed)):
            form.addRow(self.labels[key], box)
        self.hist_box = QGroupBox()
        self.hist_box.setLayout(form)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.iterations = whole_box(100, 20000, 2000, step=100)
        train_form = QFormLayout()
        train_form.addRow(self.labels["iterations"], self.iterations)
        self.train_box = QGroupBox()
        self.train_box.setLayout(train_form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.run = RunControls()

        self.hist_plots, self.bars, self.captions = [], [], []
        hists = QGridLayout()
        for k in range(LAYERS):
            plot = book_plot()
            plot.setMouseEnabled(False, False)
            plot.hideAxis("left")
            plot.setMinimumHeight(150)
            bars = pg.BarGraphItem(x0=[], x1=[], height=[], brush=BAR, pen=None)
            plot.addItem(bars)
            themed(plot)
            caption = QLabel()
            hists.addWidget(plot, 0, k)
            hists.addWidget(caption, 1, k)
            self.hist_plots.append(plot)
            self.bars.append(bars)
            self.captions.append(caption)
        self.loss_plot = book_plot(legend=(-10, 10))
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self.loss_plot.setYRange(0, 2.5, padding=0)
        self.loss_curves = {key: long_curve(self.loss_plot, color) for key, color in CURVES.items()}
        themed(self.loss_plot)

        left = QVBoxLayout()
        left.addWidget(self.hist_box)
        left.addWidget(self.verdict)
        left.addWidget(self.train_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QVBoxLayout()
        body.addLayout(hists, 2)
        body.addWidget(self.loss_plot, 3)
        job_page_layout(self, left, self.run, body)

    def _connect(self):
        self.activation.currentIndexChanged.connect(lambda _i: self.redraw())
        self.init.currentIndexChanged.connect(lambda _i: self.redraw())
        self.seed.valueChanged.connect(lambda _v: self.redraw())
        self.run.start_clicked.connect(self.start)

    def retranslate(self):
        self.hist_box.setTitle(self.tr("Five layers of 100 units, 1,000 random inputs"))
        refill(self.activation, [(self.tr("sigmoid"), "sigmoid"), ("tanh", "tanh"), ("ReLU", "relu")])  # names
        refill(self.init, [("std = 1", "1"), ("std = 0.01", "0.01"),
                           (self.tr("Xavier: std = 1/√n"), "xavier"), (self.tr("He: std = √(2/n)"), "he")])
        texts = {"activation": self.tr("Activation"), "init": self.tr("Initial weights"), "seed": self.tr("Seed"),
                 "iterations": self.tr("Iterations")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.init.setToolTip(self.tr("The standard deviation of the weights; n is the number of units in the "
                                     "layer below (100)"))
        self.train_box.setTitle(self.tr("On MNIST: std 0.01, Xavier and He, 784–100×4–10 ReLU, SGD 0.01"))
        self.iterations.setToolTip(self.tr("Mini-batches of 128 images, the same for the three networks; the "
                                           "book runs 2,000"))
        self.run.start_button.setText(self.tr("Train", "the button that starts training (a verb)"))
        self.run.start_button.setToolTip(self.tr("Train one network per initialisation on the same batches "
                                                 "(Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current iteration (Esc)"))
        set_title(self.loss_plot, self.tr("Loss on MNIST (smoothed as in the book)"))
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        self._show_legend()
        if self.idle:
            self.run.set_status(self.tr("Press Train to see which initial weights let the network learn."))
        self.redraw()

    def _show_legend(self):
        legend = self.loss_plot.plotItem.legend
        legend.clear()
        for key, curve in self.loss_curves.items():
            legend.addItem(curve, INIT_NAMES[key])

    # -- the histograms (instant: 5 products of 1,000 x 100 by 100 x 100) --------------------------------------

    def redraw(self):
        activation = self.activation.currentData() or "sigmoid"
        init = self.init.currentData() or "1"
        self.layers = activation_histograms(activation, init, seed=self.seed.value())
        lo, hi = histogram_range(activation, self.layers)
        for k, (a, bars, plot, caption) in enumerate(zip(self.layers, self.bars, self.hist_plots, self.captions)):
            values = a[a > 0] if activation == "relu" else a.ravel()  # ReLU's zeros (about half) are left out
            counts, edges = np.histogram(values, bins=BINS, range=(lo, hi))
            bars.setOpts(x0=edges[:-1], x1=edges[1:], height=counts)
            plot.setXRange(lo, hi, padding=0.02)
            plot.setYRange(0, max(int(counts.max()), 1), padding=0.05)
            set_title(plot, fill(self.tr("layer %1"), k + 1))
            caption.setText(f"σ = {a.std():.3g}")  # a symbol: the same in every language
        text = self._verdict_text(verdict(activation, init))
        if activation == "relu":
            text += " " + self.tr("(ReLU's zeros, about half of the values, are not drawn.)")
        self.verdict.setText(text)

    def _verdict_text(self, key):
        return {
            "saturated": self.tr("The activations pile up at the two ends, where the slope of the activation is "
                                 "almost 0: the gradient vanishes on its way back (vanishing gradients)."),
            "collapsed": self.tr("The activations are all nearly the same: every unit says the same thing, as if "
                                 "the layer had one unit (little expressive power); with tanh and ReLU they shrink "
                                 "towards 0 layer by layer."),
            "exploding": self.tr("The activations grow layer by layer (look at each layer's std): in a deeper "
                                 "network they would overflow."),
            "shrinking": self.tr("With ReLU, Xavier's weights are too small: the spread shrinks layer by layer "
                                 "(compare He)."),
            "suited": self.tr("The spread stays about the same in every layer: this initialisation suits the "
                              "activation (Xavier for sigmoid and tanh, He for ReLU)."),
        }[key]

    # -- the training race ---------------------------------------------------------------------------------------

    def settings(self):
        return {"iterations": self.iterations.value(), "seed": self.seed.value()}

    def stopped_text(self):
        return self.tr("Stopped; the curves so far stay.")

    def on_started(self):
        self.idle = False
        self.names, self.losses = [], np.zeros((0, 0))
        self.summary.clear()
        self.run.set_running(True)
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.loss_plot.setXRange(0, self.iterations.value() * 1.04, padding=0)

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, RaceStarted):
            self.names = list(e.names)
            self.losses = np.zeros((0, len(self.names)))
        elif isinstance(e, RaceSteps):
            self.losses = np.concatenate([self.losses, e.losses])
            step = e.step
            last = e.losses[-1]
            self.run.set_fraction(step.iteration, step.iterations,
                                  fill(self.tr("iteration %1 of %2"), f"{step.iteration:,}", f"{step.iterations:,}")
                                  + "  ·  " + ", ".join(f"{INIT_NAMES[k]} {v:.3f}" for k, v in zip(self.names, last)))
            x = np.arange(1, len(self.losses) + 1)
            for k, key in enumerate(self.names):
                set_long_data(self.loss_curves[key], x, smooth_curve(self.losses[:, k]))

    def final_losses(self):
        """{init: its mean loss over the last 100 iterations}, or {} before a run."""
        if not len(self.losses):
            return {}
        return {key: float(np.mean(self.losses[-100:, k])) for k, key in enumerate(self.names)}

    def on_finished(self, result, message):
        self.run.set_running(False)
        self.run.set_status(message)
        final = self.final_losses()
        if final:
            lines = [fill(self.tr("Mean loss of the last %1 iterations:"), min(100, len(self.losses)))]
            lines += [f"{INIT_NAMES[key]}: {value:.3f}" for key, value in sorted(final.items(), key=lambda kv: kv[1])]
            if final.get("0.01", 0) > 2.0:
                lines.append(self.tr("std 0.01 hardly learns: its tiny activations pass back tiny gradients."))
            self.summary.setText("\n".join(lines))
