"""im2col, seen: every window a row, the filters as columns, one matrix product, reshape back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...i18n import fill
from ...widgets.matrix_view import MatrixView
from ...widgets.step_controls import StepControls
from .common import WINDOW

CELL = 16  # px at room 1; the page opens at IM2COL_ROOM and grows with the window
IM2COL_ROOM = 1.5  # 24 px cells at the normal size: 16 px cells read as cramped


def scrolled(view):
    area = QScrollArea()
    area.setWidget(view)
    area.setWidgetResizable(False)
    area.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return area


class Im2colPage(QWidget):
    def __init__(self, conv_page, parent=None):
        super().__init__(parent)
        self.conv_page = conv_page
        self._build_ui()
        self._connect()

    def _build_ui(self):
        self.col_view = MatrixView(diverging=False, max_cell=CELL)
        self.w_view = MatrixView(max_cell=CELL)
        self.out_view = MatrixView(diverging=False, max_cell=CELL)
        for view in (self.col_view, self.w_view, self.out_view):
            view.set_room(IM2COL_ROOM)
        self.titles = [QLabel() for _ in range(3)]
        self.col_area = scrolled(self.col_view)
        grid = QGridLayout()
        for c, (title, widget) in enumerate(zip(self.titles, (self.col_area, scrolled(self.w_view),
                                                               scrolled(self.out_view)))):
            title.setWordWrap(True)
            grid.addWidget(title, 0, c)
            grid.addWidget(widget, 1, c)
        grid.setColumnStretch(0, 3)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.steps = StepControls()
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.explain)
        layout.addWidget(self.steps)

    def _connect(self):
        self.steps.step_changed.connect(lambda _s: self.refresh())
        self.col_view.cell_clicked.connect(self._on_row_clicked)
        self.out_view.cell_clicked.connect(self._on_out_clicked)

    def retranslate(self):
        self.steps.retranslate()
        self.refresh()

    def sync(self):
        trace = self.conv_page.trace
        self.steps.set_count(len(trace) if trace else 1)
        self.steps.setEnabled(trace is not None)
        self.refresh()

    def cell(self):
        """The cell size: CELL, more in a large window (up to what fits the page's width)."""
        return int(CELL * self.col_view.room)

    def _fixed(self, view, shape):
        rows, cols = shape
        view.setFixedSize(cols * self.cell() + 2, rows * self.cell() + 2)

    def refresh(self):
        trace = self.conv_page.trace
        if trace is None:
            self.explain.setText(self.conv_page.error or "")
            return
        col, col_W, product = trace.im2col()
        step = trace.step(self.steps.step)
        row = trace.im2col_row(self.steps.step)
        for view, values in ((self.col_view, col), (self.w_view, col_W), (self.out_view, product)):
            view.set_values(values)
            self._fixed(view, values.shape)
        self.col_view.set_highlights([(row, 0, 1, col.shape[1], WINDOW)])
        self.w_view.set_highlights([(0, step.f, col_W.shape[0], 1, WINDOW)])
        self.out_view.set_highlights([(row, step.f, 1, 1, WINDOW)])
        cell = self.cell()
        self.col_area.ensureVisible(0, row * cell + cell // 2, 0, 3 * cell)
        N, FN, OH, OW = trace.N, trace.FN, trace.OH, trace.OW
        self.titles[0].setText(fill(self.tr("im2col(x): one row per window, (N·OH·OW, C·FH·FW) = (%1, %2)"),
                                    str(col.shape[0]), str(col.shape[1])))
        self.titles[1].setText(fill(self.tr("Filters as columns, (C·FH·FW, FN) = (%1, %2)"),
                                    str(col_W.shape[0]), str(FN)))
        self.titles[2].setText(fill(self.tr("col · W + b, (N·OH·OW, FN) = (%1, %2)"), str(product.shape[0]), str(FN)))
        self.explain.setText(fill(self.tr(
            "Row %1 is the window of image %2 at output position (%3, %4); times column %5 (filter %5) plus bias "
            "gives %6. Reshaped to (N, OH, OW, FN) = (%7) and transposed (0, 3, 1, 2) this is the output "
            "(N, FN, OH, OW) = (%8): one matrix product does all %9 multiply-accumulates."),
            str(row + 1), str(step.n + 1), str(step.i), str(step.j), str(step.f + 1), f"{step.value:g}",
            f"{N}, {OH}, {OW}, {FN}", f"{N}, {FN}, {OH}, {OW}", str(len(trace))))

    def _on_row_clicked(self, r, _c):
        trace = self.conv_page.trace
        if trace is not None:
            n, rest = divmod(r, trace.OH * trace.OW)
            i, j = divmod(rest, trace.OW)
            f = trace.cell(self.steps.step)[1]
            self.steps.set_step(trace.index(n, f, i, j))

    def _on_out_clicked(self, r, c):
        trace = self.conv_page.trace
        if trace is not None:
            n, rest = divmod(r, trace.OH * trace.OW)
            i, j = divmod(rest, trace.OW)
            self.steps.set_step(trace.index(n, c, i, j))
