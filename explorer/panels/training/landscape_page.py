"""A real network's loss landscape: SimpleConvNet's loss on a 2-D slice through its 433,890 dimensions,
with the paths of SGD, Momentum, AdaGrad and Adam (trained from one start on the same batches)
projected onto it. Two kinds of slice: the paths' own directions and filter-normalised random ones —
and how little of a path a random slice holds is itself the lesson (``engine.landscape``)."""

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from engine.landscape import SliceRow, bilinear, parameter_count
from engine.simple_convnet import SimpleConvNet
from engine.util import smooth_curve

from ...colors import OPTIMIZER_NAMES as NAMES
from ...i18n import fill
from ...plotting import book_plot, long_curve, optimizer_rgb, pg, plot_colors, set_long_data, set_title, themed
from ...widgets.combo import refill, select_data
from ...widgets.run_controls import RunControls, job_page_layout
from . import jobs
from .common import ExperimentPage, seed_box, whole_box
from .events import Loading, RaceStarted, RaceSteps, SliceStarted

ORDER = tuple(jobs.LANDSCAPE_LR)  # sgd, momentum, adagrad, adam
PARAMETERS = parameter_count(SimpleConvNet(seed=0).params)  # 433,890: the dimensions the loss lives in


def percent(share):
    """A share as '96.9 %', or with two significant digits below 0.1 % ('0.0091 %'), never '0.0 %'."""
    return f"{100 * share:.1f} %" if share >= 0.001 or share == 0 else f"{100 * share:.2g} %"


