"""Hyperparameter search (chapter 6.5; the book's hyperparameter_optimization.py): random learning rates
and weight decays, each trial trained on 400 images and scored on 100 validation images (never the test
set), drawn as a scatter plot coloured by accuracy, the best listed with their curves."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from engine.events import Trial

from ...i18n import fill
from ...plotting import book_plot, pg, set_title, themed
from ...widgets.run_controls import RunControls, job_page_layout
from .common import ExperimentPage, seed_box, whole_box
from .events import Loading

BEST = 5  # trials listed and drawn
BEST_COLORS = ("#2b6cb0", "#2f855a", "#dd6b20", "#805ad5", "#c53030")
COLORMAP = pg.colormap.get("viridis")


def ranked(trials):
    """The trials, best final validation accuracy first (ties: the earlier trial first)."""
    return sorted(trials, key=lambda tr: (-tr.val_acc[-1] if tr.val_acc else 0.0, tr.index))


class SearchPage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "search_hyperparameters", "search_script", "hyperparameter_optimization.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.trials = []
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.trial_count = whole_box(1, 1000, 100)
        self.epochs = whole_box(1, 500, 50)
        self.seed = seed_box()
        self.labels = {key: QLabel() for key in ("trials", "epochs", "seed")}
        form = QFormLayout()
        for key, box in (("trials", self.trial_count), ("epochs", self.epochs), ("seed", self.seed)):
            form.addRow(self.labels[key], box)
        self.settings_box = QGroupBox()
        self.settings_box.setLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.run = RunControls()
        self.scatter_plot = book_plot()
        self.scatter = pg.ScatterPlotItem(size=11, pen=pg.mkPen("#333", width=0.5))
        self.scatter_plot.addItem(self.scatter)
        self.scatter_plot.setXRange(-6, -2)
        self.scatter_plot.setYRange(-8, -4)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=COLORMAP, interactive=False, width=12)
        self.colorbar.setImageItem([], insert_in=self.scatter_plot.getPlotItem())  # a legend of the colours only
        self.curve_plot = book_plot(legend=(-10, -10))
        self.curve_plot.setYRange(0, 1)
        self.best_curves = [self.curve_plot.plot([], [], pen=pg.mkPen(c, width=2)) for c in BEST_COLORS]
        themed(self.scatter_plot)
        themed(self.curve_plot)
        left = QVBoxLayout()
        left.addWidget(self.settings_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        plots = QHBoxLayout()
        plots.addWidget(self.scatter_plot, 1)
        plots.addWidget(self.curve_plot, 1)
        body = QVBoxLayout()
        body.addLayout(plots, 1)
        job_page_layout(self, left, self.run, body)

    def _connect(self):
        self.run.start_clicked.connect(self.start)

    def retranslate(self):
        self.settings_box.setTitle(self.tr("784–100×6–10, SGD, 400 training and 100 validation images"))
        texts = {"trials": self.tr("Trials"), "epochs": self.tr("Epochs per trial"), "seed": self.tr("Seed")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.trial_count.setToolTip(self.tr("Each trial draws a learning rate between 10⁻⁶ and 10⁻² and a weight "
                                            "decay between 10⁻⁸ and 10⁻⁴ at random (uniform in their logarithm)"))
        self.run.start_button.setText(self.tr("Search"))
        self.run.start_button.setToolTip(self.tr("Train one network per trial and score it on the validation "
                                                 "images (Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current trial (Esc)"))
        set_title(self.scatter_plot, self.tr("Trials", "the plot's title: one dot per trial"))
        self.scatter_plot.setToolTip(self.tr("One dot per trial, coloured by its validation accuracy (scale on the "
                                             "right)"))
        self.scatter_plot.setLabel("bottom", self.tr("log₁₀ learning rate"))
        self.scatter_plot.setLabel("left", self.tr("log₁₀ weight decay"))
        set_title(self.curve_plot, self.tr("The best five"))
        self.curve_plot.setToolTip(self.tr("Validation accuracy after every epoch of the five best trials"))
        self.curve_plot.setLabel("bottom", self.tr("epoch"))
        if self.idle:
            self.run.set_status(self.tr("Press Search: the good learning rates show up as a band; then narrow the "
                                        "ranges around it, as the book suggests."))
        self._show_best()

    def settings(self):
        return {"trials": self.trial_count.value(), "epochs": self.epochs.value(), "seed": self.seed.value()}

    def stopped_text(self):
        return self.tr("Stopped; the trials so far stay.")

    # -- what the job reports -------------------------------------------------------------------------------

    def on_started(self):
        self.idle = False
        self.trials = []
        self.summary.clear()
        self.run.set_running(True)
        self.scatter.setData([], [])
        for curve in self.best_curves:
            curve.setData([], [])
        self.curve_plot.setXRange(0, self.epochs.value(), padding=0.02)

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, Trial):
            self.trials.append(e)
            accs = np.array([tr.val_acc[-1] if tr.val_acc else 0.0 for tr in self.trials])
            brushes = [pg.mkBrush(COLORMAP.map(float(a), mode="qcolor")) for a in accs]
            self.scatter.setData(np.log10([tr.lr for tr in self.trials]),
                                 np.log10([tr.weight_decay for tr in self.trials]), brush=brushes)
            self.run.set_fraction(e.index + 1, e.trials,
                                  fill(self.tr("trial %1 of %2 · lr %3, weight decay %4 · validation %5 %"),
                                       e.index + 1, e.trials, f"{e.lr:.2e}", f"{e.weight_decay:.2e}",
                                       f"{100 * e.val_acc[-1]:.0f}" if e.val_acc else "–"))
            self._show_best()

    def _show_best(self):
        best = ranked(self.trials)[:BEST]
        legend = self.curve_plot.plotItem.legend
        legend.clear()
        for k, curve in enumerate(self.best_curves):
            if k < len(best):
                tr = best[k]
                curve.setData(np.arange(1, len(tr.val_acc) + 1), tr.val_acc)
                legend.addItem(curve, f"{k + 1}. lr {tr.lr:.1e}")
            else:
                curve.setData([], [])
        if best:
            lines = [self.tr("Best so far (validation accuracy, learning rate, weight decay):")]
            lines += [f"{k + 1}. {100 * tr.val_acc[-1]:.0f} % · lr {tr.lr:.2e} · λ {tr.weight_decay:.2e}"
                      for k, tr in enumerate(best) if tr.val_acc]
            self.summary.setText("<br>".join(lines))

    def on_finished(self, result, message):
        self.run.set_running(False)
        self.run.set_status(message)
        self._show_best()
