"""Batch normalisation (chapter 6.3; the book's batch_norm_test.py): the same network with and without
batch normalisation, started from 16 initial weight scales between 1 and 0.0001, on the same batches —
the book's 4x4 grid of accuracy curves, filled in as it trains."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout

from engine.events import BatchNormEpoch

from ...i18n import fill
from ...plotting import pg, themed
from ...widgets.run_controls import RunControls, job_page_layout
from .common import ExperimentPage, seed_box, whole_box
from .events import Loading

BN, PLAIN = "#2b6cb0", "#dd6b20"  # the book's figure: with BN solid blue, without dashed orange
LEARNT = 0.8  # training accuracy that counts as "learnt" in the summary


class BatchNormPage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "batchnorm", "batchnorm_script", "batch_norm_test.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curves = {}  # run -> (epochs, plain, bn)
        self.scales = {}  # run -> weight scale
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()

    def _build_ui(self):
        self.train_size = whole_box(100, 60000, 1000, step=100)
        self.epochs = whole_box(1, 200, 20)
        self.scales_box = QComboBox()
        for n in (16, 9, 4):
            self.scales_box.addItem(str(n), n)
        self.seed = seed_box()
        self.labels = {key: QLabel() for key in ("train", "epochs", "scales", "seed")}
        form = QFormLayout()
        for key, box in (("train", self.train_size), ("epochs", self.epochs), ("scales", self.scales_box),
                         ("seed", self.seed)):
            form.addRow(self.labels[key], box)
        self.settings_box = QGroupBox()
        self.settings_box.setLayout(form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.run = RunControls()
        self.grid = pg.GraphicsLayoutWidget()
        themed(self.grid)
        self.plots = []
        left = QVBoxLayout()
        left.addWidget(self.settings_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QVBoxLayout()
        body.addWidget(self.grid, 1)
        job_page_layout(self, left, self.run, body)
        self._make_grid(16)

    def _connect(self):
        self.run.start_clicked.connect(self.start)

    def _make_grid(self, n):
        """n small plots in a square grid, as the book's figure."""
        self.grid.clear()
        self.plots = []
        side = int(np.ceil(np.sqrt(n)))
        for k in range(n):
            plot = self.grid.addPlot(row=k // side, col=k % side)
            plot.setYRange(0, 1, padding=0)
            plot.setMouseEnabled(False, False)
            plot.showGrid(x=True, y=True, alpha=0.2)
            plain = plot.plot([], [], pen=pg.mkPen(PLAIN, width=1.5, style=Qt.PenStyle.DashLine))
            bn = plot.plot([], [], pen=pg.mkPen(BN, width=2))
            self.plots.append((plot, plain, bn))

    def retranslate(self):
        self.settings_box.setTitle(self.tr("Network 784–100×5–10, SGD 0.01, batch 100"))
        texts = {"train": self.tr("Training images"), "epochs": self.tr("Epochs"),
                 "scales": self.tr("Weight scales"), "seed": self.tr("Seed")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.scales_box.setToolTip(self.tr("How many initial standard deviations between 1 and 0.0001 (the book "
                                           "tries 16)"))
        self.run.start_button.setText(self.tr("Train", "the button that starts training (a verb)"))
        self.run.start_button.setToolTip(self.tr("Train both networks from every weight scale (Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop after the current step (Esc)"))
        self._title_plots()
        if self.idle:
            self.run.set_status(self.tr("Press Train: with batch normalisation (solid) the network learns from "
                                        "almost any initial scale; without it (dashed) only from a few."))

    def _title_plots(self):
        for k, (plot, _, _) in enumerate(self.plots):
            scale = self.scales.get(k)
            plot.setTitle(fill(self.tr("W: %1"), f"{scale:.2g}") if scale is not None else "", size="9pt")

    def settings(self):
        return {"train_size": self.train_size.value(), "epochs": self.epochs.value(),
                "scales": self.scales_box.currentData(), "seed": self.seed.value()}

    def stopped_text(self):
        return self.tr("Stopped; the curves so far stay.")

    # -- what the job reports -------------------------------------------------------------------------------

    def on_started(self):
        self.idle = False
        self.curves, self.scales = {}, {}
        self.summary.clear()
        self.run.set_running(True)
        self._make_grid(self.scales_box.currentData())
        for plot, _, _ in self.plots:
            plot.setXRange(0, self.epochs.value(), padding=0.02)

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, BatchNormEpoch):
            if e.run not in self.scales:
                self.scales[e.run] = e.scale
                self._title_plots()
            epochs, plain, bn = self.curves.setdefault(e.run, ([], [], []))
            epochs.append(e.epoch)
            plain.append(e.plain_acc)
            bn.append(e.bn_acc)
            _, plain_curve, bn_curve = self.plots[e.run]
            plain_curve.setData(epochs, plain)
            bn_curve.setData(epochs, bn)
            done = e.run * e.epochs + e.epoch
            self.run.set_fraction(done, e.runs * e.epochs,
                                  fill(self.tr("scale %1 of %2 (W = %3) · epoch %4 · with BN %5 %, without %6 %"),
                                       e.run + 1, e.runs, f"{e.scale:.2g}", e.epoch, f"{100 * e.bn_acc:.0f}",
                                       f"{100 * e.plain_acc:.0f}"))

    def learnt(self):
        """(scales where the network with BN ended at LEARNT or above, the same without BN, scales run)."""
        ends = [(c[1][-1], c[2][-1]) for c in self.curves.values() if c[0]]
        return sum(b >= LEARNT for _, b in ends), sum(p >= LEARNT for p, _ in ends), len(ends)

    def on_finished(self, result, message):
        self.run.set_running(False)
        self.run.set_status(message)
        with_bn, without, runs = self.learnt()
        if runs:
            self.summary.setText(fill(self.tr("Reached %1 % on the training images from <b>%2</b> of %3 initial "
                                              "scales with batch normalisation, from <b>%4</b> without."),
                                      f"{100 * LEARNT:.0f}", with_bn, runs, without))