class LandscapePage(ExperimentPage):
    JOB, SCRIPT, SCRIPT_NAME = "loss_landscape", "landscape_script", "loss_landscape.py"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paths = None  # engine.landscape.Paths of the last finished training
        self.paths_key = None  # the settings they were trained with
        # slice_key_of(settings) -> {"slice": Slice, "heights": each path point's loss, "picture": what the
        # job drew, "losses": the mini-batch losses of the paths' training}
        self.slices = {}
        self.current = None  # the settings of the running (or last) job
        self.shown = None  # the key of the slice on screen
        self.losses = np.zeros((0, 0))  # mini-batch losses of the run so far (iterations, 4)
        self.rows_done = 0
        self.training = False  # whether the running job trains (False: the paths are kept, only a slice)
        self.idle = True
        self._build_ui()
        self._connect()
        self.retranslate()
        select_data(self.centre, "adam")  # the book's best: the slice through where Adam ended

    def _build_ui(self):
        self.iterations = whole_box(20, 3000, 300, step=50)
        self.seed = seed_box()
        self.kind = QComboBox()
        self.centre = QComboBox()
        self.resolution = whole_box(5, 41, 15)
        self.images = whole_box(100, 2000, 300, step=100)
        self.labels = {key: QLabel() for key in ("iterations", "seed", "kind", "centre", "resolution", "images")}
        paths_form = QFormLayout()
        for key, box in (("iterations", self.iterations), ("seed", self.seed)):
            paths_form.addRow(self.labels[key], box)
        self.rates = QLabel()
        self.rates.setWordWrap(True)
        paths_form.addRow(self.rates)
        self.paths_box = QGroupBox()
        self.paths_box.setLayout(paths_form)
        slice_form = QFormLayout()
        for key, box in (("kind", self.kind), ("centre", self.centre), ("resolution", self.resolution),
                         ("images", self.images)):
            slice_form.addRow(self.labels[key], box)
        self.slice_box = QGroupBox()
        self.slice_box.setLayout(slice_form)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.run = RunControls()

        self.plot = book_plot(legend=(-10, 10))
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setOpacity(0.45)
        self.plot.addItem(self.image)
        self.contours = []  # one curve per level, pieces separated by NaN
        self.halos = {key: self.plot.plot([], [], pen=pg.mkPen(255, 255, 255, 200, width=5)) for key in ORDER}
        self.curves = {key: self.plot.plot([], [], pen=pg.mkPen(optimizer_rgb(key), width=2), symbol="o",
                                           symbolSize=5, symbolPen=None, symbolBrush=pg.mkBrush(*optimizer_rgb(key)),
                                           name=NAMES[key]) for key in ORDER}
        self.centre_mark = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush(255, 255, 255),
                                              pen=pg.mkPen(0, 0, 0))
        self.plot.addItem(self.centre_mark)
        self.start_mark = pg.ScatterPlotItem(symbol="s", size=10, brush=pg.mkBrush(255, 255, 255),
                                             pen=pg.mkPen(0, 0, 0, width=1.5))
        self.plot.addItem(self.start_mark)
        self.start_label = pg.TextItem(anchor=(1.1, 0.5))  # left of the start, clear of the paths leaving it
        self.plot.addItem(self.start_label)
        self.ends = pg.ScatterPlotItem(size=11, pen=pg.mkPen(255, 255, 255, width=1.5))
        self.plot.addItem(self.ends)  # on top: on a random slice every end is at the centre
        self.plot.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)  # until a slice comes: no stray ticks
        self.plot.disableAutoRange()
        themed(self.plot, self._recolor)
        self.loss_plot = book_plot(legend=(-10, 10))
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self.loss_plot.setYRange(0, 2.5, padding=0)
        self.loss_curves = {key: long_curve(self.loss_plot, optimizer_rgb(key)) for key in ORDER}
        themed(self.loss_plot, self._recolor_losses)

        self.paths_box.setMinimumWidth(340)  # the column keeps its width when the table arrives
        left = QVBoxLayout()
        left.addWidget(self.paths_box)
        left.addWidget(self.slice_box)
        left.addWidget(self.summary)
        left.addStretch(1)
        body = QVBoxLayout()
        body.addWidget(self.plot, 3)
        body.addWidget(self.loss_plot, 1)
        job_page_layout(self, left, self.run, body)

    def _connect(self):
        self.run.start_clicked.connect(self.start)
        for box in (self.kind, self.centre):
            box.activated.connect(lambda _i: self._on_slice_setting_changed())
        for box in (self.resolution, self.images):
            box.editingFinished.connect(self._on_slice_setting_changed)
        for box in (self.iterations, self.seed):
            box.editingFinished.connect(self._on_slice_setting_changed)

    def _contour_pen(self):
        text = plot_colors()[1]
        return pg.mkPen(text.red(), text.green(), text.blue(), 150)

    def _recolor(self):
        self.start_label.setColor(plot_colors()[1])
        for curve in self.contours:
            curve.setPen(self._contour_pen())
        for key in ORDER:
            color = optimizer_rgb(key)
            self.curves[key].setPen(pg.mkPen(color, width=2))
            self.curves[key].setSymbolBrush(pg.mkBrush(*color))
        self._draw_paths()

    def _recolor_losses(self):
        for key, curve in self.loss_curves.items():
            curve.setPen(pg.mkPen(optimizer_rgb(key), width=1.5))

    def retranslate(self):
        rates = ", ".join(f"{NAMES[key]} {lr:g}" for key, lr in jobs.LANDSCAPE_LR.items())
        self.paths_box.setTitle(self.tr("The paths"))
        self.rates.setText(fill(self.tr("Four SimpleConvNets from one start on the same batches of 100, at the "
                                        "book's learning rates: %1"), rates))
        self.slice_box.setTitle(fill(self.tr("The slice: 2 of %1 dimensions"), f"{PARAMETERS:,}"))
        refill(self.kind, [(self.tr("The paths' own directions"), "paths"),
                           (self.tr("Random, filter-normalised"), "random")])
        refill(self.centre, [(fill(self.tr("End of %1's path"), NAMES[key]), key) for key in ORDER])
        texts = {"iterations": self.tr("Iterations"), "seed": self.tr("Seed"), "kind": self.tr("Directions"),
                 "centre": self.tr("Centre"), "resolution": self.tr("Grid"), "images": self.tr("Images")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.iterations.setToolTip(self.tr("Updates per optimizer; a copy of every network is kept 20 times on "
                                           "the way"))
        self.seed.setToolTip(self.tr("The same seed gives the same initial weights, batches, images and random "
                                     "directions"))
        self.kind.setToolTip(self.tr(
            "The paths' own directions: the plane through the centre that holds most of the paths (a principal "
            "component analysis of their points). Random: Gaussian directions, each filter scaled to the size of "
            "the same filter at the centre (Li et al., 2018)"))
        self.centre.setToolTip(self.tr("The point of the slice's (0, 0): where one optimizer ended"))
        self.resolution.setToolTip(self.tr("Points per side of the grid where the loss is computed (15: 225 "
                                           "losses); drawn smoothed between them"))
        self.images.setToolTip(self.tr("Training images the loss is measured on, drawn with the seed"))
        self.run.start_button.setText(self.tr("Compute"))
        self.run.start_button.setToolTip(self.tr("Train the four networks (unless their paths are kept) and "
                                                 "compute the loss on the slice (Ctrl+Return)"))
        self.run.stop_button.setText(self.tr("Stop"))
        self.run.stop_button.setToolTip(self.tr("Stop (Esc); the slices computed so far are kept"))
        set_title(self.loss_plot, self.tr("Mini-batch loss on the way (smoothed)"))
        self.loss_plot.setLabel("bottom", self.tr("iteration"))
        if self.idle and self.shown is None:
            self.run.set_status(self.tr("Press Compute: four optimizers train SimpleConvNet from the same start, "
                                        "then the loss is drawn on a slice with their paths."))
        self._label_axes()
        if self.shown is not None:
            self._show_summary()

    def _label_axes(self):
        found = self.slices[self.shown]["slice"] if self.shown is not None else None
        if found is None:
            self.plot.setLabel("bottom", "α")
            self.plot.setLabel("left", "β")
        elif found.kind == "paths":
            a, b = found.explained
            self.plot.setLabel("bottom", fill(self.tr("α: first direction of the paths (%1 % of their spread)"),
                                              f"{100 * a:.0f}"))
            self.plot.setLabel("left", fill(self.tr("β: second (%1 %)"), f"{100 * b:.0f}"))
        else:
            self.plot.setLabel("bottom", self.tr("α (random direction 1)"))
            self.plot.setLabel("left", self.tr("β (random direction 2)"))
        title = self.tr("Loss on the slice θ* + α·d₁ + β·d₂ (purple low, yellow high)")
        set_title(self.plot, title)

    # -- settings and the cache ----------------------------------------------------------------------------

    def settings(self):
        return {"iterations": self.iterations.value(), "image_count": self.images.value(),
                "kind": self.kind.currentData() or "paths", "centre": self.centre.currentData() or "adam",
                "resolution": self.resolution.value(), "seed": self.seed.value()}

    @staticmethod
    def paths_key_of(s):
        return s["iterations"], s["seed"]

    @staticmethod
    def slice_key_of(s):
        return s["iterations"], s["seed"], s["kind"], s["centre"], s["resolution"], s["image_count"]

    def start(self):
        s = self.settings()
        kept = self.paths if self.paths_key == self.paths_key_of(s) else None
        self.run_requested.emit(getattr(jobs, self.JOB), {**s, "paths": kept})

    def _on_slice_setting_changed(self):
        """A slice setting (or Iterations, Seed) changed: a slice computed before comes back at once; a new
        one of the kept paths is computed (seconds); new paths wait for Compute (minutes)."""
        s = self.settings()
        key = self.slice_key_of(s)
        if key == self.shown:
            return
        if key in self.slices:
            self.show_slice(key)
            self.run.set_status(self.tr("This slice was computed before: shown from memory."))
        elif self.paths is not None and self.paths_key == self.paths_key_of(s):
            if self.idle:
                self.start()  # only the slice is computed
        elif self.idle:
            self.run.set_status(self.tr("Press Compute: these iterations and seed need their own paths (the picture "
                                        "shows the earlier settings' slice)."))

    def stopped_text(self):
        if self.training:
            return self.tr("Stopped before the paths were complete: they are not kept. Compute starts again.")
        return self.tr("Stopped; the paths are kept: choosing a slice computes it in seconds.")

    # -- what the job reports -------------------------------------------------------------------------------

    def on_started(self):
        self.idle = False
        self.run.set_running(True)
        s = self.current = self.settings()
        self.rows_done = 0
        self.training = self.paths_key != self.paths_key_of(s)
        if self.training:  # a new run: nothing of the old one stays on screen to be mistaken for it
            self.losses = np.zeros((0, len(ORDER)))
            self._show_losses()
            self.loss_plot.setXRange(0, s["iterations"] * 1.04, padding=0)
            self.clear_slice()

    def _work(self):
        """(done, total) in units of about one slice point's forward pass: a training iteration is four
        gradients on 100 images, about four of them."""
        s = self.current
        total = (4 * s["iterations"] if self.training else 0) + s["resolution"] ** 2
        done = (4 * len(self.losses) if self.training else 0) + self.rows_done * s["resolution"]
        return done, total

    def on_progress(self, e):
        if isinstance(e, Loading):
            self.run.set_status(self.tr("Loading MNIST…"))
        elif isinstance(e, RaceStarted):
            self.losses = np.zeros((0, len(e.names)))
        elif isinstance(e, RaceSteps):
            self.losses = np.concatenate([self.losses, e.losses])
            self._show_losses()
            done, total = self._work()
            self.run.set_fraction(done, total, fill(self.tr("Training: iteration %1 of %2"), f"{e.step.iteration:,}",
                                                    f"{e.step.iterations:,}"))
        elif isinstance(e, SliceStarted):
            done, total = self._work()
            self.run.set_fraction(done, total, fill(self.tr("The slice: %1 losses on %2 images…"),
                                                    e.resolution ** 2, self.current["image_count"]))
        elif isinstance(e, SliceRow):
            self.rows_done = e.row + 1
            done, total = self._work()
            self.run.set_fraction(done, total, fill(self.tr("The slice: row %1 of %2"), e.row + 1, e.rows))

    def on_finished(self, result, message):
        self.idle = True
        self.run.set_running(False)
        self.run.set_status(message)
        if not result:
            return
        s = self.current  # what the job ran with (the boxes may have changed since)
        if result.get("paths") is not None:
            self.paths, self.paths_key = result["paths"], self.paths_key_of(s)
        if result.get("slice") is not None:
            key = self.slice_key_of(s)
            losses = np.array([result["paths"].batch_losses[name] for name in ORDER]).T
            self.slices[key] = {"slice": result["slice"], "heights": result["heights"],
                                "picture": result["picture"], "losses": losses}
            self.show_slice(key)

    # -- drawing --------------------------------------------------------------------------------------------

    def _show_losses(self):
        x = np.arange(1, len(self.losses) + 1)
        for k, key in enumerate(ORDER):
            set_long_data(self.loss_curves[key], x, smooth_curve(self.losses[:, k]) if len(x) else [])

    def show_slice(self, key):
        """Show the cached slice ``key`` with the loss curves of its paths' training."""
        self.shown = key
        self.losses = self.slices[key]["losses"]
        self._show_losses()
        self.loss_plot.setXRange(0, len(self.losses) * 1.04, padding=0)
        self.draw_slice()

    def clear_slice(self):
        self.shown = None
        self.image.clear()
        for curve in self.contours:
            self.plot.removeItem(curve)
        self.contours = []
        for item in (*self.curves.values(), *self.halos.values()):
            item.setData([], [])
        for item in (self.ends, self.centre_mark, self.start_mark):
            item.setData([], [])
        self.start_label.setText("")
        self.summary.clear()
        self._label_axes()

    def draw_slice(self):
        """The slice on screen: its interpolated picture and contours (computed by the job), the paths."""
        entry = self.slices[self.shown]
        picture = entry["picture"]
        fa, fb, fine = picture["alphas"], picture["betas"], picture["fine"]
        self.image.setImage(np.log(fine), autoLevels=True)
        # Pixel k's centre on grid point k: the picture reaches half a pixel beyond the first and last.
        da, db = (fa[-1] - fa[0]) / (len(fa) - 1), (fb[-1] - fb[0]) / (len(fb) - 1)
        self.image.setRect(QRectF(fa[0] - da / 2, fb[0] - db / 2, fa[-1] - fa[0] + da, fb[-1] - fb[0] + db))
        for curve in self.contours:
            self.plot.removeItem(curve)
        self.contours = []
        for _level, xs, ys in picture["lines"]:
            curve = pg.PlotCurveItem(xs, ys, pen=self._contour_pen(), connect="finite")
            curve.setZValue(-1)  # under the paths
            self.plot.addItem(curve)
            self.contours.append(curve)
        self.image.setZValue(-2)
        self.centre_mark.setData([0.0], [0.0])
        self._draw_paths()
        self.plot.setRange(xRange=(fa[0], fa[-1]), yRange=(fb[0], fb[-1]), padding=0)
        self._label_axes()
        self._show_summary()

    def _draw_paths(self):
        if self.shown is None:
            return
        found = self.slices[self.shown]["slice"]
        xs, ys, brushes = [], [], []
        for key in ORDER:
            pts = found.coords[key]
            self.curves[key].setData(pts[:, 0], pts[:, 1])
            self.halos[key].setData(pts[:, 0], pts[:, 1])
            xs.append(pts[-1, 0])
            ys.append(pts[-1, 1])
            brushes.append(pg.mkBrush(*optimizer_rgb(key)))
        self.ends.setData(xs, ys, brush=brushes)
        start = found.coords[ORDER[0]][0]  # every path's first point: the shared start
        self.start_mark.setData([start[0]], [start[1]])
        # On a random slice the start projects onto the centre with everything else: no label to hide it.
        self.start_label.setText(self.tr("start") if found.kind == "paths" else "")
        self.start_label.setPos(start[0], start[1])

    def rows(self):
        """[(optimizer, true loss at its end, the slice's loss under its end, share of its path in the
        slice)] of the slice on screen."""
        entry = self.slices[self.shown]
        found, heights = entry["slice"], entry["heights"]
        out = []
        for key in ORDER:
            a, b = found.coords[key][-1]
            under = float(bilinear(found.alphas, found.betas, found.losses, a, b))
            out.append((key, float(heights[key][-1]), under, found.in_plane[key]))
        return out

    def _show_summary(self):
        found = self.slices[self.shown]["slice"]
        loss, on_slice, in_slice = (self.tr("loss"), self.tr("on the slice", "the slice's loss under a path's end"),
                                    self.tr("in the slice", "the share of a path lying in the slice"))
        head = f"<tr><th></th><th>{loss}</th><th>{on_slice}</th><th>{in_slice}</th></tr>"
        body = "".join(f"<tr><td><b style='color:rgb{optimizer_rgb(key)}'>{NAMES[key]}</b></td>"
                       f"<td align='right'>{loss:.3f}</td><td align='right'>{under:.3f}</td>"
                       f"<td align='right'>{percent(share)}</td></tr>"
                       for key, loss, under, share in self.rows())
        table = f"<table cellspacing='6'>{head}{body}</table>"
        most = max(found.in_plane.values())
        if found.kind == "random":
            why = fill(self.tr(
                "A random slice holds at most %1 % of any path: in %2 dimensions two random directions are "
                "almost perpendicular to every path, so the paths barely leave the centre. What this slice shows "
                "is the valley's shape around the centre. Choose the paths' own directions to see the paths."),
                f"{100 * most:.2g}", f"{PARAMETERS:,}")
        else:
            why = self.tr(
                "The paths lie mostly in this slice (last column), so the picture shows where they went. Where a "
                "path is not in the slice, its true loss (first column) differs from the slice's height under "
                "its end (second). Compare a random slice.")
        self.summary.setText(table + "<p>" + why + "</p>")
