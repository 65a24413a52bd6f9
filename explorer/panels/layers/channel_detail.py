"""The right-hand column of the Layer Explorer: what one channel responds to."""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from engine.features import crop

from ...i18n import fill
from ...widgets.mosaic import MosaicView
from .state import label_summary

STAGES = {"scan": 0.25, "untrained": 0.2, "maximize": 0.4, "classes": 0.15}  # share of the time, measured


def centre_crop(image, geometry):
    """The receptive field of the centre unit of ``geometry``'s map, cut out of a full image."""
    _, h, w = geometry.shape
    return crop(image, geometry.box(h // 2, w // 2))


def patch_tiles(atlas, layer, channel, geometry):
    """(k, size, size) top images of ``channel`` cropped to the receptive field of the unit that fired."""
    la = atlas.layers[layer]
    out = []
    for rank in range(la.top_index.shape[1]):
        i, j = la.top_positions[channel, rank]
        out.append(crop(atlas.image(layer, channel, rank) / 255.0, geometry.box(int(i), int(j))))
    return np.stack(out)


class ChannelDetail(QWidget):
    compute_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.top_caption = QLabel()
        self.top_caption.setWordWrap(True)
        self.top_view = MosaicView("CET-L1")
        self.top_values = QLabel()
        self.top_values.setWordWrap(True)
        self.max_caption = QLabel()
        self.max_caption.setWordWrap(True)
        self.max_view = MosaicView("CET-L1")
        self.filter_caption = QLabel()
        self.filter_caption.setWordWrap(True)
        self.filter_view = MosaicView("CET-D1", symmetric=True)
        self.response_view = MosaicView("inferno")
        self.filter_row = QWidget()
        row = QHBoxLayout(self.filter_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.filter_view)
        row.addWidget(self.response_view)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.compute_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton()
        layout = QVBoxLayout(self)
        for w in (self.title, self.message, self.compute_button, self.progress, self.cancel_button, self.top_caption):
            layout.addWidget(w)
        layout.addWidget(self.top_view, 3)
        layout.addWidget(self.top_values)
        layout.addWidget(self.max_caption)
        layout.addWidget(self.max_view, 2)
        layout.addWidget(self.filter_caption)
        layout.addWidget(self.filter_row, 1)
        layout.addStretch(0)
        self.compute_button.clicked.connect(self.compute_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.show_busy(None)

    def retranslate(self):
        self.top_caption.setText(self.tr("The 9 test images that excite it most, cut to what the unit sees:"))
        self.top_view.setToolTip(self.tr("Of the 10,000 MNIST test images, the 9 where this channel's strongest "
                                         "response is largest, each cropped to the receptive field of the unit "
                                         "that fired (black beyond the image's edge)"))
        self.max_caption.setText(self.tr("The input it likes best (gradient ascent from noise):"))
        self.max_view.setToolTip(self.tr("Activation maximisation: start from faint noise and change the input "
                                         "to raise this channel's centre unit, with jitter, blur and decay so "
                                         "the picture stays readable; cropped to the unit's receptive field"))
        self.filter_caption.setText(self.tr("Its filter (blue negative, red positive) and its response to the input:"))
        self.compute_button.setText(self.tr("Compute (1–5 minutes)"))
        self.compute_button.setToolTip(self.tr("Scans the 10,000 MNIST test images and runs gradient ascent for "
                                               "every channel; the result is kept for these weights"))
        self.cancel_button.setText(self.tr("Cancel"))

    def show_busy(self, fraction, text=""):
        """fraction in 0..1 shows the progress bar and Cancel; None hides them."""
        busy = fraction is not None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(int(1000 * fraction))
            self.progress.setFormat(text)
            self.compute_button.setVisible(False)

    def show_progress(self, stage, done, total):
        """Progress of an atlas being built: stage "scan", "untrained", "maximize" or "classes"."""
        before = sum(share for name, share in STAGES.items() if list(STAGES).index(name) < list(STAGES).index(stage))
        labels = {"scan": self.tr("Scanning 10,000 test images… %p%"),
                  "untrained": self.tr("The same for the untrained network… %p%"),
                  "maximize": self.tr("Gradient ascent for every channel… %p%"),
                  "classes": self.tr("One image per class… %p%")}
        self.show_busy(before + STAGES[stage] * done / max(total, 1), labels[stage])

    def show_message(self, text, can_compute=False):
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.compute_button.setVisible(can_compute)

    def show_channel(self, title, atlas, layer, channel, geometry, filt=None, response=None):
        """Fill the column for ``channel`` of ``layer``; atlas may be None (not computed yet)."""
        self.title.setText(title)
        has_atlas = atlas is not None and layer in atlas.layers
        for w in (self.top_caption, self.top_view, self.top_values, self.max_caption, self.max_view):
            w.setVisible(has_atlas)
        if has_atlas:
            tiles = patch_tiles(atlas, layer, channel, geometry)
            self.top_view.set_maps(tiles, cols=3, pad=max(1, tiles.shape[1] // 10))
            values = atlas.layers[layer].top_values[channel]
            label, count, k = label_summary(atlas, layer, channel)
            self.top_values.setText(fill(self.tr("Responses, strongest first: %1. %2 of %3 are a %4."),
                                         " ".join(f"{v:.2f}" for v in values), count, k, label))
            self.max_view.set_maps(centre_crop(atlas.layers[layer].maximized[channel], geometry)[None], cols=1)
        show_filter = filt is not None
        self.filter_caption.setVisible(show_filter)
        self.filter_row.setVisible(show_filter)
        if show_filter:
            self.filter_view.set_maps(filt[None], cols=1)
            if response is not None:
                self.response_view.set_maps(response[None], cols=1)
