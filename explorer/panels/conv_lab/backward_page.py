"""The backward pass, step by step: dW accumulating window by window, dx through col2im
(overlapping windows add up), and max pooling routing each gradient to its maximum."""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import fill
from ...widgets.combo import refill
from ...widgets.matrix_view import MatrixView, fmt
from ...widgets.step_controls import StepControls
from .common import WINDOW, compact
from .pool_page import MAX_MARK


class BackwardPage(QWidget):
    message = Signal(str)

    def __init__(self, conv_page, pool_page, parent=None):
        super().__init__(parent)
        self.conv_page, self.pool_page = conv_page, pool_page
        self.dout = None
        self._build_ui()
        self._connect()

    def _build_ui(self):
        self.which = QComboBox()
        self.ones_button, self.random_button = QPushButton(), QPushButton()
        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.ones_button)
        top.addWidget(self.random_button)
        top.addStretch(1)
        self.titles = [QLabel() for _ in range(3)]
        self.dout_view = compact(MatrixView(editable=True))
        self.dw_views = [compact(MatrixView()) for _ in range(3)]
        self.dx_views = [compact(MatrixView()) for _ in range(3)]
        grid = QGridLayout()
        for r, t in enumerate(self.titles):
            t.setWordWrap(True)
            grid.addWidget(t, 0, r)
        grid.addWidget(self.dout_view, 1, 0, Qt.AlignmentFlag.AlignTop)
        dw = QVBoxLayout()
        for v in self.dw_views:
            dw.addWidget(v)
        dw.addStretch(1)
        dx = QVBoxLayout()
        for v in self.dx_views:
            dx.addWidget(v)
        dx.addStretch(1)
        grid.addLayout(dw, 1, 1)
        grid.addLayout(dx, 1, 2)
        grid.setRowStretch(1, 1)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.RichText)
        self.steps = StepControls()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.explain)
        layout.addWidget(self.steps)

    def _connect(self):
        self.which.currentIndexChanged.connect(lambda _i: self.sync(reset=True))
        self.ones_button.clicked.connect(lambda: self._set_dout("ones"))
        self.random_button.clicked.connect(lambda: self._set_dout("random"))
        self.steps.step_changed.connect(lambda _s: self.refresh())
        self.dout_view.cell_edited.connect(self._on_dout_edited)
        self.dout_view.edit_refused.connect(self.message)

    def retranslate(self):
        refill(self.which, [(self.tr("Convolution (the Convolution tab's setup)"), "conv"),
                            (self.tr("Pooling (the Pooling tab's setup)"), "pool")])
        self.which.setToolTip(self.tr("Which forward pass to take back: the Convolution or the Pooling tab's"))
        self.ones_button.setToolTip(self.tr("Set every upstream gradient to 1"))
        self.random_button.setToolTip(self.tr("Random small integer gradients"))
        self.ones_button.setText(self.tr("Gradient: ones"))
        self.random_button.setText(self.tr("Gradient: random"))
        self.dout_view.setToolTip(self.tr("The upstream gradient dL/dout; click a cell and type to edit it"))
        self.steps.retranslate()
        self.sync()

    def trace(self):
        return self.conv_page.trace if self.which.currentData() != "pool" else self.pool_page.trace

    def sync(self, reset=False):
        trace = self.trace()
        if trace is None:
            self.steps.setEnabled(False)
            self.explain.setText(self.tr("Fix the geometry first: the forward pass has no output."))
            return
        self.steps.setEnabled(True)
        if reset or self.dout is None or self.dout.shape != trace.output.shape:
            self.dout = np.ones(trace.output.shape)
        self.steps.set_count(len(trace))
        self.refresh()

    def _set_dout(self, kind):
        trace = self.trace()
        if trace is None:
            return
        shape = trace.output.shape
        self.dout = np.ones(shape) if kind == "ones" else np.random.default_rng().integers(-3, 4, shape).astype(float)
        self.refresh()

    def _on_dout_edited(self, r, c, value):
        trace = self.trace()
        n, f = trace.cell(self.steps.step)[:2]
        self.dout[n, f, r, c] = value
        self.refresh()

    def refresh(self):
        trace = self.trace()
        if trace is None or self.dout is None or self.dout.shape != trace.output.shape:
            return
        k = self.steps.step
        if self.which.currentData() == "pool":
            self._refresh_pool(trace, k)
        else:
            self._refresh_conv(trace, k)

    def _refresh_conv(self, trace, k):
        step = trace.step(k)
        dW, db, dx = trace.backward(self.dout, k)
        self.titles[0].setText(fill(self.tr("Upstream gradient dout[%1, %2]"), str(step.n), str(step.f)))
        self.titles[1].setText(fill(self.tr("dW of filter %1 so far (db = %2)"),
                                    str(step.f + 1), fmt(float(db[step.f]))))
        self.titles[2].setText(fill(self.tr("dx of image %1 so far (col2im: overlaps add up)"), str(step.n + 1)))
        self.dout_view.set_values(self.dout[step.n, step.f])
        self.dout_view.set_highlights([(step.i, step.j, 1, 1, WINDOW)])
        p = trace.pad
        for c, (wv, xv) in enumerate(zip(self.dw_views, self.dx_views)):
            visible = c < trace.C
            wv.setVisible(visible)
            xv.setVisible(visible)
            if visible:
                wv.set_values(dW[step.f, c])
                xv.set_values(dx[step.n, c], pad=p)
                xv.set_highlights([(step.top, step.left, trace.FH, trace.FW, WINDOW)])
                xv.set_marks({})
        g = float(self.dout[step.n, step.f, step.i, step.j])
        self.explain.setText(fill(self.tr(
            "Step %1: dW[%2] += %3 × (the window), dx[window] += %3 × W[%2], db[%2] += %3. After the last step "
            "these equal Convolution.backward."), str(k + 1), str(step.f), fmt(g)))

    def _refresh_pool(self, trace, k):
        step = trace.step(k)
        dx = trace.backward(self.dout, k)
        self.titles[0].setText(self.tr("Upstream gradient dout"))
        self.titles[1].setText("")
        self.titles[2].setText(self.tr("dx so far"))
        self.dout_view.set_values(self.dout[step.n, step.c])
        self.dout_view.set_highlights([(step.i, step.j, 1, 1, WINDOW)])
        for v in self.dw_views:
            v.setVisible(False)
        for c, xv in enumerate(self.dx_views):
            xv.setVisible(c == 0)
        xv = self.dx_views[0]
        xv.set_values(dx[step.n, step.c], pad=trace.pad)
        xv.set_highlights([(step.top, step.left, trace.ph, trace.pw, WINDOW)])
        r, c = step.argmax
        xv.set_marks({(step.top + r, step.left + c): MAX_MARK} if trace.mode == "max" else {})
        g = fmt(float(self.dout[step.n, step.c, step.i, step.j]))
        if trace.mode == "max":
            text = fill(self.tr("Max pooling passes the gradient %1 only to the window's maximum (circled); "
                           "the other cells get 0."), g)
        else:
            cells = trace.ph * trace.pw
            text = fill(self.tr("Average pooling spreads the gradient %1 evenly: each of the %n cell(s) gets %1/%2.",
                                "", cells), g, str(cells))
        self.explain.setText(text)
