"""The book's optimizer comparison on MNIST (chapter 6, optimizer_compare_mnist.py): SGD,
Momentum, AdaGrad, Adam (and Nesterov, RMSprop) each train a 5-layer network on the same batches."""

import numpy as np
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from engine.events import Diverged, RaceEval
from engine.util import smooth_curve

from ...colors import OPTIMIZER_COLORS, OPTIMIZER_ORDER, paint_optimizer_labels
from ...colors import OPTIMIZER_NAMES as NAMES
from ...i18n import fill
from ...plotting import book_plot, long_curve, optimizer_rgb, pg, set_long_data, set_title, themed
from ...widgets.run_controls import RunControls, job_page_layout
from .common import CHANCE, STUCK_TEXT, ExperimentPage, accuracy_floor, learning_rate_box, seed_box, whole_box
from .events import Loading, RaceStarted, RaceSteps

# The book's choices: SGD, Momentum and AdaGrad at 0.01, Adam at 0.001 (their default learning rates).
RACE_LR = {"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01, "rmsprop": 0.01, "adam": 0.001}
BOOK_FOUR = ("sgd", "momentum", "adagrad", "adam")


class RacePage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "race_optimizers", "race_script", "optimizer_compare_mnist.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names = []  # optimizers of the current run, in race order
        self.losses = np.zeros((0, 0))  # (iterations so far, K)
        self.evals = []  # (iteration, test_acc (K,))
        self.diverged = {}
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.checks, self.rates = {}, {}
        grid = QGridLayout()
        for row, key in enumerate(OPTIMIZER_ORDER):
            check = QCheckBox(NAMES[key])
            check.setChecked(key in BOOK_FOUR)
            rate = learning_rate_box(RACE_LR[key])
            grid.addWidget(check, row, 0)
            grid.addWidget(rate, row, 1)
            self.checks[key], self.rates[key] = check, rate
        paint_optimizer_labels(self.checks, self.palette())
        self.iterations = whole_box(100, 20000, 2000, step=100)
        self.seed = seed_box()
        self.iter_label, self.seed_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.iter_label, self.iterations)
        form.addRow(self.seed_label, self.seed)
        box = QVBoxLayout()
        box.addLayout(grid)
        box.addLayout(form)
        self.settings_box = QGroupBox()
        self.settings_box.setLayout(box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.run = RunControls()

        self.loss_plot = book_plot(legend=(-10, 10))
        # Fixed like the book's figure (which stops at 1): a spike of one optimizer at the start
        # would otherwise squash everyone's curve to the floor. Drag or wheel to see more.
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self.loss_plot.setYRange(0, 2.5, padding=0)
        self.acc_plot = book_plot()
        self.acc_plot.setYRange(0, 1)
        self.loss_curves, self.acc_curves = {}, {}
        for key in OPTIMIZER_ORDER:
            color = OPTIMIZER_COLORS[key]
            self.loss_curves[key] = long_curve(self.loss_plot, color)
            self.acc_curves[key] = self.acc_plot.plot([], [], pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                                      symbolBrush=color, symbolPen=None)
        themed(self.loss_plot, self._recolor)
        themed(self.acc_plot)

        left = QVBoxLayout()
        left.addWidget(self.settings_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        plots = QHBoxLayout()
        plots.addWidget(self.loss_plot, 3)
        plots.addWidget(self.acc_plot, 2)  # never narrower than its title (set_title)
        job_page_layout(self, left, self.run, plots)

    def changeEvent(self, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:  # light/dark theme switched
            paint_optimizer_labels(self.checks, self.palette())
        super().changeEvent(event)

    def _connect(self):
        self.run.start_clicked.connect(self.start)

    def _recolor(self):
        """Optimizer colours for the current background (Adam's near-black is light on a dark one)."""
        for key in OPTIMIZER_ORDER:
            color = optimizer_rgb(key)
            self.loss_curves[key].setPen(pg.mkPen(color, width=1.5))
            self.acc_curves[key].setPen(pg.mkPen(color, width=2))
            self.acc_curves[key].setSymbolBrush(color)

    def retranslate(self):
        self.settings_box.setTitle(self.tr("5-layer network 784–100–100–100–100–10, batch 128"))
        self.iter_label.setText(self.tr("Iterations"))
        self.seed_label.setText(self.tr("Seed"))
        self.iterations.setToolTip(self.tr("Mini-batches of 128 images; the book runs 2,000"))
        self.seed.setToolTip(self.tr("The same seed gives the same initial weights and batches"))
        for key, rate in self.rates.items():
            rate.setToolTip(fill(self.tr("Learning rate of %1"), NAMES[key]))
        self.run.start_button.setText(self.tr("Race"))
        self.run.start_button.setToolTip(self.tr("Train one network per ticked optimizer on the same batches "
                                                 "(Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current iteration (Esc)"))
        set_title(self.loss_plot, self.tr("Loss (smoothed as in the book)"))
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        set_title(self.acc_plot, self.tr("Accuracy on 1,000 test images"))
        self.acc_plot.setLabel("bottom", self.tr("iteration"))
        if self.idle:  # nothing run yet: the invitation, in the current language
            self.run.set_status(self.tr("Press Race to start."))

    def settings(self):
        rates = {key: self.rates[key].value() for key in OPTIMIZER_ORDER if self.checks[key].isChecked()}
        return {"learning_rates": rates, "iterations": self.iterations.value(), "seed": self.seed.value()}

    def start(self):
        settings = self.settings()
        if not settings["learning_rates"]:
            self.run.set_status(self.tr("Tick at least one optimizer."))
            return
        super().start()

    def stopped_text(self):
        return self.tr("Stopped; the curves so far stay.")  # a race has no weights to hand on

    # -- what the job reports ---------------------------------------------------------------------------------

    def on_started(self):
        self.idle = False
        self.names, self.losses, self.evals = [], np.zeros((0, 0)), []
        self.diverged = {}  # optimizer -> iteration where its loss became infinite or NaN
        self.run.set_running(True)
        self.summary.clear()
        for curve in (*self.loss_curves.values(), *self.acc_curves.values()):
            curve.setData([], [])
        # A new run gets fresh axes, wide enough that the last evaluation (at the last iteration) shows whole.
        n = self.iterations.value()
        for plot in (self.loss_plot, self.acc_plot):
            plot.setXRange(0, n * 1.04, padding=0)
        self.acc_plot.setYRange(0, 1)

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, RaceStarted):
            self.names = list(e.names)
            self.losses = np.zeros((0, len(self.names)))
            self._show_legend()
        elif isinstance(e, RaceSteps):
            step = e.step
            self.losses = np.concatenate([self.losses, e.losses])
            last = e.losses[-1]
            self.run.set_fraction(step.iteration, step.iterations,
                                  fill(self.tr("iteration %1 of %2"),
                                       f"{step.iteration:,}", f"{step.iterations:,}") + "  ·  "
                                  + ", ".join(f"{NAMES[k]} {v:.3f}" if np.isfinite(v) else f"{NAMES[k]} –"
                                              for k, v in zip(self.names, last)))
            for k, key in enumerate(self.names):
                n = self.diverged.get(key, len(self.losses) + 1) - 1  # a curve ends where its loss blew up
                set_long_data(self.loss_curves[key], np.arange(1, n + 1), smooth_curve(self.losses[:n, k]))
        elif isinstance(e, Diverged):
            self.diverged[e.name] = e.iteration
        elif isinstance(e, RaceEval):
            self.evals.append((e.iteration, np.asarray(e.test_acc)))
            its = np.array([it for it, _ in self.evals])
            accs = np.array([acc for _, acc in self.evals])
            for k, key in enumerate(self.names):
                ok = np.isfinite(accs[:, k])
                self.acc_curves[key].setData(its[ok], accs[ok, k])
            if np.isfinite(accs).any():
                self.acc_plot.setYRange(accuracy_floor(float(np.nanmin(accs))), 1.0)

    def _show_legend(self):
        legend = self.loss_plot.plotItem.legend
        legend.clear()
        for key in self.names:
            legend.addItem(self.loss_curves[key], NAMES[key])

    def on_finished(self, result, message):
        self.run.set_running(False)
        if self.evals:
            it, acc = self.evals[-1]
            order = [k for k in np.argsort(-acc) if np.isfinite(acc[k])]
            lines = [fill(self.tr("After %1 iterations, on 1,000 test images:"), f"{it:,}")]
            lines += [f"{i + 1}. {NAMES[self.names[k]]}: {100 * acc[k]:.1f} %" for i, k in enumerate(order)]
            lines += [fill(self.tr("%1 diverged at iteration %2: lower its learning rate."),
                           NAMES[key], f"{at:,}") for key, at in self.diverged.items()]
            stuck = [NAMES[key] for k, key in enumerate(self.names) if acc[k] < CHANCE]
            if stuck:
                lines += ["", ", ".join(stuck) + ": " + STUCK_TEXT()]
            self.summary.setText("\n".join(lines))
        self.run.set_status(message)
