"""The Convolution Lab's blocks as on the lecture's slides: one row per input channel (its input, the
filter's slice for it, their element-wise products with the sum) and a column of output maps, one per
filter, each with its bias. Rebuilt when the number of channels or filters changes; edits are signals."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...widgets.matrix_view import MatrixView
from .common import compact


class ChannelGrid(QWidget):
    input_edited = Signal(int, int, int, float)  # channel, row, column, value
    input_pasted = Signal(int, object)  # channel, values
    input_hovered = Signal(int, int)  # row, column ((-1, -1): left)
    filter_edited = Signal(int, int, int, float)  # channel, row, column, value
    filter_pasted = Signal(int, object)  # channel, values
    bias_changed = Signal(int, float)  # filter, value
    output_clicked = Signal(int, int, int)  # filter, row, column
    edit_refused = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.inputs, self.filters, self.products, self.product_sums, self.outputs = [], [], [], [], []
        self.bias_boxes = []
        self._widgets = []  # everything but the column titles
        self._build_ui()

    def _build_ui(self):
        self.grid = QGridLayout(self)
        # Columns as on the lecture's slides: input ⊛ filter = products -> output; one row per channel.
        self.titles = [QLabel() for _ in range(4)]
        for col, label in enumerate(self.titles):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(label, 0, 1 + col)
        for col, stretch in ((1, 3), (2, 2), (3, 2), (4, 2)):
            self.grid.setColumnStretch(col, stretch)

    def ensure(self, C, FN):  # noqa: N803 (the lecture's names)
        """Rows for ``C`` channels and ``FN`` output maps; True if the grid was rebuilt."""
        if len(self.inputs) == C and len(self.outputs) == FN:
            return False
        self._clear()
        self.inputs = [compact(MatrixView(editable=True, diverging=False)) for _ in range(C)]
        self.filters = [compact(MatrixView(editable=True)) for _ in range(C)]
        self.products = [compact(MatrixView()) for _ in range(C)]
        self.product_sums = [QLabel() for _ in range(C)]
        self.outputs = [compact(MatrixView(diverging=False)) for _ in range(FN)]
        self.bias_boxes = []
        for c in range(C):
            self._add_channel_row(c, C)
        self.grid.addWidget(self._output_column(FN), 1, 4, max(C, 1), 1)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        self.grid.setRowStretch(C + 1, 1)
        return True

    def _clear(self):
        for w in self._widgets:
            self.grid.removeWidget(w)
            w.hide()  # deleteLater waits for the event loop; hide it now so nothing stale is drawn
            w.deleteLater()
        self._widgets = []

    def _add_channel_row(self, c, C):  # noqa: N803
        """Row 1 + c: the channel's name, its input, its filter slice, and their products with the sum."""
        cell = QWidget()
        v = QVBoxLayout(cell)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.products[c])
        v.addWidget(self.product_sums[c], 0, Qt.AlignmentFlag.AlignHCenter)
        v.addStretch(1)
        channel = QLabel(f"c = {c}" if C > 1 else "")
        for col, w in enumerate((channel, self.inputs[c], self.filters[c], cell)):
            self.grid.addWidget(w, 1 + c, col)
            self._widgets.append(w)
        self.inputs[c].cell_edited.connect(lambda r, col, v, c=c: self.input_edited.emit(c, r, col, v))
        self.inputs[c].block_pasted.connect(lambda values, c=c: self.input_pasted.emit(c, values))
        self.inputs[c].cell_hovered.connect(self.input_hovered)
        self.filters[c].cell_edited.connect(lambda r, col, v, c=c: self.filter_edited.emit(c, r, col, v))
        self.filters[c].block_pasted.connect(lambda values, c=c: self.filter_pasted.emit(c, values))
        for view in (self.inputs[c], self.filters[c]):
            view.edit_refused.connect(self.edit_refused)

    def _output_column(self, FN):  # noqa: N803
        """Each filter's output map with its bias box beside it."""
        outputs = QWidget()
        h = QVBoxLayout(outputs)
        h.setContentsMargins(0, 0, 0, 0)
        for f in range(FN):
            col = QHBoxLayout()
            col.addWidget(self.outputs[f], 1, Qt.AlignmentFlag.AlignTop)
            box = QDoubleSpinBox()
            box.setRange(-99, 99)
            box.setDecimals(4)  # trained biases are often ~1e-4: 2 decimals would show 0.00
            box.setPrefix("b = ")
            box.valueChanged.connect(lambda v, f=f: self.bias_changed.emit(f, v))
            self.bias_boxes.append(box)
            col.addWidget(box)
            h.addLayout(col)
            self.outputs[f].cell_clicked.connect(lambda r, c, f=f: self.output_clicked.emit(f, r, c))
        self._widgets.append(outputs)
        return outputs
