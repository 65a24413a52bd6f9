"""Draw & Classify: draw a digit, SimpleConvNet answers live, and you can look inside."""

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.inference import read_digit
from engine.visualize import saliency

from ...dialogs import ask_image_path
from ...i18n import fill
from ...image_files import ImageFileProblem, read_ink
from ...qimages import to_array, to_qimage
from ...widgets.drawing_canvas import DrawingCanvas
from ...widgets.mosaic import MosaicView
from ...widgets.prob_bars import ProbabilityBars
from ...widgets.sizing import cap_width, usable_slider
from ...workers import FunctionWorker
from ..base import FilterOnImage, Panel
from .gallery_page import GalleryPage

LIVE_INTERVAL_MS = 30  # at most ~30 predictions a second while a stroke is drawn


@dataclass
class DrawState:
    """What the panel shows, free of Qt: the last reading and the selections."""

    reading: object = None  # engine.inference.DigitReading or None
    selected_map: int = 0


class DrawPanel(Panel):
    image_load_finished = Signal(bool)  # a loaded image is on the canvas (True) or was refused (False)

    def __init__(self, context, spec, parent=None):
        super().__init__(context, spec, parent)
        self.state = DrawState()
        self._loader = None  # the FunctionWorker reading an image file, if any
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_INTERVAL_MS)
        self._build_ui()
        self._connect()
        self.retranslate()
        self._refresh_filters()
        self._restore_drawing()

    # -- building -------------------------------------------------------------------------------

    def _tool(self, checkable=False):
        b = QToolButton()
        b.setCheckable(checkable)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def _build_ui(self):
        self.canvas = DrawingCanvas()
        self.pen_label = QLabel()
        self.pen_slider = usable_slider(QSlider(Qt.Orientation.Horizontal))
        self.pen_slider.setRange(8, 40)
        self.pen_slider.setValue(self.context.settings.get(
            "draw/pen_width", 22, int, within=(self.pen_slider.minimum(), self.pen_slider.maximum())))
        self.canvas.pen_width = self.pen_slider.value()
        self.eraser_button = self._tool(checkable=True)
        self.undo_button = self._tool()
        self.redo_button = self._tool()
        self.clear_button = self._tool()
        self.load_button = self._tool()
        tools = QHBoxLayout()
        for w in (self.pen_label, self.pen_slider, self.eraser_button, self.undo_button, self.redo_button,
                  self.clear_button, self.load_button):
            tools.addWidget(w)
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(tools)

        self.preview_caption = QLabel()
        self.preview = QLabel()
        self.preview.setFixedSize(112, 112)
        self.preview.setStyleSheet("background: black; border: 1px solid gray;")
        self.answer = QLabel()
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 3)
        font.setBold(True)
        self.answer.setFont(font)
        self.confidence = QLabel()
        self.bars = ProbabilityBars()
        right = QGridLayout()
        self.saliency_check = QCheckBox()
        self.saliency_check.setChecked(self.context.settings.get("draw/saliency", False, bool))
        right.addWidget(self.preview_caption, 0, 0)
        right.addWidget(self.preview, 1, 0, 2, 1)
        right.addWidget(self.saliency_check, 4, 0, 1, 2)
        right.addWidget(self.answer, 1, 1)
        right.addWidget(self.confidence, 2, 1)
        right.addWidget(self.bars, 3, 0, 1, 2)
        right.setRowStretch(5, 1)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.addLayout(left, 3)
        top_layout.addLayout(right, 2)

        self.tabs = QTabWidget()
        self.maps_view = MosaicView("inferno")
        self.pooled_view = MosaicView("inferno")
        self.hidden_view = MosaicView("inferno")
        self.filters_view = MosaicView("CET-D1", symmetric=True)
        self.gallery_page = GalleryPage(self.context)
        for w in (self.maps_view, self.pooled_view, self.hidden_view, self.filters_view, self.gallery_page):
            self.tabs.addTab(w, "")

        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_map = MosaicView("inferno")
        self.detail_filter = MosaicView("CET-D1", symmetric=True)
        self.conv_lab_button = QPushButton()
        detail = QWidget()
        d = QGridLayout(detail)
        d.addWidget(self.detail_title, 0, 0, 1, 2)
        d.addWidget(self.detail_map, 1, 0)
        d.addWidget(self.detail_filter, 1, 1)
        d.addWidget(self.conv_lab_button, 2, 0, 1, 2)
        cap_width(detail, 360)

        bottom = QWidget()
        b = QHBoxLayout(bottom)
        b.addWidget(self.tabs, 3)
        b.addWidget(detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

        self.clear_shortcuts = [QShortcut(QKeySequence(k), self) for k in (Qt.Key.Key_Escape, Qt.Key.Key_Delete)]
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.redo_shortcuts = [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Shift+Z", "Ctrl+Y")]

    def _connect(self):
        self.canvas.stroke_moved.connect(self._on_canvas_stroke_moved)
        self.canvas.changed.connect(self._on_canvas_changed)
        self._timer.timeout.connect(lambda: self.update_prediction(live=True))
        self.pen_slider.valueChanged.connect(self._on_pen_width_changed)
        self.eraser_button.toggled.connect(self._on_eraser_toggled)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.load_button.clicked.connect(self._on_load_clicked)
        for s in self.clear_shortcuts:
            s.activated.connect(self.canvas.clear)
        self.undo_shortcut.activated.connect(self.canvas.undo)
        for s in self.redo_shortcuts:
            s.activated.connect(self.canvas.redo)
        self.maps_view.tile_clicked.connect(self._on_map_clicked)
        self.pooled_view.tile_clicked.connect(self._on_map_clicked)
        self.filters_view.tile_clicked.connect(self._on_map_clicked)
        self.conv_lab_button.clicked.connect(self._on_conv_lab_clicked)
        self.saliency_check.toggled.connect(self._on_saliency_toggled)
        self.gallery_page.digit_chosen.connect(self._on_gallery_digit_chosen)
        self.context.model.weights_changed.connect(self._on_weights_changed)

    def retranslate(self):
        self.canvas.hint = self.tr("Draw a digit here\n(Esc clears)")
        self.canvas.setToolTip(self.tr("Draw with the mouse, a pen or a finger. Esc or Delete clears; "
                                       "Ctrl+Z undoes, Ctrl+Shift+Z redoes."))
        self.pen_label.setText(self.tr("Pen"))
        self.pen_slider.setToolTip(self.tr("Pen width"))
        self.eraser_button.setText(self.tr("Eraser"))
        self.eraser_button.setToolTip(self.tr("Erase instead of drawing"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last stroke (Ctrl+Z)"))
        self.redo_button.setText(self.tr("Redo"))
        self.redo_button.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc)"))
        self.load_button.setText(self.tr("Load image…"))
        self.load_button.setToolTip(self.tr("Classify a photo or scan of a handwritten digit"))
        self.preview_caption.setText(self.tr("What the network sees (28×28)"))
        self.saliency_check.setText(self.tr("Show where it looks (saliency)"))
        self.saliency_check.setToolTip(self.tr("How strongly each pixel changes the score of the answer "
                                               "(the gradient of the score with respect to the input)"))
        self.preview.setToolTip(self.tr("Your drawing cropped, scaled to 20 pixels and centred by its "
                                        "centre of mass, as MNIST digits were made"))
        self.bars.setToolTip(self.tr("Softmax probability of each digit"))
        titles = [self.tr("Feature maps"), self.tr("Pooled"), self.tr("Hidden"), self.tr("Filters"),
                  self.tr("Gallery")]
        tips = [self.tr("conv1 + ReLU: what each of the 30 filters finds in your digit (24×24); "
                        "click one to look closer"),
                self.tr("The feature maps after 2×2 max pooling (12×12)"),
                self.tr("The 100 hidden units after ReLU, as a 10×10 grid"),
                self.tr("The 30 trained 5×5 filters of the first layer (blue negative, red positive)"),
                self.tr("MNIST test digits to load onto the canvas")]
        for i, (title, tip) in enumerate(zip(titles, tips)):
            self.tabs.setTabText(i, title)
            self.tabs.setTabToolTip(i, tip)
        self.conv_lab_button.setText(self.tr("Open this filter on this digit in the Convolution Lab"))
        self.gallery_page.retranslate()
        self._show_reading(self.state.reading)

    # -- prediction -------------------------------------------------------------------------------

    def _on_canvas_stroke_moved(self):
        if not self._timer.isActive():
            self._timer.start()

    def _on_canvas_changed(self):
        self._timer.stop()
        self.update_prediction(live=False)

    def update_prediction(self, live=False):
        """Preprocess the canvas and classify it; the inside view is filled at stroke end."""
        reading = read_digit(self.context.model.net, self.canvas.to_array(), with_activations=not live)
        if live and reading is not None and self.state.reading is not None:
            reading.activations = self.state.reading.activations  # keep the last inside view until the end
        self.state.reading = reading
        if self.context.drawing is not None:
            self.context.drawing.set(None if reading is None else reading.image)
        self._show_reading(reading)

    def _show_reading(self, reading):
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.redo_button.setEnabled(self.canvas.can_redo())
        if reading is None:
            self.preview.setPixmap(QPixmap())
            self.answer.setText("–")
            self.confidence.setText(self.tr("Draw a digit"))
            self.bars.set_probabilities(None)
            self.conv_lab_button.setEnabled(False)
            return
        self.preview.setPixmap(QPixmap.fromImage(self._preview_image(reading)).scaled(112, 112))
        self.answer.setText(str(reading.answer))
        self.confidence.setText(fill(self.tr("%1% sure"), f"{100 * reading.confidence:.1f}"))
        self.bars.set_probabilities(reading.probabilities)
        self.conv_lab_button.setEnabled(True)
        acts = reading.activations
        if acts is not None:
            self.maps_view.set_maps(acts["Relu1"], cols=6)
            self.pooled_view.set_maps(acts["Pool1"], cols=6)
            self.hidden_view.set_maps(acts["Relu2"].reshape(1, 10, 10), cols=1)
            self._show_detail()

    def _preview_image(self, reading):
        """The 28x28 input, with the saliency of the answer laid over it in orange when asked."""
        grey = np.clip(reading.image, 0, 1)
        if not self.saliency_check.isChecked():
            return to_qimage(grey * 255)
        heat = saliency(self.context.model.net, reading.image)  # one backward pass: about a millisecond
        alpha = (0.85 * heat)[..., None]
        color = np.stack([np.ones_like(heat), 0.25 + 0.75 * heat, np.zeros_like(heat)], axis=-1)
        rgb = grey[..., None] * (1 - alpha) + color * alpha
        return to_qimage(rgb * 255)

    def _on_saliency_toggled(self, on):
        self.context.settings.set("draw/saliency", on)
        self._show_reading(self.state.reading)

    # -- inside view ---------------------------------------------------------------------------------

    def _refresh_filters(self):
        W = self.context.model.net.params["W1"]
        self.filters_view.set_maps(W[:, 0], cols=6)
        self._show_detail()

    def _on_map_clicked(self, k):
        self.state.selected_map = k
        for view in (self.maps_view, self.pooled_view, self.filters_view):
            view.select(k)
        self._show_detail()

    def _show_detail(self):
        k = self.state.selected_map
        net = self.context.model.net
        self.detail_filter.set_maps(net.params["W1"][k : k + 1, 0], cols=1)
        reading = self.state.reading
        if reading is not None and reading.activations is not None:
            self.detail_map.set_maps(reading.activations["Relu1"][k : k + 1], cols=1)
        self.detail_title.setText(fill(self.tr("Filter %1 and what it finds (bias %2)"),
                                       str(k + 1), f"{float(net.params['b1'][k]):+.3g}"))

    def _on_conv_lab_clicked(self):
        reading = self.state.reading
        if reading is None:
            return
        k = self.state.selected_map
        net = self.context.model.net
        self.filter_on_image_requested.emit(FilterOnImage(reading.image.copy(), net.params["W1"][k, 0].copy(),
                                                          float(net.params["b1"][k]), k))

    def _on_weights_changed(self, _source):
        self._refresh_filters()
        self.update_prediction()
        self.gallery_page.invalidate_predictions()

    # -- tools ------------------------------------------------------------------------------------------

    def _on_pen_width_changed(self, value):
        self.canvas.pen_width = value
        self.context.settings.set("draw/pen_width", value)

    def _on_eraser_toggled(self, on):
        self.canvas.eraser = on

    def _on_load_clicked(self):
        path = ask_image_path(self, self.context.settings)
        if path:
            self.load_image(path)

    def load_image(self, path):
        """Load a photo/scan onto the canvas: decoded and cleaned off the GUI thread (busy cursor
        meanwhile); a broken, tiny or blank file gets a message and the drawing stays.
        ``image_load_finished(ok)`` tells when it is over."""
        if self._loader is not None:
            self._loader.request_stop()  # the newest request wins; the old one's answer is dropped
        worker = FunctionWorker(read_ink, path, parent=self)
        self._loader = worker
        worker.succeeded.connect(lambda ink, w=worker: self._on_image_read(w, ink))
        worker.errored.connect(lambda message, _tb, w=worker: self._on_image_read(w, message))
        worker.finished.connect(worker.deleteLater)
        self.setCursor(Qt.CursorShape.BusyCursor)
        worker.start()

    def _on_image_read(self, worker, ink):
        if worker is not self._loader:
            return
        self._loader = None
        self.unsetCursor()
        if isinstance(ink, (ImageFileProblem, str)):
            message = ink.message() if isinstance(ink, ImageFileProblem) else ink
            QMessageBox.warning(self, self.tr("Cannot load image"), message)
            self.image_load_finished.emit(False)
            return
        self.canvas.set_array(ink)
        self.image_load_finished.emit(True)

    # -- nothing lost on close ----------------------------------------------------------------------

    def _restore_drawing(self):
        data = self.context.settings.get("draw/canvas", QByteArray(), QByteArray)
        image = QImage()
        if not data.isEmpty() and image.loadFromData(data, "PNG") and not image.isNull():
            self.canvas.set_array(to_array(image) / 255.0)
            self.canvas.reset_history()
            self._show_reading(self.state.reading)  # Undo/Redo: nothing to undo in a restored drawing
        else:
            self._show_reading(None)

    def shutdown(self):
        """Stop the gallery's and the image file's loading and keep the drawing for next time."""
        self.gallery_page.shutdown()
        if self._loader is not None:
            loader, self._loader = self._loader, None
            loader.stop()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.canvas.image.save(buffer, "PNG")
        self.context.settings.set("draw/canvas", buffer.data())

    def _on_gallery_digit_chosen(self, image):
        self.canvas.set_array(image.astype(np.float64) / 255.0)
