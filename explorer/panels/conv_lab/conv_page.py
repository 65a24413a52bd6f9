"""Forward convolution, one window at a time: channels, filters and batches as the lecture's blocks."""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.conv_trace import geometry

from ...i18n import fill
from ...widgets.combo import refill
from ...widgets.matrix_view import fmt
from ...widgets.step_controls import StepControls
from .channel_grid import ChannelGrid
from .common import FED, LEFTOVER, WINDOW, pretty
from .state import CONV_PRESETS, LIMITS, ConvSetup


def spin(key):
    box = QSpinBox()
    box.setRange(*LIMITS[key])
    return box


class ConvPage(QWidget):
    """Shows ``setup`` stepped; emits ``setup_changed`` after any edit (other pages follow)."""

    setup_changed = Signal()
    message = Signal(str)

    def __init__(self, setup=None, parent=None):
        super().__init__(parent)
        self.setup = setup or ConvSetup()
        self.trace = None
        self.error = None
        self.hovered = None
        self._build_ui()
        self._connect()
        self.rebuild()

    def _build_ui(self):
        self.preset = QComboBox()
        self.spins = {k: spin(k) for k in ("N", "C", "FN", "H", "W", "FH", "FW", "pad", "stride")}
        self.spin_labels = {k: QLabel() for k in self.spins}
        self.randomise_button = QPushButton()
        self.clear_button = QPushButton()
        controls = QGridLayout()
        controls.addWidget(self.preset, 0, 0, 1, 4)
        controls.addWidget(self.randomise_button, 0, 4, 1, 2)
        controls.addWidget(self.clear_button, 0, 6, 1, 2)
        for col, key in enumerate(("H", "W", "FH", "FW", "pad", "stride", "C", "FN", "N")):
            controls.addWidget(self.spin_labels[key], 1 + col // 5 * 2, (col % 5) * 2)
            controls.addWidget(self.spins[key], 1 + col // 5 * 2, (col % 5) * 2 + 1)
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setWordWrap(True)
        self.blocks = QLabel()
        self.blocks.setWordWrap(True)

        self.grid_area = ChannelGrid()
        self.mac = QLabel()
        font = self.mac.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.mac.setFont(font)
        self.mac.setTextFormat(Qt.TextFormat.RichText)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_area)
        self.steps = StepControls()

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.formula)
        layout.addWidget(self.blocks)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.mac)
        layout.addWidget(self.steps)

    def _connect(self):
        for key, box in self.spins.items():
            box.valueChanged.connect(lambda v, k=key: self._on_size_changed(k, v))
        self.randomise_button.clicked.connect(self._on_randomise_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.steps.step_changed.connect(self._on_step_changed)
        g = self.grid_area
        g.input_edited.connect(self._on_input_edited)
        g.input_pasted.connect(self._on_input_pasted)
        g.input_hovered.connect(self._on_input_hovered)
        g.filter_edited.connect(self._on_filter_edited)
        g.filter_pasted.connect(self._on_filter_pasted)
        g.bias_changed.connect(self._on_bias_changed)
        g.output_clicked.connect(self._on_output_clicked)
        g.edit_refused.connect(self.message)

    # The grid's views, under the names the rest of the page (and its tests) use.
    inputs = property(lambda self: self.grid_area.inputs)
    filters = property(lambda self: self.grid_area.filters)
    products = property(lambda self: self.grid_area.products)
    product_sums = property(lambda self: self.grid_area.product_sums)
    outputs = property(lambda self: self.grid_area.outputs)
    bias_boxes = property(lambda self: self.grid_area.bias_boxes)
    row_titles = property(lambda self: self.grid_area.titles)

    def retranslate(self):
        names = {"H": "H", "W": "W", "FH": "FH", "FW": "FW",  # symbols: the same in every language
                 "pad": self.tr("Padding P"), "stride": self.tr("Stride S"), "C": self.tr("Channels C"),
                 "FN": self.tr("Filters FN"), "N": self.tr("Batch N")}
        tips = {"H": self.tr("Input height"), "W": self.tr("Input width"), "FH": self.tr("Filter height"),
                "FW": self.tr("Filter width"), "pad": self.tr("Zeros added around the input (0–4)"),
                "stride": self.tr("How far the window moves each step (1–4)"),
                "C": self.tr("Input channels (each filter has as many)"), "FN": self.tr("Number of filters = "
                                                                                       "output channels"),
                "N": self.tr("Images in the batch")}
        for key in self.spins:
            self.spin_labels[key].setText(names[key])
            self.spins[key].setToolTip(tips[key])
        self.randomise_button.setText(self.tr("Randomise"))
        self.randomise_button.setToolTip(self.tr("Fill input and filters with random small integers"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Set input, filters and biases to zero"))
        self.preset.setToolTip(self.tr("Examples from the lecture, classic image filters and a real MNIST digit"))
        items = [(self.tr("Choose an example…"), "")]
        titles = {
            "lecture": self.tr("Lecture: 4×4 input, 3×3 filter"),
            "lecture_bias": self.tr("Lecture: with bias 3"),
            "padding": self.tr("Lecture: padding 1"),
            "stride2": self.tr("Lecture: stride 2 on 7×7"),
            "channels": self.tr("3 channels (C = 3)"),
            "batch": self.tr("Batch of 2 images, 2 filters"),
            "edge": self.tr("Image filter: edges (MNIST digit)"),
            "sobel_x": self.tr("Image filter: Sobel, vertical edges"),
            "sobel_y": self.tr("Image filter: Sobel, horizontal edges"),
            "blur": self.tr("Image filter: blur"),
            "sharpen": self.tr("Image filter: sharpen"),
            "mnist_conv1": self.tr("MNIST digit with a trained conv1 filter"),
        }
        refill(self.preset, items + [(titles[key], key) for key in CONV_PRESETS])
        for label, text in zip(self.row_titles, (self.tr("Input (padded)"), self.tr("⊛ Filter"),
                                                 self.tr("= Element-wise products"), self.tr("→ Output"))):
            label.setText(text)
        self.steps.retranslate()
        self.rebuild()

    # -- refreshing ---------------------------------------------------------------------------------

    def rebuild(self):
        """Shapes or numbers changed: new trace, new step range, redraw."""
        s = self.setup.shapes
        for key, box in self.spins.items():
            box.blockSignals(True)
            box.setValue(s.get(key, getattr(self.setup, key, 0)))
            box.blockSignals(False)
        self.grid_area.ensure(s["C"], s["FN"])
        for f, box in enumerate(self.bias_boxes):
            box.blockSignals(True)
            box.setValue(float(self.setup.b[f]))
            box.blockSignals(False)
        try:
            self.trace = self.setup.trace()
            self.error = None
        except ValueError as e:
            self.trace, self.error = None, str(e)
        self._show_formula()
        self.steps.setEnabled(self.trace is not None)
        self.steps.set_count(len(self.trace) if self.trace else 1)
        self.refresh()

    def _show_formula(self):
        s = self.setup.shapes
        gh, gw = geometry(s["H"], s["W"], s["FH"], s["FW"], self.setup.stride, self.setup.pad)
        lines = [pretty(g.formula) for g in (gh, gw)]
        problems = []
        for g in (gh, gw):
            if g.numerator < 0:
                problems.append(fill(self.tr("the %1×%2 filter does not fit in the padded input: no output"),
                                     str(s["FH"]), str(s["FW"])))
            elif not g.whole:
                problems.append(fill(self._leftover_text(g.axis, g.leftover), f"{g.exact:g}"))  # the count is its %n
        html = "<br>".join(lines)
        if problems:
            html += "<br><span style='color:#c53030'>" + "<br>".join(problems) + "</span>"
        self.formula.setText(html)
        self.geom = (gh, gw)
        oh, ow = gh.output, gw.output
        self.blocks.setText(fill(self.tr("Input (N, C, H, W) = (%1) ⊛ Filters (FN, C, FH, FW) = (%2) → "
                                         "Output (N, FN, OH, OW) = (%3)"),
                                 ", ".join(str(s[k]) for k in "N C H W".split()),
                                 ", ".join(str(s[k]) for k in "FN C FH FW".split()),
                                 f"{s['N']}, {s['FN']}, {oh}, {ow}"))

    def _leftover_text(self, axis, n):
        """What a stride that does not divide evenly leaves out, in words for ``n`` rows or columns."""
        if axis == "H":
            return self.tr("OH = %1 is not a whole number: the last %n padded row(s) are never covered by a window "
                           "and are left out (marked red)", "", n)
        return self.tr("OW = %1 is not a whole number: the last %n padded column(s) are never covered by a window "
                       "and are left out (marked red)", "", n)

    def refresh(self):
        """Redraw for the current step (cheap: no recomputation of the trace)."""
        setup, trace = self.setup, self.trace
        C = setup.shapes["C"]
        if trace is None:
            for c in range(C):
                self.inputs[c].set_values(setup.x[0, c], pad=setup.pad)
                self.inputs[c].set_highlights([])
                self.filters[c].set_values(setup.W[0, c])
                self.products[c].set_values(np.full(setup.W.shape[2:], np.nan))
                self.product_sums[c].setText("")
            for view in self.outputs:
                view.set_values(np.full((1, 1), np.nan))
            self.mac.setText(self.error or "")
            return
        step = trace.step(self.steps.step)
        n, f = step.n, step.f
        leftover = self._leftover_rects()
        for c in range(C):
            self.inputs[c].set_values(setup.x[n, c], pad=setup.pad)
            self.inputs[c].set_highlights([(step.top, step.left, trace.FH, trace.FW, WINDOW)] + leftover)
            self.filters[c].set_values(setup.W[f, c])
            self.products[c].set_values(step.products[c])
            self.product_sums[c].setText(f"Σ = {fmt(float(step.products[c].sum()))}")
        partial = trace.partial_output(self.steps.step)
        fed = set(trace.outputs_fed_by(n, *self.hovered)) if self.hovered else set()
        for g, view in enumerate(self.outputs):
            view.set_values(partial[n, g])
            view.set_highlights([(step.i, step.j, 1, 1, WINDOW)] if g == f else [])
            view.set_marks({cell: FED for cell in fed})
        self.row_titles[0].setText(fill(self.tr("Input (padded), image %1"), str(n + 1)))
        self.row_titles[1].setText(fill(self.tr("⊛ Filter %1"), str(f + 1)))
        self.row_titles[3].setText(fill(self.tr("→ Output of image %1"), str(n + 1)))
        if C > 1:
            sums = " + ".join(fmt(float(step.products[c].sum())) for c in range(C))
            total = fill(self.tr("sum over the %1 channels: %2 = %3"), str(C), sums, fmt(step.total))
        else:
            total = fill(self.tr("sum of the products = %1"), fmt(step.total))
        self.mac.setText(fill(self.tr("out[%1, %2, %3, %4]: %5, plus bias %6 = <b>%7</b>"),
                              str(n), str(f), str(step.i), str(step.j), total, fmt(step.bias), fmt(step.value)))

    def _leftover_rects(self):
        gh, gw = self.geom
        rows, cols = self.setup.shapes["H"] + 2 * self.setup.pad, self.setup.shapes["W"] + 2 * self.setup.pad
        rects = []
        if gh.leftover:
            rects.append((rows - gh.leftover, 0, gh.leftover, cols, LEFTOVER))
        if gw.leftover:
            rects.append((0, cols - gw.leftover, rows, gw.leftover, LEFTOVER))
        return rects

    # -- events -----------------------------------------------------------------------------------------

    def _changed(self):
        self.rebuild()
        self.setup_changed.emit()

    def set_setup(self, setup):
        """A new example: grids for its shapes first, then its first step (the other way round, the
        step drew the new numbers on the old grids)."""
        self.setup = setup
        self._changed()
        self.steps.set_step(0)

    def _on_size_changed(self, key, value):
        if key in ("pad", "stride"):
            setattr(self.setup, key, value)
        else:
            self.setup.resize(**{key: value})
        self._changed()

    def _on_randomise_clicked(self):
        self.setup.randomise()
        self._changed()

    def _on_clear_clicked(self):
        self.setup.clear()
        self._changed()

    def _current_n_f(self):
        if self.trace is None:
            return 0, 0
        n, f, _, _ = self.trace.cell(self.steps.step)
        return n, f

    def _on_input_edited(self, c, r, col, value):
        n, _ = self._current_n_f()
        self.setup.x[n, c, r, col] = value
        self._changed()

    def _on_input_pasted(self, c, values):
        n, _ = self._current_n_f()
        self.setup.x[n, c] = values
        self._changed()

    def _on_filter_edited(self, c, r, col, value):
        _, f = self._current_n_f()
        self.setup.W[f, c, r, col] = value
        self._changed()

    def _on_filter_pasted(self, c, values):
        _, f = self._current_n_f()
        self.setup.W[f, c] = values
        self._changed()

    def _on_bias_changed(self, f, value):
        self.setup.b[f] = value
        self._changed()

    def _on_step_changed(self, _step):
        self.refresh()

    def _on_output_clicked(self, f, r, c):
        if self.trace is not None:
            n, _ = self._current_n_f()
            self.steps.set_step(self.trace.index(n, f, r, c))

    def _on_input_hovered(self, r, c):
        self.hovered = None if r < 0 else (r, c)
        if self.trace is not None:
            self.refresh()
