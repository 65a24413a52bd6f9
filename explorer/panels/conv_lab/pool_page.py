"""Max and average pooling, stepped; the lecture's robustness example side by side."""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from engine.conv_trace import geometry

from ...i18n import fill
from ...widgets.combo import refill, select_data
from ...widgets.matrix_view import MatrixView, fmt
from ...widgets.step_controls import StepControls
from .common import WINDOW, pretty
from .state import PoolSetup, pool_preset, shifted_right

MAX_MARK = QColor(197, 48, 48)


class PoolPair(QWidget):
    """An input and its pooled output."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._build_ui()

    def _build_ui(self):
        self.title = QLabel()
        self.input = MatrixView(editable=True, diverging=False)
        self.output = MatrixView(diverging=False)
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.input, 1, 0)
        layout.addWidget(self.output, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 1)

    def show_step(self, trace, k, pad):
        step = trace.step(k)
        self.input.set_values(trace.x[step.n, step.c], pad=pad)
        self.input.set_highlights([(step.top, step.left, trace.ph, trace.pw, WINDOW)])
        r, c = step.argmax
        self.input.set_marks({(step.top + r, step.left + c): MAX_MARK} if trace.mode == "max" else {})
        self.output.set_values(trace.partial_output(k)[step.n, step.c])
        self.output.set_highlights([(step.i, step.j, 1, 1, WINDOW)])
        return step


class PoolPage(QWidget):
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setup = PoolSetup()
        self.trace = None
        self._build_ui()
        self._connect()
        self.robust = False
        self.rebuild()

    def _build_ui(self):
        self.preset = QComboBox()
        self.mode = QComboBox()
        self.size = QSpinBox()
        self.size.setRange(1, 6)
        self.stride = QSpinBox()
        self.stride.setRange(1, 6)
        self.pad = QSpinBox()
        self.pad.setRange(0, 2)
        self.H, self.W = QSpinBox(), QSpinBox()
        for box in (self.H, self.W):
            box.setRange(1, 32)
        self.randomise_button = QPushButton()
        self.labels = [QLabel() for _ in range(5)]
        choices = QHBoxLayout()  # two rows: they fit a narrow window
        choices.addWidget(self.preset, 1)
        choices.addWidget(self.mode)
        choices.addWidget(self.randomise_button)
        sizes = QHBoxLayout()
        for label, box in zip(self.labels, (self.size, self.stride, self.pad, self.H, self.W)):
            sizes.addWidget(label)
            sizes.addWidget(box)
        sizes.addStretch(1)
        controls = QVBoxLayout()
        controls.addLayout(choices)
        controls.addLayout(sizes)
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.main = PoolPair()
        self.shifted = PoolPair()
        pairs = QHBoxLayout()
        pairs.addWidget(self.main)
        pairs.addWidget(self.shifted)
        self.result = QLabel()
        self.steps = StepControls()
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.formula)
        layout.addLayout(pairs, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.steps)

    def _connect(self):
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.mode.currentIndexChanged.connect(self._on_controls_changed)
        for box in (self.size, self.stride, self.pad, self.H, self.W):
            box.valueChanged.connect(self._on_controls_changed)
        self.randomise_button.clicked.connect(self._on_randomise_clicked)
        self.steps.step_changed.connect(lambda _s: self.refresh())
        self.main.input.cell_edited.connect(self._on_cell_edited)
        self.main.input.block_pasted.connect(self._on_block_pasted)
        self.main.input.edit_refused.connect(self.message)
        self.main.output.cell_clicked.connect(self._on_output_clicked)

    def retranslate(self):
        refill(self.preset, [(self.tr("Lecture: 2×2 max pooling, stride 2"), "lecture"),
                             (self.tr("Lecture: robustness to a one-column shift (3×3, stride 3)"), "robustness")])
        refill(self.mode, [(self.tr("Max pooling"), "max"), (self.tr("Average pooling"), "avg")])
        for label, text in zip(self.labels, (self.tr("Size"), self.tr("Stride"), self.tr("Padding"), "H", "W")):
            label.setText(text)
        self.size.setToolTip(self.tr("Pooling window size (square)"))
        self.stride.setToolTip(self.tr("How far the window moves each step (1–4)"))
        self.pad.setToolTip(self.tr("Zeros added around the input (0–4)"))
        self.H.setToolTip(self.tr("Input height"))
        self.W.setToolTip(self.tr("Input width"))
        self.mode.setToolTip(self.tr("Max pooling keeps the largest value of each window; average pooling its mean"))
        self.preset.setToolTip(self.tr("The lecture's pooling examples"))
        self.randomise_button.setToolTip(self.tr("Fill the input with random small integers"))
        self.randomise_button.setText(self.tr("Randomise"))
        self.main.title.setText(self.tr("Input → pooled output"))
        self.shifted.title.setText(self.tr("The same input shifted right by one column"))
        self.steps.retranslate()
        self.rebuild()

    def _sync_controls(self):
        s = self.setup
        for box, value in ((self.size, s.size), (self.stride, s.stride), (self.pad, s.pad),
                           (self.H, s.x.shape[2]), (self.W, s.x.shape[3])):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        select_data(self.mode, s.mode)

    def rebuild(self):
        self._sync_controls()
        gh, gw = geometry(self.setup.x.shape[2], self.setup.x.shape[3], self.setup.size, self.setup.size,
                          self.setup.stride, self.setup.pad)
        try:
            self.trace = self.setup.trace()
            self.shift_trace = (PoolSetup(shifted_right(self.setup.x), self.setup.size, self.setup.stride,
                                          self.setup.pad, self.setup.mode).trace() if self.robust else None)
            error = ""
        except ValueError as e:
            self.trace, self.shift_trace = None, None
            s = self.setup
            if gh.numerator < 0 or gw.numerator < 0:  # the formula is on the lines above: say it in words
                error = fill(self.tr("the %1×%1 pooling window does not fit in the padded %2×%3 input: no output"),
                             str(s.size), str(s.x.shape[2] + 2 * s.pad), str(s.x.shape[3] + 2 * s.pad))
            else:
                error = str(e)
        self.formula.setText("<br>".join([pretty(gh.formula), pretty(gw.formula)]) + (
            f"<br><span style='color:#c53030'>{error}</span>" if error else ""))
        self.shifted.setVisible(self.robust)
        self.steps.setEnabled(self.trace is not None)
        self.steps.set_count(len(self.trace) if self.trace else 1)
        self.refresh()

    def refresh(self):
        if self.trace is None:  # no window fits: no frame, no maximum, no sum left from the last one that did
            self.main.input.set_values(self.setup.x[0, 0], pad=self.setup.pad)
            self.main.output.set_values(np.full((1, 1), np.nan))
            for view in (self.main.input, self.main.output):
                view.set_highlights([])
            self.main.input.set_marks({})
            self.result.setText("")
            return
        k = self.steps.step
        step = self.main.show_step(self.trace, k, self.setup.pad)
        if self.shift_trace is not None:
            self.shifted.show_step(self.shift_trace, k, self.setup.pad)
        what = self.tr("max") if self.setup.mode == "max" else self.tr("mean")
        window = ", ".join(fmt(v) for v in step.window.ravel())
        self.result.setText(fill(self.tr("%1(%2) = %3"), what, window, fmt(step.value)))

    def load_preset(self, name):
        """The preset ``name``; the preset list shows it too (also when called from code)."""
        index = self.preset.findData(name)
        if index >= 0 and index != self.preset.currentIndex():
            self.preset.setCurrentIndex(index)  # comes back here through _on_preset_changed
            return
        self.robust = name == "robustness"
        self.setup = pool_preset(name)
        self.steps.set_step(0)
        self.rebuild()

    def _on_preset_changed(self, _i):
        self.load_preset(self.preset.currentData())

    def _on_controls_changed(self, *_):
        s = self.setup
        s.size, s.stride, s.pad = self.size.value(), self.stride.value(), self.pad.value()
        s.mode = self.mode.currentData() or "max"
        H, W = self.H.value(), self.W.value()
        if (H, W) != s.x.shape[2:]:
            x = np.random.default_rng().integers(0, 10, (1, 1, H, W)).astype(float)
            h, w = min(H, s.x.shape[2]), min(W, s.x.shape[3])
            x[0, 0, :h, :w] = s.x[0, 0, :h, :w]
            s.x = x
        self.rebuild()

    def _on_randomise_clicked(self):
        self.setup.x = np.random.default_rng().integers(0, 10, self.setup.x.shape).astype(float)
        self.rebuild()

    def _on_cell_edited(self, r, c, value):
        self.setup.x[0, 0, r, c] = value
        self.rebuild()

    def _on_block_pasted(self, values):
        self.setup.x[0, 0] = values
        self.rebuild()

    def _on_output_clicked(self, r, c):
        if self.trace is not None:
            self.steps.set_step(r * self.trace.OW + c)
